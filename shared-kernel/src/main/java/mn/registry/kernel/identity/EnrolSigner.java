package mn.registry.kernel.identity;

/**
 * The signed command's body: enrol {@code personId}'s certificate (PEM, the person's certificate first, as issued by a CA the
 * registry trusts, its subject's {@code UID} the person id) so that from the registry's receipt on it signs for them, and grant
 * {@code role} if one is named (ADR 0055). A person already enrolled gets a new certificate this way after a key was lost and
 * its certificate revoked (abuse audit O88). {@code documentSha256} is the document the enrolment rests on (the appointment
 * order of an official, the company's power of representation, the written report of a lost key), uploaded first and kept.
 *
 * @param personId       whom the certificate is for; the certificate's subject {@code UID}
 * @param certificatePem the person's certificate (PEM; a chain may follow it, the trusted CA's own certificate need not)
 * @param role           the role granted with it, or {@code null} for the certificate alone (a new certificate of an enrolled
 *                       person, or a person the Cabinet member is to appoint governor, 003 art. 8.2)
 * @param documentSha256 SHA-256 of the uploaded document the enrolment rests on
 * @param company        the state registration number (seven digits) of the company whose representative an {@link Role#APPLICANT}'s
 *                       enrolment makes the person (ADR 0061 item 44; abuse audit F503, was O291): the enrolment's document (the
 *                       company's decision naming its director, its power of representation) is then that company's paper and no
 *                       other company reports a change on it; required with that role since session 30 (ADR 0061 item 53; abuse
 *                       audit F520, was O350: {@code identity.representative-company-missing}); {@code null} for an official or a
 *                       certificate alone
 * @param orderConcerns  the other persons the order this act rests on concerns, stated by the signer when the act is the order's first
 *                       citation (ADR 0061 item 45; abuse audit F504, was O314): an order naming several officials is then cited for each;
 *                       empty or null: the order concerns this act's person alone. Kept in the signed command and on the order's claim
 */
public record EnrolSigner(PersonId personId, String certificatePem,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Role role,
                          String documentSha256,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String company,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) java.util.List<PersonId> orderConcerns) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public EnrolSigner {
    }

    /**
     * An enrolment naming no company (an official's, a certificate alone; a representative's is refused since ADR 0061 item 53) on an
     * order concerning the person alone.
     */
    public EnrolSigner(PersonId personId, String certificatePem, Role role, String documentSha256) {
        this(personId, certificatePem, role, documentSha256, null, null);
    }
}
