package mn.registry.kernel.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A legal period counted in working days ("within 17 working days", 002 art. 26.1; "5 business days",
 * 003 art. 12.2). Always at least one: a period of zero working days is not a deadline.
 */
public record WorkingDays(int value) {

    @JsonCreator
    public WorkingDays {
        if (value < 1) {
            throw new IllegalArgumentException("a period of working days is at least 1: " + value);
        }
    }

    public static WorkingDays of(int value) {
        return new WorkingDays(value);
    }

    @JsonValue
    @Override
    public int value() {
        return value;
    }

    public WorkingDays plus(int more) {
        return new WorkingDays(value + more);
    }

    @Override
    public String toString() {
        return value + " working days";
    }
}
