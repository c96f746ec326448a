package mn.registry.kernel.pki;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;

/** Ed25519 keys between their raw 32 bytes and their ASN.1 forms (RFC 8410), with one shared BC provider. */
public final class Bc {

    /** Not registered globally: passed where a provider is needed. */
    public static final Provider PROVIDER = new BouncyCastleProvider();
    public static final SecureRandom RANDOM = new SecureRandom();
    public static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

    private Bc() {
    }

    public static byte[] pkcs8(byte[] rawPrivateKey) {
        try {
            return new PrivateKeyInfo(ED25519, new DEROctetString(rawPrivateKey)).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] rawPrivateKey(byte[] pkcs8) {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(pkcs8);
            if (!ED25519.getAlgorithm().equals(info.getPrivateKeyAlgorithm().getAlgorithm())) {
                throw new IllegalArgumentException("not an Ed25519 private key: " + info.getPrivateKeyAlgorithm().getAlgorithm());
            }
            byte[] raw = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (raw.length != 32) {
                throw new IllegalArgumentException("an Ed25519 private key has 32 bytes, not " + raw.length);
            }
            return raw;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PKCS#8 private key", e);
        }
    }

    public static PrivateKey jcaPrivateKey(byte[] rawPrivateKey) {
        try {
            return KeyFactory.getInstance("Ed25519", PROVIDER).generatePrivate(new PKCS8EncodedKeySpec(pkcs8(rawPrivateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("BouncyCastle cannot read an Ed25519 key", e);
        }
    }

    public static SubjectPublicKeyInfo publicKeyInfo(byte[] rawPublicKey) {
        return new SubjectPublicKeyInfo(ED25519, rawPublicKey);
    }

    /** The raw 32-byte Ed25519 public key of a certificate, or {@code null} if its key is of another kind. */
    public static byte[] rawPublicKey(X509Certificate certificate) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(certificate.getPublicKey().getEncoded());
        if (!ED25519.getAlgorithm().equals(info.getAlgorithm().getAlgorithm())) {
            return null;
        }
        byte[] raw = info.getPublicKeyData().getBytes();
        return raw.length == 32 ? raw : null;
    }
}
