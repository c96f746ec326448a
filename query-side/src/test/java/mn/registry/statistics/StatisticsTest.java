package mn.registry.statistics;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.ReceiptNumber;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedMongoExtension.class)
class StatisticsTest {

    private static final ZoneId UB = ZoneId.of("Asia/Ulaanbaatar");
    private static final PersonId OFFICIAL = new PersonId("reviewer-1");
    private final WorkingDayCalendar calendar = WorkingDayCalendar.base();

    private static ApplicationId app(int n) {
        return ApplicationId.of(new UUID(7, n));
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(UB).toInstant();
    }

    private PermitApplicationRegistered received(int n, LocalDate on) {
        Deadline d = calendar.deadline(on, new WorkingDays(17));
        return new PermitApplicationRegistered(app(n), ReceiptNumber.of(2026, n + 1), new Company("C" + n, "100" + n, true, "addr"), List.of(),
                at(on), d.due(), d.dueAt().toInstant(), new WorkingDays(17), calendar.version(), "002 art. 26.1", OFFICIAL, "00".repeat(32));
    }

    /** The n-th working day after {@code from} (day of receipt = day 0). */
    private LocalDate workingDayAfter(LocalDate from, int n) {
        return calendar.deadline(from, new WorkingDays(n)).due();
    }

    @Test
    @DisplayName("002 art. 26.1: decisions on or before the 17th working day are on time; median and distribution of working days taken")
    void service_level_of_the_decision_deadline(MongoDatabase db) {
        StatisticsProjection projection = new StatisticsProjection(db);
        LocalDate monday = LocalDate.of(2026, 11, 2);
        int[] taken = {6, 17, 18, 6};
        for (int i = 0; i < taken.length; i++) {
            projection.on(received(i, monday));
            PermitApplicationApproved approved = new PermitApplicationApproved(app(i), null, at(workingDayAfter(monday, taken[i])), OFFICIAL, "002 art. 26.1");
            projection.on(approved);
            projection.on(approved); // redelivered: counted once
        }
        projection.on(received(9, monday)); // still pending
        CurrentCalendar current = Mockito.mock(CurrentCalendar.class);
        Mockito.when(current.get()).thenReturn(calendar);
        Statistics stats = new Statistics(db, current, Clock.fixed(at(LocalDate.of(2027, 3, 1)), UB));
        Statistics.ServiceLevel level = stats.report().serviceLevels().get(0);
        assertThat(level.deadline()).isEqualTo(StatisticsProjection.PERMIT_DECISION);
        assertThat(level.workingDaysAllowed()).isEqualTo(17);
        assertThat(level.decided()).isEqualTo(4);
        assertThat(level.onTime()).isEqualTo(3);
        assertThat(level.onTimePercent()).isEqualTo(75.0);
        assertThat(level.medianWorkingDays()).isEqualTo(6);
        assertThat(level.maxWorkingDays()).isEqualTo(18);
        assertThat(level.distribution()).containsEntry(6, 2L).containsEntry(17, 1L).containsEntry(18, 1L).hasSize(3);
        assertThat(level.pending()).isEqualTo(1);
        assertThat(level.pendingOverdue()).isEqualTo(1);
        assertThat(level.summary()).isEqualTo("17 working days allowed; median 6; 75.0 % on time (3 of 4)");
    }

    @Test
    @DisplayName("002 art. 22.1.2: permits issued and suspended counted per month and year, a redelivered event once")
    void counts_per_month_and_year(MongoDatabase db) {
        StatisticsProjection projection = new StatisticsProjection(db);
        for (int i = 0; i < 3; i++) {
            LocalDate on = i < 2 ? LocalDate.of(2026, 11, 20) : LocalDate.of(2027, 1, 15);
            PermitIssued issued = new PermitIssued(app(i), new PermitNumber("P-2026-00000" + i), "Ministry", new Company("C", "1", true, "a"), "X",
                    on, on.plusYears(5), List.of(), at(on), OFFICIAL, "00".repeat(32));
            projection.on(issued);
            projection.on(issued);
        }
        projection.on(new PermitSuspended(app(0), SuspensionGround.INSPECTOR_OPINION, "00".repeat(32), 0, LocalDate.of(2027, 1, 2),
                LocalDate.of(2027, 3, 2), at(LocalDate.of(2027, 1, 2)), OFFICIAL));
        CurrentCalendar current = Mockito.mock(CurrentCalendar.class);
        Mockito.when(current.get()).thenReturn(calendar);
        Statistics.Report report = new Statistics(db, current, Clock.systemUTC()).report();
        assertThat(report.byYear()).extracting(Statistics.Counts::period).containsExactly("2026", "2027");
        assertThat(report.byYear().get(0).counts()).containsEntry("issued", 2L).containsEntry("suspended", 0L);
        assertThat(report.byYear().get(1).counts()).containsEntry("issued", 1L).containsEntry("suspended", 1L);
        assertThat(report.byMonth()).extracting(Statistics.Counts::period).containsExactly("2026-11", "2027-01");
    }
}
