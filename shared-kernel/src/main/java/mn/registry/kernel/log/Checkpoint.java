package mn.registry.kernel.log;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint body: the origin line, the tree size (decimal, no leading zeroes), the base64 root
 * hash, then optional extension lines. Signed as a {@link SignedNote} under the origin's key.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint origin is one non-empty line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (rootHash == null || rootHash.length != Merkle.HASH_SIZE) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("\n")) {
                throw new IllegalArgumentException("an extension line is one non-empty line");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: each line ending in a newline. */
    public String text() {
        StringBuilder out = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(e -> out.append(e).append('\n'));
        return out.toString();
    }

    /** Signs the text as a note whose key name is the origin. */
    public String sign(byte[] privateKey) {
        return SignedNote.sign(text(), origin, privateKey);
    }

    /** Parses a checkpoint body (the note text, without signatures). */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the tree size is a decimal without leading zeroes: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash is not base64: " + lines[2]);
        }
        if (!Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new IllegalArgumentException("the root hash is not canonical base64: " + lines[2]);
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root, Arrays.asList(lines).subList(3, lines.length));
    }

    /** Verifies a signed checkpoint against the log's key and checks the key is named by the origin. */
    public static Checkpoint open(String signedNote, NoteKey key) {
        String text = SignedNote.verify(signedNote, key).orElseThrow(() -> new IllegalArgumentException(
                "the checkpoint carries no valid signature by the log key " + key.name() + "+" + String.format("%08x", key.keyHash())));
        Checkpoint checkpoint = parse(text);
        if (!checkpoint.origin().equals(key.name())) {
            throw new IllegalArgumentException("the checkpoint's origin " + checkpoint.origin() + " is not the key's name " + key.name());
        }
        return checkpoint;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && origin.equals(c.origin) && size == c.size && Arrays.equals(rootHash, c.rootHash)
                && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(rootHash), extensions);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
