package mn.registry.kernel.identity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/** The registry's identifier of an enrolled person, e.g. {@code person:reviewer-1}. */
public record PersonId(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    @JsonCreator
    public PersonId {
        Objects.requireNonNull(value, "person id");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("a person id is 1-63 lower-case letters, digits, '.', '_' or '-': " + value);
        }
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
