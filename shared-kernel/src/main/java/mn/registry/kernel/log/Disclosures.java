package mn.registry.kernel.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Salted commitments to the top-level fields of an event's payload, as SD-JWT does for claims (ADR 0015): a
 * disclosure is base64url (no padding) of the UTF-8 canonical JSON array {@code [salt, name, value]}, its digest is
 * base64url of the SHA-256 of the disclosure's ASCII text. The salt is 128 random bits, base64url.
 */
public final class Disclosures {

    public static final String ALGORITHM = "sha-256";
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Disclosures() {
    }

    /** One opened disclosure. */
    public record Disclosed(String salt, String name, JsonNode value) {
    }

    /** A fresh salt for each top-level field of {@code payload} (empty unless it is a JSON object). */
    public static Map<String, String> newSalts(JsonNode payload) {
        Map<String, String> salts = new LinkedHashMap<>();
        if (payload != null && payload.isObject()) {
            for (Iterator<String> names = payload.fieldNames(); names.hasNext(); ) {
                salts.put(names.next(), newSalt());
            }
        }
        return salts;
    }

    /** 128 random bits, base64url: a field's salt, or a sealed envelope's (ADR 0062). */
    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return B64URL.encodeToString(salt);
    }

    /** The disclosure of one field. */
    public static String disclosure(String salt, String name, JsonNode value) {
        ArrayNode array = CanonicalJson.mapper().createArrayNode();
        array.add(salt);
        array.add(name);
        array.add(value);
        return B64URL.encodeToString(CanonicalJson.canonicalize(array));
    }

    /** The digest a commitment holds for a disclosure. */
    public static String digest(String disclosure) {
        try {
            return B64URL.encodeToString(MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens a disclosure; throws {@link IllegalArgumentException} if it is not {@code [salt, name, value]}. */
    public static Disclosed open(String disclosure) {
        JsonNode array;
        try {
            array = CanonicalJson.mapper().readTree(Base64.getUrlDecoder().decode(disclosure));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException("a disclosure is not base64url JSON");
        }
        if (array == null || !array.isArray() || array.size() != 3 || !array.get(0).isTextual() || !array.get(1).isTextual()) {
            throw new IllegalArgumentException("a disclosure is not [salt, name, value]");
        }
        return new Disclosed(array.get(0).asText(), array.get(1).asText(), array.get(2));
    }

    /** The salts as stored beside the event: a JSON object from field name to salt. */
    public static String saltsJson(Map<String, String> salts) {
        ObjectNode json = CanonicalJson.mapper().createObjectNode();
        salts.forEach(json::put);
        return new String(CanonicalJson.canonicalize(json), StandardCharsets.UTF_8);
    }

    /** Reads the stored salts (empty map for null). */
    public static Map<String, String> parseSalts(String json) {
        Map<String, String> salts = new LinkedHashMap<>();
        if (json == null) {
            return salts;
        }
        try {
            CanonicalJson.mapper().readTree(json).fields().forEachRemaining(e -> salts.put(e.getKey(), e.getValue().asText()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("stored salts are not JSON");
        }
        return salts;
    }
}
