package mn.registry.web.desk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevocationGrounds;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.permit.query.PermitCases;
import mn.registry.permit.query.ReviewerQueue;
import mn.registry.web.StaffSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Map;
import mn.registry.projection.AnswerBesideTheRegister;
import mn.registry.projection.RegisterCatchUp;
import java.util.Optional;
import java.util.Set;

/**
 * The ministry desk ({@code /desk}): the queue by legal time left (002 art. 26.1), every file, the supervisor's
 * escalations, and an application's page ({@code /desk/applications/{id}}) with the decision forms its status allows.
 */
@Controller
class DeskController {

    /** Colours a decision as near due this many working days ahead (the query side's choice, shown the same way). */
    static final int NEAR_DUE_WORKING_DAYS = 3;

    private final ReviewerQueue queue;
    private final PermitCases cases;
    private final StaffSession staff;
    private final MinistryParameter minimumInsurance;

    private final mn.registry.web.WebDates dates;
    private final mn.registry.web.RevocationAnswers revocationAnswers;
    private final RegisterCatchUp catchUp;
    private final mn.registry.web.StoredActsOfAPerson storedActs;
    private final AnswerBesideTheRegister beside;
    private final GrantsNamingNoCompany namingNoCompany;

    DeskController(ReviewerQueue queue, PermitCases cases, StaffSession staff, MinistryParameter minimumInsurance, mn.registry.web.WebDates dates,
                   mn.registry.web.RevocationAnswers revocationAnswers, RegisterCatchUp catchUp, mn.registry.web.StoredActsOfAPerson storedActs,
                   AnswerBesideTheRegister beside, GrantsNamingNoCompany namingNoCompany) {
        this.namingNoCompany = namingNoCompany;
        this.catchUp = catchUp;
        this.beside = beside;
        this.storedActs = storedActs;
        this.queue = queue;
        this.cases = cases;
        this.staff = staff;
        this.minimumInsurance = minimumInsurance;
        this.dates = dates;
        this.revocationAnswers = revocationAnswers;
    }

