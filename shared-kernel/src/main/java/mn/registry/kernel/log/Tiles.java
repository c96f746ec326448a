package mn.registry.kernel.log;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * C2SP tlog-tiles: tiles of height 8 (256 hashes, 8,192 bytes when full), their paths
 * ({@code tile/0/x001/234}, {@code tile/1/000.p/5}, {@code tile/entries/000.p/5}), a tile's contents
 * from a {@link Merkle.HashReader}, and a {@link Merkle.HashReader} reconstructed from stored tiles.
 */
public final class Tiles {

    public static final int HEIGHT = 8;
    public static final int WIDTH = 1 << HEIGHT;
    /** Level of an entry bundle in a {@link Tile} reference. */
    public static final int ENTRIES = -1;

    private static final Pattern PATH = Pattern.compile(
            "tile/(entries|0|[1-9][0-9]?)/((?:x[0-9]{3}/)*[0-9]{3})(?:\\.p/([1-9][0-9]{0,2}))?");

    private Tiles() {
    }

    /**
     * One tile or entry bundle: {@code level} ({@link #ENTRIES} for a bundle), {@code index} within the level
     * and {@code width} (256 for a full tile, 1-255 for a partial one).
     */
    public record Tile(int level, long index, int width) {
        public Tile {
            if (level < ENTRIES || level > 63 || index < 0 || width < 1 || width > WIDTH) {
                throw new IllegalArgumentException("no such tile: level " + level + ", index " + index + ", width " + width);
            }
        }

        public boolean full() {
            return width == WIDTH;
        }

        public boolean entries() {
            return level == ENTRIES;
        }

        /** The path under the log's prefix, e.g. {@code tile/0/x001/234.p/7}. */
        public String path() {
            return "tile/" + (entries() ? "entries" : Integer.toString(level)) + "/" + encodeIndex(index)
                    + (full() ? "" : ".p/" + width);
        }
    }

    /** {@code 1234067 -> x001/x234/067}: 3-digit groups, every one but the last prefixed with {@code x}. */
    public static String encodeIndex(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("a tile index is not negative: " + n);
        }
        String s = Long.toString(n);
        int pad = (3 - s.length() % 3) % 3;
        s = "0".repeat(pad) + s;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i += 3) {
            if (i > 0) {
                out.append('/');
            }
            if (i + 3 < s.length()) {
                out.append('x');
            }
            out.append(s, i, i + 3);
        }
        return out.toString();
    }

    /** Parses a tile or entry-bundle path; empty if it is not one (non-canonical index forms included). */
    public static Optional<Tile> parse(String path) {
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String digits = m.group(2).replace("x", "").replace("/", "");
        if (digits.length() > 18) {
            return Optional.empty();
        }
        long index = Long.parseLong(digits);
        if (!encodeIndex(index).equals(m.group(2))) {
            return Optional.empty(); // e.g. x000/001: a leading empty group is not canonical
        }
        int width = m.group(3) == null ? WIDTH : Integer.parseInt(m.group(3));
        if (width > 255 && m.group(3) != null) {
            return Optional.empty();
        }
        int level = "entries".equals(m.group(1)) ? ENTRIES : Integer.parseInt(m.group(1));
        return Optional.of(new Tile(level, index, width));
    }

    /** How many hashes the rightmost tile at {@code level} has in a tree of {@code size}: floor(size / 256^level) mod 256. */
    public static int partialWidth(long size, int level) {
        return (int) ((size >>> (HEIGHT * level)) % WIDTH);
    }

    /**
     * Whether a tree of {@code size} leaves has this tile (a full tile, or the partial tile of exactly that width):
     * what a log serves for that size.
     */
    public static boolean exists(Tile tile, long size) {
        int level = tile.entries() ? 0 : tile.level();
        long fullTiles = size >>> (HEIGHT * (level + 1));
        if (tile.full()) {
            return tile.index() < fullTiles;
        }
        return tile.index() == fullTiles && partialWidth(size, level) >= tile.width();
    }

    /** The contents of Merkle tile {@code (level, index, width)}: its hashes concatenated. */
    public static byte[] tile(Merkle.HashReader hashes, int level, long index, int width) {
        byte[] out = new byte[width * Merkle.HASH_SIZE];
        for (int i = 0; i < width; i++) {
            byte[] h = hashes.subtree(HEIGHT * level, index * WIDTH + i);
            System.arraycopy(h, 0, out, i * Merkle.HASH_SIZE, Merkle.HASH_SIZE);
        }
        return out;
    }

    /** The Merkle tree hash of a full tile's 256 hashes: the tile's root, one hash of the level above. */
    public static byte[] tileRoot(byte[] fullTile) {
        return fold(fullTile, 0, WIDTH);
    }

    /** Where stored tiles come from: the hashes of tile {@code (level, index)}, at least {@code minWidth} of them. */
    @FunctionalInterface
    public interface TileReader {
        byte[] read(int level, long index, int minWidth);
    }

    /** Complete-subtree hashes read from tiles: level h is rebuilt from the tile row at level h / 8. */
    public static Merkle.HashReader hashReader(TileReader tiles) {
        return (h, i) -> {
            int tileLevel = h / HEIGHT;
            int below = h % HEIGHT;
            long first = i << below;
            long tileIndex = first / WIDTH;
            int offset = (int) (first % WIDTH);
            int count = 1 << below;
            byte[] data = tiles.read(tileLevel, tileIndex, offset + count);
            if (data == null || data.length < (offset + count) * Merkle.HASH_SIZE) {
                throw new IllegalStateException("tile " + tileLevel + "/" + tileIndex + " lacks hashes " + offset + ".." + (offset + count - 1));
            }
            return fold(data, offset, count);
        };
    }

    private static byte[] fold(byte[] data, int offset, int count) {
        byte[][] row = new byte[count][];
        for (int k = 0; k < count; k++) {
            int from = (offset + k) * Merkle.HASH_SIZE;
            row[k] = Arrays.copyOfRange(data, from, from + Merkle.HASH_SIZE);
        }
        while (row.length > 1) {
            byte[][] up = new byte[row.length / 2][];
            for (int k = 0; k < up.length; k++) {
                up[k] = Merkle.nodeHash(row[2 * k], row[2 * k + 1]);
            }
            row = up;
        }
        return row[0];
    }
}
