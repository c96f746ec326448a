package mn.registry.permit.command;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.PermitDecisionDueRecomputed;
import mn.registry.kernel.permit.PermitDecisionOverdue;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitDutyDueRecomputed;
import mn.registry.kernel.permit.PermitDutyOverdue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.CALENDAR;
import static mn.registry.permit.command.PermitLifecycleTest.DECISION;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.RECEIVED;
import static mn.registry.permit.command.PermitLifecycleTest.registered;
import static mn.registry.permit.command.PermitSuspensionTest.REQUESTED_AT;
import static mn.registry.permit.command.PermitSuspensionTest.TAX_DECISION;
import static mn.registry.permit.command.PermitSuspensionTest.taxRequested;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, the permit decision's deadline on the calendar in force (abuse audit F486, was O310, and F487; ADR 0046 items 126-127): an
 * escalation is judged against the calendar in force when the registry handles its firing. A day off declared on the last day itself moves
 * that day; a deadline service behind at midnight fires the escalation before it handled the declaration's recompute: the aggregate counts
 * the last day again from day 0, records the moved day (which schedules the deadline again) and escalates nothing until the moved day passed.
 */
class PermitAbuseRound29DeadlineTest extends PermitAbuseFixture {

    /** A day off the Cabinet member declares on a last day itself (the calendar allows a day off declared on its day). */
    static WorkingDayCalendar offOn(Deadline counted) {
        return CALENDAR.apply(new PublicHolidayDeclared(counted.due(), "Day of mourning", "Гашуудлын өдөр", "Government resolution 2026/411"));
    }

