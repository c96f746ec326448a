package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.regex.Pattern;

/** A Free Zone, e.g. {@code altanbulag} (003 art. 6.1: established by a State Great Khural resolution). */
public record ZoneId(String value) implements TypedId {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    @JsonCreator
    public ZoneId {
        TypedId.require(value, "zone id", FORM, "a zone id is 1-63 lower-case letters, digits or '-'");
    }

    public static ZoneId of(String value) {
        return new ZoneId(value);
    }

    /** The event stream of the zone. */
    public String stream() {
        return "zone-" + value;
    }

    /** The event stream of the zone's land register. */
    public String landStream() {
        return "zone-land-" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
