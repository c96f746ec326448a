package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** The holder asked for its permit to be revoked (002 art. 29.1.1): the ground a supervisor may then revoke on, against which no complaint lies (29.6). */
public record PermitRevocationRequested(ApplicationId applicationId, Instant requestedAt, PersonId requestedBy) {
}
