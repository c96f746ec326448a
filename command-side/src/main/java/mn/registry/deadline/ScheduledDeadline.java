package mn.registry.deadline;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deadline as an event states it: a deterministic id ({@code aggregateId:kind:n}), the case it belongs to, its
 * kind, the last local day and the instant it ends, the rule and article that set it. A working-day deadline also
 * keeps the day it started (day 0), its length and the calendar version, so a calendar change can recompute it;
 * a term in months or years ({@code startedOn}, {@code workingDays} and {@code calendarVersion} null) does not move.
 * It falls due once the registry clock is past {@code dueAt}.
 */
public record ScheduledDeadline(String id, String aggregateId, String kind, LocalDate due, Instant dueAt, String rule,
                                String article, CalendarVersion calendarVersion, LocalDate startedOn, WorkingDays workingDays) {

    public ScheduledDeadline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(article, "article");
        if ((startedOn == null) != (workingDays == null) || (workingDays != null && calendarVersion == null)) {
            throw new IllegalArgumentException("a working-day deadline names its day 0, its length and its calendar version: " + id);
        }
    }

    /** The id of the {@code n}-th deadline of {@code kind} on {@code aggregateId}. */
    public static String idOf(String aggregateId, String kind, long n) {
        return aggregateId + ":" + kind + ":" + n;
    }

    /** A deadline of {@code deadline.workingDays()} working days computed by the calendar. */
    public static ScheduledDeadline workingDays(String aggregateId, String kind, long n, Deadline deadline, String rule, String article) {
        return new ScheduledDeadline(idOf(aggregateId, kind, n), aggregateId, kind, deadline.due(), deadline.dueAt().toInstant(),
                rule, article, deadline.calendarVersion(), deadline.receivedOn(), deadline.workingDays());
    }

    /** A working-day deadline as recorded in an event (day 0, length, due date and version). */
    public static ScheduledDeadline workingDays(String aggregateId, String kind, long n, LocalDate startedOn, WorkingDays length,
                                                LocalDate due, CalendarVersion version, String rule, String article) {
        return new ScheduledDeadline(idOf(aggregateId, kind, n), aggregateId, kind, due, UlaanbaatarTime.endOf(due).toInstant(),
                rule, article, version, startedOn, length);
    }

    /** A deadline that ends with the local day {@code lastDay} (a term in months or years, or a fixed date). */
    public static ScheduledDeadline endOfDay(String aggregateId, String kind, long n, LocalDate lastDay, String rule, String article) {
        return new ScheduledDeadline(idOf(aggregateId, kind, n), aggregateId, kind, lastDay, UlaanbaatarTime.endOf(lastDay).toInstant(),
                rule, article, null, null, null);
    }

    public boolean countsWorkingDays() {
        return workingDays != null;
    }

    /** True when, at {@code now}, the deadline has passed. */
    public boolean isDueAt(Instant now) {
        return now.isAfter(dueAt);
    }
}
