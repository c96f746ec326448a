package mn.registry.kernel.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads an ISO-8601 UTC instant by hand where the text has the one form the registry writes and admits, for the two readers on hot
 * paths: a stored event's timestamp (event-store's {@code StoredTimestamps}, ADR 0030) and an envelope's {@code signedAt} (ADR 0070
 * item 24). The envelope's pattern ({@code CommandEnvelope#SIGNED_AT}) admits only
 * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; that form is read here by hand, field by field, and anything the hand reading does not take
 * (a month 13, a day 31 of a 30-day month, hour 24, second 60: a leap second) goes to {@link Instant#parse}, whose answer, instant or
 * {@link DateTimeParseException}, stands. So the answer is {@code Instant.parse}'s for every text; only its cost differs:
 * {@code Instant.parse} builds a {@code DateTimeFormatter} parse context, a field map and a resolver for each command (2.5 % of
 * the request threads' samples in session 31's profile).
 */
public final class IsoUtcText {

    private IsoUtcText() {
    }

    public static Instant parse(String text) {
        Instant fast = parseIsoUtc(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a four-digit year and every field in range, or null for anything else. */
    public static Instant parseIsoUtc(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int count = n - 21;
            if (s.charAt(19) != '.' || count < 1 || count > 9) {
                return null;
            }
            int fraction = digits(s, 20, count);
            if (fraction < 0) {
                return null;
            }
            for (int i = count; i < 9; i++) {
                fraction *= 10;
            }
            nanos = fraction;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** {@code yyyy-MM-dd} with a four-digit year ({@code LocalDate.toString()} of this era), or null for any other form. */
    public static LocalDate parseIsoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The non-negative number of {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
