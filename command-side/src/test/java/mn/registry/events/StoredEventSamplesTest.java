package mn.registry.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, "done when": the stored events of the previous release replay. {@code previous-release.jsonl} holds one payload of
 * every event type as the registry stored it at release be6830a (the event store's Jackson serializer, one
 * "{@code <payload type> <JSON>}" a line); each is read back through the same serializer into its type and, written again, keeps every
 * stored field. The event types are those the personal-data inventory of docs/security.md names (PersonalDataInventoryTest holds it
 * to the kernel's event records), so a new event type needs a sample here too.
 */
class StoredEventSamplesTest {

    private static final ObjectMapper MAPPER = Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    /** As the registry configures its event serializer (Spring Boot's mapper, ISO dates). */
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(MAPPER).build();

    @Test
    @DisplayName("issue 17: a stored payload of every event type of the previous release replays into its type, and no stored field is lost")
    void every_stored_sample_replays() throws Exception {
        List<String[]> samples = samples();
        assertThat(samples).hasSizeGreaterThan(55);
        for (String[] sample : samples) {
            Object event = SERIALIZER.deserialize(new SimpleSerializedObject<>(sample[1], String.class, sample[0], null));
            assertThat(event).as(sample[0]).isInstanceOf(Class.forName(sample[0]));
            JsonNode stored = MAPPER.readTree(sample[1]);
            JsonNode again = MAPPER.readTree(SERIALIZER.serialize(event, String.class).getData());
            stored.fieldNames().forEachRemaining(field ->
                    assertThat(again.get(field)).as(sample[0] + "." + field + " written again").isEqualTo(stored.get(field)));
        }
    }

    @Test
    @DisplayName("issue 17: every event type of the personal-data inventory has a stored sample of the previous release")
    void every_event_type_has_a_sample() throws Exception {
        Set<String> sampled = new TreeSet<>();
        for (String[] sample : samples()) {
            sampled.add(sample[0].substring(sample[0].lastIndexOf('.') + 1).replaceAll(".*\\$", ""));
        }
        assertThat(new TreeSet<>(inventoriedEventTypes()) {{ removeAll(sampled); }}).as("event types with no stored sample").isEmpty();
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.3 (ADR 0035 item 7): an agreement or a court decision stored without its document replays with none, and one stored with it keeps its SHA-256")
    void agreement_and_court_decision_replay_with_and_without_their_document() throws Exception {
        List<String> documents = new java.util.ArrayList<>();
        for (String[] sample : samples()) {
            Object event = sample[0].endsWith("$InvestmentAgreementRecorded") || sample[0].endsWith("$CourtDissolutionRecorded")
                    ? SERIALIZER.deserialize(new SimpleSerializedObject<>(sample[1], String.class, sample[0], null)) : null;
            if (event instanceof mn.registry.kernel.freezone.RegistrationEvents.InvestmentAgreementRecorded a) {
                documents.add("agreement " + a.documentSha256());
            } else if (event instanceof mn.registry.kernel.freezone.RegistrationEvents.CourtDissolutionRecorded c) {
                documents.add("court " + c.documentSha256());
            }
        }
        assertThat(documents).containsExactlyInAnyOrder("agreement null", "court null", "agreement " + "1".repeat(64), "court " + "2".repeat(64));
    }

    @Test
    @DisplayName("003 art. 6.1 (ADR 0035 item 31): a zone stored without its resolution's date replays with none and writes back the same "
            + "fields; one established with it keeps it")
    void zone_established_replays_with_and_without_its_resolutions_date() throws Exception {
        String[] stored = samples().stream().filter(s -> s[0].endsWith("$ZoneEstablished")).findFirst().orElseThrow();
        mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished old = SERIALIZER.deserialize(new SimpleSerializedObject<>(stored[1], String.class,
                stored[0], null));
        assertThat(old.resolutionDate()).isNull();
        JsonNode again = MAPPER.readTree(SERIALIZER.serialize(old, String.class).getData());
        assertThat(again).isEqualTo(MAPPER.readTree(stored[1]));
        mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished dated = new mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished(old.zoneId(),
                old.name(), old.location(), old.areaHectares(), old.boundary(), old.activities(), old.economicCooperationZone(), old.resolution(),
                old.establishedAt(), old.recordedBy(), java.time.LocalDate.of(2002, 6, 27));
        String written = SERIALIZER.serialize(dated, String.class).getData();
        assertThat(written).contains("\"resolutionDate\":\"2002-06-27\"");
        mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished read = SERIALIZER.deserialize(new SimpleSerializedObject<>(written, String.class,
                stored[0], null));
        assertThat(read.resolutionDate()).isEqualTo(java.time.LocalDate.of(2002, 6, 27));
    }

    static List<String[]> samples() throws IOException {
        try (InputStream in = StoredEventSamplesTest.class.getResourceAsStream("/events/previous-release.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(" ", 2)).toList();
        }
    }

    private static Set<String> inventoriedEventTypes() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "security.md"));
        int start = doc.indexOf("<!-- personal-data-inventory:start -->");
        int end = doc.indexOf("<!-- personal-data-inventory:end -->");
        assertThat(start).as("the inventory's markers in docs/security.md").isPositive().isLessThan(end);
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\| `([A-Za-z0-9]+)` \\|").matcher(doc.substring(start, end));
        while (m.find()) {
            out.add(m.group(1));
        }
        assertThat(out).as("the inventory's event types").contains("PermitRevoked", "PersonEnrolled").hasSizeGreaterThan(55);
        return out;
    }
}
