package mn.registry.kernel.identity;

/**
 * The signed command's body: the certificate of {@code personId} with SHA-256 fingerprint {@code certificateSha256} no
 * longer signs for the registry (a key reported compromised or a certificate revoked by its issuer: 001 art. 23.1.1 asks
 * for a certificate valid when the signature is made), for {@code ground}. Without a fingerprint, every certificate the
 * person has enrolled.
 */
public record RevokeSignerCertificate(PersonId personId, String certificateSha256, String ground) {
}
