package mn.registry.document;

import mn.registry.kernel.problem.RegistryProblem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The rules an upload must meet before it is kept. Accepted media types (choice): PDF, PNG, JPEG and
 * ZIP, whose first bytes must match the declared type, and XML, JSON and plain text. Office files
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

    /** A PDF, PNG, JPEG or ZIP must start as one: a mislabelled original could not be opened later. */
    static void contentMatchesMediaType(byte[] content, String normalizedMediaType) {
        int semicolon = normalizedMediaType.indexOf(';');
        String base = semicolon < 0 ? normalizedMediaType : normalizedMediaType.substring(0, semicolon);
        byte[][] magics = ACCEPTED.get(base);
        if (magics.length == 0) {
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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
