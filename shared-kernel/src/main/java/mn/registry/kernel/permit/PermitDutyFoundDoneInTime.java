package mn.registry.kernel.permit;

import mn.registry.kernel.calendar.CalendarVersion;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A duty's fulfilment stored as late by a release before ADR 0046 item 129 found done in time (ADR 0046 item 135, abuse audit F482, was
 * O333; domain-rules §2): counted again from its day 0 on the calendar in force, its last day ({@code due}, on {@code calendarVersion}) is on
 * or after the day the registry received the act done at {@code fulfilledAt}. Recorded by the act that reads the lateness (a restoration on
 * 28.1's months spent, item 121) at {@code foundAt}, its receipt; the stored fulfilment itself is not rewritten.
 */
public record PermitDutyFoundDoneInTime(ApplicationId applicationId, PermitDuty duty, Instant fulfilledAt, LocalDate due,
                                        CalendarVersion calendarVersion, Instant foundAt, String article) {
}
