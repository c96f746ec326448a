package mn.registry.store.mongo;

import java.time.Instant;
import java.time.LocalDate;

import mn.registry.kernel.time.IsoUtcText;

/**
 * Reads a stored event's timestamp once (ADR 0030). The store writes {@link Instant#toString()}
 * ({@code 2026-12-04T12:57:21.384Z}, the fraction 0, 3, 6 or 9 digits); that form is read here by hand, anything else
 * by {@link Instant#parse}. Before, each event read was parsed by {@code Instant.parse}, formatted back to a string by
 * Axon's event entry and parsed again by Axon when the message asked its time: three passes through
 * {@code DateTimeFormatter}, about a fifth of the CPU of decoding a stored event. The reading itself is shared-kernel's
 * {@link IsoUtcText}, which the envelope's {@code signedAt} uses too.
 */
final class StoredTimestamps {

    private StoredTimestamps() {
    }

    static Instant parse(String text) {
        return IsoUtcText.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a four-digit year, or null for any other form. */
    static Instant parseIsoUtc(String s) {
        return IsoUtcText.parseIsoUtc(s);
    }

    /** {@code yyyy-MM-dd} with a four-digit year ({@code LocalDate.toString()} of this era), or null for any other form. */
    static LocalDate parseIsoDate(String s) {
        return IsoUtcText.parseIsoDate(s);
    }
}
