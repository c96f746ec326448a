package mn.registry.publicregister;

import java.util.List;

/** The register folded from exactly the first {@code logSize} log entries: every entry, kind by kind in id order. */
public record RegisterSnapshot(long logSize, long position, List<RegisterEntry> entries, String hash) {
}
