package mn.registry.store.mongo;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static mn.registry.store.mongo.StoreFixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 15 target 4 (Session 8): each stored payload is decoded once, by one reader per type, into the same event. */
@ExtendWith(EmbeddedMongoExtension.class)
class DecodeOnceSerializerTest {

    static final AtomicInteger DECODED = new AtomicInteger();

    record Recorded(String permit, long amount) {
        @JsonCreator
        Recorded(@JsonProperty("permit") String permit, @JsonProperty("amount") long amount) {
            this.permit = permit;
            this.amount = amount;
            DECODED.incrementAndGet();
        }
    }

    /** Counts the readers its serializer asks for. */
    static final class CountingMapper extends ObjectMapper {
        final AtomicInteger readers = new AtomicInteger();

        @Override
        public ObjectReader readerFor(Class<?> type) {
            readers.incrementAndGet();
            return super.readerFor(type);
        }

        @Override
        public ObjectReader readerFor(JavaType type) {
            readers.incrementAndGet();
            return super.readerFor(type);
        }
    }

    record Stamped(Instant at, List<Instant> more) {
    }

    record Dated(LocalDate on, List<LocalDate> more) {
    }

    @Test
    @DisplayName("Instants and metadata decode as the mapper's own deserializers read them, in the store's form and in any other")
    void instants_and_metadata_decode_as_before() {
        JacksonSerializer axon = JacksonSerializer.builder().objectMapper(CanonicalJson.mapper()).build();
        var once = DecodeOnceSerializer.readingOnce(axon);
        for (String at : List.of("\"2026-12-04T12:57:21.384Z\"", "\"2026-12-04T12:57:21Z\"", "\"2026-12-04T12:57:21.123456789Z\"",
                "\"2026-12-04T12:57:21.5Z\"", "\"2026-12-04T20:57:21+08:00\"", "\"+12026-12-04T12:57:21Z\"", "1764852000.5",
                "1764852000", "null")) {
            String json = "{\"at\":" + at + ",\"more\":[" + at + "]}";
            SerializedObject<String> stored = new SimpleSerializedObject<>(json, String.class, Stamped.class.getName(), null);
            assertThat((Object) once.deserialize(stored)).as(at).isEqualTo(axon.deserialize(stored));
        }
        for (String on : List.of("\"2026-12-04\"", "\"2026-02-28\"", "\"0001-01-01\"", "\"+12026-12-04\"", "\"2026-12-04T10:00:00\"",
                "[2026,12,4]", "null")) {
            String json = "{\"on\":" + on + ",\"more\":[" + on + "]}";
            SerializedObject<String> stored = new SimpleSerializedObject<>(json, String.class, Dated.class.getName(), null);
            assertThat((Object) once.deserialize(stored)).as(on).isEqualTo(axon.deserialize(stored));
        }
        String meta = "{\"signedBy\":\"reviewer-1\",\"commandId\":\"cmd-1\",\"count\":3,\"big\":12345678901234,\"nested\":{\"a\":[1,2.5]}}";
        SerializedObject<String> metaData = new SimpleSerializedObject<>(meta, String.class, axon.typeForClass(MetaData.class));
        Object decoded = once.deserialize(metaData);
        assertThat(decoded).isInstanceOf(MetaData.class).isEqualTo(axon.deserialize(metaData));
        assertThat(((MetaData) decoded).get("big")).isEqualTo(12345678901234L);
    }

    @BeforeEach
    void reset() {
        DECODED.set(0);
    }

    @Test
    @DisplayName("A stored payload read by every handler of a processor's batch is decoded once, by one reader made once for its type")
    void each_payload_is_decoded_once_by_a_reader_made_once(MongoDatabase database) {
        CountingMapper mapper = new CountingMapper();
        GaplessEventStorageEngine engine = engine(database).eventSerializer(JacksonSerializer.builder().objectMapper(mapper).build()).build();
        for (int n = 0; n < 3; n++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Permit", "permit-" + n, 0, new Recorded("A-" + n, 1_000_000L * n)));
        }
        DECODED.set(0);
        int readersBefore = mapper.readers.get();

        List<Object> seen;
        try (Stream<? extends TrackedEventMessage<?>> s = engine.readEvents(engine.createTailToken(), false)) {
            seen = s.<Object>map(m -> {
                // three handlers of one processor, each asking the message for its payload
                Object first = m.getPayload();
                assertThat((Object) m.getPayload()).isSameAs(first);
                assertThat((Object) m.getPayload()).isSameAs(first);
                return first;
            }).toList();
        }

        int decoded = DECODED.get();
        int readers = mapper.readers.get() - readersBefore;
        assertThat(seen).containsExactly(new Recorded("A-0", 0), new Recorded("A-1", 1_000_000L), new Recorded("A-2", 2_000_000L));
        assertThat(decoded).as("payloads decoded").isEqualTo(3);
        assertThat(readers).as("readers made for three events of one type (metadata's included)").isLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("The stored JSON decodes into the same event as Axon's own serializer; unknown types and an empty payload stay Axon's")
    void decodes_as_axons_serializer_does() {
        JacksonSerializer axon = JacksonSerializer.defaultSerializer();
        var once = DecodeOnceSerializer.readingOnce(axon);
        String json = "{\"permit\":\"Б-7\",\"amount\":9007199254740993}";
        SerializedObject<String> asString = new SimpleSerializedObject<>(json, String.class, Recorded.class.getName(), null);
        SerializedObject<byte[]> asBytes = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                Recorded.class.getName(), null);

        Object expected = axon.deserialize(asString);
        assertThat((Object) once.deserialize(asString)).isEqualTo(expected).isEqualTo(new Recorded("Б-7", 9007199254740993L));
        assertThat((Object) once.deserialize(asBytes)).isEqualTo(expected);
        assertThat(once.serialize(new Recorded("Б-7", 9007199254740993L), String.class).getData())
                .isEqualTo(axon.serialize(new Recorded("Б-7", 9007199254740993L), String.class).getData());

        Object unknown = once.deserialize(new SimpleSerializedObject<>("{}", String.class, new SimpleSerializedType("no.such.Event", null)));
        assertThat(unknown).isInstanceOf(UnknownSerializedType.class);
        assertThat((Object) once.deserialize(new SimpleSerializedObject<>("", String.class, SimpleSerializedType.emptyType()))).isNull();
    }
}
