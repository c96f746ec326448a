package mn.registry.kernel.pki;

import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.identity.PersonId;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A person's Ed25519 private key with the certificate chain that names them (signer first). Files that hold
 * one (a person directory, a PEM pair, a PKCS#12 file) are read by {@code mn.registry.keystore.SigningIdentities}. The private key
 * never shows in {@link #toString()}.
 */
public final class SigningIdentity implements CertifiedKey {

    private final PersonId person;
    private final byte[] privateKey;
    private final List<X509Certificate> chain;

    public SigningIdentity(PersonId person, byte[] privateKey, List<X509Certificate> chain) {
        this.person = Objects.requireNonNull(person, "person");
        this.privateKey = Objects.requireNonNull(privateKey, "private key").clone();
        this.chain = List.copyOf(chain);
        if (this.privateKey.length != Ed25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key has 32 bytes");
        }
        if (this.chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs its certificate");
        }
        byte[] certified = Bc.rawPublicKey(this.chain.get(0));
        if (certified == null || !Arrays.equals(certified, Ed25519.publicKeyOf(this.privateKey))) {
            throw new IllegalArgumentException("the private key does not match the certificate's Ed25519 public key");
        }
    }

    /** The person named by the signer's certificate ({@code UID}), with that certificate's private key. */
    public static SigningIdentity of(byte[] privateKey, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing identity needs its certificate");
        }
        return new SigningIdentity(personOf(chain.get(0)), privateKey, chain);
    }

    private static PersonId personOf(X509Certificate certificate) {
        return Certificates.personId(certificate).orElseThrow(() -> new IllegalArgumentException(
                "the certificate names no person (no UID in its subject): " + certificate.getSubjectX500Principal()));
    }

    public PersonId person() {
        return person;
    }

    /** The raw 32-byte private key (a copy). */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    /** An Ed25519 signature of the message with this person's key. */
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "SigningIdentity[" + person + ", certificate sha256=" + Certificates.fingerprint(chain.get(0)) + "]";
    }
}
