package mn.registry.kernel.signing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Base64;
import java.util.regex.Pattern;

/** The few JWS encodings, strictly: base64url without padding and JSON without duplicate names. */
public final class Jws {

    /** The {@code typ} of a signed command (RFC 7515 §4.1.9, explicit typing per RFC 8725 §3.11). */
    static final String TYP = "registry-command+jws";
    static final String ALG = "EdDSA";

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Jws() {
    }

    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The bytes of a base64url text, or {@code null} unless it is in the one canonical unpadded form. */
    static byte[] decode(String text) {
        if (text == null || !BASE64URL.matcher(text).matches() || text.length() % 4 == 1) {
            return null;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        return encode(bytes).equals(text) ? bytes : null;
    }

    /** A JSON value, refusing duplicate member names and trailing text; {@code null} if not JSON. */
    public static JsonNode parse(String json) {
        try {
            return STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static ObjectMapper mapper() {
        return STRICT;
    }
}
