package mn.registry.kernel.calendar;

import mn.registry.kernel.privacy.PublishedText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The Government declares {@code date} a public holiday (a one-off day off, an election day, or a corrected
 * lunar date: the Government revised an announced date in 2014). The day is not a working day from the
 * version this declaration creates onwards, whatever it was before.
 */
public record PublicHolidayDeclared(LocalDate date, @PublishedText String nameEn, @PublishedText String nameMn,
                                    @PublishedText String decisionReference)
        implements CalendarDeclaration {

    public PublicHolidayDeclared {
        Objects.requireNonNull(date, "date");
        DayOffReason.requireText(nameEn, "nameEn");
        DayOffReason.requireText(nameMn, "nameMn");
        DayOffReason.requireText(decisionReference, "decisionReference");
    }

    DayOffReason reason() {
        return new DayOffReason(DayOffReason.Kind.DECLARED_HOLIDAY, nameEn, nameMn, decisionReference);
    }
}
