package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/**
 * The holder withdrew its request for revocation before a supervisor decided it (002 art. 29.1.1; ADR 0046 item 25): the ground
 * of the holder's own request, against which no complaint lies (29.6), is no longer on record.
 */
public record PermitRevocationRequestWithdrawn(ApplicationId applicationId, Instant withdrawnAt, PersonId withdrawnBy) {
}
