package mn.registry.kernel.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.regex.Pattern;

/** The registry's identifier of an enrolled person, e.g. {@code person:reviewer-1}. */
public record PersonId(String value) implements TypedId {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    @JsonCreator
    public PersonId {
        TypedId.require(value, "person id", FORM, "a person id is 1-63 lower-case letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
