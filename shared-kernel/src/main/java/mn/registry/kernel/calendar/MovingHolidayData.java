package mn.registry.kernel.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The shipped data set of moving holidays (lunar holidays, election days) for the years it covers, read from
 * {@code moving-holidays-<dataset>.json} next to this class. Each date carries its publication or "computed".
 */
record MovingHolidayData(String dataset, LocalDate coveredFrom, LocalDate coveredTo,
                         Map<LocalDate, List<DayOffReason>> holidays) {

    static final String SHIPPED = "MN-2024";

    MovingHolidayData {
        Objects.requireNonNull(dataset, "dataset");
        if (coveredTo.isBefore(coveredFrom)) {
            throw new IllegalArgumentException("coverage ends before it starts");
        }
        TreeMap<LocalDate, List<DayOffReason>> copy = new TreeMap<>();
        holidays.forEach((date, reasons) -> {
            if (date.isBefore(coveredFrom) || date.isAfter(coveredTo)) {
                throw new IllegalArgumentException("holiday " + date + " outside the data set's coverage");
            }
            copy.put(date, List.copyOf(reasons));
        });
        holidays = Collections.unmodifiableMap(copy);
    }

    /** True when the data set covers the whole of {@code year}: its lunar holidays are data, not computed. */
    boolean coversYear(int year) {
        return !coveredFrom.isAfter(LocalDate.of(year, 1, 1)) && !coveredTo.isBefore(LocalDate.of(year, 12, 31));
    }

    static MovingHolidayData shipped() {
        return Shipped.DATA;
    }

    private static final class Shipped {
        static final MovingHolidayData DATA = load(SHIPPED);
    }

    static MovingHolidayData load(String dataset) {
        String resource = "moving-holidays-" + dataset + ".json";
        try (InputStream in = MovingHolidayData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("calendar data set not found on the class path: " + resource);
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar data set " + resource, e);
        }
    }

    static MovingHolidayData parse(JsonNode root) {
        String dataset = text(root, "dataset");
        LocalDate from = LocalDate.parse(text(root.path("coverage"), "from"));
        LocalDate to = LocalDate.parse(text(root.path("coverage"), "to"));
        JsonNode definitions = root.path("holidays");
        Map<LocalDate, List<DayOffReason>> holidays = new TreeMap<>();
        for (JsonNode occurrence : root.path("occurrences")) {
            String key = text(occurrence, "holiday");
            JsonNode definition = definitions.path(key);
            if (definition.isMissingNode()) {
                throw new IllegalStateException("calendar data names an undefined holiday: " + key);
            }
            String status = text(occurrence, "status");
            if (!status.equals("PUBLISHED") && !status.equals("COMPUTED")) {
                throw new IllegalStateException("calendar data status is PUBLISHED or COMPUTED: " + status);
            }
            DayOffReason reason = new DayOffReason(DayOffReason.Kind.valueOf(text(definition, "kind")),
                    text(definition, "nameEn"), text(definition, "nameMn"), text(occurrence, "source"));
            for (JsonNode date : occurrence.path("dates")) {
                holidays.computeIfAbsent(LocalDate.parse(date.asText()), d -> new ArrayList<>()).add(reason);
            }
        }
        return new MovingHolidayData(dataset, from, to, holidays);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalStateException("calendar data lacks '" + field + "'");
        }
        return value.asText();
    }
}
