package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.Objects;

/**
 * One entity's registration in one zone, {@code <zone>:<country>-<registration number>}: the same entity
 * in the same zone is always the same registration (003 art. 12.2, one registration per entity per zone),
 * and the zone is read from the id, never from what a client claims.
 */
public record RegistrationId(String value) implements TypedId {

    @JsonCreator
    public RegistrationId {
        Objects.requireNonNull(value, "registration id");
        int colon = value.indexOf(':');
        if (colon < 1 || !value.substring(colon + 1).matches("[a-z]{0,3}-[a-z0-9]{1,64}")) {
            throw new IllegalArgumentException("a registration id is <zone>:<country>-<registration number>: " + value);
        }
        ZoneId.of(value.substring(0, colon));
    }

    public static RegistrationId of(ZoneId zone, LegalEntity entity) {
        return new RegistrationId(zone.value() + ":" + entity.key());
    }

    public ZoneId zoneId() {
        return ZoneId.of(value.substring(0, value.indexOf(':')));
    }

    /** The same entity's registration in {@code zone} (one per entity per zone, 003 art. 12.2; ADR 0035 item 67). */
    public RegistrationId inZone(ZoneId zone) {
        return new RegistrationId(zone.value() + value.substring(value.indexOf(':')));
    }

    /**
     * The state registration number of the Mongolian entity this registration is (as its id keeps it, {@link LegalEntity#key()}); {@code null}
     * for a foreign entity. What a representative's grant naming a company is compared with (ADR 0061 item 51; abuse audit F507).
     */
    public String mongolianRegistrationNumber() {
        String entity = value.substring(value.indexOf(':') + 1);
        return entity.startsWith("mn-") ? entity.substring("mn-".length()) : null;
    }

    @Override
    public String toString() {
        return value;
    }

    /** What the name of a registration's event stream starts with, before its id. */
    public static final String STREAM_PREFIX = "fz-registration-";

    /** The event stream of the registration (one per entity per zone), as {@link ZoneId#stream()} names a zone's. */
    public String stream() {
        return STREAM_PREFIX + value;
    }

    /** The registration {@code value} names, as a page's path gives it; empty when it names none (the page then answers not found). */
    public static java.util.Optional<RegistrationId> named(String value) {
        try {
            return java.util.Optional.of(new RegistrationId(value));
        } catch (IllegalArgumentException | NullPointerException notARegistration) {
            return java.util.Optional.empty();
        }
    }

    /** The registration whose event stream is {@code stream} ({@link #stream()}); empty for another stream. */
    public static java.util.Optional<RegistrationId> ofStream(String stream) {
        return stream == null || !stream.startsWith(STREAM_PREFIX) ? java.util.Optional.empty()
                : java.util.Optional.of(new RegistrationId(stream.substring(STREAM_PREFIX.length())));
    }
}
