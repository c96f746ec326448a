package mn.registry.kernel.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.Objects;

/**
 * A term in months or years ("five years", 002 art. 27.1; "up to three months", 002 art. 28.1): calendar
 * arithmetic on local dates, not working days. The first day counts (a permit issued on 2026-03-10 is valid that
 * day) and the term ends at the end of the day before the same date {@code length} later: 5 years from 2026-03-10
 * end at the end of 2031-03-09 (domain-rules §2, a choice). When that same date does not exist (30 Nov + 3 months,
 * 29 Feb + 1 year), the term ends at the end of the last day of that month instead, so it is never shortened.
 */
public record LegalTerm(LocalDate firstDay, Period length) {

    public LegalTerm {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(length, "length");
        if (length.isNegative() || length.isZero() || length.getDays() != 0) {
            throw new IllegalArgumentException("a term is a positive number of months and years: " + length);
        }
    }

    public static LegalTerm years(LocalDate firstDay, int years) {
        return new LegalTerm(firstDay, Period.ofYears(years));
    }

    public static LegalTerm months(LocalDate firstDay, int months) {
        return new LegalTerm(firstDay, Period.ofMonths(months));
    }

    /** The last day of the term (inclusive). */
    public LocalDate lastDay() {
        long months = length.toTotalMonths();
        LocalDate sameDay = firstDay.plusMonths(months);
        boolean clamped = sameDay.getDayOfMonth() != firstDay.getDayOfMonth();
        return clamped ? sameDay : sameDay.minusDays(1);
    }

    /** The last instant of the term in Ulaanbaatar. */
    public OffsetDateTime endsAt() {
        return UlaanbaatarTime.endOf(lastDay());
    }

    /** The first day after the term, e.g. the day a permit that was not extended is invalid (002 art. 29.2). */
    public LocalDate dayAfter() {
        return lastDay().plusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay) && !date.isAfter(lastDay());
    }

    /** The same length again from the day after this term: an extension "by 5 years from the current expiry" (002 art. 27.4). */
    public LegalTerm following() {
        return new LegalTerm(dayAfter(), length);
    }

    /** True when a span from {@code firstDay} to {@code lastDay} (inclusive) lasts no longer than {@code maximum}, e.g. a suspension of at most 3 months (002 art. 28.1). */
    public static boolean lastsAtMost(LocalDate firstDay, LocalDate lastDay, Period maximum) {
        return !lastDay.isBefore(firstDay) && !lastDay.isAfter(new LegalTerm(firstDay, maximum).lastDay());
    }
}
