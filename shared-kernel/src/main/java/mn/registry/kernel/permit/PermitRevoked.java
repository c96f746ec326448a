package mn.registry.kernel.permit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/**
 * The permit was revoked on a ground of 002 art. 29.1; the holder hands its certificate database to the ministry (29.3); issued certificates stay valid (29.5).
 *
 * @param evidenceSha256 the received document the revocation rests on (29.1.2, 29.1.3; ADR 0064), which the holder's complaint (29.6)
 *                       answers; null on the other grounds and in revocations stored before it (the same bytes back)
 */
public record PermitRevoked(ApplicationId applicationId, RevocationGround ground, String reason, Instant revokedAt, PersonId decidedBy,
                            boolean issuedCertificatesStayValid, @JsonInclude(JsonInclude.Include.NON_NULL) String evidenceSha256) {
    @JsonCreator
    public PermitRevoked {
    }

    /** Without a document: a revocation on a ground the record shows, and every revocation stored before ADR 0064. */
    public PermitRevoked(ApplicationId applicationId, RevocationGround ground, String reason, Instant revokedAt, PersonId decidedBy,
                         boolean issuedCertificatesStayValid) {
        this(applicationId, ground, reason, revokedAt, decidedBy, issuedCertificatesStayValid, null);
    }
}
