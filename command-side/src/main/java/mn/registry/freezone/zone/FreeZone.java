package mn.registry.freezone.zone;

import mn.registry.command.api.CommandContext;
import mn.registry.freezone.land.ParcelGeometry;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A Free Zone (003 art. 6): established by resolution, opened and temporarily closed, its governors and signed reports. The
 * Cabinet member's signed kernel bodies arrive with their {@link CommandContext} (ADR 0026); the appointment records and the
 * report's signature are internal commands of the governor and report types, the report schedule the deadline service's.
 */
@Aggregate(commandTargetResolver = "freeZoneTarget")
class FreeZone {

    @AggregateIdentifier
    private String stream;
    private ZoneId zoneId;
    /** The State Great Khural resolution's date (003 art. 6.1, ADR 0035 item 31); null for a zone recorded without it. */
    private LocalDate resolutionDate;
    /** The resolution's uploaded document (ADR 0035 item 41), cited by the establishment or by the date's record; null for a zone without one. */
    private String resolutionSha256;
    /** The day the registry recorded the zone (its establishment's receipt, in Ulaanbaatar): before it the registry holds nothing of the zone. */
    private LocalDate recordedOn;
    private boolean open;
    private final Set<PersonId> governors = new HashSet<>();
    /** Each reported quarter's latest report (its SHA-256), by the quarter's label (ADR 0035 item 26). */
    private final Map<String, String> latestReports = new HashMap<>();
    /** Quarters whose report has a recorded due date, with that date's end; those signed or escalated leave the map. */
    private final Map<String, Instant> reportsDue = new HashMap<>();
    private final Map<String, LocalDate> reportDueOn = new HashMap<>();
    /** The quarters reported (each with at least one signed report). */
    private final Set<Quarter> reportedQuarters = new HashSet<>();
    private final Set<String> quartersEscalated = new HashSet<>();

    FreeZone() {
    }

    // 003 art. 6.1: the State Great Khural resolution names the zone, its location, area, boundaries and types of activity
    @CommandHandler
    FreeZone(ZoneCommands.EstablishZone body, CommandContext context) {
        resolutionDescribesTheZone(body);
        resolutionWasAdopted(body.resolutionDate(), context.receivedAt());
        apply(new ZoneEvents.ZoneEstablished(body.zoneId(), body.name(), body.location(), body.areaHectares(), body.boundary(),
                java.util.List.copyOf(body.activities()), body.economicCooperationZone(), body.resolution(), context.receivedAt(), context.actor(),
                body.resolutionDate(), body.resolutionSha256()));
    }

    // 003 art. 6.1 (ADR 0035 item 31): the resolution's date, when given, is a day already passed in Ulaanbaatar: a resolution not yet
    // adopted establishes nothing
    static void resolutionWasAdopted(LocalDate resolutionDate, Instant receivedAt) {
        LocalDate today = UlaanbaatarTime.dateOf(receivedAt);
        if (resolutionDate != null && resolutionDate.isAfter(today)) {
            throw RegistryProblem.invalid("freezone.resolution-in-future", "The State Great Khural resolution is dated " + resolutionDate
                    + ", after today (" + today + "): a resolution not yet adopted is not recorded.", "resolutionDate", "003 art. 6.1");
        }
    }

    static void resolutionDescribesTheZone(ZoneCommands.EstablishZone body) {
        String article = "003 art. 6.1";
        requireText(body.name(), "name", article);
        requireText(body.location(), "location", article);
        requireText(body.resolution(), "resolution", article);
        if (body.areaHectares() == null || body.areaHectares().signum() <= 0) {
            throw RegistryProblem.invalid("freezone.area-missing", "The zone's area in hectares is required and positive.", "areaHectares", article);
        }
        if (body.boundary() == null || !ParcelGeometry.isValid(body.boundary())) {
            throw RegistryProblem.invalid("freezone.boundary-invalid", "The boundary is a valid GeoJSON polygon.", "boundary", article);
        }
        if (body.activities() == null || body.activities().isEmpty()) {
            throw RegistryProblem.invalid("freezone.activities-missing", "The resolution names the zone's types of activity.", "activities", article);
        }
    }

