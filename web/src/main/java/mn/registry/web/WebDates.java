package mn.registry.web;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as people read them, in the page's language: days as "16 Dec 2026" (English) or "2026.12.16" (Mongolian),
 * instants in Ulaanbaatar time, and due dates with the working days left by the calendar in force
 * ("due 16 Dec 2026, 4 working days left"). Used from templates as {@code @dates}.
 */
@Component("dates")
public class WebDates {

    private final CurrentCalendar calendar;
    private final Clock clock;
    private final MessageSource messages;

    WebDates(CurrentCalendar calendar, Clock clock, MessageSource messages) {
        this.calendar = calendar;
        this.clock = clock;
        this.messages = messages;
    }

    private static Locale locale() {
        return WebConfiguration.supported(LocaleContextHolder.getLocale());
    }

    private DateTimeFormatter formatter(String key) {
        Locale locale = locale();
        return DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), locale);
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 149, choice; F585): the last day a lower basic value of land recorded at {@code recordedAt} (ISO instant) awaits
     * its second signature, on the calendar in force now, as the land register judges a confirmation; null when it is not an ISO instant.
     */
    public LocalDate baseValueAwaitsUntil(String recordedAt) {
        try {
            return calendar.dueOnTheCalendarInForceNow(UlaanbaatarTime.dateOf(Instant.parse(recordedAt)),
                    mn.registry.kernel.freezone.FreeZoneTerms.LAND_BASE_VALUE_AWAITS).due();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A day, e.g. "16 Dec 2026"; the text itself when it is not an ISO date; empty for null. */
    public String date(Object day) {
        if (day == null) {
            return "";
        }
        try {
            LocalDate date = day instanceof LocalDate d ? d : LocalDate.parse(day.toString());
            return formatter("format.date").format(date);
        } catch (RuntimeException e) {
            return day.toString();
        }
    }

    /** An instant in Ulaanbaatar time, e.g. "23 Nov 2026 18:00 (UTC+8)"; the text itself when it is not an ISO instant. */
    public String time(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            Instant at = instant instanceof Instant i ? i : Instant.parse(instant.toString());
            return formatter("format.time").format(at.atZone(UlaanbaatarTime.ZONE));
        } catch (RuntimeException e) {
            return instant.toString();
        }
    }

    /** An instant in UTC, e.g. "2026-11-23 10:00 UTC", beside the local time on a receipt (ADR 0013 §5); the text itself when it is not an ISO instant. */
    public String utc(Object instant) {
        if (instant == null) {
            return "";
        }
        try {
            Instant at = instant instanceof Instant i ? i : Instant.parse(instant.toString());
            return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).format(at.atZone(java.time.ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return instant.toString();
        }
    }

    /** A published value as people read it: an ISO instant in Ulaanbaatar time, an ISO day as a date, anything else as it is. */
    public String value(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.matches("\\d{4}-\\d{2}-\\d{2}T.*Z")) {
            return time(text);
        }
        if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return date(text);
        }
        return text;
    }

    /** Today in Ulaanbaatar by the registry's clock (which demo mode can move). */
    public LocalDate today() {
        return UlaanbaatarTime.dateOf(clock.instant());
    }

    /** Working days from today to {@code due}: 0 on the day, negative when past. */
    public int workingDaysLeft(Object due) {
        LocalDate date = due instanceof LocalDate d ? d : LocalDate.parse(due.toString());
        return calendar.get().workingDaysBetween(today(), date);
    }

    /** "due 16 Dec 2026, 4 working days left", or "overdue since 16 Dec 2026 (3 working days)". */
    public String due(Object due) {
        if (due == null) {
            return "";
        }
        LocalDate date = due instanceof LocalDate d ? d : LocalDate.parse(due.toString());
        int left = workingDaysLeft(date);
        boolean overdue = today().isAfter(date);
        return overdue ? messages.getMessage("due.overdue", new Object[]{date(date), -left}, locale())
                : messages.getMessage("due.left", new Object[]{date(date), left}, locale());
    }

    /** The CSS class of a due date: {@code overdue}, {@code near-due} (within {@code nearDays} working days) or {@code on-time}. */
    public String urgency(Object due, int nearDays) {
        LocalDate date = due instanceof LocalDate d ? d : LocalDate.parse(due.toString());
        if (today().isAfter(date)) {
            return "overdue";
        }
        return workingDaysLeft(date) <= nearDays ? "near-due" : "on-time";
    }
}
