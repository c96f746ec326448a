package mn.registry.kernel.signing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Base64;

/** The few JWS encodings, strictly: base64url without padding and JSON without duplicate names. */
public final class Jws {

    /** The {@code typ} of a signed command (RFC 7515 §4.1.9, explicit typing per RFC 8725 §3.11). */
    static final String TYP = "registry-command+jws";
    static final String ALG = "EdDSA";

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
        if (text == null || text.length() % 4 == 1) {
            return null;
        }
        int last = -1;
        for (int i = 0; i < text.length(); i++) {
            last = sextet(text.charAt(i));
            if (last < 0) {
                return null;
            }
        }
        // the one canonical form: the bits of the last character beyond the last whole byte are zero (what encoding
        // the bytes again would give back; the decoder itself ignores them)
        int unusedBits = switch (text.length() % 4) {
            case 2 -> 4;
            case 3 -> 2;
            default -> 0;
        };
        if (unusedBits > 0 && (last & ((1 << unusedBits) - 1)) != 0) {
            return null;
        }
        return Base64.getUrlDecoder().decode(text);
    }

    /** The value of a base64url character, or -1. */
    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        } else if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        } else if (c == '-') {
            return 62;
        } else if (c == '_') {
            return 63;
        }
        return -1;
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
