package mn.registry.tlog;

/**
 * Where the log lives in MongoDB. Only this module reads and writes these collections (ArchitectureTest); other
 * modules' tests may name them to inspect or damage the storage on purpose.
 * {@code log_entries} ({@code _id} = log index, unique {@code eventId}, the leaf data and hash, the event's global
 * position), {@code log_tiles} ({@code _id} = "level/index", {@code hashes} = the tile's hashes so far, only ever
 * growing), {@code log_state} ({@code _id} = "tree": {@code size} = leaves fully in tiles; {@code _id} = "checkpoint":
 * {@code size} of the latest published checkpoint) and {@code log_checkpoints} ({@code _id} = tree size, the signed
 * note, its time-stamp token and when it was published).
 */
public final class LogCollections {

    public static final String ENTRIES = "log_entries";
    public static final String TILES = "log_tiles";
    public static final String STATE = "log_state";
    public static final String CHECKPOINTS = "log_checkpoints";

    /** {@code log_state} documents: the tree's size, and the latest published checkpoint's size. */
    public static final String TREE = "tree";
    public static final String LATEST_CHECKPOINT = "checkpoint";

    public static final String SIZE = "size";
    public static final String EVENT_ID = "eventId";
    public static final String LEAF = "leaf";
    public static final String LEAF_HASH = "leafHash";
    public static final String POSITION = "position";
    public static final String COMMAND_ID = "commandId";
    public static final String HASHES = "hashes";
    public static final String NOTE = "note";
    public static final String TIME_STAMP = "timeStampToken";
    public static final String PUBLISHED_AT = "publishedAt";

    /** The checkpoint origin (and log key name) unless {@code registry.log.origin} says otherwise. */
    public static final String DEFAULT_ORIGIN = "registry.mn/log";

    private LogCollections() {
    }

    /** The {@code _id} of a tile document. */
    public static String tileId(int level, long index) {
        return level + "/" + index;
    }
}
