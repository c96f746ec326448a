package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;

/** No decision within 17 working days of receipt: escalated to a supervisor, never approved by silence (002 art. 26.1). */
public record PermitDecisionOverdue(ApplicationId applicationId, LocalDate decisionDue, Instant escalatedAt, String article) {
}
