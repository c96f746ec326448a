package mn.registry.freezone.entity;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.identity.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import static mn.registry.freezone.entity.ZoneRegistrationTest.APPLICANT;
import static mn.registry.freezone.entity.ZoneRegistrationTest.MONGOLIAN;
import static mn.registry.freezone.entity.ZoneRegistrationTest.application;
import static mn.registry.freezone.entity.ZoneRegistrationTest.documents;

/**
 * Session 10's abuse audit (held rows): the 5 business days of 003 art. 12.2 counted from the registry's local date of receipt in
 * Ulaanbaatar (UTC+8), never the UTC date nor the day the applicant signed, across a fixed holiday and a declared working Saturday.
 */
class ReviewDeadlineEdgesTest {

    /** The review due date the aggregate gives an application signed at {@code signedAt} and received at {@code receivedAt}. */
    static LocalDate reviewDue(WorkingDayCalendar calendar, LocalDateTime signedUb, LocalDateTime receivedUb) {
        Instant signedAt = signedUb.atZone(UlaanbaatarTime.ZONE).toInstant();
        Instant receivedAt = receivedUb.atZone(UlaanbaatarTime.ZONE).toInstant();
        var services = new ZoneRegistrationTest.Services() {
            @Override
            public Deadline due(Instant from, WorkingDays n) {
                return calendar.deadline(from, n);
            }
        };
        LocalDate[] due = new LocalDate[1];
        CommandContext context = new CommandContext("cmd-edge", signedAt, receivedAt, APPLICANT, Set.of(Role.APPLICANT), Set.of(), "ab".repeat(32));
        ZoneRegistrationTest.fixture(services).givenNoPriorActivity()
                .when(SignedCommandContext.message(application(MONGOLIAN, documents(Jurisdiction.MONGOLIAN)), context))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(new org.hamcrest.BaseMatcher<>() {
                    @Override
                    public boolean matches(Object actual) {
                        due[0] = ((RegistrationCommandTypes.ApplicationReceipt) actual).reviewDue();
                        return true;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("a receipt");
                    }
                });
        return due[0];
    }

    @Test
    @DisplayName("003 art. 12.2: received at 23:59:59 on Thursday in Ulaanbaatar the review is due the next Thursday; a second later (still Thursday in UTC) the next Friday")
    void review_counts_from_the_ulaanbaatar_date_of_receipt() {
        WorkingDayCalendar base = WorkingDayCalendar.base();
        assertDue(reviewDue(base, LocalDateTime.of(2026, 12, 3, 23, 59, 0), LocalDateTime.of(2026, 12, 3, 23, 59, 59)), LocalDate.of(2026, 12, 10));
        assertDue(reviewDue(base, LocalDateTime.of(2026, 12, 3, 23, 59, 0), LocalDateTime.of(2026, 12, 4, 0, 0, 0)), LocalDate.of(2026, 12, 11));
    }

    @Test
    @DisplayName("003 art. 12.2, domain-rules §2: a holiday (29 Dec, or one the Government declares) is skipped; a declared working Saturday counts")
    void holidays_are_skipped_and_working_saturdays_count() {
        WorkingDayCalendar base = WorkingDayCalendar.base();
        // Wednesday 23 Dec 2026: Thu 24, Fri 25, Mon 28, (Tue 29 a public holiday), Wed 30, Thu 31
        assertDue(reviewDue(base, LocalDateTime.of(2026, 12, 23, 10, 0), LocalDateTime.of(2026, 12, 23, 10, 0, 5)), LocalDate.of(2026, 12, 31));
        // Friday 4 Dec 2026 with Wednesday 9 Dec declared a holiday: Mon 7, Tue 8, Thu 10, Fri 11, Mon 14
        WorkingDayCalendar holiday = base.apply(new PublicHolidayDeclared(LocalDate.of(2026, 12, 9), "Declared day off", "Амралтын өдөр",
                "Government resolution 2026/300"));
        assertDue(reviewDue(holiday, LocalDateTime.of(2026, 12, 4, 10, 0), LocalDateTime.of(2026, 12, 4, 10, 0, 5)), LocalDate.of(2026, 12, 14));
        // Friday 4 Dec 2026 with Saturday 5 Dec worked instead of Monday 21 Dec: Sat 5, Mon 7, Tue 8, Wed 9, Thu 10
        WorkingDayCalendar saturday = base.apply(new WorkingDayDeclared(LocalDate.of(2026, 12, 5), LocalDate.of(2026, 12, 21),
                "Government resolution 2026/301"));
        assertDue(reviewDue(saturday, LocalDateTime.of(2026, 12, 4, 10, 0), LocalDateTime.of(2026, 12, 4, 10, 0, 5)), LocalDate.of(2026, 12, 10));
    }

    private static void assertDue(LocalDate actual, LocalDate expected) {
        org.assertj.core.api.Assertions.assertThat(actual).isEqualTo(expected);
    }
}
