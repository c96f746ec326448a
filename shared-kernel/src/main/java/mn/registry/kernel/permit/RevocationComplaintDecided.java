package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/** The outcome of a complaint against revocation (002 art. 29.6): an upheld complaint reinstates the permit, valid until {@code validUntil} as before. */
public record RevocationComplaintDecided(ApplicationId applicationId, boolean upheld, String decisionSha256, Instant decidedAt, PersonId recordedBy,
                                         LocalDate validUntil) {
}
