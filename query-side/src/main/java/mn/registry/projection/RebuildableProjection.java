package mn.registry.projection;

/** A projection that can be rebuilt from the log into a new generation, hashed at a log size, and switched to. */
public interface RebuildableProjection {

    String name();

    /** Starts a rebuild from log index 0 up to {@code logSize} (null: the head) in the background; switches when built if asked. */
    RebuildProgress rebuild(Long logSize, boolean switchWhenBuilt);

    /** The current or last rebuild's progress. */
    RebuildProgress progress();

    /** The canonical content hash of this projection folded from the log up to {@code logSize} (null: as it serves now). */
    HashAt hash(Long logSize);

    /** A content hash and the log size it is at. */
    record HashAt(String projection, long logSize, String hash) {
    }
}
