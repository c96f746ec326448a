package mn.registry.session;

import jakarta.servlet.http.HttpServletRequest;
import mn.registry.infrastructure.session.Sessions;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/session/challenge}, then {@code POST /api/session} with the signed challenge; {@code DELETE
 * /api/session} signs out: the token is refused afterwards.
 */
@RestController
class SessionController {

    private final Sessions sessions;

    SessionController(Sessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping(path = "/api/session/challenge", produces = "application/json")
    Sessions.Challenge challenge() {
        return sessions.challenge();
    }

    @PostMapping(path = "/api/session", consumes = {"application/json", "application/jose+json"}, produces = "application/json")
    Sessions.Session signIn(@RequestBody String jws) {
        return sessions.signIn(jws);
    }

    @GetMapping(path = "/api/session", produces = "application/json")
    mn.registry.infrastructure.identity.Actor whoAmI(HttpServletRequest request) {
        return sessions.require(request.getHeader("Authorization"));
    }

    @DeleteMapping("/api/session")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        sessions.require(request.getHeader("Authorization")); // 401 without a live session: nothing to end
        sessions.signOut(request.getHeader("Authorization"));
        return ResponseEntity.noContent().build();
    }
}
