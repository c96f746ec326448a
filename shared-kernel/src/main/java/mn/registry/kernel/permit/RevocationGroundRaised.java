package mn.registry.kernel.permit;

import java.time.Instant;

/** A ground to revoke was raised for a supervisor's decision, e.g. a suspension that ran out without restoration (002 art. 29.1.5). */
public record RevocationGroundRaised(ApplicationId applicationId, RevocationGround ground, Instant raisedAt, String article) {
}
