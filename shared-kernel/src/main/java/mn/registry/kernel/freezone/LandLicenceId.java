package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.regex.Pattern;

/** A land licence of a zone, {@code <zone>-L<n>}, numbered by the zone's land register. */
public record LandLicenceId(String value) implements TypedId {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}-L[0-9]{1,9}");

    @JsonCreator
    public LandLicenceId {
        TypedId.require(value, "licence id", FORM, "a land licence id is <zone>-L<n>");
    }

    public static LandLicenceId of(ZoneId zone, int n) {
        return new LandLicenceId(zone.value() + "-L" + n);
    }

    @Override
    public String toString() {
        return value;
    }
}
