package mn.registry.permit.query;

import mn.registry.kernel.identity.Role;
import mn.registry.infrastructure.session.Sessions;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** {@code GET /api/reviewer/applications}: the reviewer queue, most urgent first. Ministry staff only. */
@RestController
class ReviewerQueueController {

    private final ReviewerQueue queue;
    private final Sessions sessions;

    ReviewerQueueController(ReviewerQueue queue, Sessions sessions) {
        this.queue = queue;
        this.sessions = sessions;
    }

    @GetMapping(path = "/api/reviewer/applications", produces = "application/json")
    List<ReviewerQueueEntry> applications(@RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        sessions.require(authorization, Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR);
        return queue.awaitingDecision();
    }
}
