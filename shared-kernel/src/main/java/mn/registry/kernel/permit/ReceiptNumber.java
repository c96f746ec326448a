package mn.registry.kernel.permit;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

import java.util.regex.Pattern;

/**
 * The number of the registration receipt given to the applicant (002 art. 26.2.1), e.g.
 * {@code SP-2026-000123}: "SP", the year of receipt in Ulaanbaatar, and that year's serial
 * (at least six digits, more once a year passes 999,999).
 */
public record ReceiptNumber(String value) implements TypedId {

    private static final Pattern FORM = Pattern.compile("SP-(\\d{4})-(\\d{6,})");

    @JsonCreator
    public ReceiptNumber {
        TypedId.require(value, "receipt number", FORM, "a receipt number looks like SP-2026-000123");
    }

    /** The receipt number of the {@code serial}-th application received in {@code year} (serials start at 1). */
    public static ReceiptNumber of(int year, long serial) {
        if (year < 1000 || year > 9999) {
            throw new IllegalArgumentException("a four-digit year: " + year);
        }
        if (serial < 1) {
            throw new IllegalArgumentException("serials start at 1: " + serial);
        }
        return new ReceiptNumber(String.format("SP-%04d-%06d", year, serial));
    }

    public int year() {
        return Integer.parseInt(value.substring(3, 7));
    }

    public long serial() {
        return Long.parseLong(value.substring(8));
    }

    @Override
    public String toString() {
        return value;
    }
}
