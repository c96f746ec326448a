package mn.registry.kernel.id;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed identifier of the published language: a record of one string, written in JSON as that bare string (the
 * {@link JsonValue} here is inherited by each record's {@code value()} accessor) and printed as it. A record adds
 * its own form check, usually {@link #require}, a {@code @JsonCreator} canonical constructor, and
 * {@code toString() = value} (an interface cannot supply that).
 */
public interface TypedId {

    /** The identifier's text, which is also its JSON form. */
    @JsonValue
    String value();

    /**
     * {@code value} when it is not null and has the {@code form}; otherwise {@link NullPointerException} naming
     * {@code name}, or {@link IllegalArgumentException} "{@code rule}: value".
     */
    static String require(String value, String name, Pattern form, String rule) {
        Objects.requireNonNull(value, name);
        if (!form.matcher(value).matches()) {
            throw new IllegalArgumentException(rule + ": " + value);
        }
        return value;
    }
}
