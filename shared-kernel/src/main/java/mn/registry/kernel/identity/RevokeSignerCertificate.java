package mn.registry.kernel.identity;

/**
 * The signed command's body: the certificate of {@code personId} with SHA-256 fingerprint {@code certificateSha256} no
 * longer signs for the registry (a key reported compromised or a certificate revoked by its issuer: 001 art. 23.1.1 asks
 * for a certificate valid when the signature is made), for {@code ground}. Without a fingerprint, every certificate the
 * person has enrolled. {@code documentSha256}: the document the revocation rests on (the holder's written report of a lost key,
 * the issuer's notice, an order), uploaded first; required unless the signer revokes their own certificate (ADR 0061 item 39, which
 * narrows ADR 0046 item 32: an official's certificate is no longer revoked by another on their word alone). {@code orderConcerns}: the
 * other persons the document concerns, stated when this is its first citation (ADR 0061 item 45; abuse audit F504, was O314); empty or
 * null: the holder alone. A document cited before is cited for the holder only if its first citation stated them.
 */
public record RevokeSignerCertificate(PersonId personId, String certificateSha256, String ground,
                                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String documentSha256,
                                      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY) java.util.List<PersonId> orderConcerns) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public RevokeSignerCertificate {
    }

    /** A revocation on a document concerning the holder alone. */
    public RevokeSignerCertificate(PersonId personId, String certificateSha256, String ground, String documentSha256) {
        this(personId, certificateSha256, ground, documentSha256, null);
    }

    /** A revocation naming no document (the holder's own, or one signed before documents were named). */
    public RevokeSignerCertificate(PersonId personId, String certificateSha256, String ground) {
        this(personId, certificateSha256, ground, null, null);
    }
}
