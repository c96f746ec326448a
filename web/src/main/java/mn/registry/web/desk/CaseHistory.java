package mn.registry.web.desk;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The history a permit's case file keeps (one entry per event, with its sequence and the event as the read model holds it). */
final class CaseHistory {

    private CaseHistory() {
    }

    /** The entries of events of {@code types} (the events' simple class names), in the order the permit's stream holds them. */
    static Stream<Map<?, ?>> entries(Map<String, Object> file, String... types) {
        List<String> wanted = List.of(types);
        return file.get("history") instanceof List<?> history ? history.stream()
                .filter(h -> h instanceof Map<?, ?> entry && wanted.contains(entry.get("type"))).<Map<?, ?>>map(h -> (Map<?, ?>) h)
                .sorted(Comparator.comparingLong(h -> ((Number) h.get("sequence")).longValue())) : Stream.empty();
    }

    /** The event of an entry, empty when the entry holds none. */
    static Map<?, ?> event(Map<?, ?> entry) {
        return entry.get("event") instanceof Map<?, ?> e ? e : Map.of();
    }
}
