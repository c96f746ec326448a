package mn.registry.kernel.log;

import mn.registry.kernel.crypto.Sha256;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 9162 §2.1 Merkle tree hashing over SHA-256: leaf hashes, tree heads, inclusion and consistency
 * proofs (§2.1.3, §2.1.4), generated from any source of complete-subtree hashes and verified from the proof
 * alone. Sizes and indexes are {@code long}; a hash is 32 bytes.
 */
public final class Merkle {

    public static final int HASH_SIZE = 32;
    private static final byte[] LEAF_PREFIX = {0x00};
    private static final byte[] NODE_PREFIX = {0x01};

    private Merkle() {
    }

    /**
     * The hashes of complete subtrees: {@code subtree(h, i)} is the Merkle tree hash of the 2^h leaves
     * {@code [i * 2^h, (i + 1) * 2^h)}; for h = 0 the leaf hash itself.
     */
    @FunctionalInterface
    public interface HashReader {
        byte[] subtree(int level, long index);
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leafHash(byte[] data) {
        return Sha256.digest(LEAF_PREFIX, data);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return Sha256.digest(NODE_PREFIX, left, right);
    }

    /** The root of the empty tree: SHA-256 of nothing. */
    public static byte[] emptyRoot() {
        return Sha256.digest();
    }

    /** The tree head of the first {@code size} leaves. */
    public static byte[] root(long size, HashReader hashes) {
        requireNonNegative(size, "size");
        return size == 0 ? emptyRoot() : range(0, size, hashes);
    }

    /** MTH(D[start : start + n]) for n >= 1, with start aligned so that every left part is a complete subtree. */
    static byte[] range(long start, long n, HashReader hashes) {
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return hashes.subtree(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return nodeHash(range(start, k, hashes), range(start + k, n - k, hashes));
    }

    /** RFC 9162 §2.1.3.1: the audit path of leaf {@code index} in the tree of {@code size} leaves. */
    public static List<byte[]> inclusionProof(long index, long size, HashReader hashes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, hashes, proof);
        return proof;
    }

    private static void path(long m, long start, long n, HashReader hashes, List<byte[]> out) {
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path(m, start, k, hashes, out);
            out.add(range(start + k, n - k, hashes));
        } else {
            path(m - k, start + k, n - k, hashes, out);
            out.add(range(start, k, hashes));
        }
    }

    /** RFC 9162 §2.1.4.1: the proof that the tree of {@code first} leaves is a prefix of the tree of {@code second}. */
    public static List<byte[]> consistencyProof(long first, long second, HashReader hashes) {
        if (first < 0 || first > second) {
            throw new IllegalArgumentException("no consistency proof from size " + first + " to size " + second);
        }
        List<byte[]> proof = new ArrayList<>();
        if (first > 0 && first < second) {
            subproof(first, 0, second, true, hashes, proof);
        }
        return proof;
    }

    private static void subproof(long m, long start, long n, boolean complete, HashReader hashes, List<byte[]> out) {
        if (m == n) {
            if (!complete) {
                out.add(range(start, n, hashes));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, k, complete, hashes, out);
            out.add(range(start + k, n - k, hashes));
        } else {
            subproof(m - k, start + k, n - k, false, hashes, out);
            out.add(range(start, k, hashes));
        }
    }

    /** RFC 9162 §2.1.3.2: whether {@code proof} places {@code leafHash} at {@code index} under {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !wellFormed(leafHash) || !wellFormed(root) || !wellFormed(proof)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /** RFC 9162 §2.1.4.2: whether {@code proof} shows the tree {@code (first, firstRoot)} is a prefix of {@code (second, secondRoot)}. */
    public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (first < 0 || first > second || !wellFormed(firstRoot) || !wellFormed(secondRoot) || !wellFormed(proof)) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (first == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, emptyRoot());
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof.size() + 1);
        if (Long.bitCount(first) == 1) {
            path.add(firstRoot);
        }
        path.addAll(proof);
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** Complete-subtree hashes of leaves held in memory, every level computed once. */
    public static HashReader inMemory(List<byte[]> leafHashes) {
        List<byte[][]> levels = new ArrayList<>();
        byte[][] level = leafHashes.toArray(new byte[0][]);
        levels.add(level);
        while (level.length > 1) {
            byte[][] up = new byte[level.length / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = nodeHash(level[2 * i], level[2 * i + 1]);
            }
            levels.add(up);
            level = up;
        }
        return (h, i) -> {
            if (h >= levels.size() || i < 0 || i >= levels.get(h).length) {
                throw new IllegalArgumentException("no complete subtree at level " + h + " index " + i);
            }
            return levels.get(h)[(int) i];
        };
    }

    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    private static boolean wellFormed(byte[] hash) {
        return hash != null && hash.length == HASH_SIZE;
    }

    private static boolean wellFormed(List<byte[]> proof) {
        if (proof == null || proof.size() > 64) {
            return false;
        }
        for (byte[] p : proof) {
            if (!wellFormed(p)) {
                return false;
            }
        }
        return true;
    }
}
