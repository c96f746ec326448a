package mn.registry.kernel.calendar;

import java.util.Objects;

/**
 * Why a day is not a working day: its kind, a name in English and Mongolian, and where that comes from
 * (the law, the data set entry's publication, or a Government decision's reference).
 */
record DayOffReason(Kind kind, String nameEn, String nameMn, String source) {

    /** The kinds of non-working day of domain-rules §2. */
    public enum Kind {
        /** Saturday or Sunday. */
        WEEKEND,
        /** A holiday on a fixed date, a rule of law (1 Jan, 8 Mar, 1 Jun, 11-15 Jul, 26 Nov, 29 Dec). */
        FIXED_HOLIDAY,
        /** A lunar-calendar holiday (Tsagaan Sar, Buddha's birthday, Chinggis Khaan's day), dated data. */
        LUNAR_HOLIDAY,
        /** An election day that is a public holiday, dated data. */
        ELECTION_DAY,
        /** A public holiday declared by the Government (a declaration, see {@link PublicHolidayDeclared}). */
        DECLARED_HOLIDAY,
        /** A working day moved to another date by a Government day transfer ({@link WorkingDayDeclared}). */
        TRANSFERRED_DAY_OFF
    }

    public DayOffReason {
        Objects.requireNonNull(kind, "kind");
        requireText(nameEn, "nameEn");
        requireText(nameMn, "nameMn");
        requireText(source, "source");
    }

    // Runs on every read of a stored declaration too, so it stays as lenient as when they were stored: text of no-break or
    // zero-width spaces only is refused at intake, by the calendar's command handler (VisibleText, abuse audit F42)
    static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
