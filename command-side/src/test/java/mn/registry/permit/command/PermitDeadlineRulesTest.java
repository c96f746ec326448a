package mn.registry.permit.command;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.permit.PermitDecisionOverdue;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitExtended;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.permit.command.PermitCommands.Expire;
import mn.registry.permit.command.PermitCommands.FlagOverdueDuty;
import mn.registry.permit.command.PermitCommands.SuspensionRanOut;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Which permit events start and end which deadlines, and what fires them (002 ch. 6 on the deadline service). */
class PermitDeadlineRulesTest {

    private final PermitDeadlineRules rules = new PermitDeadlineRules();

    private static List<ScheduledDeadline> started(List<DeadlineInstruction> instructions) {
        return instructions.stream().filter(DeadlineInstruction.Start.class::isInstance).map(i -> ((DeadlineInstruction.Start) i).deadline()).toList();
    }

    @Test
    @DisplayName("002 art. 29.2, 27.2: an issued permit expires at the end of its last day, and its extension request is due three months before")
    void issue_starts_expiry_and_extension_request() {
        List<ScheduledDeadline> deadlines = started(rules.instructionsFor(issuedEvent(), 4));
        assertThat(deadlines).extracting(ScheduledDeadline::kind, ScheduledDeadline::due).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(PermitDeadlineRules.EXPIRY, VALID_UNTIL),
                org.assertj.core.groups.Tuple.tuple(PermitDeadlineRules.EXTENSION_REQUEST, LocalDate.of(2029, 9, 10)));
        ScheduledDeadline expiry = deadlines.stream().filter(d -> d.kind().equals(PermitDeadlineRules.EXPIRY)).findFirst().orElseThrow();
        assertThat(expiry.isDueAt(Instant.parse("2029-12-09T15:59:59Z"))).isFalse();
        assertThat(expiry.isDueAt(Instant.parse("2029-12-09T16:00:00Z"))).isTrue();
        assertThat(rules.firingCommand(expiry, Instant.parse("2029-12-09T16:00:00Z"))).isEqualTo(new Expire(ID, VALID_UNTIL, Instant.parse("2029-12-09T16:00:00Z")));
    }

    @Test
    @DisplayName("002 art. 27.4: an extension ends the old expiry and starts the new one five years later")
    void extension_moves_expiry() {
        List<DeadlineInstruction> instructions = rules.instructionsFor(new PermitExtended(ID, VALID_UNTIL, LocalDate.of(2034, 12, 9),
                Instant.parse("2029-08-05T02:00:00Z"), REVIEWER), 9);
        assertThat(instructions).contains(new DeadlineInstruction.End(ID.value(), PermitDeadlineRules.EXPIRY));
        assertThat(started(instructions)).extracting(ScheduledDeadline::due).contains(LocalDate.of(2034, 12, 9));
    }

    @Test
    @DisplayName("002 art. 28.1, 29.1.5: a suspension's end is a deadline that raises the ground of revocation")
    void suspension_end_is_a_deadline() {
        ScheduledDeadline end = started(rules.instructionsFor(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0,
                LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL, SUSPENDED_AT, REVIEWER), 7)).get(0);
        assertThat(end.id()).isEqualTo(ScheduledDeadline.idOf(ID.value(), PermitDeadlineRules.SUSPENSION, 7));
        assertThat(rules.firingCommand(end, Instant.parse("2025-05-31T16:00:00Z"))).isInstanceOf(SuspensionRanOut.class);
    }

    @Test
    @DisplayName("002 art. 28.4, 29.1.5: the end of a suspension fires with the supervisor's 5-working-day decision deadline, on the calendar in force")
    void suspension_end_gives_the_supervisor_a_deadline() {
        ScheduledDeadline end = started(rules.instructionsFor(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0,
                LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL, SUSPENDED_AT, REVIEWER), 7)).get(0);
        Instant firedAt = Instant.parse("2025-05-31T16:00:00Z");
        Deadline base = CALENDAR.deadline(firedAt, PermitDuty.AFTER_SUSPENSION_DECISION);
        assertThat(rules.firingCommand(end, firedAt)).isEqualTo(new SuspensionRanOut(ID, SUSPENDED_UNTIL, firedAt, base));
        assertThat(base.workingDays()).isEqualTo(mn.registry.kernel.calendar.WorkingDays.of(5));
        // a holiday declared inside the period moves it: the calendar is read when the deadline fires
        mn.registry.kernel.calendar.WorkingDayCalendar declared = CALENDAR.apply(new mn.registry.kernel.calendar.PublicHolidayDeclared(
                LocalDate.of(2025, 6, 3), "Test holiday", "Туршилт", "Resolution T-1"));
        SuspensionRanOut fired = (SuspensionRanOut) new PermitDeadlineRules(() -> declared).firingCommand(end, firedAt);
        assertThat(fired.decision().due()).isAfter(base.due());
    }

    @Test
    @DisplayName("002 art. 28.3, domain-rules §2: a working-day duty is a recomputable deadline, flagged when it passes")
    void working_day_duty_is_recomputable() {
        Deadline notice = CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE);
        ScheduledDeadline duty = started(rules.instructionsFor(duty(PermitDuty.NOTIFY_SUSPENSION, notice, SUSPENDED_AT), 8)).get(0);
        assertThat(duty.countsWorkingDays()).isTrue();
        assertThat(duty.calendarVersion()).isEqualTo(notice.calendarVersion());
        assertThat(rules.firingCommand(duty, Instant.parse("2025-03-20T00:00:00Z")))
                .isEqualTo(new FlagOverdueDuty(ID, PermitDuty.NOTIFY_SUSPENSION, notice.due(), Instant.parse("2025-03-20T00:00:00Z"),
                        duty.id()));
    }

    @Test
    @DisplayName("002 art. 26.1: the escalation that a firing recorded ends the decision deadline, so a replay does not send it again")
    void firing_event_ends_its_deadline() {
        assertThat(rules.instructionsFor(new PermitDecisionOverdue(ID, DECISION.due(), Instant.parse("2024-12-17T00:00:00Z"), "002 art. 26.1"), 2))
                .containsExactly(new DeadlineInstruction.End(ID.value(), PermitDeadlineRules.DECISION));
    }

    /** The deadlines open after {@code events}, kind to due date, as the deadline projection folds the rules' instructions in order. */
    private java.util.Map<String, LocalDate> openAfter(List<Object> events) {
        java.util.Map<String, ScheduledDeadline> open = new java.util.LinkedHashMap<>();
        for (int seq = 0; seq < events.size(); seq++) {
            List<DeadlineInstruction> instructions = rules.instructionsFor(events.get(seq), seq);
            List<String> started = started(instructions).stream().map(ScheduledDeadline::id).toList();
            for (DeadlineInstruction instruction : instructions) {
                if (instruction instanceof DeadlineInstruction.Start start) {
                    open.put(start.deadline().id(), start.deadline());
                } else if (instruction instanceof DeadlineInstruction.End end) {
                    open.values().removeIf(d -> d.aggregateId().equals(end.aggregateId()) && d.kind().equals(end.kind()) && !started.contains(d.id()));
                }
            }
        }
        java.util.Map<String, LocalDate> byKind = new java.util.TreeMap<>();
        open.values().forEach(d -> byKind.put(d.kind(), d.due()));
        return byKind;
    }

    @Test
    @DisplayName("002 art. 29.3, 29.6 (ADR 0046 item 58, F206, was O119): replayed, a revocation annulled on complaint leaves each duty of the "
            + "holder or the ministry running again on the date the reinstatement raised it with, the term running, and no hand-over of the "
            + "database the holder keeps")
    void a_reinstatement_restarts_each_open_duty_and_ends_the_hand_over() {
        Instant revokedAt = Instant.parse("2025-06-01T02:00:00Z");
        Instant decidedAt = Instant.parse("2025-06-20T02:00:00Z");
        LocalDate decidedOn = LocalDate.of(2025, 6, 20);
        for (mn.registry.kernel.permit.PermitDuty duty : mn.registry.kernel.permit.PermitDuty.values()) {
            if (duty == mn.registry.kernel.permit.PermitDuty.HAND_OVER_DATABASE || duty.owedBy() == mn.registry.kernel.permit.PermitDuty.Party.REGISTRY) {
                continue;
            }
            List<Object> events = new java.util.ArrayList<>(active());
            events.add(dutyOnDate(duty, LocalDate.of(2025, 6, 5), revokedAt.minusSeconds(86_400 * 3)));
            events.add(new mn.registry.kernel.permit.PermitRevoked(ID, mn.registry.kernel.permit.RevocationGround.FALSE_DOCUMENTS, "forged", revokedAt,
                    SUPERVISOR, true));
            events.add(dutyOnDate(mn.registry.kernel.permit.PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2025, 7, 1), revokedAt));
            assertThat(openAfter(events)).as(duty + " while revoked").doesNotContainKey(PermitDeadlineRules.dutyKind(duty))
                    .containsKey(PermitDeadlineRules.dutyKind(mn.registry.kernel.permit.PermitDuty.HAND_OVER_DATABASE));
            events.add(new mn.registry.kernel.permit.RevocationComplaintDecided(ID, true, SHA2, decidedAt, SUPERVISOR_2, VALID_UNTIL,
                    mn.registry.kernel.permit.RevocationComplaintDecided.ARTICLE));
            events.add(dutyOnDate(duty, decidedOn, decidedAt)); // as PermitApplication records it (PermitAbuseRound15Test)
            java.util.Map<String, LocalDate> open = openAfter(events);
            assertThat(open).as(duty + " reinstated").containsEntry(PermitDeadlineRules.dutyKind(duty), decidedOn)
                    .containsEntry(PermitDeadlineRules.EXPIRY, VALID_UNTIL)
                    .doesNotContainKey(PermitDeadlineRules.dutyKind(mn.registry.kernel.permit.PermitDuty.HAND_OVER_DATABASE));
            ScheduledDeadline restarted = started(rules.instructionsFor(events.get(events.size() - 1), events.size() - 1)).get(0);
            Instant fired = Instant.parse("2025-06-20T16:00:01Z");
            assertThat(restarted.isDueAt(fired)).isTrue();
            assertThat(rules.firingCommand(restarted, fired)).isEqualTo(new FlagOverdueDuty(ID, duty, decidedOn, fired, restarted.id()));
        }
    }
}
