package mn.registry.web.applicant;

import mn.registry.projection.RegisterCatchUp;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.freezone.query.ApplicantRegistrations;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.look.Folded;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.permit.query.PermitCases;
import mn.registry.web.StaffSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The applicant's page ({@code /applicant}): its cases, and one case ({@code /applicant/applications/{id}}) with the
 * receipt and every decision and its reasons (002 art. 26.2.1, 26.2.2, 26.3). A case that is not the signed-in
 * person's, or that does not exist, is the same "not allowed" page (403). The same page lists the person's Free Zone
 * registrations, each ({@code /applicant/registrations/{id}}) with every decision and its reasons (003 art. 12.1-12.2, 12.5).
 */
@Controller
class ApplicantController {

    private final PermitCases cases;
    private final StaffSession session;
    private final ApplicantRegistrations registrations;
    private final java.time.Clock clock;
    private final mn.registry.freezone.query.GovernorDesk zones;
    private final mn.registry.freezone.query.EntityDaysToAct daysToAct;

    private final mn.registry.web.RevocationAnswers revocationAnswers;
    private final org.springframework.beans.factory.ObjectProvider<LandActs.OfTheZone> landActs;
    private final RegisterCatchUp catchUp;
    private final mn.registry.projection.AnswerBesideTheRegister beside;

    ApplicantController(PermitCases cases, StaffSession session, ApplicantRegistrations registrations, java.time.Clock clock,
                        mn.registry.freezone.query.GovernorDesk zones, mn.registry.freezone.query.EntityDaysToAct daysToAct,
                        mn.registry.web.RevocationAnswers revocationAnswers,
                        org.springframework.beans.factory.ObjectProvider<LandActs.OfTheZone> landActs, RegisterCatchUp catchUp,
                        mn.registry.projection.AnswerBesideTheRegister beside) {
        this.catchUp = catchUp;
        this.beside = beside;
        this.cases = cases;
        this.session = session;
        this.registrations = registrations;
        this.clock = clock;
        this.zones = zones;
        this.daysToAct = daysToAct;
        this.revocationAnswers = revocationAnswers;
        this.landActs = landActs;
    }

