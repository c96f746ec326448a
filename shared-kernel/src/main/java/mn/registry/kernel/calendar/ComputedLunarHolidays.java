package mn.registry.kernel.calendar;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lunar holidays of domain-rules §2 computed for a year without confirmed data, so that no legal act waits for
 * a Government resolution: Tsagaan Sar (first three days of the first spring month), Buddha's birthday (15th day of
 * the first summer month) and Chinggis Khaan's day (first day of the first winter month).
 *
 * <p>The computation, which anyone can redo (docs/calendar.md, "Years without confirmed data"): a lunar month starts
 * on the day after the astronomical new moon (its UTC date; Meeus, <i>Astronomical Algorithms</i> ch. 49, main
 * periodic terms, ΔT ≈ 69 s); month labels follow the 65-month cycle of the Tögs Buyant calendar: lunation
 * {@code k} (k = 0 the new moon of 2000-01-06) has label {@code floor((65k + 16) / 67)}; two lunations with the
 * same label are a leap month followed by the regular month, and the holidays fall in the regular one. The phase 16
 * is fitted to the published dates: it reproduces Tsagaan Sar 2013-2026, Chinggis Khaan's day 2013-2027 and
 * Buddha's birthday 2022, 2024 and 2025 (the phases 16 and 17 both do; they first differ on Chinggis Khaan's day 2035).
 * Buddha's birthday is the month's first day plus 14: the Tögs Buyant calendar doubles and skips lunar days, so it
 * may be a day off. That is why every computed year is provisional until the Government confirms it.
 */
final class ComputedLunarHolidays {

    static final String SOURCE = "computed (provisional until the Government confirms the year): first lunar day = "
            + "the day after the astronomical new moon, leap months by the 65-month Togs Buyant cycle; see docs/calendar.md";

    /** The new moon of 2000-01-06 is lunation 0; the cycle phase fitted to the published dates. */
    private static final int CYCLE_PHASE = 16;

    /** One year's computed lunar holidays. */
    record Year(List<LocalDate> tsagaanSar, LocalDate buddhasBirthday, LocalDate chinggisKhaanDay) {
    }

    private static final Map<Integer, Year> YEARS = computeYears(1995, 2105);

    private ComputedLunarHolidays() {
    }

    /** The computed lunar holidays of {@code year} (1995-2105). */
    static Year of(int year) {
        Year computed = YEARS.get(year);
        if (computed == null) {
            throw new IllegalArgumentException("no computed lunar holidays for " + year);
        }
        return computed;
    }

    private static Map<Integer, Year> computeYears(int fromYear, int toYear) {
        Map<Integer, LocalDate> firstSpring = new HashMap<>();
        Map<Integer, LocalDate> firstSummer = new HashMap<>();
        Map<Integer, LocalDate> firstWinter = new HashMap<>();
        int firstLunation = (int) Math.floor((fromYear - 1 - 2000) * 12.3685);
        int lastLunation = (int) Math.ceil((toYear + 1 - 2000) * 12.3685);
        for (int k = firstLunation; k <= lastLunation; k++) {
            long label = label(k);
            if (label(k + 1) == label) {
                continue; // a leap month: its regular twin follows
            }
            int month = (int) Math.floorMod(label + 11, 12) + 1;
            LocalDate first = monthStart(k);
            switch (month) {
                case 1 -> firstSpring.put(first.getYear(), first);
                case 4 -> firstSummer.put(first.getYear(), first);
                case 10 -> firstWinter.put(first.getYear(), first);
                default -> { }
            }
        }
        Map<Integer, Year> years = new HashMap<>();
        for (int year = fromYear; year <= toYear; year++) {
            LocalDate spring = firstSpring.get(year);
            years.put(year, new Year(List.of(spring, spring.plusDays(1), spring.plusDays(2)),
                    firstSummer.get(year).plusDays(14), firstWinter.get(year)));
        }
        return Map.copyOf(years);
    }

    // Togs Buyant calendar: 65 month labels for every 67 lunations (two leap months in 65 months).
    private static long label(int lunation) {
        return Math.floorDiv(65L * lunation + CYCLE_PHASE, 67);
    }

    /** The first day of the lunar month that begins with lunation {@code k}: the day after the new moon's UTC date. */
    static LocalDate monthStart(int k) {
        double jd = newMoonJde(k) - DELTA_T_DAYS;
        return LocalDate.ofEpochDay((long) Math.floor(jd - 2440587.5)).plusDays(1);
    }

    private static final double DELTA_T_DAYS = 69.0 / 86400;

    /** Meeus, Astronomical Algorithms (2nd ed.) ch. 49: the true new moon of lunation k, as a Julian Ephemeris Day. */
    static double newMoonJde(int k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = 2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3;
        double mp = 201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4;
        double f = 160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4;
        double omega = 124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3;
        double jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double correction = -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
                + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
                - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
                - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
                - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(omega) - 0.00007 * sin(mp + 2 * m)
                + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
                + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
                - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp);
        return jde + correction;
    }

    private static double sin(double degrees) {
        return Math.sin(Math.toRadians(degrees % 360));
    }
}
