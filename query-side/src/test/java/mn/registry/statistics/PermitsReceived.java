package mn.registry.statistics;

import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.ReceiptNumber;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The applications the statistics' tests feed ({@link StatisticsTest}, {@link StatisticsInBatchesTest}): the n-th application, received at
 * ten in the morning in Ulaanbaatar by reviewer-1, its decision due 17 working days on (002 art. 26.1) on the base calendar.
 */
final class PermitsReceived {

    static final ZoneId UB = ZoneId.of("Asia/Ulaanbaatar");
    static final PersonId OFFICIAL = new PersonId("reviewer-1");

    private PermitsReceived() {
    }

    static ApplicationId app(int n) {
        return ApplicationId.of(new UUID(7, n));
    }

    static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(UB).toInstant();
    }

    static PermitApplicationRegistered received(int n, LocalDate on) {
        WorkingDayCalendar calendar = WorkingDayCalendar.base();
        Deadline d = calendar.deadline(on, new WorkingDays(17));
        return new PermitApplicationRegistered(app(n), ReceiptNumber.of(2026, n + 1), new Company("C" + n, "100" + n, true, "addr"), List.of(),
                at(on), d.due(), d.dueAt().toInstant(), new WorkingDays(17), calendar.version(), "002 art. 26.1", OFFICIAL, "00".repeat(32));
    }
}
