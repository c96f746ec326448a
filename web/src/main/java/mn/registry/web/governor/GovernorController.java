package mn.registry.web.governor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.freezone.query.GovernorDesk;
import mn.registry.freezone.query.QuarterlyReport;
import mn.registry.kernel.freezone.GovernorActs;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.projection.AnswerBesideTheRegister;
import mn.registry.projection.RegisterCatchUp;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.look.Folded;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.freezone.LateResumption;
import mn.registry.kernel.freezone.QuarterlyReportContent.Quarter;
import mn.registry.kernel.identity.Role;
import mn.registry.publicregister.PublicRegister;
import mn.registry.publicregister.RegisterEntry;
import mn.registry.publicregister.RegisterKind;
import mn.registry.web.StaffSession;
import mn.registry.web.WebDates;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The governor's desk ({@code /governor/{zone}}), open to a governor of that zone during their tenure (003 art. 8.2,
 * 8.7): the registration queue by business days left (12.2), raised deregistration grounds (12.5), entities, land on
 * a map with the fee-exemption schedules (22-23), and the quarterly report to sign and send (12.3).
 */
@Controller
class GovernorController {

    /** 003 art. 22.7, Land Law art. 35: the longest period of possession or use, the ministry's parameter the land register checks (ADR 0035). */
    private final int landMaxYears;

    /** A review due within this many business days is coloured near due (choice, as on the ministry desk). */
    static final int NEAR_DUE_BUSINESS_DAYS = 2;

    private final GovernorDesk desk;
    private final QuarterlyReport reports;
    private final StaffSession staff;
    private final WebDates dates;
    private final PublicRegister register;

    private final ObjectProvider<LateResumption.Documents> lateResumption;
    private final ObjectProvider<GovernorActs.OfTheRegistration> acts;
    private final ObjectProvider<LandActs.OfTheZone> landActs;
    private final RegisterCatchUp catchUp;
    private final AnswerBesideTheRegister beside;

    GovernorController(GovernorDesk desk, QuarterlyReport reports, StaffSession staff, WebDates dates, PublicRegister register,
                       @Value("${registry.freezone.land.max-years:60}") int landMaxYears, ObjectProvider<LateResumption.Documents> lateResumption,
                       ObjectProvider<GovernorActs.OfTheRegistration> acts, ObjectProvider<LandActs.OfTheZone> landActs, RegisterCatchUp catchUp,
                       AnswerBesideTheRegister beside) {
        this.catchUp = catchUp;
        this.beside = beside;
        this.lateResumption = lateResumption;
        this.acts = acts;
        this.landActs = landActs;
        this.landMaxYears = landMaxYears;
        this.register = register;
        this.desk = desk;
        this.reports = reports;
        this.staff = staff;
        this.dates = dates;
    }

    /** {@code page} for the governor of {@code zone}, or the view to show instead. */
    private String zonePage(String zone, HttpServletRequest request, HttpServletResponse response, Model model, Supplier<String> page) {
        return staff.page(request, response, List.of(Role.ZONE_GOVERNOR), actor -> {
            // 003 art. 8.7: a governor acts only for the zone of the appointment
            if (!actor.zones().contains(zone)) {
                response.setStatus(403);
                return "forbidden";
            }
            Optional<Document> found = desk.zone(zone);
            if (found.isEmpty()) {
                response.setStatus(404);
                return "notfound";
            }
            model.addAttribute("zone", found.get());
            model.addAttribute("zoneId", zone);
            model.addAttribute("nearDays", NEAR_DUE_BUSINESS_DAYS);
            return page.get();
        });
    }

