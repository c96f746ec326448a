package mn.registry.kernel.privacy;

import java.util.Objects;

/**
 * Personal data as stored in an event: AES-256-GCM ciphertext (with its tag) under the person's key {@code keyId},
 * the 12-byte nonce, both base64. The key itself is never in an event; once it is destroyed this is noise.
 */
public record EncryptedPersonalData(String keyId, String nonce, String ciphertext) {

    public EncryptedPersonalData {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }

    @Override
    public String toString() {
        return "EncryptedPersonalData[" + keyId + "]";
    }
}
