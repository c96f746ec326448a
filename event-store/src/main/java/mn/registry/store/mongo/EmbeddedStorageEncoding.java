package mn.registry.store.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * How the embedded server's documents and unique-index keys are written in its H2 file (ADR 0025): a compact binary
 * form of mongo-java-server's values instead of H2's Java serialization, and index keys ordered by their values instead
 * of by their serialized bytes.
 *
 * <p>A value in this form starts with a marker byte that H2's {@link ObjectDataType} never writes first (its type tags
 * end at 119), so a reader tells the two forms apart value by value: files written by earlier releases (every document
 * Java-serialized) read unchanged, and a page rewritten since holds both forms side by side. Types without a compact
 * form of their own (Decimal128, timestamps, regular expressions, …, rare in the registry) are written as their Java
 * serialization inside the compact form.
 */
final class EmbeddedStorageEncoding {

    /** First byte of a document written in the compact form (H2's ObjectDataType tags are 0–119). */
    static final int DOCUMENT_MARKER = 0xC1;
    /** First byte of a unique-index key written in the compact form. */
    static final int KEY_MARKER = 0xC2;

    private static final int NULL = 0;
    private static final int FALSE = 1;
    private static final int TRUE = 2;
    private static final int INT = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int STRING = 6;
    private static final int DOCUMENT = 7;
    private static final int LIST = 8;
    private static final int INSTANT = 9;
    private static final int OBJECT_ID = 10;
    private static final int MISSING = 11;
    private static final int UUID_TYPE = 12;
    private static final int BIN_DATA = 13;
    /** Anything else: its Java serialization (as H2 wrote every value before), length-prefixed. */
    private static final int SERIALIZED = 14;
    /**
     * A string value as its UTF-8 bytes, length-prefixed (session 19): one intrinsic copy where {@link #STRING}'s H2 form
     * writes char by char, which was a third of each durability step's page writing. Written for every string without an
     * unpaired surrogate (UTF-8 cannot hold one); {@link #STRING} is still written for those and read as before.
     */
    private static final int UTF8_STRING = 15;

    private EmbeddedStorageEncoding() {
    }

    /**
     * Values of a collection's data map: {@link Document}s in the compact form; anything else, and everything
     * read from a file written before, exactly as {@link ObjectDataType}.
     */
    static final class DocumentValues extends ObjectDataType {

        @Override
        public void write(WriteBuffer buff, Object obj) {
            if (obj instanceof Document document) {
                buff.put((byte) DOCUMENT_MARKER);
                writeDocument(buff, document);
            } else {
                super.write(buff, obj);
            }
        }

        @Override
        public Object read(ByteBuffer buff) {
            if ((buff.get(buff.position()) & 0xFF) == DOCUMENT_MARKER) {
                buff.get();
                return readDocument(buff);
            }
            return super.read(buff);
        }

        @Override
        public int getMemory(Object obj) {
            return obj instanceof Document document ? memory(document) : super.getMemory(obj);
        }
    }

    /**
     * Keys of a collection's data map and values of its unique indexes' maps (the documents' {@code _id}s, mostly
     * strings): H2's {@link ObjectDataType}, with a string written by {@link #writeAsObjectDataType}, byte for byte what
     * H2 writes (so the file is the same, and earlier releases read it), in one copy where H2 writes char by char
     * (session 30: H2's string writing was the largest part of a durability step's page writing on the request threads).
     */
    static final class ObjectValues extends ObjectDataType {

        @Override
        public void write(WriteBuffer buff, Object obj) {
            if (obj instanceof String string) {
                writeAsObjectDataType(buff, string);
            } else {
                super.write(buff, obj);
            }
        }
    }

    /** H2's {@link ObjectDataType} tag of a string of 0-15 chars (plus its length), and of a longer one (then its length). */
    static final int H2_TAG_STRING_0_15 = 88;
    static final int H2_TYPE_STRING = 11;

    /** A string as H2's {@link ObjectDataType} writes it: its tag, its length in chars if longer than 15, its chars ({@link #putStringData}). */
    static void writeAsObjectDataType(WriteBuffer buff, String value) {
        int length = value.length();
        if (length <= 15) {
            buff.put((byte) (H2_TAG_STRING_0_15 + length));
        } else {
            buff.put((byte) H2_TYPE_STRING).putVarInt(length);
        }
        putStringData(buff, value, length);
    }

