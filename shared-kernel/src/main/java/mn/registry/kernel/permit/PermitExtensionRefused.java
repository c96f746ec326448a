package mn.registry.kernel.permit;

import java.time.Instant;
import java.util.List;
import mn.registry.kernel.identity.PersonId;

/** The extension was refused with reasons (002 art. 27.3). */
public record PermitExtensionRefused(ApplicationId applicationId, List<RefusalReason> reasons, Instant decidedAt, PersonId decidedBy) {
}
