package mn.registry.infrastructure.mongo;

import org.bson.BsonBinaryWriter;
import org.bson.RawBsonDocument;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.io.BasicOutputBuffer;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;

/**
 * A document of plain values encoded straight into BSON bytes, the bytes the driver's {@code DocumentCodec} writes for
 * it (Session 9): strings, 32/64-bit integers, doubles and floats, booleans, null, dates, decimals, maps and lists are
 * written directly; any other value through the registry's codec for its class, as the document codec does. The
 * codec looked up each value's codec in the registry (a cache keyed by a hash of class and registry), about a third of
 * encoding a projection's update, and grew its buffer from 1 KiB by copying.
 */
public final class PlainBson {

    private static final EncoderContext CHILD = EncoderContext.builder().build();

    private PlainBson() {
    }

    /** {@code document} as raw BSON; {@code sizeHint}: the expected size in bytes (the buffer's first size). */
    public static RawBsonDocument encode(Map<String, ?> document, CodecRegistry registry, int sizeHint) {
        BasicOutputBuffer buffer = new BasicOutputBuffer(Math.max(256, sizeHint));
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writeDocument(writer, document, registry);
        }
        return new RawBsonDocument(buffer.getInternalBuffer(), 0, buffer.getPosition());
    }

    private static void writeDocument(BsonBinaryWriter writer, Map<?, ?> document, CodecRegistry registry) {
        writer.writeStartDocument();
        for (Map.Entry<?, ?> field : document.entrySet()) {
            writer.writeName((String) field.getKey());
            writeValue(writer, field.getValue(), registry);
        }
        writer.writeEndDocument();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void writeValue(BsonBinaryWriter writer, Object value, CodecRegistry registry) {
        if (value == null) {
            writer.writeNull();
        } else if (value instanceof String s) {
            writer.writeString(s);
        } else if (value instanceof Integer i) {
            writer.writeInt32(i);
        } else if (value instanceof Long l) {
            writer.writeInt64(l);
        } else if (value instanceof Boolean b) {
            writer.writeBoolean(b);
        } else if (value instanceof Double d) {
            writer.writeDouble(d);
        } else if (value instanceof Float f) {
            writer.writeDouble(f);
        } else if (value instanceof Date d) {
            writer.writeDateTime(d.getTime());
        } else if (value instanceof BigDecimal d) {
            writer.writeDecimal128(new Decimal128(d));
        } else if (value instanceof Map<?, ?> m) {
            writeDocument(writer, m, registry);
        } else if (value instanceof Iterable<?> list) {
            writer.writeStartArray();
            for (Object item : list) {
                writeValue(writer, item, registry);
            }
            writer.writeEndArray();
        } else {
            Codec codec = registry.get(value.getClass());
            CHILD.encodeWithChildContext(codec, writer, value);
        }
    }
}
