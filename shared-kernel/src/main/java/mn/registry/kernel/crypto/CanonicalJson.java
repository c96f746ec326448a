package mn.registry.kernel.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.erdtman.jcs.JsonCanonicalizer;
import org.erdtman.jcs.NumberToJSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 8785 (JSON Canonicalization Scheme) through the kept {@code java-json-canonicalization}
 * library: the bytes that are hashed and signed are always the canonical form, so any other
 * JCS implementation reproduces them. A JSON tree is written canonically in one pass (the same bytes as the library
 * gives for the tree's text, numbers formatted by the library's own ECMAScript number form), instead of being written
 * as text and parsed again: the seal canonicalizes several trees per event.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CanonicalJson() {
    }

    /** The object mapper used for kernel records: ISO-8601 dates, no timestamps as numbers. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A kernel record read from its JSON tree; a tree that is not one is an {@link IllegalArgumentException} naming {@code what}. */
    public static <T> T read(com.fasterxml.jackson.databind.JsonNode json, Class<T> type, String what) {
        try {
            return MAPPER.treeToValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not " + what + ": " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not " + what + ": " + e.getMessage());
        }
    }

    /** Canonical UTF-8 bytes of any JSON text. */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Canonical UTF-8 bytes of a JSON tree: what {@link #canonicalize(String)} gives for {@code node.toString()}. */
    public static byte[] canonicalize(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        // the library takes an object or an array only (and refuses anything else): so does this
        if (!node.isContainerNode() || !write(node, out)) {
            return canonicalize(node.toString()); // a node kind JSON text has no literal for (binary, POJO): as text
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Appends the canonical form of {@code node}; false for a node kind written through its text instead. */
    private static boolean write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                String[] names = new String[node.size()];
                java.util.Iterator<String> fields = node.fieldNames();
                for (int i = 0; i < names.length; i++) {
                    names[i] = fields.next();
                }
                java.util.Arrays.sort(names); // UTF-16 code units, as RFC 8785 §3.2.3
                out.append('{');
                for (int i = 0; i < names.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names[i], out);
                    out.append(':');
                    if (!write(node.get(names[i]), out)) {
                        return false;
                    }
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    if (!write(node.get(i), out)) {
                        return false;
                    }
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(number(node));
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> {
                return false;
            }
        }
        return true;
    }

    /** RFC 8785 §3.2.2.3: every number as the IEEE double its JSON text denotes, in ECMAScript's form. */
    private static String number(JsonNode node) {
        // a long's text parses to the double nearest to it, which is what the cast gives; other kinds through their text
        double value = node.isIntegralNumber() && node.canConvertToLong() ? (double) node.longValue() : Double.parseDouble(node.toString());
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not valid JSON: the number " + node + " has no canonical form");
        }
        try {
            return NumberToJSON.serializeNumber(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** RFC 8785 §3.2.2.2: the short escapes, other controls as six-character escapes with lower-case hex, everything else as it is. */
    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** Canonical UTF-8 bytes of a value serialized with {@link #mapper()}. */
    public static byte[] canonicalizeValue(Object value) {
        try {
            return canonicalize(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Canonical JSON text. */
    public static String canonicalString(String json) {
        return new String(canonicalize(json), StandardCharsets.UTF_8);
    }
}
