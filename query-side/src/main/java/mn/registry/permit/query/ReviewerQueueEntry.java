package mn.registry.permit.query;

import mn.registry.kernel.permit.PermitApplicationStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One application in the reviewer queue, as {@code GET /api/reviewer/applications} lists it.
 *
 * @param applicationId    the application id
 * @param receiptNumber    the registration receipt number (002 art. 26.2.1)
 * @param companyName      the applicant company
 * @param receivedAt       the time of receipt (day 0)
 * @param due              the last day for the decision (002 art. 26.1)
 * @param dueAt            the end of that day in Ulaanbaatar
 * @param workingDays      the decision period in working days (17)
 * @param workingDaysLeft  working days from today to the due date: 0 on the due date, negative when overdue
 * @param overdue          whether today (in Ulaanbaatar) is after the due date
 * @param status           where the application stands
 * @param calendarVersion  the calendar version the due date was computed with
 * @param article          the rule that sets the period
 * @param nearDue          whether the decision is due within {@value ReviewerQueue#NEAR_DUE_WORKING_DAYS} working days (choice) and not yet overdue
 * @param escalated        whether the overdue decision was escalated to a supervisor (002 art. 26.1)
 */
record ReviewerQueueEntry(String applicationId,
                                 String receiptNumber,
                                 String companyName,
                                 Instant receivedAt,
                                 LocalDate due,
                                 OffsetDateTime dueAt,
                                 int workingDays,
                                 int workingDaysLeft,
                                 boolean overdue,
                                 PermitApplicationStatus status,
                                 String calendarVersion,
                                 String article,
                                 boolean nearDue,
                                 boolean escalated) {
}
