package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The person's certificate with this fingerprint signs nothing from {@code validUntil} on (001 art. 23.1.1): a command
 * the registry receives at or after that instant with a signature under it is refused, whatever time its signer claims.
 *
 * @param personId          whose certificate
 * @param certificateSha256 SHA-256 (hex) of the certificate's DER bytes, as in {@link PersonEnrolled}
 * @param validUntil        the first instant it no longer counts: since ADR 0061 item 9 (F241) the registry's time at which the
 *                          revocation was stored (a revocation stored before it: its receipt)
 * @param revokedBy         the official who signed the revocation
 * @param ground            why (free text of the deciding official; not published)
 * @param documentSha256    the document it rests on (ADR 0046 item 32), for a person with no official role; null otherwise, and in
 *                          revocations stored before documents were named
 * @param receivedAt        the registry's time of receipt of the revocation, for the record (ADR 0061 item 9); null in revocations
 *                          stored before it, and in one not yet stored
 */
public record SignerCertificateRevoked(PersonId personId, String certificateSha256, Instant validUntil, PersonId revokedBy, String ground,
                                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String documentSha256,
                                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Instant receivedAt)
        implements mn.registry.kernel.log.TakesEffectWhenStored {

    public SignerCertificateRevoked {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** A revocation naming no document. */
    public SignerCertificateRevoked(PersonId personId, String certificateSha256, Instant validUntil, PersonId revokedBy, String ground) {
        this(personId, certificateSha256, validUntil, revokedBy, ground, null);
    }

    /** A revocation as its command applies it: in force from its receipt {@code validUntil} until it is stored. */
    public SignerCertificateRevoked(PersonId personId, String certificateSha256, Instant validUntil, PersonId revokedBy, String ground,
                                    String documentSha256) {
        this(personId, certificateSha256, validUntil, revokedBy, ground, documentSha256, null);
    }

    /** ADR 0061 item 9: in force from its storing; the receipt kept (a revocation already stamped keeps its first receipt). */
    @Override
    public SignerCertificateRevoked inForceFrom(Instant storedAt) {
        return new SignerCertificateRevoked(personId, certificateSha256, storedAt, revokedBy, ground, documentSha256,
                receivedAt != null ? receivedAt : validUntil);
    }
}
