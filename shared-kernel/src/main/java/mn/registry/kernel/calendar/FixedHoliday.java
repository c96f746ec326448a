package mn.registry.kernel.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A public holiday on the same dates every year: a rule, not data. {@code first} and the {@code days} after it.
 */
record FixedHoliday(MonthDay first, int days, String nameEn, String nameMn) {

    /**
     * Where the fixed holidays come from. Named honestly: the list is in the Law of Mongolia on Public Holidays and
     * Commemorative Days (art. 4); the Labour Law of Mongolia (2021) makes public holidays days off in its article on
     * public holidays. Article numbers have not been checked against an official text here.
     */
    public static final String LEGAL_SOURCE = "Law of Mongolia on Public Holidays and Commemorative Days "
            + "(Бүх нийтээр тэмдэглэх баярын болон тэмдэглэлт өдрүүдийн тухай хууль) art. 4; Labour Law of Mongolia "
            + "(2021), article on public holidays";

    /** Domain-rules §2: 1 Jan, 8 Mar, 1 Jun, 11-15 Jul, 26 Nov, 29 Dec. */
    public static final List<FixedHoliday> RULES = List.of(
            new FixedHoliday(MonthDay.of(1, 1), 1, "New Year's Day", "Шинэ жил"),
            new FixedHoliday(MonthDay.of(3, 8), 1, "International Women's Day", "Олон улсын эмэгтэйчүүдийн өдөр"),
            new FixedHoliday(MonthDay.of(6, 1), 1, "Children's Day", "Хүүхдийн баяр"),
            new FixedHoliday(MonthDay.of(7, 11), 5, "Naadam (National Holiday)", "Үндэсний их баяр наадам"),
            new FixedHoliday(MonthDay.of(11, 26), 1, "Republic Day",
                    "Бүгд Найрамдах Монгол Улс тунхагласан өдөр"),
            new FixedHoliday(MonthDay.of(12, 29), 1, "National Freedom and Independence Day",
                    "Үндэсний эрх чөлөө, тусгаар тогтнолоо сэргээсний баярын өдөр"));

    public FixedHoliday {
        Objects.requireNonNull(first, "first");
        if (days < 1 || first.getDayOfMonth() + days - 1 > first.getMonth().minLength()) {
            throw new IllegalArgumentException("a fixed holiday spans 1 or more days within its month: " + first + " " + days);
        }
        DayOffReason.requireText(nameEn, "nameEn");
        DayOffReason.requireText(nameMn, "nameMn");
    }

    // Law on Public Holidays and Commemorative Days art. 4: the fixed-date public holidays.
    static Optional<DayOffReason> fixedHolidayOn(LocalDate date) {
        for (FixedHoliday rule : RULES) {
            if (rule.covers(date)) {
                return Optional.of(new DayOffReason(DayOffReason.Kind.FIXED_HOLIDAY, rule.nameEn, rule.nameMn, LEGAL_SOURCE));
            }
        }
        return Optional.empty();
    }

    boolean covers(LocalDate date) {
        return date.getMonth() == first.getMonth()
                && date.getDayOfMonth() >= first.getDayOfMonth()
                && date.getDayOfMonth() < first.getDayOfMonth() + days;
    }
}
