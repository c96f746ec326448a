package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import org.bson.Document;
import org.bson.types.Binary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Looks for a person's data in every MongoDB collection of the registry's database, listed when the scan runs (a
 * collection added later is scanned without changing this class), except those named: every string and binary value
 * of every document, at any depth, and what hides inside them: JSON text (escaped characters), base64 and base64url
 * (a JWS's parts, the {@code x5c} certificates inside its header, DER bytes: a certificate's subject is UTF-8 or ASCII
 * inside the DER). Issue 14 item 4: after an erasure nothing of the person may be found outside the event store.
 */
final class StoredDataScan {

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_=-]{16,}");
    private static final int DEPTH = 4;

    private final List<byte[]> needles = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();

    /** Looks for each text (as written, and lower-cased in text) and each byte string. */
    StoredDataScan(List<String> texts, Map<String, byte[]> bytes) {
        for (String text : texts) {
            needles.add(text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            labels.add("'" + text + "'");
            needles.add(text.getBytes(StandardCharsets.UTF_8)); // as written, for bytes that are not lower-cased (DER)
            labels.add("'" + text + "'");
        }
        bytes.forEach((label, value) -> {
            needles.add(value);
            labels.add(label);
        });
    }

    /** Where each needle was found: "collection _id: what", empty when the database holds nothing of the person. */
    List<String> findings(MongoDatabase db, Set<String> excluded) {
        List<String> found = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            if (excluded.contains(name)) {
                continue;
            }
            for (Document d : db.getCollection(name).find()) {
                List<String> here = new ArrayList<>();
                walk(d, 0, here);
                for (String what : here) {
                    found.add(name + " " + d.get("_id") + ": " + what);
                }
            }
        }
        return found;
    }

    /** The collections scanned (all of them but {@code excluded}), to show the scan saw what it should. */
    static List<String> scanned(MongoDatabase db, Set<String> excluded) {
        List<String> names = new ArrayList<>();
        db.listCollectionNames().forEach(n -> {
            if (!excluded.contains(n)) {
                names.add(n);
            }
        });
        return names;
    }

    private void walk(Object value, int depth, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                text(String.valueOf(e.getKey()), depth, found);
                walk(e.getValue(), depth, found);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(v -> walk(v, depth, found));
        } else if (value instanceof String s) {
            text(s, depth, found);
        } else if (value instanceof Binary b) {
            bytes(b.getData(), depth, found, "binary");
        } else if (value instanceof byte[] b) {
            bytes(b, depth, found, "binary");
        }
    }

    private void text(String s, int depth, List<String> found) {
        bytes(s.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8), depth, found, "text");
        if (depth >= DEPTH) {
            return;
        }
        String trimmed = s.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                JsonNode json = CanonicalJson.mapper().readTree(trimmed);
                walk(CanonicalJson.mapper().convertValue(json, Object.class), depth + 1, found);
            } catch (Exception notJson) {
                // not JSON: scanned as text above
            }
        }
        var matcher = BASE64.matcher(s);
        while (matcher.find()) {
            decoded(matcher.group(), depth, found);
        }
    }

    private void decoded(String candidate, int depth, List<String> found) {
        String unpadded = candidate.replace("=", "");
        if (unpadded.length() % 4 == 1) {
            return; // no base64 text has this length
        }
        for (Base64.Decoder decoder : List.of(Base64.getDecoder(), Base64.getUrlDecoder())) {
            try {
                String padded = unpadded + "==".substring(0, (4 - unpadded.length() % 4) % 4);
                byte[] raw = decoder.decode(padded);
                bytes(raw, depth + 1, found, "base64");
                if (depth + 1 < DEPTH) {
                    text(new String(raw, StandardCharsets.UTF_8), depth + 1, found);
                }
            } catch (IllegalArgumentException notThisAlphabet) {
                // try the other alphabet
            }
        }
    }

    private void bytes(byte[] haystack, int depth, List<String> found, String how) {
        byte[] lower = lowerAscii(haystack);
        for (int i = 0; i < needles.size(); i++) {
            if (indexOf(lower, lowerAscii(needles.get(i))) >= 0 || indexOf(haystack, needles.get(i)) >= 0) {
                found.add(labels.get(i) + " (" + how + ", depth " + depth + ")");
            }
        }
    }

    private static byte[] lowerAscii(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= 'A' && out[i] <= 'Z') {
                out[i] = (byte) (out[i] + 32);
            }
        }
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
