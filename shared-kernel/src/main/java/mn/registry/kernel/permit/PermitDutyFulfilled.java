package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** A duty was done (a publication, a notice, a hand-over), marked late when after its due date. */
public record PermitDutyFulfilled(ApplicationId applicationId, PermitDuty duty, Instant fulfilledAt, boolean late, String evidenceSha256, PersonId recordedBy) {
}
