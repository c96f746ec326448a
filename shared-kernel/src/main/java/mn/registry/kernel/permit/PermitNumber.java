package mn.registry.kernel.permit;

import com.fasterxml.jackson.annotation.JsonCreator;
import mn.registry.kernel.id.TypedId;

/** The number of an issued special permit (002 art. 26.6.6), e.g. {@code P-2026-000123}: "P" and the year and serial of its receipt number. */
public record PermitNumber(String value) implements TypedId {

    @JsonCreator
    public PermitNumber {
        if (value == null || !value.matches("P-[0-9]{4}-[0-9]{6,}")) {
            throw new IllegalArgumentException("a permit number is P-<year>-<serial>: " + value);
        }
    }

    /** The permit number that goes with a receipt number: the same year and serial. */
    public static PermitNumber of(ReceiptNumber receipt) {
        return new PermitNumber("P-" + receipt.value().substring(3));
    }

    @Override
    public String toString() {
        return value;
    }
}
