package mn.registry.kernel.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The calendar's time zone (domain-rules §2: events carry instants, deadlines are local dates in
 * Asia/Ulaanbaatar) and the two conversions between them.
 */
public final class UlaanbaatarTime {

    /** The calendar time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ulaanbaatar");

    private UlaanbaatarTime() {
    }

    /** The local date in Ulaanbaatar at which {@code instant} happened, e.g. a receipt at 23:30 UTC is the next day. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), ZONE);
    }

    /** The last instant of {@code date} in Ulaanbaatar: 23:59:59.999999999 local, one nanosecond before the next midnight. */
    public static OffsetDateTime endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZONE).minusNanos(1).toOffsetDateTime();
    }
}
