package mn.registry.web.cabinet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.freezone.query.GovernorDesk;
import mn.registry.freezone.query.QuarterlyReport;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.identity.Role;
import mn.registry.publicregister.PublicRegister;
import mn.registry.publicregister.RegisterEntry;
import mn.registry.publicregister.RegisterKind;
import mn.registry.web.StaffSession;
import mn.registry.web.WebDates;
import org.bson.Document;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The Cabinet member's desk ({@code /cabinet}): a form for each act the Cabinet member signs (docs/security.md) —
 * establishing, opening and closing a zone (003 art. 6), appointing and dismissing its governor (8.2), the calendar
 * declarations (ADR 0013 §2), the Government's land-fee exemption (23.3-23.4) — and the quarterly reports received
 * from each zone's governor, signed or overdue (12.3), read-only.
 */
@Controller
class CabinetController {

    static final String SAMPLE_BOUNDARY =
            "{\"type\":\"Polygon\",\"coordinates\":[[[105.90,49.40],[105.96,49.40],[105.96,49.43],[105.90,49.43],[105.90,49.40]]]}";

    private final GovernorDesk desk;
    private final QuarterlyReport reports;
    private final StaffSession staff;
    private final WebDates dates;
    private final mn.registry.infrastructure.calendar.CurrentCalendar calendars;
    private final PublicRegister register;
    private final mn.registry.web.StoredActsOfAPerson storedActs;
    private final org.springframework.beans.factory.ObjectProvider<mn.registry.kernel.freezone.LandActs.OfTheZone> landActs;
    private final org.springframework.beans.factory.ObjectProvider<mn.registry.infrastructure.identity.IdentityDirectory> people;
    private final java.time.Clock clock;

    CabinetController(GovernorDesk desk, QuarterlyReport reports, StaffSession staff, WebDates dates,
                      mn.registry.infrastructure.calendar.CurrentCalendar calendars, PublicRegister register,
                      mn.registry.web.StoredActsOfAPerson storedActs,
                      org.springframework.beans.factory.ObjectProvider<mn.registry.kernel.freezone.LandActs.OfTheZone> landActs,
                      org.springframework.beans.factory.ObjectProvider<mn.registry.infrastructure.identity.IdentityDirectory> people,
                      java.time.Clock clock) {
        this.people = people;
        this.clock = clock;
        this.storedActs = storedActs;
        this.landActs = landActs;
        this.desk = desk;
        this.reports = reports;
        this.staff = staff;
        this.dates = dates;
        this.calendars = calendars;
        this.register = register;
    }

    /**
     * One zone's report for the quarter due (the one before today's), as received; {@code recordedOn} is set when the registry
     * recorded the zone after that quarter ended, so no report of it is signed here (003 art. 12.3, ADR 0035 item 37, F176).
     */
    public record ReportRow(String zoneId, String zoneName, int year, int quarter, QuarterlyReport.Signed signed, LocalDate recordedOn) {
    }

    /**
     * The exemption's holder as the Cabinet member chose it ({@code id}, the registration's id as written) and the land register's verdict on
     * recording its exemption now on their signature ({@code refusedWith}: the problem's code; {@code ""} when no land register answered, or the
     * id names no registration: not offered, {@code malformed}).
     */
    public record ExemptionHolder(String id, String zoneId, boolean malformed, String refusedWith) {

        public boolean accepted() {
            return !malformed && refusedWith == null;
        }
    }

