package mn.registry.kernel.pki;

import mn.registry.kernel.crypto.Ed25519;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One of the registry's own Ed25519 keys (seal, checkpoint, time-stamp authority) with its certificate
 * chain (the key's certificate, then the CA). Never logged or served: {@link #toString()} shows the
 * public side only.
 */
public final class RegistryKey implements CertifiedKey {

    private final String name;
    private final byte[] privateKey;
    private final List<X509Certificate> chain;
    private final Ed25519.SigningKey signer;

    public RegistryKey(String name, byte[] privateKey, List<X509Certificate> chain) {
        this.name = Objects.requireNonNull(name);
        this.privateKey = privateKey.clone();
        this.chain = List.copyOf(chain);
        this.signer = new Ed25519.SigningKey(this.privateKey);
        if (!java.util.Arrays.equals(Bc.rawPublicKey(this.chain.get(0)), Ed25519.publicKeyOf(this.privateKey))) {
            throw new IllegalArgumentException("the " + name + " key does not match its certificate");
        }
    }

    /** {@code seal}, {@code checkpoint} or {@code tsa}: also the stem of its file names. */
    public String name() {
        return name;
    }

    /** The raw 32-byte private key (a copy), for signers that take raw keys (e.g. a signed note). */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** The private key as a JCA key of the BouncyCastle provider, for BC's CMS and time-stamp generators. */
    public PrivateKey jcaPrivateKey() {
        return Bc.jcaPrivateKey(privateKey);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    public byte[] sign(byte[] message) {
        return signer.sign(message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegistryKey k && name.equals(k.name) && java.util.Arrays.equals(privateKey, k.privateKey)
                && chain.equals(k.chain);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + chain.get(0).hashCode();
    }

    @Override
    public String toString() {
        return "RegistryKey[" + name + ", certificate sha256=" + Certificates.fingerprint(chain.get(0)) + "]";
    }
}
