package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/**
 * The outcome of a complaint against revocation (002 art. 29.6): an upheld complaint reinstates the permit, valid until {@code validUntil} as
 * before, and is published (ADR 0046 item 57). {@code article} is null in decisions stored before it was recorded (they were not published).
 */
public record RevocationComplaintDecided(ApplicationId applicationId, boolean upheld, String decisionSha256, Instant decidedAt, PersonId recordedBy,
                                         LocalDate validUntil, String article) {

    /** The article every decision on a complaint against revocation is taken under. */
    public static final String ARTICLE = "002 art. 29.6";
}