    /** 003 art. 23.4 (ADR 0035 item 126; F530, was O391): null when no holder was chosen. */
    private ExemptionHolder exemptionHolderJudged(String chosen, mn.registry.infrastructure.identity.Actor actor) {
        if (chosen == null || chosen.isBlank()) {
            return null;
        }
        String id = chosen.strip();
        java.util.Optional<mn.registry.kernel.freezone.RegistrationId> holder = mn.registry.kernel.freezone.RegistrationId.named(id);
        if (holder.isEmpty()) {
            return new ExemptionHolder(id, null, true, "");
        }
        mn.registry.kernel.freezone.LandActs.OfTheZone acts = landActs.getIfAvailable();
        String refused = acts == null ? "" : acts.exemptionFor(holder.get().zoneId(), holder.get(), actor.person(), actor.company()).refusedWith();
        return new ExemptionHolder(holder.get().value(), holder.get().zoneId().value(), false, refused);
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 145; F574, was O409): a zone's lower basic value of land awaiting a second Cabinet member's signature, as the
     * public register shows it ({@code landBaseValuePending}), beside the value in force, for the confirmation's form.
     */
    public record PendingBaseValue(String zoneId, String zoneName, String perHectare, String inForce, String decision, String decidedOn,
                                   String recordedAt, String until, boolean lapsed, String refusedWith) {

        /** 003 art. 22.3 (ADR 0035 item 150; F586, was O450): offered in the confirmation's form only when the land register would record it. */
        public boolean offered() {
            return refusedWith == null;
        }

        /** Recorded by the signed-in Cabinet member: listed, "another Cabinet member confirms" (item 150). */
        public boolean own() {
            return "freezone.land-base-value-own-record".equals(refusedWith);
        }
    }

    /**
     * The lower basic values awaiting a second signature, zone by zone (the register's entries, read as the public page reads them), each with
     * its last day (ADR 0035 item 149) and the land register's verdict on its confirmation on {@code signer}'s signature (item 150): the register
     * knows the value's recorder, which the public register does not name. No command side answering: listed, not offered.
     */
    List<PendingBaseValue> pendingBaseValues(List<Document> zones, mn.registry.kernel.identity.PersonId signer) {
        mn.registry.kernel.freezone.LandActs.OfTheZone acts = landActs.getIfAvailable();
        LocalDate today = dates.today();
        List<PendingBaseValue> pending = new ArrayList<>();
        for (Document zone : zones) {
            String id = zone.getString("_id");
            register.entry(RegisterKind.ZONE, id).ifPresent(entry -> {
                com.fasterxml.jackson.databind.JsonNode value = entry.details().path("landBaseValuePending");
                if (value.isObject()) {
                    com.fasterxml.jackson.databind.JsonNode inForce = entry.details().path("landBaseValue").path("landBaseValuePerHectare");
                    String decision = value.path("landBaseValuePendingDecision").asText("");
                    LocalDate until = dates.baseValueAwaitsUntil(value.path("landBaseValuePendingRecordedAt").asText(""));
                    mn.registry.kernel.freezone.LandActs.Verdict verdict = acts == null ? null : acts.baseValueConfirmationBy(
                            mn.registry.kernel.freezone.ZoneId.of(id), decision, signer).orElse(null);
                    String refusedWith = verdict == null ? "unanswered" : verdict.refusedWith(); // null: accepted
                    pending.add(new PendingBaseValue(id, zone.getString("name"), mn.registry.web.Amounts.money(value.path("landBaseValuePendingPerHectare")),
                            inForce.has("amount") ? mn.registry.web.Amounts.money(inForce) : null, decision,
                            dates.date(value.path("landBaseValuePendingDecidedOn").asText(null)),
                            dates.time(value.path("landBaseValuePendingRecordedAt").asText(null)), dates.date(until),
                            until != null && today.isAfter(until), refusedWith));
                }
            });
        }
        return pending;
    }

    /**
     * 003 art. 8.1-8.2 (ADR 0061 item 74; abuse audit F592, was O447): each governor the zones' records show serving, and the zone: the
     * appointment's form refuses one of them for another zone (the registry refuses it, {@code freezone.governor-of-another-zone}).
     */
    static java.util.Map<String, String> governorsInOffice(List<Document> zones) {
        return governorsInOffice(zones, java.util.Map.of());
    }

    /**
     * 003 art. 8.1-8.2 (ADR 0061 item 87, <b>choice</b>; abuse audit F619, was O471): as {@link #governorsInOffice(List)}, with first each
     * person whose own grant of the governor's role names a zone ({@code grants}, person to zone), as the registry judges the appointment
     * ({@code governorHoldsNoOtherZone}, on the person's stream): a governor enrolled with a zone's role at the first start, whom no zone's
     * record shows, is refused for another zone before anything is prepared.
     */
    static java.util.Map<String, String> governorsInOffice(List<Document> zones, java.util.Map<String, String> grants) {
        java.util.Map<String, String> serving = new java.util.TreeMap<>(grants);
        for (Document zone : zones) {
            if (zone.get("governors") instanceof List<?> governors) {
                governors.forEach(governor -> serving.putIfAbsent(String.valueOf(governor), zone.getString("_id")));
            }
        }
        return serving;
    }

