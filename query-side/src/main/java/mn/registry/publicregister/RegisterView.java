package mn.registry.publicregister;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The register at one log size, immutable: every entry by kind in id order, and the reader of the search index over
 * exactly these entries ({@link RegisterSearcher}; null only for a view not served). {@link #scan} is the search before
 * the index (a linear pass over one kind's entries, names compared in their folded form, numbers exactly), kept as the
 * benchmark's baseline and the tests' reference.
 */
final class RegisterView {

    private static final int FOLD_CACHE_LIMIT = 200_000;

    private final Map<RegisterKind, List<RegisterEntry>> entries;
    private final Map<RegisterKind, String[]> folded;
    private final Map<String, String> foldCache;
    private final long logSize;
    private final long position;
    private final RegisterSearcher searcher;

    RegisterView(Map<RegisterKind, List<RegisterEntry>> entries, long logSize, long position, RegisterView previous) {
        this.entries = entries;
        this.logSize = logSize;
        this.position = position;
        this.searcher = null;
        this.foldCache = previous == null || previous.foldCache.size() > FOLD_CACHE_LIMIT ? new ConcurrentHashMap<>() : previous.foldCache;
        this.folded = new java.util.EnumMap<>(RegisterKind.class);
        entries.forEach((kind, list) -> {
            String[] names = new String[list.size()];
            for (int i = 0; i < names.length; i++) {
                String name = list.get(i).name();
                names[i] = name == null ? "" : foldCache.computeIfAbsent(name, NameFolding::fold);
            }
            folded.put(kind, names);
        });
    }

    private RegisterView(RegisterView same, long logSize, long position, RegisterSearcher searcher) {
        this.entries = same.entries;
        this.folded = same.folded;
        this.foldCache = same.foldCache;
        this.logSize = logSize;
        this.position = position;
        this.searcher = searcher;
    }

    /** The same content, read further along the log (records that changed nothing here). */
    RegisterView at(long newLogSize, long newPosition) {
        return newLogSize == logSize && newPosition == position ? this : new RegisterView(this, newLogSize, newPosition, searcher);
    }

    /** The same content with the index reader of exactly these entries. */
    RegisterView with(RegisterSearcher indexReader) {
        return new RegisterView(this, logSize, position, indexReader);
    }

    /** The index reader of these entries (null: not indexed). */
    RegisterSearcher searcher() {
        return searcher;
    }

    long logSize() {
        return logSize;
    }

    long position() {
        return position;
    }

    List<RegisterEntry> all(RegisterKind kind) {
        return entries.get(kind);
    }

    Optional<RegisterEntry> entry(RegisterKind kind, String id) {
        List<RegisterEntry> list = entries.get(kind);
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = list.get(mid).id().compareTo(id);
            if (c == 0) {
                return Optional.of(list.get(mid));
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.empty();
    }

    /** The search before the index: a pass over the kind's entries (names: every word inside the name; numbers: exactly). */
    RegisterPage scan(RegisterQuery q) {
        List<RegisterEntry> list = entries.get(q.kind());
        String[] names = folded.get(q.kind());
        Criteria c = new Criteria(q);
        List<RegisterEntry> page = new ArrayList<>(Math.min(q.limit(), 64));
        int total = 0;
        for (int i = 0; i < list.size(); i++) {
            RegisterEntry e = list.get(i);
            if (c.matches(e, names[i])) {
                if (total >= q.offset() && page.size() < q.limit()) {
                    page.add(e);
                }
                total++;
            }
        }
        return new RegisterPage(List.copyOf(page), total, q.offset(), q.limit(), logSize);
    }

    /** A query made ready once: folded words, trimmed and lower-cased values, so the pass over entries allocates nothing. */
    private static final class Criteria {
        private final String[] words;
        private final String number;
        private final String status;
        private final String zoneId;
        private final String activity;
        private final java.time.LocalDate from;
        private final java.time.LocalDate to;

        Criteria(RegisterQuery q) {
            this.words = q.name() == null ? new String[0]
                    : Arrays.stream(NameFolding.fold(q.name()).split(" ")).filter(w -> !w.isEmpty()).toArray(String[]::new);
            this.number = q.number() == null ? null : q.number().trim();
            this.status = q.status() == null ? null : q.status().trim();
            this.zoneId = q.zoneId() == null ? null : q.zoneId().trim().toLowerCase(Locale.ROOT);
            this.activity = q.activity() == null ? null : q.activity().trim();
            this.from = q.from();
            this.to = q.to();
        }

        boolean matches(RegisterEntry e, String foldedName) {
            if (status != null && !status.equalsIgnoreCase(e.status())) {
                return false;
            }
            if (zoneId != null && !zoneId.equals(e.zoneId())) {
                return false;
            }
            if (number != null && !number.equalsIgnoreCase(e.number())) {
                return false;
            }
            if (activity != null && !hasActivity(e.activities())) {
                return false;
            }
            if (from != null && (e.since() == null || e.since().isBefore(from))) {
                return false;
            }
            if (to != null && (e.since() == null || e.since().isAfter(to))) {
                return false;
            }
            for (String w : words) {
                if (!foldedName.contains(w)) {
                    return false;
                }
            }
            return true;
        }

        private boolean hasActivity(List<String> activities) {
            for (int i = 0; i < activities.size(); i++) {
                if (activity.equalsIgnoreCase(activities.get(i))) {
                    return true;
                }
            }
            return false;
        }
    }
}
