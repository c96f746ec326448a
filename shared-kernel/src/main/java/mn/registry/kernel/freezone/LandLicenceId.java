package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.Objects;

/** A land licence of a zone, {@code <zone>-L<n>}, numbered by the zone's land register. */
public record LandLicenceId(String value) implements TypedId {

    @JsonCreator
    public LandLicenceId {
        Objects.requireNonNull(value, "licence id");
        if (!value.matches("[a-z0-9][a-z0-9-]{0,62}-L[0-9]{1,9}")) {
            throw new IllegalArgumentException("a land licence id is <zone>-L<n>: " + value);
        }
    }

    public static LandLicenceId of(ZoneId zone, int n) {
        return new LandLicenceId(zone.value() + "-L" + n);
    }

    @Override
    public String toString() {
        return value;
    }
}