    /** The persons' grants of the governor's role in force now (ADR 0061 item 87), by id; empty when no directory runs here. */
    private java.util.Map<String, String> governorsGrants() {
        var directory = people.getIfAvailable();
        java.util.Map<String, String> grants = new java.util.TreeMap<>();
        if (directory != null) {
            directory.governorsGrantsAt(clock.instant()).forEach((person, zone) -> grants.put(person.value(), zone));
        }
        return grants;
    }

    @GetMapping("/cabinet")
    String desk(@RequestParam(required = false) String storedActsOf, @RequestParam(required = false) Long act,
                @RequestParam(name = "zone", required = false) String actsZone,
                @RequestParam(name = "exemptionHolder", required = false) String exemptionHolder, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return staff.page(request, response, List.of(Role.CABINET_MEMBER), actor -> {
            // ADR 0061 item 33 (F423, was O261): the stored acts whose order the Cabinet member may state, beside the statement's form
            storedActs.addTo(model, storedActsOf, new mn.registry.web.StoredActsOfAPerson.Chosen(act, actsZone), actor);
            List<Document> zones = desk.zones();
            // 003 art. 12.3: the quarter before today's is the one due to be reported
            LocalDate lastQuarter = dates.today().minusMonths(3);
            int year = lastQuarter.getYear();
            int quarter = (lastQuarter.getMonthValue() - 1) / 3 + 1;
            List<ReportRow> rows = new ArrayList<>();
            Quarter due = new Quarter(year, quarter);
            for (Document zone : zones) {
                String id = zone.getString("_id");
                LocalDate recordedAfter = register.entry(RegisterKind.ZONE, id).map(RegisterEntry::since)
                        .filter(day -> due.lastDay().isBefore(day)).orElse(null);
                rows.add(new ReportRow(id, zone.getString("name"), year, quarter, reports.signed(id, year, quarter), recordedAfter));
            }
            model.addAttribute("zones", zones);
            model.addAttribute("governorsInOffice", governorsInOffice(zones, governorsGrants()));
            // ADR 0061 items 72, 75-76 (F563, F564, F593-F595): the Cabinet member's own representative's grant, if any, ties them as a supervisor
            mn.registry.web.desk.RepresentativeTie.of(actor.roles(), actor.company()).addTo(model);
            List<PendingBaseValue> pendingBaseValues = pendingBaseValues(zones, actor.person());
            model.addAttribute("pendingBaseValues", pendingBaseValues);
            model.addAttribute("baseValuesOffered", pendingBaseValues.stream().anyMatch(PendingBaseValue::offered));
            model.addAttribute("reports", rows);
            // 003 art. 8.7, 12.5.3 (ADR 0035 item 90; F439, was O259): the court decisions a zone's governor left unrecorded past their last day
            model.addAttribute("escalatedCourtDecisions", desk.escalatedCourtDecisions());
            model.addAttribute("activities", Activity.values());
            // 003 art. 23.4; 001 art. 23.1.1 (ADR 0035 item 126; F530, was O391): the exemption's form for one entity only once the land register
            // would record it on this Cabinet member's signature, and why not otherwise
            model.addAttribute("exemptionHolder", exemptionHolderJudged(exemptionHolder, actor));
            model.addAttribute("today", dates.today());
            // domain-rules §2 (ADR 0046 items 28, 44): the most the Government's declarations take on any day of this year and the next, against the ceiling
            mn.registry.kernel.calendar.WorkingDayCalendar calendar = calendars.get();
            model.addAttribute("daysOffTaken", java.util.stream.IntStream.of(dates.today().getYear(), dates.today().getYear() + 1)
                    .mapToObj(y -> java.util.Map.of("year", y, "taken", calendar.mostWorkingDaysTakenByDeclarations(y))).toList());
            model.addAttribute("daysOffCeiling", mn.registry.kernel.calendar.WorkingDayCalendar.DECLARED_DAYS_OFF_PER_YEAR);
            // a GeoJSON polygon to edit (the shape EstablishZone expects), not a real zone's boundary
            model.addAttribute("sampleBoundary", SAMPLE_BOUNDARY);
            return "cabinet/desk";
        });
    }
}
