package mn.registry.kernel.permit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A document as the registry received it (001 art. 38.1, 15.6): the original bytes are kept
 * unaltered in the document store under their SHA-256; events carry only this reference.
 * <p>
 * The reference names no file: the name an uploader gives often holds a person's name, and a sealed event cannot be
 * erased (issue 14 item 4, ADR 0015). The name stays only in the {@code documents} collection, sealed under the
 * uploader's key. Events sealed before this change carry a {@code fileName}; it is ignored when they replay, so no
 * projection can copy it ({@code DocumentRefReplayTest}).
 *
 * @param kind        which document of 002 art. 25.1 it is
 * @param sha256      SHA-256 of the original bytes, lower-case hex
 * @param size        size in bytes
 * @param mediaType   the media type it was sent with
 * @param receivedAt  when the registry first received these bytes
 */
@JsonIgnoreProperties({"fileName"}) // the name carried by events sealed before issue 14 item 4, never read
public record DocumentRef(RequiredDocument kind, String sha256, long size, String mediaType, Instant receivedAt) {

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