    @Test
    @DisplayName("002 art. 26.1; domain-rules §2 (ADR 0046 item 126; F486, was O310): a day off declared on the decision's last day, the "
            + "escalation fired before the deadline service handled its recompute: nothing escalated, the moved day recorded and the deadline "
            + "scheduled again for it; fired after the moved day: escalated once, on it; on the calendar it was counted on, escalated as before")
    void the_decision_is_escalated_on_the_calendar_in_force_at_its_firing() {
        Instant firedAfterTheFirstDay = DECISION.dueAt().toInstant().plusSeconds(1);
        PermitCommands.EscalateOverdueDecision firstDay = new PermitCommands.EscalateOverdueDecision(ID, DECISION.due(), firedAfterTheFirstDay);

        // the lawful escalation beside it: the calendar the decision was counted on is in force, its last day passed
        fixture.given(registered()).when(firstDay)
                .expectEvents(new PermitDecisionOverdue(ID, DECISION.due(), firedAfterTheFirstDay, PermitDeadlines.DECISION_ARTICLE));

        // the declaration stored, its recompute not handled: the deadline fires on the day the service still holds
        services.calendar = offOn(DECISION);
        Deadline moved = services.calendar.deadline(RECEIVED, PermitDeadlines.DECISION);
        assertThat(moved.due()).isAfter(DECISION.due());
        PermitDecisionDueRecomputed recomputed = new PermitDecisionDueRecomputed(ID, UlaanbaatarTime.dateOf(RECEIVED), moved.due(),
                moved.dueAt().toInstant(), moved.calendarVersion(), PermitDeadlines.DECISION_ARTICLE);
        fixture = Signed.fixture(services);
        fixture.given(registered()).when(firstDay).expectEvents(recomputed);
        List<DeadlineInstruction> again = new PermitDeadlineRules().instructionsFor(recomputed, 2);
        ScheduledDeadline rescheduled = again.stream().filter(DeadlineInstruction.Start.class::isInstance)
                .map(i -> ((DeadlineInstruction.Start) i).deadline()).findFirst().orElseThrow();
        assertThat(rescheduled.id()).as("a deadline of its own, not the one that fired (F480)")
                .isEqualTo(ScheduledDeadline.idOf(ID.value(), PermitDeadlineRules.DECISION, 3));
        assertThat(rescheduled.due()).isEqualTo(moved.due());
        assertThat(rescheduled.isDueAt(firedAfterTheFirstDay)).isFalse();

        // fired after the moved day: escalated once, on the moved day
        Instant firedAfterTheMovedDay = moved.dueAt().toInstant().plusSeconds(1);
        PermitDecisionOverdue overdue = new PermitDecisionOverdue(ID, moved.due(), firedAfterTheMovedDay, PermitDeadlines.DECISION_ARTICLE);
        fixture.given(registered(), recomputed).when(new PermitCommands.EscalateOverdueDecision(ID, moved.due(), firedAfterTheMovedDay))
                .expectEvents(overdue);
        fixture.given(registered(), recomputed, overdue)
                .when(new PermitCommands.EscalateOverdueDecision(ID, moved.due(), firedAfterTheMovedDay.plusSeconds(86_400))).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 28.1; domain-rules §2, §3 (ADR 0046 item 127; F487): a duty counted in working days likewise (the decision on the "
            + "tax authority's request): a day off on its last day, fired before the recompute: not flagged, the moved day recorded under the "
            + "deadline that fired; fired after it: flagged once, on it")
    void a_working_day_duty_is_flagged_on_the_calendar_in_force_at_its_firing() {
        Instant firedAfterTheFirstDay = TAX_DECISION.dueAt().toInstant().plusSeconds(1);
        String firedDeadline = ScheduledDeadline.idOf(ID.value(), PermitDeadlineRules.dutyKind(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST), 9);
        PermitCommands.FlagOverdueDuty firstDay = new PermitCommands.FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST,
                TAX_DECISION.due(), firedAfterTheFirstDay, firedDeadline);
        String article = PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST.article();

        // the lawful flag beside it: counted on the calendar in force, its last day passed
        fixture.given(taxRequested()).when(firstDay)
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, TAX_DECISION.due(), firedAfterTheFirstDay, article));

        services.calendar = offOn(TAX_DECISION);
        Deadline moved = services.calendar.deadline(REQUESTED_AT, PermitDuty.TAX_REQUEST_DECISION);
        assertThat(moved.due()).isAfter(TAX_DECISION.due());
        String movedDeadline = PermitDeadlineRules.deadlineOfTheMovedDay(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, moved.due());
        PermitDutyDueRecomputed recomputed = new PermitDutyDueRecomputed(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, movedDeadline,
                moved.receivedOn(), moved.workingDays(), moved.due(), moved.calendarVersion());
        fixture = Signed.fixture(services);
        fixture.given(taxRequested()).when(firstDay).expectEvents(recomputed);
        ScheduledDeadline rescheduled = ((DeadlineInstruction.Start) new PermitDeadlineRules().instructionsFor(recomputed, 20).get(0)).deadline();
        assertThat(rescheduled.id()).as("the moved day's deadline, not the one that fired (F480)").isEqualTo(movedDeadline).isNotEqualTo(firedDeadline);
        assertThat(rescheduled.due()).isEqualTo(moved.due());
        assertThat(rescheduled.countsWorkingDays()).as("moved again by a later change").isTrue();

        Instant firedAfterTheMovedDay = moved.dueAt().toInstant().plusSeconds(1);
        List<Object> movedHistory = new ArrayList<>(taxRequested());
        movedHistory.add(recomputed);
        PermitDutyOverdue flagged = new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, moved.due(), firedAfterTheMovedDay, article);
        fixture.given(movedHistory).when(new PermitCommands.FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, moved.due(),
                firedAfterTheMovedDay, movedDeadline)).expectEvents(flagged);
        movedHistory.add(flagged);
        fixture.given(movedHistory).when(new PermitCommands.FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, moved.due(),
                firedAfterTheMovedDay.plusSeconds(60), movedDeadline)).expectNoEvents();
    }

    // ---------------------------------------------------------------- the hunt: attempts that held (abuse audit, session 28)

    @Test
    @DisplayName("002 art. 26.1; domain-rules §2 (ADR 0046 item 126, held): a reviewer late with the decision gets a colluding Cabinet "
            + "member to declare the day after its last day a day off before a late firing: the count from day 0 ends where it did, "
            + "escalated on the law's day and nothing recomputed")
    void a_day_off_after_the_last_day_moves_nothing() {
        services.calendar = CALENDAR.apply(new PublicHolidayDeclared(DECISION.due().plusDays(1), "Day of mourning", "Гашуудлын өдөр",
                "Government resolution 2026/412"));
        assertThat(services.calendar.deadline(RECEIVED, PermitDeadlines.DECISION).due()).isEqualTo(DECISION.due());
        fixture = Signed.fixture(services);
        Instant late = DECISION.dueAt().toInstant().plusSeconds(3 * 86_400);
        fixture.given(registered()).when(new PermitCommands.EscalateOverdueDecision(ID, DECISION.due(), late))
                .expectEvents(new PermitDecisionOverdue(ID, DECISION.due(), late, PermitDeadlines.DECISION_ARTICLE));
    }

    @Test
    @DisplayName("002 art. 26.1; domain-rules §2 (ADR 0046 item 126, held): a firing days late (a node down over the moved day) with the "
            + "recompute never handled: the moved day recorded and the decision escalated at once, on the moved day; a firing of the old day "
            + "after the recompute was handled records nothing (its deadline was scheduled again)")
    void a_late_firing_records_the_moved_day_and_escalates_on_it() {
        services.calendar = offOn(DECISION);
        Deadline moved = services.calendar.deadline(RECEIVED, PermitDeadlines.DECISION);
        PermitDecisionDueRecomputed recomputed = new PermitDecisionDueRecomputed(ID, UlaanbaatarTime.dateOf(RECEIVED), moved.due(),
                moved.dueAt().toInstant(), moved.calendarVersion(), PermitDeadlines.DECISION_ARTICLE);
        fixture = Signed.fixture(services);
        Instant afterTheMovedDay = moved.dueAt().toInstant().plusSeconds(60);
        fixture.given(registered()).when(new PermitCommands.EscalateOverdueDecision(ID, DECISION.due(), afterTheMovedDay))
                .expectEvents(recomputed, new PermitDecisionOverdue(ID, moved.due(), afterTheMovedDay, PermitDeadlines.DECISION_ARTICLE));
        fixture.given(registered(), recomputed)
                .when(new PermitCommands.EscalateOverdueDecision(ID, DECISION.due(), DECISION.dueAt().toInstant().plusSeconds(1))).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 31.1.7; domain-rules §3 (ADR 0046 item 128, held): a duty due on a date (the yearly inspection) is no count of "
            + "working days: a day off declared on it moves nothing, and it is flagged on its day as before")
    void a_duty_due_on_a_date_keeps_its_day() {
        java.time.LocalDate inspectionDue = PermitLifecycleTest.VALID_FROM.plusYears(1);
        services.calendar = CALENDAR.apply(new PublicHolidayDeclared(inspectionDue, "Day of mourning", "Гашуудлын өдөр",
                "Government resolution 2026/413"));
        fixture = Signed.fixture(services);
        Instant fired = UlaanbaatarTime.endOf(inspectionDue).toInstant().plusSeconds(1);
        fixture.given(PermitLifecycleTest.active()).when(new PermitCommands.FlagOverdueDuty(ID, PermitDuty.ANNUAL_INSPECTION, inspectionDue,
                fired, PermitLifecycleTest.FIRED_DEADLINE))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.ANNUAL_INSPECTION, inspectionDue, fired, PermitDuty.ANNUAL_INSPECTION.article()));
    }
}
