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
 * @param enrolledBy             the official who signed the enrolment (ADR 0055); null for the registry's own first-start enrolment
 *                               and in events written before it
 * @param documentSha256         the uploaded document the signed enrolment rests on (ADR 0055); null where {@code enrolledBy} is
 */
public record PersonEnrolled(PersonId personId,
                             String displayName,
                             String certificateSha256,
                             String certificateBase64Der,
                             Instant enrolledAt,
                             mn.registry.kernel.privacy.EncryptedPersonalData personalData,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) PersonId enrolledBy,
                             @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String documentSha256) {

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
        if ((enrolledBy == null) != (documentSha256 == null)) {
            throw new IllegalArgumentException("a signed enrolment names its signer and its document, the registry's own neither");
        }
    }

    /** An enrolment by the registry itself (first start), or of either shape before signed enrolments (ADR 0055). */
    public PersonEnrolled(PersonId personId, String displayName, String certificateSha256, String certificateBase64Der, Instant enrolledAt,
                          mn.registry.kernel.privacy.EncryptedPersonalData personalData) {
        this(personId, displayName, certificateSha256, certificateBase64Der, enrolledAt, personalData, null, null);
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

    /** A signed enrolment (ADR 0055): by {@code enrolledBy}, on the document {@code documentSha256}, name and certificate encrypted. */
    public static PersonEnrolled signed(PersonId personId, String certificateSha256, Instant enrolledAt,
                                        mn.registry.kernel.privacy.EncryptedPersonalData personalData, PersonId enrolledBy, String documentSha256) {
        return new PersonEnrolled(personId, null, certificateSha256, null, enrolledAt, Objects.requireNonNull(personalData, "personalData"),
                Objects.requireNonNull(enrolledBy, "enrolledBy"), Objects.requireNonNull(documentSha256, "documentSha256"));
    }
}
