package mn.registry.kernel.calendar;

import mn.registry.kernel.privacy.PublishedText;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The Government confirms the lunar holidays of {@code year}: the three days of Tsagaan Sar, Buddha's birthday and
 * Chinggis Khaan's day. They replace the computed dates (or the shipped data's) of that year, and the year is no
 * longer provisional. A later confirmation of the same year replaces an earlier one (a corrected date). Election days
 * and one-off days off stay {@link PublicHolidayDeclared} declarations.
 */
public record YearConfirmed(int year, List<LocalDate> tsagaanSar, LocalDate buddhasBirthday, LocalDate chinggisKhaanDay,
                            @PublishedText String decisionReference) implements CalendarDeclaration {

    public YearConfirmed {
        Objects.requireNonNull(tsagaanSar, "tsagaanSar");
        Objects.requireNonNull(buddhasBirthday, "buddhasBirthday");
        Objects.requireNonNull(chinggisKhaanDay, "chinggisKhaanDay");
        DayOffReason.requireText(decisionReference, "decisionReference");
        tsagaanSar = List.copyOf(tsagaanSar);
        // domain-rules §2: Tsagaan Sar is three days in a row.
        if (tsagaanSar.size() != 3 || !tsagaanSar.get(1).equals(tsagaanSar.get(0).plusDays(1))
                || !tsagaanSar.get(2).equals(tsagaanSar.get(0).plusDays(2))) {
            throw new IllegalArgumentException("Tsagaan Sar is three consecutive days: " + tsagaanSar);
        }
        for (LocalDate date : List.of(tsagaanSar.get(0), tsagaanSar.get(2), buddhasBirthday, chinggisKhaanDay)) {
            if (date.getYear() != year) {
                throw new IllegalArgumentException("a confirmed date of " + year + " lies in " + date.getYear() + ": " + date);
            }
        }
    }

    /** domain-rules §2 (choice, ADR 0046 item 47): a correction of the computed date by a lunar day doubled or skipped, or so. */
    public static final int LUNAR_DAYS_OF_CORRECTION = 3;

    /**
     * domain-rules §2 (choice, ADR 0046 item 47, abuse audit F183): the first of this confirmation's fields ({@code tsagaanSar},
     * {@code buddhasBirthday}, {@code chinggisKhaanDay}) whose date lies further from the lunar calendar's (the computation anyone
     * can redo, which reproduces the published dates) than a correction goes: {@value #LUNAR_DAYS_OF_CORRECTION} days either side, or
     * as much around one lunation (29-30 days) earlier or later, a leap month counted otherwise. Judged at intake: stored
     * confirmations replay whatever they say.
     */
    public java.util.Optional<String> fieldFarFromTheLunarCalendar() {
        ComputedLunarHolidays.Year computed = ComputedLunarHolidays.of(year);
        if (farFrom(tsagaanSar.get(0), computed.tsagaanSar().get(0))) {
            return java.util.Optional.of("tsagaanSar");
        }
        if (farFrom(buddhasBirthday, computed.buddhasBirthday())) {
            return java.util.Optional.of("buddhasBirthday");
        }
        if (farFrom(chinggisKhaanDay, computed.chinggisKhaanDay())) {
            return java.util.Optional.of("chinggisKhaanDay");
        }
        return java.util.Optional.empty();
    }

    private static boolean farFrom(LocalDate confirmed, LocalDate computed) {
        long days = Math.abs(java.time.temporal.ChronoUnit.DAYS.between(computed, confirmed));
        return days > LUNAR_DAYS_OF_CORRECTION && (days < 29 - LUNAR_DAYS_OF_CORRECTION || days > 30 + LUNAR_DAYS_OF_CORRECTION);
    }

    /** The day the declaration is about: the first day of the confirmed year. */
    @Override
    public LocalDate date() {
        return LocalDate.of(year, 1, 1);
    }

    /** Each confirmed date with its reason. */
    List<Dated> holidays() {
        DayOffReason tsagaan = new DayOffReason(DayOffReason.Kind.LUNAR_HOLIDAY, MovingHolidayNames.TSAGAAN_SAR_EN,
                MovingHolidayNames.TSAGAAN_SAR_MN, decisionReference);
        return List.of(new Dated(tsagaanSar.get(0), tsagaan), new Dated(tsagaanSar.get(1), tsagaan),
                new Dated(tsagaanSar.get(2), tsagaan),
                new Dated(buddhasBirthday, new DayOffReason(DayOffReason.Kind.LUNAR_HOLIDAY,
                        MovingHolidayNames.BUDDHA_EN, MovingHolidayNames.BUDDHA_MN, decisionReference)),
                new Dated(chinggisKhaanDay, new DayOffReason(DayOffReason.Kind.LUNAR_HOLIDAY,
                        MovingHolidayNames.CHINGGIS_EN, MovingHolidayNames.CHINGGIS_MN, decisionReference)));
    }

    record Dated(LocalDate date, DayOffReason reason) {
    }
}
