package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A person was enrolled: from now on commands signed with this certificate are theirs. The certificate
 * is kept whole (base64 DER) so the person's signatures can be checked from the events alone.
 *
 * <p>Two shapes, both read: events written before personal data was encrypted carry {@code displayName} and
 * {@code certificateBase64Der} in clear and no {@code personalData}; newer ones carry both only inside
 * {@code personalData} (a {@link PersonalDetails} encrypted under the person's key) and null in the clear fields.
 *
 * @param personId               the person, also the certificate subject's {@code UID}
 * @param displayName            (old shape) the name shown on decisions (the certificate's {@code CN})
 * @param certificateSha256      SHA-256 (hex) of the certificate's DER bytes: how a signature is matched to the person
 * @param certificateBase64Der   (old shape) the certificate, standard base64 of its DER bytes
 * @param enrolledAt             when enrolment took effect
 * @param personalData           (new shape) name and certificate encrypted under the person's key; null in old events
 */
public record PersonEnrolled(PersonId personId,
                             String displayName,
                             String certificateSha256,
                             String certificateBase64Der,
                             Instant enrolledAt,
                             mn.registry.kernel.privacy.EncryptedPersonalData personalData) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public PersonEnrolled {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(enrolledAt, "enrolledAt");
        if (personalData == null) {
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(certificateBase64Der, "certificateBase64Der");
        } else if (displayName != null || certificateBase64Der != null) {
            throw new IllegalArgumentException("an enrolment with encrypted personal data carries no name or certificate in clear");
        }
    }

    /** An enrolment of the old shape, personal data in clear (kept for reading old events and for tests). */
    public PersonEnrolled(PersonId personId, String displayName, String certificateSha256, String certificateBase64Der, Instant enrolledAt) {
        this(personId, displayName, certificateSha256, certificateBase64Der, enrolledAt, null);
    }

    /** An enrolment whose name and certificate are encrypted under the person's key. */
    public static PersonEnrolled encrypted(PersonId personId, String certificateSha256, Instant enrolledAt,
                                           mn.registry.kernel.privacy.EncryptedPersonalData personalData) {
        return new PersonEnrolled(personId, null, certificateSha256, null, enrolledAt, Objects.requireNonNull(personalData, "personalData"));
    }
}
