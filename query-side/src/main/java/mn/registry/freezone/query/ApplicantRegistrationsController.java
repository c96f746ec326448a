package mn.registry.freezone.query;

import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The applicant reads its own Free Zone registrations (ADR 0013 §5; 003 art. 12.1-12.2, 12.5):
 * {@code GET /api/applicant/registrations} lists the registrations whose application the signed-in person signed,
 * {@code GET /api/applicant/registrations/{id}} shows one with every decision on it and its reasons. Anybody else's
 * registration, or an id that names none, is the same 403 as for permits, with nothing of the registration in it.
 */
@RestController
class ApplicantRegistrationsController {

    private final ApplicantRegistrations registrations;
    private final Sessions sessions;
    private final EntityDaysToAct daysToAct;

    ApplicantRegistrationsController(ApplicantRegistrations registrations, Sessions sessions, EntityDaysToAct daysToAct) {
        this.registrations = registrations;
        this.sessions = sessions;
        this.daysToAct = daysToAct;
    }

    @GetMapping(path = "/api/applicant/registrations", produces = "application/json")
    List<Map<String, Object>> mine(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor applicant = sessions.require(authorization, Role.APPLICANT);
        return registrations.ofApplicant(applicant.person(), applicant.company()); // F533: and the entity their grant now names
    }

    @GetMapping(path = "/api/applicant/registrations/{registrationId}", produces = "application/json")
    Map<String, Object> one(@PathVariable String registrationId,
                            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor applicant = sessions.require(authorization, Role.APPLICANT);
        Map<String, Object> file = registrations.forApplicant(registrationId, applicant.person(), applicant.company()).orElseThrow(() -> notYourRegistration(applicant));
        // 003 art. 12.5.1, 12.5.2 (ADR 0035 item 95; F471, was O300): the days that run against the entity, as its page shows them
        Map<String, Object> answer = new java.util.LinkedHashMap<>(file);
        answer.put("daysToAct", daysToAct.of(registrationId, file));
        return answer;
    }

    // 003 art. 12.1-12.2: the registration's case is told to the person who applied; to nobody else (domain-rules §5)
    static RegistryProblem notYourRegistration(Actor applicant) {
        return RegistryProblem.forbidden("applicant.not-your-case", applicant.person() + " did not sign this application, nor does their grant "
                + "in force name the entity; an applicant reads only the cases whose application they signed, or of the company they represent, and "
                + "nothing of an entity once their grant names another company (ADR 0035 item 122).", "003 art. 12.1-12.2");
    }
}
