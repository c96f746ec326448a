package mn.registry.kernel.permit;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A document as the registry received it (001 art. 38.1, 15.6): the original bytes are kept
 * unaltered in the document store under their SHA-256; events carry only this reference.
 *
 * @param kind        which document of 002 art. 25.1 it is
 * @param sha256      SHA-256 of the original bytes, lower-case hex
 * @param size        size in bytes
 * @param mediaType   the media type it was sent with
 * @param fileName    the file name it was sent with, or {@code null}
 * @param receivedAt  when the registry first received these bytes
 */
public record DocumentRef(RequiredDocument kind, String sha256, long size, String mediaType, String fileName, Instant receivedAt) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    public DocumentRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mediaType, "media type");
        Objects.requireNonNull(receivedAt, "received at");
        if (sha256 == null || !HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 lower-case hex digits: " + sha256);
        }
        if (size <= 0) {
            throw new IllegalArgumentException("a document has at least one byte: " + size);
        }
    }

    /** Whether {@code text} has the form of a SHA-256 in lower-case hex. */
    public static boolean isSha256Hex(String text) {
        return text != null && HEX_SHA256.matcher(text).matches();
    }
}
