package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** The ground of the suspension was removed and the permit restored (002 art. 28.4). */
public record PermitRestored(ApplicationId applicationId, String reason, Instant restoredAt, PersonId decidedBy, String article) {
}
