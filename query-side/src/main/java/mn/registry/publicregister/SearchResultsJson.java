package mn.registry.publicregister;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A search's answer written straight to the generator (ADR 0051): the same fields, in the same order and form, as
 * Jackson's record serializers give with the registry's settings (nulls left out, dates as ISO text,
 * {@code RegisterEntry.details} as its tree), without their per-property lookups and writers (JFR: Jackson 12-16 % of
 * the request threads of the search benchmark). {@code SearchResultsJsonTest} compares the bytes with Jackson's own.
 */
final class SearchResultsJson extends StdSerializer<SearchResults> {

    SearchResultsJson() {
        super(SearchResults.class);
    }

    @Override
    public void serialize(SearchResults r, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("items");
        for (RegisterEntry e : r.items()) {
            entry(e, g, provider);
        }
        g.writeEndArray();
        g.writeNumberField("total", r.total());
        g.writeNumberField("offset", r.offset());
        g.writeNumberField("limit", r.limit());
        g.writeNumberField("logSize", r.logSize());
        SearchResults.Counts c = r.counts();
        if (c != null) {
            g.writeObjectFieldStart("counts");
            counts("kind", c.kind(), g);
            counts("status", c.status(), g);
            counts("zone", c.zone(), g);
            counts("activity", c.activity(), g);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void entry(RegisterEntry e, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        if (e.kind() != null) {
            g.writeStringField("kind", e.kind().name());
        }
        string("id", e.id(), g);
        string("name", e.name(), g);
        string("number", e.number(), g);
        string("status", e.status(), g);
        string("zoneId", e.zoneId(), g);
        strings("activities", e.activities(), g);
        date("since", e.since(), g);
        date("until", e.until(), g);
        if (e.details() != null) {
            g.writeFieldName("details");
            e.details().serialize(g, provider);
        }
        if (e.history() != null) {
            g.writeArrayFieldStart("history");
            for (Long index : e.history()) {
                g.writeNumber(index);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void string(String field, String value, JsonGenerator g) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void strings(String field, List<String> values, JsonGenerator g) throws IOException {
        if (values != null) {
            g.writeArrayFieldStart(field);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /** ISO-8601 ({@code 2026-12-01}), as jackson-datatype-jsr310 writes a LocalDate when dates are not timestamps. */
    private static void date(String field, LocalDate value, JsonGenerator g) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.toString());
        }
    }

    private static void counts(String field, Map<String, Integer> counts, JsonGenerator g) throws IOException {
        if (counts != null) {
            g.writeObjectFieldStart(field);
            for (Map.Entry<String, Integer> c : counts.entrySet()) {
                g.writeFieldName(c.getKey());
                g.writeNumber(c.getValue());
            }
            g.writeEndObject();
        }
    }
}
