package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** The permit was revoked on a ground of 002 art. 29.1; the holder hands its certificate database to the ministry (29.3); issued certificates stay valid (29.5). */
public record PermitRevoked(ApplicationId applicationId, RevocationGround ground, String reason, Instant revokedAt, PersonId decidedBy, boolean issuedCertificatesStayValid) {
}
