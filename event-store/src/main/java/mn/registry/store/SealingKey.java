package mn.registry.store;

import mn.registry.kernel.crypto.Ed25519;

import java.util.Arrays;
import java.util.Objects;

/**
 * The registry seal key: every stored event is signed with it (Ed25519, raw 32-byte seed). The key id
 * is stored next to each signature so that keys can be rotated and old seals still checked.
 */
public final class SealingKey {

    private final String keyId;
    private final byte[] privateKey;
    /** Kept ready: rebuilding BouncyCastle's key per seal derived the public key again each time. */
    private final Ed25519.SigningKey signer;

    public SealingKey(String keyId, byte[] privateKey) {
        Objects.requireNonNull(keyId, "keyId");
        if (keyId.isBlank()) {
            throw new IllegalArgumentException("keyId must not be blank");
        }
        if (privateKey == null || privateKey.length != Ed25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key is " + Ed25519.KEY_LENGTH + " bytes");
        }
        this.keyId = keyId;
        this.privateKey = privateKey.clone();
        this.signer = new Ed25519.SigningKey(this.privateKey);
    }

    public String keyId() {
        return keyId;
    }

    public byte[] privateKey() {
        return privateKey.clone();
    }

    /** The public key that checks this key's seals. */
    public byte[] publicKey() {
        return signer.publicKey();
    }

    /** The Ed25519 seal of {@code message}. */
    public byte[] sign(byte[] message) {
        return signer.sign(message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealingKey k && keyId.equals(k.keyId) && Arrays.equals(privateKey, k.privateKey);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SealingKey[" + keyId + "]";
    }
}
