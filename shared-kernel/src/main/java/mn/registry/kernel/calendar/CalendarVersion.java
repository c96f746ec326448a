package mn.registry.kernel.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one state of the calendar: the shipped data set's name and a counter, e.g. {@code MN-2024.1}
 * for the data as shipped and {@code MN-2024.3} after two Government declarations. A due date recorded in an
 * event names the version it was computed with, so anyone can recompute it.
 *
 * <p>A deadline that runs through a year without confirmed lunar-holiday data (a provisional year, ADR 0013 §2)
 * names those years after the version: {@code MN-2024.3+provisional-2031}. The calendar's own version never does.
 */
public record CalendarVersion(String value) implements TypedId {

    private static final Pattern FORM = Pattern.compile("([A-Z][A-Z0-9-]{0,30})\\.([1-9][0-9]{0,8})(\\+provisional(?:-[0-9]{4})+)?");
    private static final String PROVISIONAL = "+provisional";

    @JsonCreator
    public CalendarVersion {
        TypedId.require(value, "calendar version", FORM, "a calendar version is <DATASET>.<counter>, e.g. MN-2024.1");
    }

    /** The first version of a data set: {@code <dataset>.1}. */
    public static CalendarVersion first(String dataset) {
        return new CalendarVersion(dataset + ".1");
    }

    /** The shipped data set this version starts from, e.g. {@code MN-2024}. */
    public String dataset() {
        return parts().group(1);
    }

    /** How many states this data set has had, the shipped one being 1. */
    public int counter() {
        return Integer.parseInt(parts().group(2));
    }

    /** True when a deadline computed with this version runs through a year whose lunar holidays are computed, not confirmed. */
    public boolean provisional() {
        return parts().group(3) != null;
    }

    /** This version naming the provisional {@code years} a deadline runs through (this version itself when none). */
    public CalendarVersion provisionalFor(java.util.Collection<Integer> years) {
        if (years.isEmpty()) {
            return this;
        }
        StringBuilder value = new StringBuilder(dataset()).append('.').append(counter()).append(PROVISIONAL);
        years.stream().sorted().distinct().forEach(year -> value.append('-').append(year));
        return new CalendarVersion(value.toString());
    }

    /**
     * True when this version (a deadline's, which may name provisional years) and {@code other} name the same state of the calendar: the
     * same data set and counter, whatever provisional years either names. A deadline counted on a state the calendar has since left may
     * have moved (ADR 0046 item 133).
     */
    public boolean sameStateAs(CalendarVersion other) {
        return dataset().equals(other.dataset()) && counter() == other.counter();
    }

    /** The version after one more declaration. */
    public CalendarVersion next() {
        return new CalendarVersion(dataset() + "." + (counter() + 1));
    }

    private Matcher parts() {
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new IllegalStateException(value);
        }
        return m;
    }

    @Override
    public String toString() {
        return value;
    }
}
