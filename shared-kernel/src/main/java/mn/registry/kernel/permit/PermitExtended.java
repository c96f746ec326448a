package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/** The permit was extended by five years from its current expiry (002 art. 27.4), publishing it is a duty (27.6). */
public record PermitExtended(ApplicationId applicationId, LocalDate previousValidUntil, LocalDate validUntil, Instant decidedAt, PersonId decidedBy) {
}
