package mn.registry.kernel.permit;

import java.time.Instant;
import java.util.List;
import mn.registry.kernel.identity.PersonId;

/** The ministry refused to issue the permit, stating its reasons, each tied to a requirement, notified in writing (002 art. 26.3). */
public record PermitApplicationRefused(ApplicationId applicationId, List<RefusalReason> reasons, Instant refusedAt, PersonId decidedBy, String article) {
}