    /**
     * The shortest string written in one copy: below it, H2's char by char is as fast (a field name of 8-20 chars: 290 ns a
     * document of 9 fields char by char, 320 ns in one copy; an id of 36-46 chars: 90 ns char by char, 60 ns in one copy).
     */
    static final int ONE_COPY_FROM = 24;

    /**
     * {@link WriteBuffer#putStringData}'s bytes: an ASCII string's chars are its bytes there, written here in one copy of
     * its UTF-8 bytes (which are the same bytes exactly when there are as many as chars); any other string as H2 writes it,
     * char by char (its form of a char above 127 is not UTF-8's).
     */
    static void putStringData(WriteBuffer buff, String value, int length) {
        if (length >= ONE_COPY_FROM) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            if (isAscii(value, utf8)) {
                buff.put(utf8);
                return;
            }
        }
        buff.putStringData(value, length);
    }

    /**
     * Whether {@code utf8}, {@code value}'s UTF-8 bytes from {@link String#getBytes}, are its chars one for one (ASCII): as
     * many bytes as chars, which only ASCII chars and unpaired surrogates give (every other char takes two bytes or more,
     * a pair four), and, if a '?' is among them, none of those is one that {@code getBytes} put for an unpaired surrogate.
     */
    static boolean isAscii(String value, byte[] utf8) {
        if (utf8.length != value.length()) {
            return false;
        }
        return !holdsQuestionMark(utf8) || !hasUnpairedSurrogate(value);
    }

    /** {@code bytes} read eight at a time, in the machine's order (the order does not change whether a byte is '?'). */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUESTION_MARKS = ONES * '?';

    /**
     * Whether a byte of {@code bytes} is '?'. Session 31 (s31-speed): eight bytes a step, where session 30's loop took one a
     * step: that loop was the request threads' busiest method in a profile of main (7 % of their samples, the durability step
     * writing every string of every page it rewrites). A word holds a '?' exactly when the word XOR eight '?'s holds a zero
     * byte, which {@code (x - 0x01..01) & ~x & 0x80..80} is not zero for (the lowest zero byte always sets its high bit there;
     * a higher byte may be flagged wrongly only above a true zero, so the answer "some byte is zero" is exact).
     */
    static boolean holdsQuestionMark(byte[] bytes) {
        int i = 0;
        for (int words = bytes.length - 7; i < words; i += 8) {
            long x = (long) EIGHT_BYTES.get(bytes, i) ^ QUESTION_MARKS;
            if (((x - ONES) & ~x & HIGHS) != 0) {
                return true;
            }
        }
        for (; i < bytes.length; i++) {
            if (bytes[i] == '?') {
                return true;
            }
        }
        return false;
    }

    /**
     * Keys of a unique index's map: a {@link KeyValue} in the compact form, ordered by {@link #compareKeys} (type, then
     * value; no bytes produced to compare). Only maps created or rebuilt in this form use it (ADR 0025): the order of
     * a B-tree is part of its file, and index maps written before are ordered by Java-serialized bytes.
     */
    static final class CompactKeys extends BasicDataType<Object> {

        @Override
        public int compare(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            return compareKeys((KeyValue) a, (KeyValue) b);
        }

        @Override
        public int getMemory(Object obj) {
            int memory = 48;
            for (Object value : (KeyValue) obj) {
                memory += memoryOf(value);
            }
            return memory;
        }

        @Override
        public void write(WriteBuffer buff, Object obj) {
            KeyValue key = (KeyValue) obj;
            buff.put((byte) KEY_MARKER);
            buff.putVarInt(key.size());
            for (Object value : key) {
                writeValue(buff, value);
            }
        }

        @Override
        public Object read(ByteBuffer buff) {
            int marker = buff.get() & 0xFF;
            if (marker != KEY_MARKER) {
                throw new IllegalStateException("not a compact index key: first byte " + marker);
            }
            int size = DataUtils.readVarInt(buff);
            List<Object> values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(readValue(buff));
            }
            return new KeyValue(values);
        }

        @Override
        public Object[] createStorage(int size) {
            return new Object[size];
        }
    }

    static int compareKeys(KeyValue a, KeyValue b) {
        return compareSequences(a.size(), a::get, b.size(), b::get);
    }

    /** Element by element, then the shorter first: the order of index keys and of lists alike. */
    private static int compareSequences(int sizeA, IntFunction<Object> a, int sizeB, IntFunction<Object> b) {
        int size = Math.min(sizeA, sizeB);
        for (int i = 0; i < size; i++) {
            int c = compareValues(a.apply(i), b.apply(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(sizeA, sizeB);
    }

    /**
     * A total order that is 0 exactly when both values would be written alike: same type, same value (an Integer 1 is
     * not a Long 1, as with Java serialization's bytes before).
     */
    static int compareValues(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int ta = typeOf(a);
        int tb = typeOf(b);
        if (ta != tb) {
            return Integer.compare(ta, tb);
        }
        return switch (ta) {
            case NULL, FALSE, TRUE, MISSING -> 0;
            case INT -> Integer.compare((Integer) a, (Integer) b);
            case LONG -> Long.compare((Long) a, (Long) b);
            case DOUBLE -> Double.compare((Double) a, (Double) b);
            case STRING -> ((String) a).compareTo((String) b);
            case INSTANT -> ((Instant) a).compareTo((Instant) b);
            case OBJECT_ID -> Arrays.compare(((ObjectId) a).toByteArray(), ((ObjectId) b).toByteArray());
            case UUID_TYPE -> ((UUID) a).compareTo((UUID) b);
            case BIN_DATA -> Arrays.compare(((BinData) a).getData(), ((BinData) b).getData());
            case DOCUMENT -> compareDocuments((Document) a, (Document) b);
            case LIST -> compareLists((List<?>) a, (List<?>) b);
            default -> Arrays.compare(ObjectDataType.serialize(a), ObjectDataType.serialize(b));
        };
    }

    private static int compareDocuments(Document a, Document b) {
        Iterator<Map.Entry<String, Object>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<String, Object>> ib = b.entrySet().iterator();
        while (ia.hasNext() && ib.hasNext()) {
            Map.Entry<String, Object> ea = ia.next();
            Map.Entry<String, Object> eb = ib.next();
            int c = ea.getKey().compareTo(eb.getKey());
            if (c == 0) {
                c = compareValues(ea.getValue(), eb.getValue());
            }
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(ia.hasNext(), ib.hasNext());
    }

    private static int compareLists(List<?> a, List<?> b) {
        return compareSequences(a.size(), a::get, b.size(), b::get);
    }

    private static int typeOf(Object value) {
        if (value == null) {
            return NULL;
        } else if (value instanceof String) {
            return STRING;
        } else if (value instanceof Long) {
            return LONG;
        } else if (value instanceof Integer) {
            return INT;
        } else if (value instanceof Document) {
            return DOCUMENT;
        } else if (value instanceof Boolean bool) {
            return bool ? TRUE : FALSE;
        } else if (value instanceof Double) {
            return DOUBLE;
        } else if (value instanceof List) {
            return LIST;
        } else if (value instanceof Instant) {
            return INSTANT;
        } else if (value instanceof Missing) {
            return MISSING;
        } else if (value instanceof ObjectId) {
            return OBJECT_ID;
        } else if (value instanceof UUID) {
            return UUID_TYPE;
        } else if (value instanceof BinData) {
            return BIN_DATA;
        }
        return SERIALIZED;
    }

    static void writeDocument(WriteBuffer buff, Document document) {
        buff.putVarInt(document.size());
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            writeString(buff, entry.getKey());
            writeValue(buff, entry.getValue());
        }
    }

    static Document readDocument(ByteBuffer buff) {
        int size = DataUtils.readVarInt(buff);
        Document document = new Document();
        for (int i = 0; i < size; i++) {
            String key = readString(buff);
            document.put(key, readValue(buff));
        }
        return document;
    }

    static void writeValue(WriteBuffer buff, Object value) {
        int type = typeOf(value);
        if (type != STRING) {
            buff.put((byte) type);
        }
        switch (type) {
            case NULL, FALSE, TRUE, MISSING -> {
            }
            case INT -> buff.putVarInt((Integer) value);
            case LONG -> buff.putVarLong((Long) value);
            case DOUBLE -> buff.putLong(Double.doubleToRawLongBits((Double) value));
            case STRING -> writeStringValue(buff, (String) value);
            case DOCUMENT -> writeDocument(buff, (Document) value);
            case LIST -> {
                List<?> list = (List<?>) value;
                buff.putVarInt(list.size());
                for (Object element : list) {
                    writeValue(buff, element);
                }
            }
            case INSTANT -> {
                Instant instant = (Instant) value;
                buff.putVarLong(instant.getEpochSecond());
                buff.putVarInt(instant.getNano());
            }
            case OBJECT_ID -> buff.put(((ObjectId) value).toByteArray());
            case UUID_TYPE -> {
                UUID uuid = (UUID) value;
                buff.putLong(uuid.getMostSignificantBits());
                buff.putLong(uuid.getLeastSignificantBits());
            }
            case BIN_DATA -> {
                byte[] data = ((BinData) value).getData();
                buff.putVarInt(data.length);
                buff.put(data);
            }
            default -> {
                byte[] bytes = ObjectDataType.serialize(value);
                buff.putVarInt(bytes.length);
                buff.put(bytes);
            }
        }
    }

    static Object readValue(ByteBuffer buff) {
        int type = buff.get();
        switch (type) {
            case NULL:
                return null;
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case MISSING:
                return Missing.getInstance();
            case INT:
                return DataUtils.readVarInt(buff);
            case LONG:
                return DataUtils.readVarLong(buff);
            case DOUBLE:
                return Double.longBitsToDouble(buff.getLong());
            case STRING:
                return readString(buff);
            case UTF8_STRING: {
                int length = DataUtils.readVarInt(buff);
                if (buff.hasArray()) {
                    String string = new String(buff.array(), buff.arrayOffset() + buff.position(), length, StandardCharsets.UTF_8);
                    buff.position(buff.position() + length);
                    return string;
                }
                byte[] utf8 = new byte[length];
                buff.get(utf8);
                return new String(utf8, StandardCharsets.UTF_8);
            }
            case DOCUMENT:
                return readDocument(buff);
            case LIST: {
                int size = DataUtils.readVarInt(buff);
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(readValue(buff));
                }
                return list;
            }
            case INSTANT: {
                long seconds = DataUtils.readVarLong(buff);
                return Instant.ofEpochSecond(seconds, DataUtils.readVarInt(buff));
            }
            case OBJECT_ID: {
                byte[] bytes = new byte[12];
                buff.get(bytes);
                return new ObjectId(bytes);
            }
            case UUID_TYPE:
                return new UUID(buff.getLong(), buff.getLong());
            case BIN_DATA: {
                byte[] data = new byte[DataUtils.readVarInt(buff)];
                buff.get(data);
                return new BinData(data);
            }
            case SERIALIZED: {
                byte[] bytes = new byte[DataUtils.readVarInt(buff)];
                buff.get(bytes);
                return ObjectDataType.deserialize(bytes);
            }
            default:
                throw new IllegalStateException("unknown value type " + type + " in the embedded database file");
        }
    }

    /** A string value with its tag: {@link #UTF8_STRING} when its UTF-8 bytes hold it exactly, else {@link #STRING}. */
    private static void writeStringValue(WriteBuffer buff, String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        // ASCII: no surrogate to look for (session 30: the scan went for most strings)
        if (!isAscii(value, utf8) && hasUnpairedSurrogate(value)) {
            buff.put((byte) STRING);
            writeString(buff, value);
        } else {
            buff.put((byte) UTF8_STRING).putVarInt(utf8.length).put(utf8);
        }
    }

    /**
     * Whether {@code value} holds a surrogate that is not half of a pair: the one thing its UTF-8 bytes cannot hold
     * ({@code getBytes} puts '?' for it). Session 23: a scan of the chars, where session 19 decoded the bytes again and
     * compared (a second array and a string per value, at every page write of every commit).
     */
    static boolean hasUnpairedSurrogate(String value) {
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == length || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return true;
                }
                i++;
            }
        }
        return false;
    }

    private static void writeString(WriteBuffer buff, String value) {
        int length = value.length();
        buff.putVarInt(length);
        putStringData(buff, value, length);
    }

    private static String readString(ByteBuffer buff) {
        return DataUtils.readString(buff, DataUtils.readVarInt(buff));
    }

    /** H2 weighs pages in its cache and its unsaved changes by this estimate; it need not be exact, only cheap. */
    static int memory(Document document) {
        int memory = 64;
        for (Map.Entry<String, Object> entry : document.entrySet()) {
            memory += 48 + 2 * entry.getKey().length() + memoryOf(entry.getValue());
        }
        return memory;
    }

    private static int memoryOf(Object value) {
        if (value instanceof String string) {
            return 40 + 2 * string.length();
        } else if (value instanceof Document document) {
            return memory(document);
        } else if (value instanceof List<?> list) {
            int memory = 40;
            for (Object element : list) {
                memory += 8 + memoryOf(element);
            }
            return memory;
        } else if (value instanceof BinData data) {
            return 32 + data.getData().length;
        }
        return 24;
    }
}
