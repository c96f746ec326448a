package mn.registry.kernel.log;

import mn.registry.kernel.crypto.Ed25519;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * C2SP signed-note: a text of one or more newline-terminated lines, a blank line, then signature lines
 * {@code — <name> base64(keyHash(4 bytes, big-endian) || signature)}. The Ed25519 signature is over the text
 * including its final newline.
 */
public final class SignedNote {

    /** U+2014 EM DASH then a space: how every signature line starts. */
    static final String DASH = "\u2014 ";

    /** One signature line. */
    public record Signature(String name, long keyHash, byte[] signature) {
        public Signature {
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** A note split into its text and its signature lines (nothing verified yet). */
    public record Parsed(String text, List<Signature> signatures) {
        public Parsed {
            signatures = List.copyOf(signatures);
        }
    }

    private SignedNote() {
    }

    /** Signs {@code text} (which must end in a newline) with an Ed25519 private key under {@code name}. */
    public static String sign(String text, String name, byte[] privateKey) {
        requireText(text);
        NoteKey key = new NoteKey(name, Ed25519.publicKeyOf(privateKey));
        byte[] signature = Ed25519.sign(privateKey, text.getBytes(StandardCharsets.UTF_8));
        return text + "\n" + signatureLine(key, signature);
    }

    static String signatureLine(NoteKey key, byte[] signature) {
        long hash = key.keyHash();
        byte[] blob = new byte[4 + signature.length];
        blob[0] = (byte) (hash >>> 24);
        blob[1] = (byte) (hash >>> 16);
        blob[2] = (byte) (hash >>> 8);
        blob[3] = (byte) hash;
        System.arraycopy(signature, 0, blob, 4, signature.length);
        return DASH + key.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
    }

    /** Splits a signed note; throws {@link IllegalArgumentException} naming what is malformed. */
    public static Parsed parse(String note) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("malformed note: no blank line before the signatures, or no final newline");
        }
        String text = note.substring(0, split + 1);
        requireText(text);
        String[] lines = note.substring(split + 2).split("\n", -1);
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length - 1; i++) {
            signatures.add(parseSignature(lines[i]));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("malformed note: no signature lines");
        }
        return new Parsed(text, signatures);
    }

    private static Signature parseSignature(String line) {
        if (!line.startsWith(DASH)) {
            throw new IllegalArgumentException("malformed note: a signature line starts with an em dash and a space: " + line);
        }
        String[] parts = line.substring(DASH.length()).split(" ", -1);
        if (parts.length != 2 || !NoteKey.validName(parts[0])) {
            throw new IllegalArgumentException("malformed note: a signature line is '— name signature': " + line);
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed note: the signature of " + parts[0] + " is not base64");
        }
        if (blob.length < 5) {
            throw new IllegalArgumentException("malformed note: the signature of " + parts[0] + " is too short");
        }
        long hash = ((blob[0] & 0xFFL) << 24) | ((blob[1] & 0xFFL) << 16) | ((blob[2] & 0xFFL) << 8) | (blob[3] & 0xFFL);
        return new Signature(parts[0], hash, Arrays.copyOfRange(blob, 4, blob.length));
    }

    /**
     * The note's text if it carries a valid signature by {@code key} (matched by name and key hash);
     * empty if it has none or the signature is wrong. A malformed note throws.
     */
    public static Optional<String> verify(String note, NoteKey key) {
        Parsed parsed = parse(note);
        byte[] message = parsed.text().getBytes(StandardCharsets.UTF_8);
        for (Signature s : parsed.signatures()) {
            if (s.name().equals(key.name()) && s.keyHash() == key.keyHash()) {
                return Ed25519.verify(key.publicKey(), message, s.signature()) ? Optional.of(parsed.text()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void requireText(String text) {
        if (text.isEmpty() || !text.endsWith("\n") || text.contains("\n\n") || text.startsWith("\n")) {
            throw new IllegalArgumentException("malformed note: the text is non-empty lines, each ending in a newline");
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
            throw new IllegalArgumentException("malformed note: control characters in the text");
        }
    }
}
