package mn.registry.kernel.permit;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.Objects;
import java.util.UUID;

/** The registry's identifier of one special-permit application (a UUID, also the aggregate id). */
public record ApplicationId(String value) implements TypedId {

    @JsonCreator
    public ApplicationId {
        Objects.requireNonNull(value, "application id");
        try {
            if (!UUID.fromString(value).toString().equals(value)) {
                throw new IllegalArgumentException("an application id is a lower-case UUID: " + value);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an application id is a lower-case UUID: " + value, e);
        }
    }

    public static ApplicationId of(UUID uuid) {
        return new ApplicationId(uuid.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
