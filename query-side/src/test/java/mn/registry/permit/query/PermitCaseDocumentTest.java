package mn.registry.permit.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.configuration.CodecRegistry;
import com.mongodb.MongoClientSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 8: the event inside a permit case's history entry is built from the event's serialized tokens instead of
 * {@code convertValue} into a map; a rebuilt read model must stay the same bytes, value types included.
 */
class PermitCaseDocumentTest {

    /** One payload of every event type as the previous release stored it (StoredEventSamplesTest's file). */
    private static final Path SAMPLES = Path.of("../command-side/src/test/resources/events/previous-release.jsonl");
    private static final String PERMIT_EVENTS = PermitApplicationRegistered.class.getPackageName();
    private static final CodecRegistry CODECS = MongoClientSettings.getDefaultCodecRegistry();
    private static final Codec<Document> DOCUMENTS = CODECS.get(Document.class);

    @Test
    @DisplayName("Every permit event of the stored samples is the same BSON in the read model as convertValue made it")
    void every_stored_permit_event_is_the_same_bson() throws Exception {
        ObjectMapper mapper = CanonicalJson.mapper();
        List<Object> events = new ArrayList<>();
        for (String line : Files.readAllLines(SAMPLES)) {
            if (line.startsWith("#") || line.isBlank() || !line.startsWith(PERMIT_EVENTS + ".")) {
                continue;
            }
            int space = line.indexOf(' ');
            events.add(mapper.readerFor(Class.forName(line.substring(0, space))).readValue(line.substring(space + 1)));
        }
        assertThat(events).hasSizeGreaterThan(15);
        events.add(new PermitApplicationApproved(PermitCasesTest.REGISTERED.applicationId(), Money.mnt(1_000_000),
                Instant.parse("2026-12-01T02:00:00Z"), new PersonId("reviewer-1"), "002 art. 26.2.2"));
        events.add(new PermitApplicationApproved(PermitCasesTest.REGISTERED.applicationId(), new Money(new BigDecimal("1250.50"), "MNT"),
                Instant.parse("2026-12-01T02:00:00Z"), null, "002 art. 26.2.2"));
        events.add(PermitCasesTest.REGISTERED);
        for (Object event : events) {
            assertThat(bson(PermitCaseProjection.asDocument(event))).as(event.getClass().getSimpleName())
                    .isEqualTo(bson(asDocumentBySession7(event)));
            assertThat(PermitCaseProjection.asDocument(event).toJson()).isEqualTo(asDocumentBySession7(event).toJson());
        }
    }

    private static RawBsonDocument bson(Document event) {
        return new RawBsonDocument(new Document("event", event), DOCUMENTS);
    }

    /** The read model's event as Session 7 built it: {@code convertValue} to a map, whole amounts as longs. */
    @SuppressWarnings("unchecked")
    static Document asDocumentBySession7(Object value) {
        Map<String, Object> map = CanonicalJson.mapper().convertValue(value, Map.class);
        return new Document(wholeAmountsAsLong(map));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wholeAmountsAsLong(Map<String, Object> map) {
        map.replaceAll((key, v) -> {
            if (v instanceof Map<?, ?> nested) {
                return wholeAmountsAsLong((Map<String, Object>) nested);
            }
            if (v instanceof BigDecimal d && d.stripTrailingZeros().scale() <= 0) {
                try {
                    return d.longValueExact();
                } catch (ArithmeticException beyondLong) {
                    return d;
                }
            }
            return v;
        });
        return map;
    }
}
