package mn.registry.permit.query;

import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The ministry desk's pages: an application ({@code GET /api/reviewer/applications/{id}}), a permit
 * ({@code GET /api/reviewer/permits/{id}}) for reviewers and supervisors, and the supervisor's escalation list
 * ({@code GET /api/supervisor/escalations}).
 */
@RestController
class PermitDeskController {

    private final PermitCases cases;
    private final Sessions sessions;

    PermitDeskController(PermitCases cases, Sessions sessions) {
        this.cases = cases;
        this.sessions = sessions;
    }

    @GetMapping(path = "/api/reviewer/applications/{applicationId}", produces = "application/json")
    ResponseEntity<Map<String, Object>> application(@PathVariable String applicationId,
                                                    @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR);
        return ResponseEntity.of(cases.application(applicationId));
    }

    @GetMapping(path = "/api/reviewer/permits/{applicationId}", produces = "application/json")
    ResponseEntity<Map<String, Object>> permit(@PathVariable String applicationId,
                                               @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR);
        return ResponseEntity.of(cases.permit(applicationId));
    }

    // 002 art. 26.1: approaching and missed deadlines escalate to a supervisor
    @GetMapping(path = "/api/supervisor/escalations", produces = "application/json")
    List<Map<String, Object>> escalations(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_SUPERVISOR);
        return cases.escalations();
    }
}
