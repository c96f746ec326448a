package mn.registry.kernel.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM of a person's data under their own key; the additional data binds the ciphertext to the person and
 * the key id, so a ciphertext moved to another person's event does not decrypt.
 */
public final class PersonalDataCipher {

    public static final int KEY_LENGTH = 32;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {
    }

    /** A fresh random 256-bit key. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    public static EncryptedPersonalData encrypt(byte[] key, String keyId, String personId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce, keyId, personId);
            Base64.Encoder b64 = Base64.getEncoder();
            return new EncryptedPersonalData(keyId, b64.encodeToString(nonce), b64.encodeToString(cipher.doFinal(plaintext)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; {@link IllegalArgumentException} if the key, the person or the ciphertext do not match. */
    public static byte[] decrypt(byte[] key, String personId, EncryptedPersonalData data) {
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(data.nonce()), data.keyId(), personId);
            return cipher.doFinal(Base64.getDecoder().decode(data.ciphertext()));
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("the personal data does not decrypt with this key for " + personId, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, byte[] nonce, String keyId, String personId) throws GeneralSecurityException {
        if (key == null || key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a personal data key is " + KEY_LENGTH + " bytes");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("mn.registry personal data|" + personId + "|" + keyId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
