package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.regex.Pattern;

/** An entity's application for land use in a zone, {@code <zone>-A<n>}, numbered by the zone's land register (003 art. 22.2, 22.4). */
public record LandApplicationId(String value) implements TypedId {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}-A[0-9]{1,9}");

    @JsonCreator
    public LandApplicationId {
        TypedId.require(value, "land application id", FORM, "a land application id is <zone>-A<n>");
    }

    public static LandApplicationId of(ZoneId zone, int n) {
        return new LandApplicationId(zone.value() + "-A" + n);
    }

    /** The zone whose land register numbered it. */
    public ZoneId zoneId() {
        return ZoneId.of(value.substring(0, value.lastIndexOf("-A")));
    }

    @Override
    public String toString() {
        return value;
    }
}