    /**
     * 003 art. 6.1 (choice, ADR 0035 item 36; abuse audit F175, was O103): the Cabinet member records the date of the State Great Khural
     * resolution of a zone recorded without it, once. The date is one the record already allows: adopted by today, not after the day the
     * registry recorded the zone, and not after any act the zone accepted that the date would have refused (a report of a quarter that
     * ended before it, F172; an exemption decided before it, F170; a basic value of land decided before it, F536; an agreement signed before it, F174), so that the record never says a
     * past acceptance was unlawful.
     */
    @CommandHandler
    void handle(ZoneCommands.RecordZoneResolutionDate body, CommandContext context, DatedActsOfTheZone acts) {
        LocalDate date = body.resolutionDate();
        if (date == null) {
            throw RegistryProblem.invalid("freezone.field-missing", "The field resolutionDate is required.", "resolutionDate", "003 art. 6.1");
        }
        if (resolutionDate != null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.resolution-date-recorded-already", "The resolution establishing "
                    + zoneId + " is recorded as dated " + resolutionDate + "; its date is recorded once.", "resolutionDate", "003 art. 6.1");
        }
        theZonesOwnResolution(body.resolutionSha256());
        resolutionWasAdopted(date, context.receivedAt());
        notAfter(date, recordedOn, "freezone.resolution-after-zone-recorded", "the day the registry recorded the zone");
        notAfter(date, reportedQuarters.stream().map(Quarter::lastDay).min(LocalDate::compareTo).orElse(null), "freezone.resolution-after-a-report",
                "the last day of the first quarter the governor reported");
        notAfter(date, acts.earliestExemptionDecision(zoneId), "freezone.resolution-after-an-exemption",
                "the Government decision of an exemption from the zone's land fee recorded here");
        notAfter(date, acts.earliestBaseValueDecision(zoneId), "freezone.resolution-after-a-base-value",
                "the Government decision of the zone's basic value of land recorded here (ADR 0035 item 114)");
        notAfter(date, acts.earliestAgreement(zoneId), "freezone.resolution-after-an-agreement",
                "the signing of an investment agreement recorded in the zone");
        apply(new ZoneEvents.ZoneResolutionDateRecorded(zoneId, date, context.receivedAt(), context.actor(), body.resolutionSha256()));
    }

    // 003 art. 6.1 (ADR 0035 item 41; abuse audit F235, was O132): a zone established with its resolution's document is dated from that
    // document; another file would give the zone two resolutions, the date read from the one the establishment did not cite
    private void theZonesOwnResolution(String sha256) {
        if (resolutionSha256 != null && sha256 != null && !resolutionSha256.equals(sha256)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.resolution-document-differs", "Zone " + zoneId + " was established "
                    + "on the resolution's document " + resolutionSha256 + "; its date is recorded from that document, not from another.",
                    "resolutionSha256", "003 art. 6.1");
        }
    }

    // ADR 0035 item 36: a resolution's date recorded late contradicts no act the zone accepted on an earlier day
    private static void notAfter(LocalDate date, LocalDate act, String code, String what) {
        if (act != null && date.isAfter(act)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, code, "A resolution dated " + date + " is after " + what + " (" + act
                    + "): the record would say that act was refused; the zone keeps no date rather than a date its record contradicts.",
                    "resolutionDate", "003 art. 6.1");
        }
    }

    // 003 art. 6.4: the Government opens the zone's activities
    @CommandHandler
    void handle(ZoneCommands.OpenZone body, CommandContext context) {
        requireText(body.decision(), "decision", "003 art. 6.4");
        if (open) {
            throw RegistryProblem.conflict("freezone.zone-already-open", "Zone " + zoneId + " is open already.", "003 art. 6.4");
        }
        apply(new ZoneEvents.ZoneOpened(zoneId, body.decision(), context.receivedAt(), context.actor(), body.decisionSha256()));
    }

    // 003 art. 6.4: the Government temporarily closes the zone's activities
    @CommandHandler
    void handle(ZoneCommands.CloseZoneTemporarily body, CommandContext context) {
        requireText(body.decision(), "decision", "003 art. 6.4");
        if (!open) {
            throw RegistryProblem.conflict("freezone.zone-not-open", "Zone " + zoneId + " is not open.", "003 art. 6.4");
        }
        apply(new ZoneEvents.ZoneTemporarilyClosed(zoneId, body.decision(), context.receivedAt(), context.actor(), body.decisionSha256()));
    }

    // 003 art. 8.2: the Cabinet member appoints the governor of a zone
    @CommandHandler
    void handle(ZoneStreamCommands.RecordAppointment command) {
        if (governors.contains(command.governor())) {
            throw RegistryProblem.conflict("freezone.governor-already-appointed", command.governor() + " already governs " + zoneId + ".", "003 art. 8.2");
        }
        oneServingGovernorPerZone();
        apply(new ZoneEvents.GovernorAppointed(zoneId, command.governor(), command.displayName(), command.decision(), command.from(), command.by(),
                command.decisionSha256()));
    }

    // 003 art. 8.1-8.2 (ADR 0013 §7): a zone has one Governor; a new one is appointed only after the serving one's dismissal
    private void oneServingGovernorPerZone() {
        if (!governors.isEmpty()) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.zone-has-governor", "Zone " + zoneId + " is served by "
                    + governors + ": the Cabinet member dismisses the serving governor before appointing another.", "governor", "003 art. 8.2");
        }
    }

    // 003 art. 8.2: the Cabinet member dismisses the governor of a zone
    @CommandHandler
    void handle(ZoneStreamCommands.RecordDismissal command) {
        if (!governors.contains(command.governor())) {
            throw RegistryProblem.conflict("freezone.not-governor", command.governor() + " does not govern " + zoneId + ".", "003 art. 8.2");
        }
        apply(new ZoneEvents.GovernorDismissed(zoneId, command.governor(), command.decision(), command.until(), command.by(), command.decisionSha256()));
    }

    // 003 art. 12.3: the governor's office reports each quarter to the Cabinet member
    @CommandHandler
    void handle(ZoneStreamCommands.RecordReportSigned command) {
        ZoneCommands.SignQuarterlyReport body = command.body();
        if (body.quarter() < 1 || body.quarter() > 4 || body.year() < 2000 || body.year() > 9999) {
            throw RegistryProblem.invalid("freezone.quarter-invalid", "A quarter is 1-4 of a year.", "quarter", "003 art. 12.3");
        }
        if (body.reportSha256() == null || !body.reportSha256().matches("[0-9a-f]{64}")) {
            throw RegistryProblem.invalid("freezone.report-hash-malformed", "The report is named by its SHA-256 in lower-case hex.", "reportSha256", "003 art. 12.3");
        }
        if (body.corrects() != null && !body.corrects().matches("[0-9a-f]{64}")) {
            throw RegistryProblem.invalid("freezone.report-hash-malformed", "The corrected report is named by its SHA-256 in lower-case hex.",
                    "corrects", "003 art. 12.3");
        }
        signedOnTheContentsCurrentVersion(body.contentVersion());
        Quarter quarter = new Quarter(body.year(), body.quarter());
        reportOnlyForAnEndedQuarter(quarter, UlaanbaatarTime.dateOf(command.at()));
        reportNotOfAQuarterBeforeTheZone(quarter, resolutionDate);
        reportOfAQuarterTheRegistryHolds(quarter, recordedOn);
        signedOverTheRegistrysContentOnly(body.reportSha256(), command.builtSha256(), quarter);
        String latest = latestReports.get(quarter.label());
        if (body.reportSha256().equals(latest)) {
            return; // the same report signed again changes nothing
        }
        reportedAgainOnlyAsACorrectionOfTheLatest(quarter, latest, body.corrects());
        apply(new ZoneEvents.QuarterlyReportSigned(zoneId, body.year(), body.quarter(), body.reportSha256(), command.at(), command.by(),
                body.corrects(), body.contentVersion()));
    }

    /**
     * 003 art. 12.3 (ADR 0035 item 52; abuse audit F251): the registry builds the report's version 2 only, which lists every registration
     * period of the quarter; version 1 (a body naming no version, from a client of the release before it) left out an entity's earlier
     * period and is no longer signed. Reports signed on version 1 stay valid; a quarter reported on it is reported again as a correction.
     */
    static void signedOnTheContentsCurrentVersion(Integer contentVersion) {
        if (contentVersion == null || contentVersion != QuarterlyReportContent.VERSION_2) {
            throw RegistryProblem.invalid("freezone.report-version-retired", "The registry builds version " + QuarterlyReportContent.VERSION_2
                    + " of the quarterly report only (it lists every registration period of the quarter); a report is signed on it and names it as "
                    + "contentVersion, not " + (contentVersion == null ? "none (version 1)" : contentVersion) + ".", "contentVersion", "003 art. 12.3");
        }
    }

    /**
     * 003 art. 12.3 (choice, ADR 0035 item 26; abuse audit F166, was O99): the office reports each quarter once; a quarter already
     * reported is reported again only as a correction that names the quarter's latest report, so that the Cabinet member holds one
     * chain of reports per quarter and knows which one stands. A report naming none for a reported quarter, or naming any other report
     * (an earlier one, another quarter's or zone's, one where the quarter has none), is refused.
     */
    static void reportedAgainOnlyAsACorrectionOfTheLatest(Quarter quarter, String latest, String corrects) {
        if (latest != null && corrects == null) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.quarter-reported-already", "Quarter " + quarter.label()
                    + " was reported already (report " + latest + "); a new report of it corrects that report and names it.", "corrects",
                    "003 art. 12.3");
        }
        if (corrects != null && !corrects.equals(latest)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.correction-not-of-the-latest", "A correction names the latest report "
                    + "of quarter " + quarter.label() + " of this zone (" + (latest == null ? "none was signed" : latest) + "), not " + corrects + ".",
                    "corrects", "003 art. 12.3");
        }
    }

    // 003 art. 12.3, 6.1 (ADR 0035 item 33; abuse audit F172, part of O102): the office reports the quarters of a zone the State Great
    // Khural established; a quarter that ended before the resolution is no quarter of the zone, and its sealed report would say no
    // foreign-invested entity was there. A zone recorded without the resolution's date keeps the earlier rules (O102 stays open for it)
    static void reportNotOfAQuarterBeforeTheZone(Quarter quarter, LocalDate resolutionDate) {
        if (resolutionDate != null && quarter.lastDay().isBefore(resolutionDate)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.report-before-zone", "Quarter " + quarter.label() + " ended on "
                    + quarter.lastDay() + ", before the State Great Khural resolution establishing the zone (" + resolutionDate + "): it is no "
                    + "quarter of the zone.", "quarter", "003 art. 12.3, 6.1");
        }
    }

    // 003 art. 12.3 (ADR 0035 item 37; abuse audit F176, was O102): the report is built from the registry's own records, which hold nothing
    // of the zone before the day the registry recorded it: the sealed report of a quarter that ended before that day would say no
    // foreign-invested entity was there, whatever the zone held. The quarter in which the zone was recorded is reported
    static void reportOfAQuarterTheRegistryHolds(Quarter quarter, LocalDate recordedOn) {
        if (recordedOn != null && quarter.lastDay().isBefore(recordedOn)) {
            throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.report-before-zone-recorded", "Quarter " + quarter.label()
                    + " ended on " + quarter.lastDay() + ", before the registry recorded the zone (" + recordedOn + "): the registry holds no record "
                    + "of the zone then, and reports from " + Quarter.of(recordedOn).label() + " on.", "quarter", "003 art. 12.3");
        }
    }

    // 003 art. 12.3: a quarter is reported once it has ended, judged at the registry's local date of receipt
    static void reportOnlyForAnEndedQuarter(Quarter quarter, LocalDate receivedOn) {
        if (!quarter.lastDay().isBefore(receivedOn)) {
            throw RegistryProblem.invalid("freezone.report-quarter-not-ended", "Quarter " + quarter.label() + " ends on " + quarter.lastDay()
                    + "; on " + receivedOn + " it cannot be reported yet.", "quarter", "003 art. 12.3");
        }
    }

    // 003 art. 12.3: the governor signs the report the registry built from its own records, byte for byte, and nothing else
    static void signedOverTheRegistrysContentOnly(String signed, String built, Quarter quarter) {
        if (built == null || !built.equals(signed)) {
            throw RegistryProblem.invalid("freezone.report-hash-mismatch", "The signed hash is not the hash of the registry's report for "
                    + quarter.label() + " (" + built + "); fetch the report again and sign its Report-SHA256.", "reportSha256", "003 art. 12.3");
        }
    }

    // 003 art. 12.3 (ADR 0013 §7): each quarter's report is due 15 working days after the quarter's end; recorded once per quarter
    @CommandHandler
    void handle(ZoneStreamCommands.ScheduleQuarterlyReport command) {
        scheduleReport(command.due());
    }

    private void scheduleReport(ZoneStreamCommands.ReportDue due) {
        if (due == null) {
            return;
        }
        String label = new Quarter(due.year(), due.quarter()).label();
        if (reportDueOn.containsKey(label) || reportedQuarters.contains(new Quarter(due.year(), due.quarter()))) {
            return;
        }
        if (!FreeZoneTerms.REPORT_DUE.equals(due.workingDays()) || !due.dueOn().isAfter(due.quarterEnds())) {
            throw new IllegalArgumentException("a report is due " + FreeZoneTerms.REPORT_DUE + " after the quarter's end: " + due);
        }
        apply(new ZoneEvents.QuarterlyReportDue(zoneId, due.year(), due.quarter(), due.quarterEnds(), due.dueOn(), due.dueAt(), due.workingDays(),
                due.calendarVersion(), FreeZoneTerms.REPORT_ARTICLE));
    }

    // 003 art. 12.3: a report not signed by its due date is escalated once to the Cabinet member; the next quarter's is scheduled;
    // (ADR 0035 item 97; F473) judged against its due date on the calendar in force at the firing
    @CommandHandler
    void handle(ZoneStreamCommands.EscalateOverdueReport command) {
        String label = new Quarter(command.year(), command.quarter()).label();
        Instant dueAt = reportDueAtOnTheCalendarInForce(command, label);
        if (dueAt != null && !reportedQuarters.contains(new Quarter(command.year(), command.quarter())) && !quartersEscalated.contains(label)
                && command.firedAt().isAfter(dueAt)) {
            apply(new ZoneEvents.QuarterlyReportOverdue(zoneId, command.year(), command.quarter(), reportDueOn.get(label), command.firedAt(),
                    FreeZoneTerms.REPORT_ARTICLE));
        }
        scheduleReport(command.current());
    }

    /**
     * 003 art. 12.3; domain-rules §2 (ADR 0035 item 97; abuse audit F473, found in the hunt of F470): a day of mourning declared on a report's
     * last working day moves it; a deadline service behind at midnight fires the escalation before it handled the declaration's recompute. The
     * firing counts the quarter's 15 working days again on the calendar in force (read again, {@code FreeZoneDeadlineRules}); a day that moved
     * is recorded with the recompute's own event ({@code QuarterlyReportDueRecomputed}), which schedules the deadline again for it, and the
     * escalation waits for it. A report signed or escalated already, or a firing that names no count (a calendar without the year), keeps its day.
     */
    private Instant reportDueAtOnTheCalendarInForce(ZoneStreamCommands.EscalateOverdueReport command, String label) {
        ZoneStreamCommands.ReportDue inForce = command.inForce();
        Quarter quarter = new Quarter(command.year(), command.quarter());
        if (inForce == null || inForce.year() != command.year() || inForce.quarter() != command.quarter() || !reportDueOn.containsKey(label)
                || reportedQuarters.contains(quarter) || quartersEscalated.contains(label) || inForce.dueOn().equals(reportDueOn.get(label))) {
            return reportsDue.get(label);
        }
        apply(new ZoneEvents.QuarterlyReportDueRecomputed(zoneId, command.year(), command.quarter(), quarter.lastDay(), inForce.dueOn(),
                inForce.dueAt(), inForce.calendarVersion(), FreeZoneTerms.REPORT_ARTICLE));
        return reportsDue.get(label);
    }

    // 003 art. 12.3: a calendar change moves the due date of a report not yet signed
    @CommandHandler
    void handle(ZoneStreamCommands.RecomputeReportDue command) {
        String label = new Quarter(command.year(), command.quarter()).label();
        if (!reportDueOn.containsKey(label) || reportedQuarters.contains(new Quarter(command.year(), command.quarter()))
                || command.dueOn().equals(reportDueOn.get(label))) {
            return;
        }
        apply(new ZoneEvents.QuarterlyReportDueRecomputed(zoneId, command.year(), command.quarter(), new Quarter(command.year(), command.quarter())
                .lastDay(), command.dueOn(), command.dueAt(), command.calendarVersion(), FreeZoneTerms.REPORT_ARTICLE));
    }

    // a decision, name or resolution of no-break or zero-width spaces only says nothing (String.isBlank sees neither)
    private static void requireText(String value, String field, String article) {
        if (mn.registry.kernel.problem.VisibleText.saysNothing(value)) {
            throw RegistryProblem.invalid("freezone.field-missing", "The field " + field + " is required.", field, article);
        }
        ReadableText.requireReadable(value, field, article); // abuse audit F89: published as the Cabinet member signed it
    }

    @EventSourcingHandler
    void on(ZoneEvents.ZoneEstablished event) {
        stream = event.zoneId().stream();
        zoneId = event.zoneId();
        resolutionDate = event.resolutionDate();
        resolutionSha256 = event.resolutionSha256();
        recordedOn = event.establishedAt() == null ? null : UlaanbaatarTime.dateOf(event.establishedAt());
    }

    @EventSourcingHandler
    void on(ZoneEvents.ZoneResolutionDateRecorded event) {
        resolutionDate = event.resolutionDate();
        if (event.resolutionSha256() != null) {
            resolutionSha256 = event.resolutionSha256();
        }
    }

    @EventSourcingHandler
    void on(ZoneEvents.QuarterlyReportDue event) {
        String label = new Quarter(event.year(), event.quarter()).label();
        reportDueOn.put(label, event.dueOn());
        reportsDue.put(label, event.dueAt());
    }

    @EventSourcingHandler
    void on(ZoneEvents.QuarterlyReportDueRecomputed event) {
        String label = new Quarter(event.year(), event.quarter()).label();
        reportDueOn.put(label, event.dueOn());
        reportsDue.put(label, event.dueAt());
    }

    @EventSourcingHandler
    void on(ZoneEvents.QuarterlyReportOverdue event) {
        quartersEscalated.add(new Quarter(event.year(), event.quarter()).label());
    }

    @EventSourcingHandler
    void on(ZoneEvents.ZoneOpened event) {
        open = true;
    }

    @EventSourcingHandler
    void on(ZoneEvents.ZoneTemporarilyClosed event) {
        open = false;
    }

    @EventSourcingHandler
    void on(ZoneEvents.GovernorAppointed event) {
        governors.add(event.governor());
    }

    @EventSourcingHandler
    void on(ZoneEvents.GovernorDismissed event) {
        governors.remove(event.governor());
    }

    @EventSourcingHandler
    void on(ZoneEvents.QuarterlyReportSigned event) {
        latestReports.put(new Quarter(event.year(), event.quarter()).label(), event.reportSha256());
        reportedQuarters.add(new Quarter(event.year(), event.quarter()));
    }

    boolean isOpen() {
        return open;
    }

}
