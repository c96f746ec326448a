package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreeZoneDeadlineRulesTest {

    private final FreeZoneDeadlineRules rules = new FreeZoneDeadlineRules();

    @Test
    @DisplayName("003 art. 12.2: an application starts a 5-business-day review deadline that registration ends and whose firing escalates")
    void review_deadline() {
        List<DeadlineInstruction> started = rules.instructionsFor(ZoneRegistrationTest.applied(), 0);
        assertThat(started).singleElement().isInstanceOfSatisfying(DeadlineInstruction.Start.class, s -> {
            assertThat(s.deadline().kind()).isEqualTo("freezone.review");
            assertThat(s.deadline().due()).isEqualTo(ZoneRegistrationTest.DUE);
            assertThat(s.deadline().workingDays().value()).isEqualTo(5);
            assertThat(s.deadline().startedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
            assertThat(rules.firingCommand(s.deadline(), Instant.parse("2026-11-27T16:00:01Z")))
                    .isInstanceOf(RegistrationStreamCommands.EscalateOverdueReview.class);
        });
        assertThat(rules.instructionsFor(ZoneRegistrationTest.registered(), 1)) // and starts the year to start from the certificate (ADR 0035 item 6)
                .containsExactly(new DeadlineInstruction.End(ZoneRegistrationTest.ID.value(), "freezone.review"),
                        FreeZoneDeadlineRules.startFromCertificate(ZoneRegistrationTest.registered(), 1));
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2: the agreement starts the year to start and an interruption its 12 months; their firing raises the ground")
    void ground_deadlines() {
        RegistrationEvents.InvestmentAgreementRecorded agreement = ZoneRegistrationTest.agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23));
        ScheduledDeadline start = ((DeadlineInstruction.Start) rules.instructionsFor(agreement, 3).get(1)).deadline();
        assertThat(start.due()).isEqualTo(LocalDate.of(2027, 11, 23));
        assertThat(start.countsWorkingDays()).isFalse();
        Object fire = rules.firingCommand(start, Instant.parse("2027-11-23T16:00:01Z"));
        assertThat(fire).isEqualTo(new RegistrationStreamCommands.RaiseGroundIfDue(RegistrationStreamCommands.stream(ZoneRegistrationTest.ID),
                ZoneRegistrationTest.ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 11, 24), Instant.parse("2027-11-23T16:00:01Z")));
        assertThat(rules.instructionsFor(new RegistrationEvents.OperationsStarted(ZoneRegistrationTest.ID, LocalDate.of(2027, 1, 1), null, null), 4))
                .containsExactly(new DeadlineInstruction.End(ZoneRegistrationTest.ID.value(), "freezone.start"));

        ScheduledDeadline interruption = ((DeadlineInstruction.Start) rules.instructionsFor(new RegistrationEvents.OperationsInterrupted(ZoneRegistrationTest.ID,
                LocalDate.of(2027, 3, 1), LocalDate.of(2028, 2, 29), null, null), 5).get(0)).deadline();
        assertThat(interruption.due()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(rules.firingCommand(interruption, Instant.parse("2028-02-29T16:00:01Z")))
                .extracting(c -> ((RegistrationStreamCommands.RaiseGroundIfDue) c).ground()).isEqualTo(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS);
    }

    @Test
    @DisplayName("003 art. 12.3: a quarter's report due date starts its deadline, signing ends it, and its firing escalates and schedules the next quarter")
    void quarterly_report_deadline() {
        ZoneId zone = ZoneId.of("altanbulag");
        ZoneStreamCommands.ReportDue q4 = ZoneStreamCommands.ReportDue.of(new QuarterlyReportContent.Quarter(2026, 4), WorkingDayCalendar.base());
        ZoneEvents.QuarterlyReportDue due = new ZoneEvents.QuarterlyReportDue(zone, 2026, 4, q4.quarterEnds(), q4.dueOn(), q4.dueAt(), q4.workingDays(),
                q4.calendarVersion(), "003 art. 12.3");
        ScheduledDeadline deadline = ((DeadlineInstruction.Start) rules.instructionsFor(due, 7).get(0)).deadline();
        assertThat(deadline.kind()).isEqualTo("freezone.report");
        assertThat(deadline.aggregateId()).isEqualTo("altanbulag/2026-Q4");
        assertThat(deadline.startedOn()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(deadline.workingDays().value()).isEqualTo(15);
        assertThat(deadline.due()).isEqualTo(q4.dueOn());

        Instant firedAt = q4.dueAt().plusSeconds(400L * 86400); // even after a long outage, the next quarter (not the one running) is scheduled
        assertThat(rules.firingCommand(deadline, firedAt)).isEqualTo(new ZoneStreamCommands.EscalateOverdueReport(zone, 2026, 4, firedAt, q4,
                ZoneStreamCommands.ReportDue.of(new QuarterlyReportContent.Quarter(2027, 1), WorkingDayCalendar.base())));
        assertThat(rules.instructionsFor(new ZoneEvents.QuarterlyReportSigned(zone, 2026, 4, "ab".repeat(32), firedAt, null), 8))
                .containsExactly(new DeadlineInstruction.End("altanbulag/2026-Q4", "freezone.report"));
        assertThat(rules.instructionsFor(new ZoneEvents.QuarterlyReportOverdue(zone, 2026, 4, q4.dueOn(), firedAt, "003 art. 12.3"), 9))
                .containsExactly(new DeadlineInstruction.End("altanbulag/2026-Q4", "freezone.report"));
        assertThat(rules.recomputeCommand(deadline, WorkingDayCalendar.base().deadline(LocalDate.of(2026, 12, 31), WorkingDays.of(15))))
                .isEqualTo(new ZoneStreamCommands.RecomputeReportDue(zone, 2026, 4, q4.dueOn(), q4.dueAt(), q4.calendarVersion()));
    }
}