    @GetMapping("/governor/{zone}")
    String desk(@PathVariable String zone, HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            model.addAttribute("queue", desk.queue(zone));
            model.addAttribute("grounds", desk.groundsDue(zone));
            model.addAttribute("courtDecisions", desk.courtDecisionsToRecord(zone)); // ADR 0035 item 85, F417
            model.addAttribute("entities", desk.entities(zone));
            return "governor/desk";
        });
    }

    @GetMapping("/governor/{zone}/entities/{registrationId}")
    String entity(@PathVariable String zone, @PathVariable String registrationId, HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            // ADR 0065: the command side's answer; ADR 0071 item 10 (O265): the desk's row read once the register has the event the answer folded;
            // item 15 (O285): asked again when an act was stored after the look
            var shown = beside.read(RegistrationId.named(registrationId).map(RegistrationId::stream).orElse(""), () -> actsNow(request, registrationId),
                    position -> catchUp.caughtUpTo(position, GovernorDesk.WRITTEN_BY), () -> desk.entity(zone, registrationId));
            model.addAttribute(RegisterCatchUp.CATCHING_UP, !shown.caughtUp());
            Optional<Document> entity = shown.register();
            if (entity.isEmpty()) {
                response.setStatus(404);
                return "notfound";
            }
            model.addAttribute("e", entity.get());
            Optional<Document> elsewhere = desk.dissolutionRecordedElsewhere(entity.get());
            model.addAttribute("elsewhere", elsewhere.orElse(null));
            Optional<LocalDate> courtsDay = GovernorDesk.courtsDay(entity.get(), elsewhere);
            model.addAttribute("courtsDay", courtsDay.orElse(null));
            model.addAttribute("lateDocuments", lateResumptionDocuments(request, entity.get(), courtsDay));
            model.addAttribute("acts", shown.answer());
            return "governor/entity";
        });
    }

    /**
     * 003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 70; F336): once the entity's dissolution is recorded, the documents on which the command
     * side would record its resumption, as the command side answers ({@link LateResumption.Documents}): those the signed-in governor uploaded,
     * received before the court's day, that no act cites. None when no interruption runs or no dissolution is recorded.
     */
    private List<LateResumption.CitableDocument> lateResumptionDocuments(HttpServletRequest request, Document row, Optional<LocalDate> courtsDay) {
        if (courtsDay.isEmpty() || row.getString("interruptedOn") == null || row.getString("resumedOn") != null) {
            return List.of();
        }
        LateResumption.Documents documents = lateResumption.getIfAvailable();
        return documents == null ? List.of() : staff.current(request).map(actor -> documents.citable(actor.person(), courtsDay.get())).orElse(List.of());
    }

    /**
     * 003 art. 6.4, 8.7.6, 12.5 (ADR 0035 item 75; F377-F379): the acts the registration's aggregate would record now, as the command side
     * answers ({@link GovernorActs.OfTheRegistration}): the page offers the agreement, the start, the resumption and the removal's grounds by
     * them, not by the desk's copy of the periods (which does not count the zone's closures). {@link GovernorActs#NONE} if the command side
     * does not run here or knows no such registration: no such act is offered. Asked for the signed-in governor (ADR 0035 item 78, F381): to
     * the governor who signed the application as the entity's representative it answers no act, and the page says another governor decides; so
 * too to one whose grant in force now names the entity's company (ADR 0035 item 110, F532, was O378).
     */
    private Folded<GovernorActs> actsNow(HttpServletRequest request, String registrationId) {
        GovernorActs.OfTheRegistration answer = acts.getIfAvailable();
        Optional<Folded<GovernorActs>> folded = answer == null ? Optional.empty() : RegistrationId.named(registrationId)
                .flatMap(registration -> staff.current(request).flatMap(governor -> answer.foldedNow(registration, governor.person(), governor.company())));
        return folded.orElse(new Folded<>(GovernorActs.NONE, 0));
    }

    @GetMapping("/governor/{zone}/land")
    String land(@PathVariable String zone, HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            // ADR 0035 item 81: the command side's answer; ADR 0071 item 10 (O265): the licences and applications read once the register has the
            // land register's event the answer folded; item 15 (O285): asked again when an act was stored on the land register after the look
            var shown = beside.read(ZoneId.of(zone).landStream(), () -> landActsNow(request, zone), position -> catchUp.caughtUpTo(position,
                    GovernorDesk.WRITTEN_BY), () -> new LandRegister(desk.licences(zone), desk.landApplications(zone)));
            LandActs answer = shown.answer();
            model.addAttribute(RegisterCatchUp.CATCHING_UP, !shown.caughtUp());
            List<GovernorDesk.Licence> licences = shown.register().licences();
            model.addAttribute("licences", licences);
            // 003 art. 22.2: the governor decides on pending applications; the application itself is the entity's act (API: ApplyForLandUse)
            List<Document> pending = shown.register().applications().stream().filter(a -> "PENDING".equals(a.getString("status"))).toList();
            model.addAttribute("applications", pending);
            // 003 art. 8.7.7, 22.2, 22.5 (ADR 0035 item 81; F396-F398, was O223): each decision and fee offered only where the land register
            // would record it on this governor's signature, and why not otherwise
            model.addAttribute("grantable", pending.stream().filter(a -> verdict(answer, a, LandActs.Decision::grant).accepted()).toList());
            model.addAttribute("refusable", pending.stream().filter(a -> verdict(answer, a, LandActs.Decision::refusal).accepted()).toList());
            java.util.Map<String, String> notGranted = new java.util.LinkedHashMap<>();
            pending.forEach(a -> java.util.Optional.ofNullable(verdict(answer, a, LandActs.Decision::grant).refusedWith()).filter(code -> !code.isEmpty())
                    .ifPresent(code -> notGranted.put(a.getString("_id"), code)));
            model.addAttribute("notGranted", notGranted);
            // 003 art. 22.4 (ADR 0035 item 130, F541): the result of the tender or auction is recorded where the land register would record it
            model.addAttribute("selectable", pending.stream().filter(a -> answer.selectionOf(new LandApplicationId(a.getString("_id")))
                    .orElse(UNANSWERED).accepted()).toList());
            // 003 art. 22.4 (ADR 0035 item 146, F582, was O440): a result annulled where the land register would annul it on this governor's signature
            model.addAttribute("annullable", pending.stream().filter(a -> answer.annulmentOf(new LandApplicationId(a.getString("_id")))
                    .orElse(UNANSWERED).accepted()).toList());
            java.util.Map<String, LandActs.Verdict> fees = new java.util.HashMap<>();
            licences.forEach(l -> fees.put(l.licenceId(), answer.feeOf(new LandLicenceId(l.licenceId())).orElse(UNANSWERED)));
            model.addAttribute("fees", fees);
            model.addAttribute("methods", LandCommands.AllocationMethod.values());
            model.addAttribute("landMaxYears", landMaxYears);
            return "governor/land";
        });
    }

    /** The zone's land register as the land desk reads it beside the command side's answer: its licences and land applications. */
    private record LandRegister(List<GovernorDesk.Licence> licences, List<Document> applications) {
    }

    /** An act the land register did not answer on (no command side here, or not pending there any more): not offered, no reason given. */
    private static final LandActs.Verdict UNANSWERED = new LandActs.Verdict("");

    private static LandActs.Verdict verdict(LandActs answer, Document application, java.util.function.Function<LandActs.Decision, LandActs.Verdict> act) {
        return answer.on(new LandApplicationId(application.getString("_id"))).map(act).orElse(UNANSWERED);
    }

    /**
     * 003 art. 8.7.7, 22.2, 22.5 (ADR 0035 item 81; F396, was O223): the land acts the zone's land register would record now on the signed-in
     * governor's signature, as the command side answers ({@link LandActs.OfTheZone}): one load of the register per page. {@link LandActs#NONE}
     * if the command side does not run here or the zone has no land register: no land act is offered.
     */
    private Folded<LandActs> landActsNow(HttpServletRequest request, String zone) {
        LandActs.OfTheZone answer = landActs.getIfAvailable();
        Optional<Folded<LandActs>> folded = answer == null ? Optional.empty()
                : staff.current(request).flatMap(governor -> answer.foldedNow(ZoneId.of(zone), governor.person(), governor.company()));
        return folded.orElse(new Folded<>(LandActs.NONE, 0));
    }

    /**
     * The quarter the report page opens on: the quarter before today's, the one due to be reported (003 art. 12.3), unless it ended before
     * the registry recorded the zone (ADR 0035 item 37, F176): then the first quarter the registry can report.
     */
    private Quarter dueOrFirst(String zone) {
        Quarter due = Quarter.of(dates.today().minusMonths(3));
        return recordedOn(zone).filter(day -> due.lastDay().isBefore(day)).map(Quarter::of).orElse(due);
    }

    /** The day the registry recorded the zone (its establishment, as the public register holds it), if the register has it yet. */
    private Optional<LocalDate> recordedOn(String zone) {
        return register.entry(RegisterKind.ZONE, zone).map(RegisterEntry::since);
    }

    @GetMapping("/governor/{zone}/reports")
    String report(@PathVariable String zone, @RequestParam(value = "year", required = false) Integer year,
                  @RequestParam(value = "quarter", required = false) Integer quarter,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        return zonePage(zone, request, response, model, () -> {
            Quarter shown = year != null && quarter != null && quarter >= 1 && quarter <= 4 ? new Quarter(year, quarter) : dueOrFirst(zone);
            model.addAttribute("year", shown.year());
            model.addAttribute("quarter", shown.quarter());
            model.addAttribute("signed", reports.signed(zone, shown.year(), shown.quarter()));
            // 003 art. 12.3 (ADR 0035 item 37, F176): the registry reports the quarters from the one in which it recorded the zone
            Optional<LocalDate> recordedOn = recordedOn(zone);
            model.addAttribute("recordedOn", recordedOn.orElse(null));
            model.addAttribute("firstQuarter", recordedOn.map(Quarter::of).orElse(null));
            model.addAttribute("reportable", recordedOn.map(day -> !shown.lastDay().isBefore(day)).orElse(true));
            model.addAttribute("ended", shown.lastDay().isBefore(dates.today()));
            return "governor/report";
        });
    }
}
