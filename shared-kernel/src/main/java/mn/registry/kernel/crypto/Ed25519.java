package mn.registry.kernel.crypto;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Ed25519 (RFC 8032) through BouncyCastle's lightweight API, which signs about twenty times
 * faster than the JDK provider. Raw 32-byte keys and 64-byte signatures.
 */
public final class Ed25519 {

    public static final int KEY_LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    private Ed25519() {
    }

    /** A key pair: the 32-byte private seed and its public key. */
    public record KeyPair(byte[] privateKey, byte[] publicKey) {
        public KeyPair {
            privateKey = privateKey.clone();
            publicKey = publicKey.clone();
        }

        @Override
        public byte[] privateKey() {
            return privateKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public String toString() {
            return "Ed25519.KeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyPair k && Arrays.equals(privateKey, k.privateKey) && Arrays.equals(publicKey, k.publicKey);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(publicKey);
        }
    }

    public static KeyPair generate(SecureRandom random) {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new KeyPair(((Ed25519PrivateKeyParameters) pair.getPrivate()).getEncoded(),
                ((Ed25519PublicKeyParameters) pair.getPublic()).getEncoded());
    }

    /** The public key of a 32-byte private seed. */
    public static byte[] publicKeyOf(byte[] privateKey) {
        return new Ed25519PrivateKeyParameters(privateKey, 0).generatePublicKey().getEncoded();
    }

    /**
     * A private key kept ready for signing: BouncyCastle's key parameters (with the public key derived once) instead of
     * rebuilding them per signature, which would derive the public key again each time and nearly double the cost.
     * Safe for concurrent use. Never shows the key in {@link #toString()}.
     */
    public static final class SigningKey {
        private final Ed25519PrivateKeyParameters key;
        private final byte[] publicKey;

        public SigningKey(byte[] privateKey) {
            if (privateKey == null || privateKey.length != KEY_LENGTH) {
                throw new IllegalArgumentException("an Ed25519 private key is " + KEY_LENGTH + " bytes");
            }
            this.key = new Ed25519PrivateKeyParameters(privateKey.clone(), 0);
            this.publicKey = key.generatePublicKey().getEncoded();
        }

        public byte[] sign(byte[] message) {
            byte[] signature = new byte[SIGNATURE_LENGTH];
            key.sign(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
            return signature;
        }

        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public String toString() {
            return "Ed25519.SigningKey[public=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
        }
    }

    public static byte[] sign(byte[] privateKey, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(privateKey, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /**
     * A public key kept ready for verifying: BouncyCastle's key parameters hold the decoded curve point, which
     * {@link #verify(byte[], byte[], byte[])} decodes again at every call. Safe for concurrent use.
     */
    public static final class VerifyingKey {
        private final Ed25519PublicKeyParameters key;

        /** @throws IllegalArgumentException if the key is not 32 bytes or not a point of the curve (as {@link #verify(byte[], byte[], byte[])}) */
        public VerifyingKey(byte[] publicKey) {
            if (publicKey == null || publicKey.length != KEY_LENGTH) {
                throw new IllegalArgumentException("an Ed25519 public key is " + KEY_LENGTH + " bytes");
            }
            this.key = new Ed25519PublicKeyParameters(publicKey, 0);
        }

        /** Same answer as {@link Ed25519#verify(byte[], byte[], byte[])} with this key. */
        public boolean verify(byte[] message, byte[] signature) {
            if (signature == null || signature.length != SIGNATURE_LENGTH) {
                return false;
            }
            return key.verify(org.bouncycastle.math.ec.rfc8032.Ed25519.Algorithm.Ed25519, null, message, 0, message.length, signature, 0);
        }
    }

    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != KEY_LENGTH || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }
}
