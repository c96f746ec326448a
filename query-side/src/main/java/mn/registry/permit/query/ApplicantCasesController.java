package mn.registry.permit.query;

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
 * The applicant reads its own cases (ADR 0013 §5): {@code GET /api/applicant/applications} lists the cases whose
 * application the signed-in person signed, {@code GET /api/applicant/applications/{id}} shows one with every decision
 * on it and its reasons (002 art. 26.2.1, 26.2.2, 26.3). Anybody else's case, or an id that names no case, is the
 * same 403, with nothing of the case in it.
 */
@RestController
class ApplicantCasesController {

    private final PermitCases cases;
    private final Sessions sessions;

    ApplicantCasesController(PermitCases cases, Sessions sessions) {
        this.cases = cases;
        this.sessions = sessions;
    }

    @GetMapping(path = "/api/applicant/applications", produces = "application/json")
    List<Map<String, Object>> mine(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor applicant = sessions.require(authorization, Role.APPLICANT);
        return cases.ofApplicant(applicant.person(), applicant.company()); // F522: none of another company's
    }

    @GetMapping(path = "/api/applicant/applications/{applicationId}", produces = "application/json")
    Map<String, Object> one(@PathVariable String applicationId,
                            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor applicant = sessions.require(authorization, Role.APPLICANT);
        return cases.forApplicant(applicationId, applicant.person(), applicant.company()).orElseThrow(() -> notYourCase(applicant));
    }

    // 002 art. 26.2.1, 26.3 give the case to the person who made the request; to nobody else (domain-rules §5); nor to one whose grant now
    // names another company (ADR 0046 item 155, F522)
    static RegistryProblem notYourCase(Actor applicant) {
        return RegistryProblem.forbidden("applicant.not-your-case", applicant.person() + " did not sign this application, or their grant in force"
                + " names another company; an applicant reads only the cases whose application they signed, and nothing of a case once their"
                + " grant names a company other than its applicant or holder (ADR 0046 item 155).", "002 art. 26.2.1; 001 art. 23.1.1");
    }
}
