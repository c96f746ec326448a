package mn.registry.document;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import mn.registry.kernel.problem.RegistryProblem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The rules an upload must meet before it is kept. Accepted media types (choice): PDF, PNG, JPEG and
 * ZIP, whose first bytes must match the declared type, and XML (starting with a tag), JSON (that parses) and
 * plain text, in UTF-8. Office files
 * and signature containers travel inside a ZIP.
 */
final class DocumentIntake {

    /** The MongoDB document limit is 16 MiB; the bytes and their metadata must fit in one document. */
    static final long HARD_LIMIT_BYTES = 15L * 1024 * 1024;

    private static final String ARTICLE = "001 art. 38.1";

    /** Accepted base media types and the leading bytes ("magic") their content must start with, if any. */
    private static final Map<String, byte[][]> ACCEPTED = Map.of(
            "application/pdf", new byte[][]{ascii("%PDF-")},
            "image/png", new byte[][]{{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}},
            "image/jpeg", new byte[][]{{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}},
            "application/zip", new byte[][]{{'P', 'K', 3, 4}, {'P', 'K', 5, 6}},
            "application/xml", new byte[0][],
            "text/xml", new byte[0][],
            "application/json", new byte[0][],
            "text/plain", new byte[0][]);

    private final long maxBytes;

    DocumentIntake(long maxBytes) {
        if (maxBytes < 1 || maxBytes > HARD_LIMIT_BYTES) {
            throw new IllegalArgumentException("the document size limit must be between 1 byte and 15 MiB (one MongoDB document): " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    /** Checks an upload and returns its media type in normal form (lower-case type, parameters kept). */
    String check(byte[] content, String mediaType) {
        String normalized = normalizedMediaType(mediaType);
        notEmpty(content.length);
        withinSizeLimit(content.length);
        contentMatchesMediaType(content, normalized);
        return normalized;
    }

    // 001 art. 38.1: what is kept is an electronic document; an empty body is none
    static void notEmpty(long size) {
        if (size == 0) {
            throw RegistryProblem.invalid("document.empty", "The document has 0 bytes.", "body", ARTICLE);
        }
    }

    /** An original is kept whole in one MongoDB document, so it may not exceed the configured limit. */
    void withinSizeLimit(long size) {
        if (size > maxBytes) {
            throw new RegistryProblem(RegistryProblem.Kind.TOO_LARGE, "document.too-large",
                    "The document is larger than " + maxBytes + " bytes.", "body", null);
        }
    }

    /** Only the accepted media types are kept, so any reviewer can open what was received. */
    static String normalizedMediaType(String mediaType) {
        if (mediaType == null || mediaType.isBlank()) {
            throw new RegistryProblem(RegistryProblem.Kind.UNSUPPORTED_MEDIA_TYPE, "document.media-type-missing",
                    "Send the document's media type in the Content-Type header.", "Content-Type", null);
        }
        int semicolon = mediaType.indexOf(';');
        String base = (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
        if (!ACCEPTED.containsKey(base)) {
            throw new RegistryProblem(RegistryProblem.Kind.UNSUPPORTED_MEDIA_TYPE, "document.media-type-unsupported",
                    "Accepted media types: " + String.join(", ", ACCEPTED.keySet().stream().sorted().toList()) + ".",
                    "Content-Type", null);
        }
        return semicolon < 0 ? base : base + mediaType.substring(semicolon).trim();
    }

    /**
     * A PDF, PNG, JPEG or ZIP must start as one; XML, JSON and plain text must be UTF-8 text, XML must start with
     * a tag and JSON must parse: a mislabelled original could not be opened later.
     */
    static void contentMatchesMediaType(byte[] content, String normalizedMediaType) {
        int semicolon = normalizedMediaType.indexOf(';');
        String base = semicolon < 0 ? normalizedMediaType : normalizedMediaType.substring(0, semicolon);
        byte[][] magics = ACCEPTED.get(base);
        if (magics.length == 0) {
            textMatches(content, base, semicolon < 0 ? "" : normalizedMediaType.substring(semicolon).toLowerCase(Locale.ROOT));
            return;
        }
        for (byte[] magic : magics) {
            if (content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length)) {
                return;
            }
        }
        throw RegistryProblem.invalid("document.content-mismatch",
                "The content does not start as " + base + " does.", "Content-Type", ARTICLE);
    }

    /** Text types: UTF-8 (unless another charset is declared for plain text), XML starting with a tag, JSON that parses. */
    private static void textMatches(byte[] content, String base, String parameters) {
        boolean otherCharset = parameters.contains("charset=") && !parameters.contains("charset=utf-8") && !parameters.contains("charset=\"utf-8\"");
        if (otherCharset && base.equals("text/plain")) {
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw mismatch(base + " in UTF-8");
        }
        String start = text.startsWith("\uFEFF") ? text.substring(1).stripLeading() : text.stripLeading();
        if (base.endsWith("/xml") && !start.startsWith("<")) {
            throw mismatch(base);
        }
        if (base.equals("application/json")) {
            try (JsonParser parser = JSON.createParser(content)) {
                while (parser.nextToken() != null) {
                    // reading every token checks the whole document (and Jackson's nesting limit)
                }
            } catch (IOException | RuntimeException e) {
                throw mismatch(base);
            }
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private static RegistryProblem mismatch(String what) {
        return RegistryProblem.invalid("document.content-mismatch", "The content is not " + what + ".", "Content-Type", ARTICLE);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
