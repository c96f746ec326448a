package mn.registry.kernel.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 8785 (JSON Canonicalization Scheme) through the kept {@code java-json-canonicalization}
 * library: the bytes that are hashed and signed are always the canonical form, so any other
 * JCS implementation reproduces them.
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

    /** Canonical UTF-8 bytes of any JSON text. */
    public static byte[] canonicalize(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedUTF8();
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Canonical UTF-8 bytes of a JSON tree. */
    public static byte[] canonicalize(JsonNode node) {
        return canonicalize(node.toString());
    }

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
