package mn.registry.kernel.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * C2SP tlog-proof v1: {@code c2sp.org/tlog-proof@v1}, an optional {@code extra} line, {@code index N}, the
 * inclusion proof hashes (base64, one a line), a blank line, then the signed checkpoint verbatim.
 */
public record TlogProof(byte[] extra, long index, List<byte[]> hashes, String signedCheckpoint) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        extra = extra == null ? null : extra.clone();
        hashes = List.copyOf(hashes);
        Objects.requireNonNull(signedCheckpoint, "signedCheckpoint");
        if (index < 0) {
            throw new IllegalArgumentException("an index is not negative");
        }
    }

    public String text() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            out.append("extra ").append(Base64.getEncoder().encodeToString(extra)).append('\n');
        }
        out.append("index ").append(index).append('\n');
        hashes.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return out.append('\n').append(signedCheckpoint).toString();
    }

    public static TlogProof parse(String text) {
        String[] lines = text.split("\n", -1);
        int at = 0;
        if (lines.length < 3 || !HEADER.equals(lines[at++])) {
            throw new IllegalArgumentException("a tlog proof starts with " + HEADER);
        }
        byte[] extra = null;
        if (lines[at].startsWith("extra ")) {
            extra = decode(lines[at++].substring(6), "extra data");
        }
        if (!lines[at].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("expected 'index N' with no leading zeroes, found: " + lines[at]);
        }
        long index = Long.parseLong(lines[at++].substring(6));
        List<byte[]> hashes = new ArrayList<>();
        while (at < lines.length && !lines[at].isEmpty()) {
            byte[] h = decode(lines[at++], "proof hash");
            if (h.length != Merkle.HASH_SIZE) {
                throw new IllegalArgumentException("a proof hash is 32 bytes");
            }
            hashes.add(h);
        }
        if (at >= lines.length) {
            throw new IllegalArgumentException("a tlog proof has a blank line and a checkpoint after the hashes");
        }
        int offset = 0;
        for (int i = 0; i <= at; i++) {
            offset += lines[i].length() + 1;
        }
        return new TlogProof(extra, index, hashes, text.substring(offset));
    }

    private static byte[] decode(String b64, String what) {
        try {
            return Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64: " + b64);
        }
    }

    /** Checks the inclusion of {@code leafHash} under the checkpoint, after verifying the checkpoint with {@code key}. */
    public Checkpoint verify(byte[] leafHash, NoteKey key) {
        Checkpoint checkpoint = Checkpoint.open(signedCheckpoint, key);
        if (!Merkle.verifyInclusion(index, checkpoint.size(), leafHash, hashes, checkpoint.rootHash())) {
            throw new IllegalArgumentException("the inclusion proof for index " + index + " does not lead to the root of the checkpoint of size " + checkpoint.size());
        }
        return checkpoint;
    }
}