    @GetMapping("/applicant")
    String mine(HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.APPLICANT), actor -> {
            model.addAttribute("cases", cases.ofApplicant(actor.person(), actor.company())); // F522: none of another company's
            model.addAttribute("registrations", registrations.ofApplicant(actor.person(), actor.company()));
            return "applicant/cases";
        });
    }

    @GetMapping("/applicant/applications/{applicationId}")
    String one(@PathVariable String applicationId, HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.APPLICANT), actor -> {
            // ADR 0065: the command side's answer; ADR 0071 item 10 (O265): the case file read once the register has the event the answer folded;
            // item 15 (O285): asked again when an act was stored after the look
            var shown = beside.read(applicationId, () -> revocationAnswers.foldedOrNone(applicationId),
                    position -> catchUp.caughtUpTo(position, PermitCases.WRITTEN_BY), () -> cases.forApplicant(applicationId, actor.person(), actor.company()));
            model.addAttribute(RegisterCatchUp.CATCHING_UP, !shown.caughtUp());
            return ownFile(shown.register(), response, model, file -> {
                model.addAttribute("holderDuties", holderDuties(file));
                java.time.LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(clock.instant());
                var answer = shown.answer();
                model.addAttribute("extension", extension(file, today,
                        answer.map(mn.registry.kernel.permit.RevocationGrounds.Answer::extensionRequestClosed).orElse(false)));
                model.addAttribute("complaintOpen", mn.registry.web.desk.ComplaintPeriod.running(file, today));
                // ADR 0046 item 120 (F458): a complaint the file keeps from an earlier, annulled revocation is not one against this one
                model.addAttribute("complaintFiled", mn.registry.permit.query.ComplaintAgainstTheRevocation.of(file).isPresent());
                // 002 art. 23.3, 29.1.1 (ADR 0046 item 74): a request received before the permit passed to this holder is not its own, as
                // the command side answers (ADR 0065)
                var holderRequest = answer
                        .map(mn.registry.kernel.permit.RevocationGrounds.Answer::holderRequest)
                        .orElse(mn.registry.kernel.permit.RevocationGrounds.HolderRequest.NONE);
                model.addAttribute("revocationRequested", holderRequest == mn.registry.kernel.permit.RevocationGrounds.HolderRequest.THE_HOLDERS);
                model.addAttribute("revocationRequestOfThePredecessor",
                        holderRequest == mn.registry.kernel.permit.RevocationGrounds.HolderRequest.THE_PREDECESSORS);
                return "applicant/case";
            });
        });
    }

    /** The applicant's own file and its status on {@code page}, or 403 "forbidden" for anybody else's file or an id that names none. */
    private static String ownFile(Optional<Map<String, Object>> found, HttpServletResponse response, Model model,
                                  Function<Map<String, Object>, String> page) {
        if (found.isEmpty()) {
            response.setStatus(403);
            return "forbidden";
        }
        model.addAttribute("file", found.get());
        model.addAttribute("status", String.valueOf(found.get().get("status")));
        return page.apply(found.get());
    }

    /**
     * Whether the holder may request the extension today (002 art. 27.2, ADR 0013 §3: in the last six months of the term,
     * none after the expiry, one pending at a time): "open", "pending", or the first day it opens ("opens" with the
     * date); "closed" when the request waited on a revocation that now stands, as the command side answers ({@code closedByTheRevocation},
     * 27.3, 29.6, ADR 0046 item 111): it ended with the permit and is decided no more; "waits" while the permit is revoked and the answer
     * does not say so (item 51: it waits for the revocation's outcome, and an upheld complaint brings it back; was O270).
     */
    record Extension(String state, java.time.LocalDate opens) {
    }

    static Extension extension(Map<String, Object> file, java.time.LocalDate today, boolean closedByTheRevocation) {
        if (file.get("extensionRequest") != null) {
            return new Extension(closedByTheRevocation ? "closed" : "REVOKED".equals(String.valueOf(file.get("status"))) ? "waits" : "pending", null);
        }
        if (!(file.get("permit") instanceof Map<?, ?> permit) || permit.get("validUntil") == null) {
            return new Extension("none", null);
        }
        java.time.LocalDate validUntil = java.time.LocalDate.parse(String.valueOf(permit.get("validUntil")));
        java.time.LocalDate opens = validUntil.plusDays(1).minus(mn.registry.kernel.permit.PermitDeadlines.EXTENSION_REQUEST_WINDOW);
        if (today.isAfter(validUntil)) {
            return new Extension("none", null);
        }
        return today.isBefore(opens) ? new Extension("opens", opens) : new Extension("open", opens);
    }

    /** The open duties the holder discharges by a signed record (002 art. 27.7, 29.3; ADR 0013 §4), offered as forms. */
    static java.util.List<String> holderDuties(Map<String, Object> file) {
        if (!(file.get("duties") instanceof Map<?, ?> duties)) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(mn.registry.kernel.permit.PermitDuty.values())
                .filter(d -> d.owedBy() == mn.registry.kernel.permit.PermitDuty.Party.HOLDER
                        && d.dischargedBy() == mn.registry.kernel.permit.PermitDuty.Discharge.SIGNED_RECORD)
                .map(Enum::name).filter(duties::containsKey).toList();
    }

    /** The application form (002 art. 23.2, 25.1): the company and the documents of 25.1, hashed and uploaded in the browser. */
    @GetMapping("/applicant/apply")
    String apply(HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.APPLICANT), actor -> {
            model.addAttribute("documentKinds", mn.registry.kernel.permit.RequiredDocument.values());
            return "applicant/apply";
        });
    }

    /** The Free Zone registration application (003 art. 12.1): the zone, the entity, its activity and the documents. */
    @GetMapping("/applicant/zones/apply")
    String applyInZone(HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.APPLICANT), actor -> {
            // 003 art. 6.4 (choice): a closed zone takes no new registrations, so only open zones are offered
            model.addAttribute("zones", zones.zones().stream().filter(z -> Boolean.TRUE.equals(z.get("open"))).toList());
            model.addAttribute("activities", mn.registry.kernel.freezone.Activity.values());
            model.addAttribute("zoneDocuments", mn.registry.kernel.freezone.ZoneDocument.values());
            return "applicant/zone-apply";
        });
    }

    @GetMapping("/applicant/registrations/{registrationId}")
    String registration(@PathVariable String registrationId, HttpServletRequest request, HttpServletResponse response, Model model) {
        return session.page(request, response, List.of(Role.APPLICANT), actor -> {
            // ADR 0071: the registration read once the register has its last event; ADR 0071 item 10 (O265): and the land register's event the
            // command side's answer below folded; item 15 (O285): asked again when an act was stored on the land register after the look
            long registrationAt = catchUp.lastPositionOf(streamsShownWith(registrationId));
            var shown = beside.read(landStreamOf(registrationId), () -> landActsNow(registrationId, actor.person(), actor.company()),
                    position -> catchUp.caughtUpTo(Math.max(position, registrationAt), ApplicantRegistrations.WRITTEN_BY,
                            mn.registry.freezone.query.GovernorDesk.WRITTEN_BY), () -> registrations.forApplicant(registrationId, actor.person(), actor.company()));
            model.addAttribute(RegisterCatchUp.CATCHING_UP, !shown.caughtUp());
            return ownFile(shown.register(), response, model, file -> {
                model.addAttribute("registrationId", registrationId);
                LandActs acts = shown.answer();
                model.addAttribute("feeReports", feeReports(file, acts));
                model.addAttribute("withdrawals", withdrawals(file, acts));
                model.addAttribute("landApplication", landApplication(file, registrationId, actor.person(), actor.company()));
                // 003 art. 12.5.1, 12.5.2 (ADR 0035 items 93, 96; F460, F472): the days that run against the entity, as the governor's desk shows
                // them, each with the day the registry raised its ground once it did
                model.addAttribute("daysToAct", daysToAct.of(registrationId, file));
                return "applicant/registration";
            });
        });
    }

    /**
     * ADR 0071: the registration's stream, which the page shows; none for an id that names no registration (the page then answers not
     * found). The zone's land register, whose applications and licences it shows too, is waited for at the position the command side's
     * answer folded (ADR 0071 item 10).
     */
    private static List<String> streamsShownWith(String registrationId) {
        return mn.registry.kernel.freezone.RegistrationId.named(registrationId).map(registration -> List.of(registration.stream())).orElse(List.of());
    }

    /** The stream of the land register of the registration's zone, which the page's answer folds; none for an id that names no registration. */
    private static String landStreamOf(String registrationId) {
        return mn.registry.kernel.freezone.RegistrationId.named(registrationId).map(registration -> registration.zoneId().landStream()).orElse("");
    }

    /** A report the land register did not answer on (no command side here, or no licence awaiting its certificate): not offered, no reason. */
    private static final LandActs.Verdict UNANSWERED = new LandActs.Verdict("");

    /**
     * 003 art. 22.5, 22.7 (ADR 0035 item 83; abuse audit F391, was O239): for each licence of the registration's land applications, whether the
     * zone's land register would record the holder's report of its fee paid now on the signed-in person's signature, as the command side
     * answers ({@link LandActs.OfTheZone}, the answer the land desk reads): one load of the zone's land register per page.
     */
    private static Map<String, LandActs.Verdict> feeReports(Map<String, Object> file, LandActs acts) {
        return perLandApplication(file, "licenceId", licence -> acts.reportOf(new LandLicenceId(licence)));
    }

    /**
     * The land acts the zone's land register would record now on the signed-in person's signature ({@link LandActs.OfTheZone}), with the
     * position of the register's last event they folded; {@link LandActs#NONE} at position 0 when none is answered. Judged on the company
     * the person's grant in force now names ({@code company}; null: none), as the register judges the act (003 art. 12.1, 22.2, 22.5;
     * 001 art. 23.1.1; ADR 0035 item 104, F525, was O367).
     */
    private Folded<LandActs> landActsNow(String registrationId, mn.registry.kernel.identity.PersonId signer, String company) {
        LandActs.OfTheZone answer = landActs.getIfAvailable();
        return mn.registry.kernel.freezone.RegistrationId.named(registrationId).filter(registration -> answer != null)
                .flatMap(registration -> answer.foldedNow(registration.zoneId(), signer, company)).orElse(new Folded<>(LandActs.NONE, 0));
    }

    /**
     * 003 art. 22.2 (ADR 0035 item 86; abuse audit F416, was O244): for each of the registration's land applications, whether the zone's land
     * register would record its withdrawal now on the signed-in person's signature (pending, signed by the entity's representative).
     */
    private static Map<String, LandActs.Verdict> withdrawals(Map<String, Object> file, LandActs acts) {
        return perLandApplication(file, "applicationId", id -> acts.withdrawalOf(new LandApplicationId(id)));
    }

    /** The answer {@code verdict} gives for the value of {@code key} in each of the case file's land applications that has one. */
    private static Map<String, LandActs.Verdict> perLandApplication(Map<String, Object> file, String key,
                                                                     java.util.function.Function<String, java.util.Optional<LandActs.Verdict>> verdict) {
        Map<String, LandActs.Verdict> verdicts = new java.util.HashMap<>();
        if (file.get("landApplications") instanceof List<?> applications) {
            applications.stream().filter(Map.class::isInstance).map(a -> ((Map<?, ?>) a).get(key)).filter(java.util.Objects::nonNull)
                    .map(String::valueOf).forEach(value -> verdicts.put(value, verdict.apply(value).orElse(UNANSWERED)));
        }
        return verdicts;
    }

    /**
     * 003 art. 6.4, 12.1, 12.2, 12.5, 22.2 (ADR 0035 item 84; abuse audit F402): whether the zone's land register would record an application for
     * land in the registration's name signed by the signed-in person now, as the command side answers ({@link LandActs.OfTheZone#applicationBy}).
     */
    private LandActs.Verdict landApplication(Map<String, Object> file, String registrationId, mn.registry.kernel.identity.PersonId signer,
                                             String company) {
        LandActs.OfTheZone answer = landActs.getIfAvailable();
        return answer == null || file.get("zoneId") == null ? UNANSWERED
                : answer.applicationBy(ZoneId.of(String.valueOf(file.get("zoneId"))), new mn.registry.kernel.freezone.RegistrationId(registrationId), signer,
                        company);
    }
}
