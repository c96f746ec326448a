package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A person was enrolled: from now on commands signed with this certificate are theirs. The certificate
 * is kept whole (base64 DER) so the person's signatures can be checked from the events alone.
 *
 * @param personId               the person, also the certificate subject's {@code UID}
 * @param displayName            the name shown on decisions (the certificate's {@code CN}); an official's
 *                               name, which the law makes public on the acts they sign
 * @param certificateSha256      SHA-256 (hex) of the certificate's DER bytes
 * @param certificateBase64Der   the certificate, standard base64 of its DER bytes (as in a JWS {@code x5c})
 * @param enrolledAt             when enrolment took effect
 */
public record PersonEnrolled(PersonId personId,
                             String displayName,
                             String certificateSha256,
                             String certificateBase64Der,
                             Instant enrolledAt) {

    public PersonEnrolled {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(certificateBase64Der, "certificateBase64Der");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
    }
}
