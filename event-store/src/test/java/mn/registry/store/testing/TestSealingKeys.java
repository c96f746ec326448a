package mn.registry.store.testing;

import mn.registry.store.SealingKey;

import java.util.Map;

/** A fixed, publicly known seal key for tests only (never for a real registry). */
public final class TestSealingKeys {

    public static final String KEY_ID = "test-seal-1";

    private TestSealingKeys() {
    }

    public static SealingKey sealingKey() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) (i * 7 + 1);
        }
        return new SealingKey(KEY_ID, seed);
    }

    /** The public key of {@link #sealingKey()} by key id, as a verifier takes it. */
    public static Map<String, byte[]> publicKeys() {
        return Map.of(KEY_ID, sealingKey().publicKey());
    }
}
