package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * The person's certificate with this fingerprint signs nothing from {@code validUntil} on (001 art. 23.1.1): a command
 * the registry receives at or after that instant with a signature under it is refused, whatever time its signer claims.
 *
 * @param personId          whose certificate
 * @param certificateSha256 SHA-256 (hex) of the certificate's DER bytes, as in {@link PersonEnrolled}
 * @param validUntil        the registry's time of receipt of the revocation: the first instant it no longer counts
 * @param revokedBy         the official who signed the revocation
 * @param ground            why (free text of the deciding official; not published)
 * @param documentSha256    the document it rests on (ADR 0046 item 32), for a person with no official role; null otherwise, and in
 *                          revocations stored before documents were named
 */
public record SignerCertificateRevoked(PersonId personId, String certificateSha256, Instant validUntil, PersonId revokedBy, String ground,
                                       @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String documentSha256) {

    public SignerCertificateRevoked {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(validUntil, "validUntil");
    }

    /** A revocation naming no document. */
    public SignerCertificateRevoked(PersonId personId, String certificateSha256, Instant validUntil, PersonId revokedBy, String ground) {
        this(personId, certificateSha256, validUntil, revokedBy, ground, null);
    }
}
