package mn.registry.kernel.log;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Merkle proofs against an independent RFC 9162 §2.1.1 implementation written here from the RFC text
 * (recursive MTH over the leaf data with the JDK's SHA-256, sharing nothing with {@link Merkle}).
 */
class MerkleProperties {

    // ---- RFC 9162 §2.1.1, independently ----
    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] mth(List<byte[]> data, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return sha256(new byte[]{0}, data.get(from));
        }
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return sha256(new byte[]{1}, mth(data, from, from + k), mth(data, from + k, to));
    }
    // ----

    static List<byte[]> entries(int n, long seed) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(ByteBuffer.allocate(16).putLong(seed).putLong(i).array());
        }
        return out;
    }

    static Merkle.HashReader tree(List<byte[]> data) {
        return Merkle.inMemory(data.stream().map(Merkle::leafHash).toList());
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Integer>> indexAndSize() {
        return Arbitraries.integers().between(1, 600).flatMap(size ->
                Arbitraries.integers().between(0, size - 1).map(index -> Tuple.of(index, size)));
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Integer, Integer>> firstAndSecond() {
        return Arbitraries.integers().between(0, 600).flatMap(second ->
                Arbitraries.integers().between(0, second).map(first -> Tuple.of(first, second)));
    }

    @Property(tries = 300)
    @Label("the root equals the RFC's MTH for every size")
    void root_equals_rfc_mth(@ForAll("firstAndSecond") Tuple.Tuple2<Integer, Integer> sizes) {
        List<byte[]> data = entries(sizes.get2(), 7);
        assertThat(Merkle.root(sizes.get2(), tree(data))).isEqualTo(mth(data, 0, data.size()));
    }

    @Property(tries = 400)
    @Label("an inclusion proof verifies for every (index, size) against the RFC's root, and fails for a changed leaf, root, index or proof byte")
    void inclusion_proofs_verify(@ForAll("indexAndSize") Tuple.Tuple2<Integer, Integer> t, @ForAll long seed) {
        int index = t.get1();
        int size = t.get2();
        List<byte[]> data = entries(size, seed);
        byte[] root = mth(data, 0, size);
        byte[] leaf = Merkle.leafHash(data.get(index));
        List<byte[]> proof = Merkle.inclusionProof(index, size, tree(data));

        assertThat(Merkle.verifyInclusion(index, size, leaf, proof, root)).isTrue();

        byte[] otherLeaf = Merkle.leafHash(new byte[]{1, 2, 3});
        assertThat(Merkle.verifyInclusion(index, size, otherLeaf, proof, root)).isFalse();
        byte[] otherRoot = root.clone();
        otherRoot[(int) (Math.floorMod(seed, 32))] ^= 1;
        assertThat(Merkle.verifyInclusion(index, size, leaf, proof, otherRoot)).isFalse();
        if (size > 1) {
            int other = (index + 1) % size;
            assertThat(Merkle.verifyInclusion(other, size, leaf, proof, root)).isFalse();
            List<byte[]> tampered = new ArrayList<>(proof);
            int which = (int) (Math.floorMod(seed, proof.size()));
            byte[] h = tampered.get(which).clone();
            h[0] ^= (byte) 0x80;
            tampered.set(which, h);
            assertThat(Merkle.verifyInclusion(index, size, leaf, tampered, root)).isFalse();
            assertThat(Merkle.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root)).isFalse();
        }
    }

    @Property(tries = 400)
    @Label("a consistency proof verifies for every first <= second against the RFC's roots, and fails when either root or a proof byte changes")
    void consistency_proofs_verify(@ForAll("firstAndSecond") Tuple.Tuple2<Integer, Integer> t, @ForAll long seed) {
        int first = t.get1();
        int second = t.get2();
        List<byte[]> data = entries(second, seed);
        byte[] firstRoot = mth(data, 0, first);
        byte[] secondRoot = mth(data, 0, second);
        List<byte[]> proof = Merkle.consistencyProof(first, second, tree(data));

        assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, proof)).isTrue();

        byte[] bad = secondRoot.clone();
        bad[5] ^= 4;
        if (first > 0) { // the empty tree is a prefix of every tree: there is no second root to check against
            assertThat(Merkle.verifyConsistency(first, second, firstRoot, bad, proof)).isFalse();
        }
        assertThat(Merkle.verifyConsistency(first, second, bad, secondRoot, proof)).isFalse();
        if (!proof.isEmpty()) {
            List<byte[]> tampered = new ArrayList<>(proof);
            byte[] h = tampered.get(tampered.size() - 1).clone();
            h[31] ^= 1;
            tampered.set(tampered.size() - 1, h);
            assertThat(Merkle.verifyConsistency(first, second, firstRoot, secondRoot, tampered)).isFalse();
        }
        if (first > 0 && first < second) {
            // a tree that differs in one leaf before `first` is not an extension of the first tree
            List<byte[]> forked = new ArrayList<>(data);
            forked.set(first - 1, new byte[]{9});
            assertThat(Merkle.verifyConsistency(first, second, firstRoot, mth(forked, 0, second),
                    Merkle.consistencyProof(first, second, tree(forked)))).isFalse();
        }
    }

    @Property(tries = 60)
    @Label("tiles rebuilt from the tree give back the same root and proofs, for sizes around tile boundaries")
    void tiles_reconstruct_the_tree(@ForAll("tileSizes") int size, @ForAll long seed) {
        List<byte[]> data = entries(size, seed);
        Merkle.HashReader direct = tree(data);
        Merkle.HashReader fromTiles = Tiles.hashReader((level, index, minWidth) -> {
            long fullTiles = size >>> (Tiles.HEIGHT * (level + 1));
            int width = index < fullTiles ? Tiles.WIDTH : Tiles.partialWidth(size, level);
            assertThat(width).as("tile %d/%d must exist at size %d", level, index, size).isGreaterThanOrEqualTo(minWidth);
            return Tiles.tile(direct, level, index, width);
        });
        assertThat(Merkle.root(size, fromTiles)).isEqualTo(mth(data, 0, size));
        int index = (int) (Math.floorMod(seed, size));
        assertThat(Merkle.inclusionProof(index, size, fromTiles)).usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(Merkle.inclusionProof(index, size, direct));
        int first = (int) (Math.floorMod(seed / 7, size + 1));
        assertThat(Merkle.consistencyProof(first, size, fromTiles)).usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(Merkle.consistencyProof(first, size, direct));
    }

    @Provide
    Arbitrary<Integer> tileSizes() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 70_000),
                Arbitraries.of(1, 255, 256, 257, 511, 512, 513, 65_535, 65_536, 65_537));
    }

    @Property(tries = 100)
    @Label("entry bundles give back exactly the entries put in")
    void entry_bundles_round_trip(@ForAll("bundles") List<byte[]> entries) {
        assertThat(EntryBundles.decode(EntryBundles.encode(entries))).usingElementComparator(Arrays::compare)
                .containsExactlyElementsOf(entries);
    }

    @Provide
    Arbitrary<List<byte[]>> bundles() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(700).list().ofMaxSize(20);
    }

}
