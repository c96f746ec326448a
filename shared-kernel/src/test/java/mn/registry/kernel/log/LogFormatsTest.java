package mn.registry.kernel.log;

import mn.registry.kernel.crypto.Ed25519;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tile paths, checkpoints, tlog-proofs, note keys and time-stamp tokens. */
class LogFormatsTest {

    @Test
    @DisplayName("C2SP tlog-tiles: tile indexes are 3-digit groups with x prefixes, partial tiles end .p/W, and only canonical paths parse")
    void tile_paths() {
        assertThat(Tiles.encodeIndex(0)).isEqualTo("000");
        assertThat(Tiles.encodeIndex(5)).isEqualTo("005");
        assertThat(Tiles.encodeIndex(1000)).isEqualTo("x001/000");
        assertThat(Tiles.encodeIndex(1234067)).isEqualTo("x001/x234/067");
        assertThat(new Tiles.Tile(0, 1234, 256).path()).isEqualTo("tile/0/x001/234");
        assertThat(new Tiles.Tile(0, 0, 5).path()).isEqualTo("tile/0/000.p/5");
        assertThat(new Tiles.Tile(Tiles.ENTRIES, 0, 5).path()).isEqualTo("tile/entries/000.p/5");
        assertThat(Tiles.parse("tile/0/x001/234")).contains(new Tiles.Tile(0, 1234, 256));
        assertThat(Tiles.parse("tile/entries/000.p/5")).contains(new Tiles.Tile(Tiles.ENTRIES, 0, 5));
        assertThat(Tiles.parse("tile/2/x001/x234/067.p/255")).contains(new Tiles.Tile(2, 1234067, 255));
        assertThat(Tiles.parse("tile/0/x000/001")).isEmpty();
        assertThat(Tiles.parse("tile/0/1")).isEmpty();
        assertThat(Tiles.parse("tile/0/000.p/256")).isEmpty();
        assertThat(Tiles.parse("tile/0/000.p/0")).isEmpty();
        assertThat(Tiles.parse("tile/00/000")).isEmpty();
    }

    @Test
    @DisplayName("a tree of 70,000 has 273 full level-0 tiles, a partial of 112, one full level-1 tile, a partial of 17 and a level-2 partial of 1")
    void tiles_of_a_tree_size() {
        assertThat(Tiles.exists(new Tiles.Tile(0, 272, 256), 70_000)).isTrue();
        assertThat(Tiles.exists(new Tiles.Tile(0, 273, 256), 70_000)).isFalse();
        assertThat(Tiles.partialWidth(70_000, 0)).isEqualTo(112);
        assertThat(Tiles.exists(new Tiles.Tile(0, 273, 112), 70_000)).isTrue();
        assertThat(Tiles.exists(new Tiles.Tile(0, 273, 113), 70_000)).isFalse();
        assertThat(Tiles.exists(new Tiles.Tile(1, 0, 256), 70_000)).isTrue();
        assertThat(Tiles.partialWidth(70_000, 1)).isEqualTo(17);
        assertThat(Tiles.partialWidth(70_000, 2)).isEqualTo(1);
        assertThat(Tiles.exists(new Tiles.Tile(1, 0, 1), 256)).isTrue();
    }

    @Test
    @DisplayName("a checkpoint signs and opens with its key; a changed size, another key or a wrong origin is refused")
    void checkpoints() {
        Ed25519.KeyPair keys = Ed25519.generate(new SecureRandom());
        byte[] root = Merkle.leafHash(new byte[]{1});
        Checkpoint checkpoint = new Checkpoint("registry.example/log", 12, root);
        String note = checkpoint.sign(keys.privateKey());
        NoteKey key = new NoteKey("registry.example/log", keys.publicKey());

        assertThat(note).startsWith("registry.example/log\n12\n" + java.util.Base64.getEncoder().encodeToString(root) + "\n\n\u2014 registry.example/log ");
        assertThat(Checkpoint.open(note, key)).isEqualTo(checkpoint);
        assertThat(Checkpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
        assertThatThrownBy(() -> Checkpoint.open(note.replace("\n12\n", "\n13\n"), key)).hasMessageContaining("no valid signature");
        NoteKey other = new NoteKey("registry.example/log", Ed25519.generate(new SecureRandom()).publicKey());
        assertThatThrownBy(() -> Checkpoint.open(note, other)).hasMessageContaining("no valid signature");
        String otherOrigin = SignedNote.sign("other/log\n12\n" + java.util.Base64.getEncoder().encodeToString(root) + "\n", "registry.example/log", keys.privateKey());
        assertThatThrownBy(() -> Checkpoint.open(otherOrigin, key)).hasMessageContaining("origin");
        assertThatThrownBy(() -> Checkpoint.parse("o\n012\n" + java.util.Base64.getEncoder().encodeToString(root) + "\n")).hasMessageContaining("leading zeroes");
        assertThat(NoteKey.parse(key.text())).isEqualTo(key);
        NoteKey withPlus = new NoteKey("registry.example/log", java.util.Base64.getDecoder().decode("anK3Qdr6iIF8H53qvEUIaxQLy3DaoSg6e/nztqg/+Uh="));
        assertThat(withPlus.text()).endsWith("+AWpyt0Ha+oiBfB+d6rxFCGsUC8tw2qEoOnv587aoP/lI");
        assertThat(NoteKey.parse(withPlus.text())).isEqualTo(withPlus);
        assertThatThrownBy(() -> NoteKey.parse(key.text().replace("+", "+0").substring(0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a tlog-proof prints in the C2SP layout, parses back, and verifies only the leaf it was made for")
    void tlog_proofs() {
        Ed25519.KeyPair keys = Ed25519.generate(new SecureRandom());
        List<byte[]> leaves = java.util.stream.IntStream.range(0, 11).mapToObj(i -> Merkle.leafHash(new byte[]{(byte) i})).toList();
        Merkle.HashReader tree = Merkle.inMemory(leaves);
        String note = new Checkpoint("o.example/log", 11, Merkle.root(11, tree)).sign(keys.privateKey());
        TlogProof proof = new TlogProof(null, 6, Merkle.inclusionProof(6, 11, tree), note);
        String text = proof.text();

        assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nindex 6\n").endsWith("\n\n" + note).contains("\n\no.example/log\n11\n");
        TlogProof parsed = TlogProof.parse(text);
        assertThat(parsed.index()).isEqualTo(6);
        assertThat(parsed.signedCheckpoint()).isEqualTo(note);
        NoteKey key = new NoteKey("o.example/log", keys.publicKey());
        assertThat(parsed.verify(leaves.get(6), key).size()).isEqualTo(11);
        assertThatThrownBy(() -> parsed.verify(leaves.get(5), key)).hasMessageContaining("does not lead to the root");
        TlogProof withExtra = TlogProof.parse(new TlogProof(new byte[]{1, 2}, 6, parsed.hashes(), note).text());
        assertThat(withExtra.extra()).containsExactly(1, 2);
    }
}
