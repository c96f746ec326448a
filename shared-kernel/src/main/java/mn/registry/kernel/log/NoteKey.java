package mn.registry.kernel.log;

import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A C2SP signed-note Ed25519 verifier key: a name (no whitespace, no {@code +}) and a 32-byte public key;
 * its key hash is the first 4 bytes of SHA-256(name || 0x0A || 0x01 || key), its text form
 * {@code name+hash+base64(0x01 || key)}.
 */
public record NoteKey(String name, byte[] publicKey) {

    static final byte ED25519 = 0x01;

    public NoteKey {
        Objects.requireNonNull(name, "name");
        if (!validName(name)) {
            throw new IllegalArgumentException("a key name is non-empty UTF-8 without spaces, newlines or '+': " + name);
        }
        if (publicKey == null || publicKey.length != Ed25519.KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 key is 32 bytes");
        }
        publicKey = publicKey.clone();
    }

    static boolean validName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c) || Character.isISOControl(c));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 4-byte key hash as an unsigned 32-bit value. */
    public long keyHash() {
        byte[] h = Sha256.digest(name.getBytes(StandardCharsets.UTF_8), new byte[]{'\n', ED25519}, publicKey);
        return ((h[0] & 0xFFL) << 24) | ((h[1] & 0xFFL) << 16) | ((h[2] & 0xFFL) << 8) | (h[3] & 0xFFL);
    }

    /** {@code name+hash+base64(0x01 || key)}. */
    public String text() {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return name + "+" + String.format("%08x", keyHash()) + "+" + Base64.getEncoder().encodeToString(typed);
    }

    /** Parses a verifier key line, refusing a wrong hash, another algorithm or a key of the wrong length. */
    public static NoteKey parse(String text) {
        String line = text.strip();
        String[] parts = line.split("\\+", 3); // the base64 key may itself contain '+'
        if (parts.length != 3 || parts[1].length() != 8) {
            throw new IllegalArgumentException("a verifier key is name+hash+key: " + line);
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
            HexFormat.fromHexDigits(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a verifier key's hash is 8 hex digits and its key base64: " + line, e);
        }
        if (typed.length != 1 + Ed25519.KEY_LENGTH || typed[0] != ED25519) {
            throw new IllegalArgumentException("only Ed25519 verifier keys (type 0x01, 32 bytes) are supported");
        }
        NoteKey key = new NoteKey(parts[0], Arrays.copyOfRange(typed, 1, typed.length));
        if (!String.format("%08x", key.keyHash()).equals(parts[1])) {
            throw new IllegalArgumentException("the verifier key's hash does not match its name and key: " + line);
        }
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NoteKey k && name.equals(k.name) && Arrays.equals(publicKey, k.publicKey);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return text();
    }
}
