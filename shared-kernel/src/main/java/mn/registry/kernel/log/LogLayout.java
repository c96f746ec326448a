package mn.registry.kernel.log;

/**
 * Where the log lives in MongoDB, shared by the sequencer (writes) and the public endpoints (read):
 * {@code log_entries} ({@code _id} = log index, unique {@code eventId}, the leaf data and hash),
 * {@code log_tiles} ({@code _id} = "level/index", {@code hashes} = the tile's hashes so far, only ever
 * growing), {@code log_state} ({@code _id} = "tree", {@code size} = leaves fully in tiles) and
 * {@code log_checkpoints} ({@code _id} = tree size, the signed note and its time-stamp token).
 */
public final class LogLayout {

    public static final String ENTRIES = "log_entries";
    public static final String TILES = "log_tiles";
    public static final String STATE = "log_state";
    public static final String CHECKPOINTS = "log_checkpoints";

    public static final String TREE = "tree";
    public static final String SIZE = "size";
    public static final String EVENT_ID = "eventId";
    public static final String LEAF = "leaf";
    public static final String LEAF_HASH = "leafHash";
    public static final String POSITION = "position";
    public static final String HASHES = "hashes";
    public static final String NOTE = "note";
    public static final String TIME_STAMP = "timeStampToken";
    public static final String PUBLISHED_AT = "publishedAt";

    /** The checkpoint origin (and log key name) unless {@code registry.log.origin} says otherwise. */
    public static final String DEFAULT_ORIGIN = "registry.mn/log";

    private LogLayout() {
    }

    /** The {@code _id} of a tile document. */
    public static String tileId(int level, long index) {
        return level + "/" + index;
    }
}
