package mn.registry.infrastructure.mongo;

import com.mongodb.MongoClientSettings;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.configuration.CodecRegistry;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Session 9: a projection's update encoded straight into bytes must be the bytes the driver's document codec writes. */
class PlainBsonTest {

    private static final CodecRegistry REGISTRY = MongoClientSettings.getDefaultCodecRegistry();

    private static byte[] bytes(RawBsonDocument raw) {
        var buffer = raw.getByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static void assertSameBytes(Document document) {
        RawBsonDocument byCodec = new RawBsonDocument(document, REGISTRY.get(Document.class));
        assertThat(bytes(PlainBson.encode(document, REGISTRY, 16))).isEqualTo(bytes(byCodec));
    }

    @Test
    @DisplayName("Every plain value type, nested in maps and lists, encodes to the document codec's bytes (a small first buffer grown)")
    void plain_values_as_the_codec_writes_them() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("amount", new BigDecimal("1000000.50"));
        map.put("whole", 1_000_000L);
        map.put("list", new ArrayList<>(Arrays.asList(1, 2L, "три", null, 1.5, 2.5f, true, List.of(List.of()), new LinkedHashMap<>())));
        Document document = new Document("$addToSet", new Document("history", new Document("sequence", 3L).append("type", "Approved")
                .append("event", map)))
                .append("$set", new Document("status", "ACTIVE").append("n", 7).append("ok", false).append("nothing", null)
                        .append("dueAt", new Date(1_767_000_000_000L)).append("decision.due", "2026-01-21").append("x", Double.NaN)
                        .append("company", new Document("name", "Тэнгэр Трейд ХХК").append("seat", Map.of("city", "Улаанбаатар"))))
                .append("$unset", new Document("extensionRequest", ""));
        assertSameBytes(document);
    }

    @Test
    @DisplayName("Any other value goes through the registry's codec for its class, as the document codec does (an instant, a date, a UUID)")
    void other_values_through_their_codec() {
        assertSameBytes(new Document("$set", new Document("at", Instant.parse("2026-12-04T10:00:00Z")).append("on", LocalDate.of(2026, 12, 4))
                .append("bytes", new byte[] {1, 2, 3})));
        assertThatThrownBy(() -> PlainBson.encode(new Document("id", UUID.randomUUID()), REGISTRY, 16))
                .as("the default registry refuses a UUID without a representation, as the codec does")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new RawBsonDocument(new Document("id", UUID.randomUUID()), REGISTRY.get(Document.class)))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> PlainBson.encode(new Document("n", BigInteger.TEN), REGISTRY, 16)).isInstanceOf(RuntimeException.class);
    }
}