    @GetMapping("/desk")
    String desk(@RequestParam(required = false) String storedActsOf, @RequestParam(required = false) Long act,
                @RequestParam(name = "zone", required = false) String actsZone,
                @RequestParam(name = "companyOf", required = false) String companyOf, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return staff.page(request, response, List.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR), actor -> {
            boolean supervisor = actor.roles().contains(Role.MINISTRY_SUPERVISOR);
            // ADR 0061 item 68 (F534, was O417): the representatives' grants naming no company, beside the statement's form
            model.addAttribute("namingNoCompany", supervisor ? namingNoCompany.listing(companyOf) : null);
            // ADR 0061 item 33 (F423, was O261): the stored acts whose order the supervisor may state, beside the statement's form
            storedActs.addTo(model, supervisor ? storedActsOf : null, new mn.registry.web.StoredActsOfAPerson.Chosen(act, actsZone), actor);
            model.addAttribute("queue", queue.awaitingDecision());
            model.addAttribute("nearDays", NEAR_DUE_WORKING_DAYS);
            model.addAttribute("files", cases.all());
            model.addAttribute("supervisor", supervisor);
            RepresentativeTie.of(actor.roles(), actor.company()).addTo(model);
            model.addAttribute("escalations", supervisor ? cases.escalations() : List.of());
            // 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 item 157, choice; F526, was O405): the permits of the holder the official acts for are
            // listed, marked "another official decides" (the file's page offers them nothing: F546)
            model.addAttribute("holdersOwn", HoldersOwnOfficial.permitsOf(actor.person(), actor.company(),
                    cases.holderOfficialsCases(actor.person(), actor.company())));
            model.addAttribute("minimumInsurance", minimumInsurance.inForce().orElse(null));
            model.addAttribute("minimumPending", minimumInsurance.pending().map(p -> java.util.Map.of("amount", p.amount().amount(),
                    "currency", p.amount().currency(), "from", dates.time(p.effectiveFrom()))).orElse(null));
            return "desk/queue";
        });
    }

    @GetMapping("/desk/applications/{applicationId}")
    String application(@PathVariable String applicationId, HttpServletRequest request, HttpServletResponse response, Model model) {
        return staff.page(request, response, List.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR), actor -> {
            // ADR 0065: the command side's answer; ADR 0071 item 10 (O265): the case file read once the register has the event the answer folded;
            // item 15 (O285): asked again when an act was stored after the look, so the form is judged on what the case file shows
            // ADR 0046 item 156 (F523, was O406): asked for the official, who is judged on the aggregate's holder now
            var shown = beside.read(applicationId, () -> revocationAnswers.foldedOrNone(applicationId, actor.person(), actor.company()),
                    position -> catchUp.caughtUpTo(position, PermitCases.WRITTEN_BY), () -> cases.application(applicationId));
            model.addAttribute(RegisterCatchUp.CATCHING_UP, !shown.caughtUp());
            Optional<Map<String, Object>> found = shown.register();
            if (found.isEmpty()) {
                response.setStatus(404);
                return "notfound";
            }
            Map<String, Object> file = found.get();
            PermitApplicationStatus status = PermitApplicationStatus.valueOf(String.valueOf(file.get("status")));
            Optional<RevocationGrounds.Answer> answer = shown.answer();
            RevocationOffer offered = RevocationOffer.of(answer);
            SuspensionOffer suspension = SuspensionOffer.of(answer);
            boolean supervisor = actor.roles().contains(Role.MINISTRY_SUPERVISOR);
            model.addAttribute("file", file);
            model.addAttribute("status", status.name());
            // 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 item 153, F548, was O369): the command side's answer says the representative no longer acts
            model.addAttribute("representativeNoLongerActs", answer.map(RevocationGrounds.Answer::representativeNoLongerActs).orElse(false));
            Set<String> forms = forms(status, supervisor, file.get("extensionRequest") != null);
            if (offered.suspensionAnew()) {
                forms.add("suspend"); // 002 art. 28.1, 29.6 (ADR 0046 item 92): a spent run-out is suspended anew
            }
            if (suspension.taxRequestRefusable()) {
                forms.add("refuseTaxRequest"); // 002 art. 28.1: the tax authority's pending request is decided by suspending or by this refusal
            }
            Map<?, ?> complaint = file.get("complaint") instanceof Map<?, ?> c ? c : null;
            Map<?, ?> duties = file.get("duties") instanceof Map<?, ?> d ? d : Map.of();
            Map<?, ?> revocation = file.get("revocation") instanceof Map<?, ?> r ? r : Map.of();
            Set<String> escalated = escalatedDecisions(file, duties, dates.today());
            if (offered.suspensionAnew() && escalated.contains("restore")) {
                escalated.add("suspend"); // ADR 0046 item 92: the suspension anew answers the escalated decision after the run-out too
            }
            if (supervisor && reinstatementStoredUnpublished(status, complaint)) {
                forms.add("publishReinstatement");
            }
            Offer offer = offer(status, supervisor, forms, new Facts(file.get("insurance") != null, minimumInsurance.inForce().isPresent(),
                    complaint != null && complaint.get("upheld") == null, duties.containsKey("HAND_OVER_DATABASE"),
                    duties.containsKey("NOTIFY_SUSPENSION"), actor.person().value().equals(String.valueOf(revocation.get("decidedBy"))),
                    suspension.restorationWaitsFor(), ComplaintPeriod.running(file, dates.today()), escalated));
            offer = restorationOnUnnoticedMonthsIsTheSupervisors(offer, supervisor, suspension);
            offer = remedyFindingIsTheInspectors(offer, actor.roles(), answer.map(RevocationGrounds.Answer::remedyFindingIsTheInspectors).orElse(false));
            offer = noneForTheHoldersOwnOfficial(offer, actor.person(), actor.company(), file, answer);
            model.addAttribute("forms", signableBy(offer.forms(), actor.roles()));
            model.addAttribute("missing", offer.missing());
            model.addAttribute("minimumInsurance", minimumInsurance.inForce().orElse(null));
            model.addAttribute("minimumPending", minimumInsurance.pending().map(p -> java.util.Map.of("amount", p.amount().amount(),
                    "currency", p.amount().currency(), "from", dates.time(p.effectiveFrom()))).orElse(null));
            model.addAttribute("documentKinds", mn.registry.kernel.permit.RequiredDocument.values());
            model.addAttribute("reorganisations", mn.registry.kernel.permit.Reorganisation.values());
            model.addAttribute("taxRequest", file.get("taxSuspensionRequest"));
            model.addAttribute("groundToSuspend", suspension.groundToSuspend());
            model.addAttribute("restorationOnTheMonthsSpent", suspension.restorationOnTheMonthsSpent());
            model.addAttribute("restorationOnTheMonthsSpentIsTheSupervisors", suspension.restorationIsTheSupervisors());
            model.addAttribute("nearDays", NEAR_DUE_WORKING_DAYS);
            model.addAttribute("requirements", PermitRequirement.values());
            List<SuspensionGround> grounds = suspensionGroundsOffered(supervisor, escalated);
            model.addAttribute("suspensionGrounds", grounds);
            model.addAttribute("suspendOnTheTaxRequest", file.get("taxSuspensionRequest") != null && grounds.contains(SuspensionGround.TAX_EVASIONS));
            model.addAttribute("revocationRequest", file.get("revocationRequest"));
            model.addAttribute("holderRequested", offered.holderRequested());
            model.addAttribute("revocationRequestOfThePredecessor", offered.predecessorsRequest());
            model.addAttribute("changeReports", changeReports(file));
            model.addAttribute("suspensionGroundRemoved", offered.groundRemoved());
            model.addAttribute("suspensionNotNotified", offered.notNotified());
            model.addAttribute("suspensionAnew", offered.suspensionAnew());
            model.addAttribute("revocationGrounds", offered.grounds());
            return "desk/application";
        });
    }

    /**
     * 002 art. 20.3.3 (choice, ADR 0046 item 45, abuse audit F181, was O94): the holder's reports of a change, in the order received, each
     * with the day of the change the holder names beside the document that shows it, so that a person compares them (the lateness is
     * computed from the day named). A report stored before the document was required has none.
     */
    static List<Map<String, Object>> changeReports(Map<String, Object> file) {
        List<Map<String, Object>> reports = new java.util.ArrayList<>();
        CaseHistory.entries(file, "PermitChangeReported").map(CaseHistory::event).forEach(event -> {
            Map<String, Object> report = new java.util.LinkedHashMap<>();
            report.put("changedOn", event.get("changedOn"));
            report.put("documentSha256", event.get("documentSha256") instanceof String sha && !sha.isBlank() ? sha : null);
            report.put("description", event.get("description"));
            report.put("reportedAt", event.get("reportedAt"));
            report.put("late", Boolean.TRUE.equals(event.get("late")));
            reports.add(report);
        });
        return reports;
    }

    /**
     * The revocation form as the command side answers it (ADR 0065; the desk keeps no copy of the aggregate's rules): the grounds it would
     * accept (29.1.2 and 29.1.3 on the document the form names); whether the holder's own request waits (29.1.1, ADR 0046 items 14, 74) or
     * the request on record is the former holder's (23.3); whether 29.1.5 is refused because the record shows the suspension's ground
     * removed during it (28.4, items 73, 81, 88), which the page says; whether a suspension anew is open (item 92); and whether 29.1.5 is
     * refused because the suspension's notice to the holder was not recorded within its days (28.3, item 98), or too late to leave the holder
     * three working days to remedy (item 104), which the page says too.
     */
    record RevocationOffer(List<RevocationGround> grounds, boolean holderRequested, boolean predecessorsRequest, boolean groundRemoved,
                           boolean suspensionAnew, boolean notNotified) {

        static RevocationOffer of(Optional<RevocationGrounds.Answer> answer) {
            return answer.map(a -> new RevocationOffer(a.offered(), a.holderRequest() == RevocationGrounds.HolderRequest.THE_HOLDERS,
                    a.holderRequest() == RevocationGrounds.HolderRequest.THE_PREDECESSORS,
                    a.refusedWith(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "permit.revocation-ground-removed-during-the-suspension"),
                    a.suspensionAnew(), a.refusedWith(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                            "permit.revocation-suspension-not-notified") || a.refusedWith(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                            "permit.revocation-suspension-too-short-after-notice"))).orElse(new RevocationOffer(List.of(), false, false, false, false, false));
        }
    }

    /**
     * The suspension's decisions as the command side answers them (ADR 0065, session 24's second round; the desk keeps no copy of the
     * aggregate's rules): what the restoration waits for (a message key, or null when the aggregate would restore: 28.4, the remedy
     * inspected, ADR 0046 item 18, or the evasions settled, item 19, each with the desk's own note; another refusal, such as the term ended,
     * by its problem's message); whether the tax authority's request waits to be refused (28.1, item 55); whether a ground to suspend
     * stands, on which an extension may be refused (27.5, item 24); whether the restoration needs no remedy, the suspension having outlived
     * 28.1's three months unnoticed (item 113: the form says so), and whether that restoration is the supervisor's alone, the suspension's
     * notice not recorded by its due day (28.3, item 121). With no answer, the restoration is withheld as the aggregate's default verdict,
     * and neither the refusal nor the ground is offered.
     */
    record SuspensionOffer(String restorationWaitsFor, boolean taxRequestRefusable, boolean groundToSuspend, boolean restorationOnTheMonthsSpent,
                           boolean restorationIsTheSupervisors) {

        private static final Map<String, String> NOTE_OF_REFUSAL = Map.of("permit.restoration-without-inspection", "desk.missing.remedyInspection",
                "permit.restoration-without-tax-settlement", "desk.missing.taxSettlement");

        static SuspensionOffer of(Optional<RevocationGrounds.Answer> answer) {
            RevocationGrounds.Verdict restoration = answer.map(RevocationGrounds.Answer::restoration)
                    .orElse(RevocationGrounds.Verdict.refused("permit.wrong-state"));
            String waitsFor = restoration.accepted() ? null
                    : NOTE_OF_REFUSAL.getOrDefault(restoration.refusedWith(), "problem." + restoration.refusedWith());
            return new SuspensionOffer(waitsFor, answer.map(a -> a.taxRequestRefusal().accepted()).orElse(false),
                    answer.map(RevocationGrounds.Answer::groundToSuspend).orElse(false),
                    restoration.accepted() && answer.map(RevocationGrounds.Answer::restorationOnTheMonthsSpent).orElse(false),
                    restoration.accepted() && answer.map(RevocationGrounds.Answer::restorationOnTheMonthsSpentIsTheSupervisors).orElse(false));
        }
    }

    /**
     * 002 art. 28.1, 28.3, 28.4 (ADR 0046 item 121, abuse audit F466): a restoration on 28.1's months spent whose suspension's notice was not
     * recorded by its due day is the supervisor's alone (the aggregate refuses a reviewer's, 403): a reviewer's desk offers no restoration
     * form and says why ({@code desk.missing.restorationOnUnnoticedMonths}); a supervisor's offer is unchanged.
     */
    static Offer restorationOnUnnoticedMonthsIsTheSupervisors(Offer offer, boolean supervisor, SuspensionOffer suspension) {
        if (supervisor || !suspension.restorationIsTheSupervisors()) {
            return offer;
        }
        Set<String> forms = new java.util.LinkedHashSet<>(offer.forms());
        forms.remove("restore");
        List<String> missing = new java.util.ArrayList<>(offer.missing());
        missing.add("desk.missing.restorationOnUnnoticedMonths");
        return new Offer(forms, List.copyOf(missing));
    }

    /**
     * 002 art. 28.1, 28.4 (choice, ADR 0046 item 139, abuse audit F494, was O342): while an inspector's opinion of a violation stands, the
     * inspection finding no violation is the inspector's (the aggregate refuses a reviewer's or supervisor's, 403): a desk whose viewer
     * holds no inspector's role offers no inspection form and says the inspector records it ({@code desk.missing.remedyFindingIsTheInspectors});
     * the inspector's page ({@code /inspector}) offers it.
     */
    static Offer remedyFindingIsTheInspectors(Offer offer, Set<Role> roles, boolean theInspectors) {
        if (!theInspectors || roles.contains(Role.COMMUNICATIONS_INSPECTOR) || !offer.forms().contains("inspect")) {
            return offer;
        }
        Set<String> forms = new java.util.LinkedHashSet<>(offer.forms());
        forms.remove("inspect");
        List<String> missing = new java.util.ArrayList<>(offer.missing());
        missing.add("desk.missing.remedyFindingIsTheInspectors");
        return new Offer(forms, List.copyOf(missing));
    }

    /** What the desk knows of a case beyond its status, for the acts that need something first. */
    record Facts(boolean insuranceRecorded, boolean minimumInsuranceSet, boolean complaintPending, boolean databaseNotHandedOver,
                 boolean suspensionNotificationOpen, boolean viewerSignedTheRevocation, String restorationWaitsFor, boolean complaintPeriodRunning,
                 Set<String> escalatedDecisions) {

        Facts(boolean insuranceRecorded, boolean minimumInsuranceSet, boolean complaintPending, boolean databaseNotHandedOver,
              boolean suspensionNotificationOpen, boolean viewerSignedTheRevocation, String restorationWaitsFor, boolean complaintPeriodRunning) {
            this(insuranceRecorded, minimumInsuranceSet, complaintPending, databaseNotHandedOver, suspensionNotificationOpen,
                    viewerSignedTheRevocation, restorationWaitsFor, complaintPeriodRunning, Set.of());
        }
    }

    /**
     * 002 art. 26.1, domain-rules §1-2 (ADR 0046 item 174, abuse audit F600): the application's last day has passed today, by the registry's
     * clock, whether or not the deadline service has escalated it yet: the registry judges the decision at its receipt, the supervisor's.
     */
    static boolean decisionsLastDayHasPassed(Map<?, ?> decision, java.time.LocalDate today) {
        return decision.get("due") != null && today != null && today.isAfter(java.time.LocalDate.parse(decision.get("due").toString()));
    }

    /**
     * domain-rules §1, 002 art. 26.1, ADR 0013 §4 (ADR 0046 item 50, abuse audit F191): the forms of the decisions the registry escalated
     * for being late, which a supervisor now signs: the application's (its 17 working days ran out), and those whose duty to decide
     * was flagged overdue (an extension request, the tax authority's request, the decision after a suspension ran out).
     */
    static Set<String> escalatedDecisions(Map<String, Object> file, Map<?, ?> duties, java.time.LocalDate today) {
        Set<String> escalated = new java.util.LinkedHashSet<>();
        if (file.get("decision") instanceof Map<?, ?> decision && (Boolean.TRUE.equals(decision.get("escalated"))
                || decisionsLastDayHasPassed(decision, today))) {
            escalated.addAll(List.of("approve", "refuse"));
        }
        Map<String, String> formOfDuty = Map.of("DECIDE_EXTENSION", "extend", "DECIDE_TAX_SUSPENSION_REQUEST", "refuseTaxRequest",
                "DECIDE_AFTER_SUSPENSION", "restore");
        formOfDuty.forEach((duty, form) -> {
            if (duties.get(duty) instanceof Map<?, ?> open && Boolean.TRUE.equals(open.get("overdue"))) {
                escalated.add(form);
            }
        });
        return escalated;
    }

    /**
     * domain-rules §1, 002 art. 31.1.7 (ADR 0046 item 59, abuse audit F209): the forms whose command the viewer's roles may sign. An
     * inspection is recorded by a communications inspector or a reviewer ({@code PermitCommandTypes.recordPermitInspection}), not by a
     * supervisor, whose desk offered the form all the same.
     */
    /**
     * 002 art. 29.6, 31.1.6 (ADR 0046 item 67, was O123): the case file shows the complaint upheld before such decisions were published and
     * no correcting record since, and the permit not revoked again (the aggregate refuses the record over a revocation in force).
     */
    static boolean reinstatementStoredUnpublished(PermitApplicationStatus status, Map<?, ?> complaint) {
        return status != PermitApplicationStatus.REVOKED && complaint != null && Boolean.TRUE.equals(complaint.get("storedUnpublished"));
    }

    static Set<String> signableBy(Set<String> forms, Set<Role> roles) {
        Set<String> signable = new java.util.LinkedHashSet<>(forms);
        if (!roles.contains(Role.MINISTRY_REVIEWER) && !roles.contains(Role.COMMUNICATIONS_INSPECTOR)) {
            signable.remove("inspect");
        }
        return signable;
    }

    /**
     * domain-rules §1, 002 art. 28.1 (ADR 0046 item 59, abuse audit F207): the grounds the suspension form offers. Once the duty to decide the
     * tax authority's request was flagged overdue, a suspension on it is the supervisor's (F191: {@code SuspendPermit} on the tax ground is
     * refused to a reviewer), so the reviewer's form offers the inspector's opinion only, and the page says the supervisor decides the
     * request ({@code desk.missing.escalatedToSupervisor}, from its refusal's form withheld the same way).
     */
    static List<SuspensionGround> suspensionGroundsOffered(boolean supervisor, Set<String> escalated) {
        boolean taxRequestEscalated = escalated.contains("refuseTaxRequest");
        return java.util.Arrays.stream(SuspensionGround.values())
                .filter(g -> supervisor || !taxRequestEscalated || g != SuspensionGround.TAX_EVASIONS).toList();
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1; domain-rules §1 (ADR 0046 item 151; abuse audit F546, was O393; F62): an official who acts for the
     * permit's holder (its representative in person, or whose grant of the applicant's role in force now names the holder's company) is
     * offered none of the ministry's acts on it; the page says why, by the refusal's own message. The question is the aggregate's rule
     * ({@link HoldersOwnOfficial}), asked with the case file's holder and representative. (ADR 0046 item 156; abuse audit F523, was O406) When
     * the command side answers, its answer for the official decides, judged on the aggregate's holder and representative now, which the case
     * file may show late (a transfer received since): the file is asked only where no command side runs.
     */
    static Offer noneForTheHoldersOwnOfficial(Offer offer, mn.registry.kernel.identity.PersonId official, String officialsCompany,
                                              Map<String, Object> file, Optional<RevocationGrounds.Answer> answer) {
        String refusal = answer.isPresent() ? answer.map(RevocationGrounds.Answer::officialRefusedWith).map(code -> "problem." + code).orElse(null)
                : HoldersOwnOfficial.refusalFor(official, officialsCompany, file);
        return refusal == null ? offer : new Offer(Set.of(), List.of(refusal));
    }

    /** As {@link #noneForTheHoldersOwnOfficial(Offer, mn.registry.kernel.identity.PersonId, String, Map, Optional)} with no command side's answer. */
    static Offer noneForTheHoldersOwnOfficial(Offer offer, mn.registry.kernel.identity.PersonId official, String officialsCompany,
                                              Map<String, Object> file) {
        return noneForTheHoldersOwnOfficial(offer, official, officialsCompany, file, Optional.empty());
    }

    /** The forms a page offers, and what is missing first for an act the status allows but a prerequisite holds back (message keys). */
    record Offer(Set<String> forms, List<String> missing) {
    }

    /**
     * The decisions of {@link #forms}, with the records that prepare or follow them, and without an act whose
     * prerequisite is missing, which is named instead ("record the insurance before issuing: none recorded").
     */
    static Offer offer(PermitApplicationStatus status, boolean supervisor, Set<String> decisions, Facts facts) {
        Set<String> forms = new java.util.LinkedHashSet<>(decisions);
        List<String> missing = new java.util.ArrayList<>();
        if (!supervisor && facts.escalatedDecisions() != null && forms.removeAll(facts.escalatedDecisions())) {
            missing.add("desk.missing.escalatedToSupervisor"); // ADR 0046 item 50 (F191): the supervisor decides what escalated
        }
        switch (status) {
            case REGISTERED -> {
                forms.add("requestDocuments");
                forms.add("documentsReceived");
                if (!facts.minimumInsuranceSet()) {
                    forms.remove("approve"); // 002 art. 26.5: approval names the minimum insurance the ministry set
                    missing.add(supervisor ? "desk.missing.minimumInsurance.supervisor" : "desk.missing.minimumInsurance");
                }
            }
            case APPROVED_PENDING_INSURANCE -> {
                forms.add("insurance");
                if (!facts.insuranceRecorded()) {
                    forms.remove("issue"); // 002 art. 26.2.3: issued only after proof of insurance
                    missing.add("desk.missing.insurance");
                } else if (!supervisor) {
                    missing.add("desk.missing.supervisorIssues");
                }
            }
            case ACTIVE, SUSPENDED -> {
                forms.add("inspect");
                if (facts.restorationWaitsFor() != null && forms.remove("restore")) {
                    missing.add(facts.restorationWaitsFor()); // 002 art. 28.4 (ADR 0046 items 18, 19)
                }
                if (status == PermitApplicationStatus.ACTIVE && supervisor) {
                    forms.add("transfer");
                }
                if (supervisor) { // 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 145, 148, F517): the holder's representative, outside a transfer
                    forms.add("holderRepresentative");
                }
                if (facts.suspensionNotificationOpen()) {
                    forms.add("dutyNotifySuspension");
                }
            }
            case REVOKED -> {
                if (supervisor && (facts.complaintPending() || facts.complaintPeriodRunning())) {
                    forms.add("holderRepresentative"); // 002 art. 23.2, 29.6 (ADR 0046 item 152, F547): the holder complains through one
                }
                if (facts.complaintPending() && supervisor && facts.viewerSignedTheRevocation()) {
                    missing.add("desk.missing.anotherSupervisorDecidesComplaint"); // 002 art. 29.6 (ADR 0046 item 10): not the revoker
                } else if (facts.complaintPending() && supervisor) {
                    forms.add("decideComplaint");
                }
                if (facts.databaseNotHandedOver()) {
                    forms.add("databaseHandedOver");
                } else if (supervisor && facts.complaintPending()) {
                    missing.add("desk.missing.complaintBeforePassOn"); // 002 art. 29.4, 29.6 (ADR 0046 item 17): the complaint first
                } else if (supervisor && facts.complaintPeriodRunning()) {
                    missing.add("desk.missing.complaintPeriod"); // 002 art. 29.4, 29.6 (ADR 0046 item 20): the holder may still complain
                } else if (supervisor) {
                    forms.add("passDatabaseOn");
                }
            }
            default -> {
            }
        }
        return new Offer(forms, List.copyOf(missing));
    }

    /** Which decisions the law allows from this status, and to whom (domain-rules §1, §3). */
    static Set<String> forms(PermitApplicationStatus status, boolean supervisor, boolean extensionRequested) {
        java.util.Set<String> forms = new java.util.LinkedHashSet<>();
        switch (status) {
            case REGISTERED -> {
                forms.add("approve");
                forms.add("refuse");
            }
            case APPROVED_PENDING_INSURANCE -> {
                if (supervisor) {
                    forms.add("issue");
                }
            }
            case ACTIVE -> {
                forms.add("suspend");
                if (extensionRequested) {
                    forms.add("extend");
                }
                if (supervisor) {
                    forms.add("revoke");
                }
            }
            case SUSPENDED -> {
                forms.add("restore");
                if (extensionRequested) {
                    forms.add("extend"); // ADR 0013 §3: decided while suspended only by a refusal; granted once restored
                }
                if (supervisor) {
                    forms.add("revoke");
                }
            }
            case EXPIRED -> {
                if (extensionRequested) {
                    forms.add("extend"); // ADR 0013 §3: a request made in time may still be decided after the expiry
                }
            }
            default -> {
            }
        }
        return forms;
    }
}
