package mn.registry.permit.command;

import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.permit.*;
import mn.registry.permit.command.PermitCommands.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitDutiesTest.code;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Suspension (002 art. 28), the inspector's opinion, the tax authority's request, and the supervisor's decision after a suspension ran out. */
class PermitSuspensionTest {

    static final String TAX_SHA = "ef".repeat(32);
    static final mn.registry.kernel.identity.PersonId TAX_OFFICER = new mn.registry.kernel.identity.PersonId("tax-officer-1");

    private AggregateTestFixture<PermitApplication> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(PermitApplication.class);
    }

    private static Deadline notice() {
        return CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE);
    }

    private static Suspend suspend(SuspensionGround ground, String evidence, LocalDate from) {
        return new Suspend(ID, ground, evidence, 0, from, SUSPENDED_UNTIL, SUSPENDED_AT, REVIEWER, notice());
    }

    // ------------------------------------------------------------------ the supervisor's decision after a suspension ran out

    static final Instant RAN_OUT_AT = Instant.parse("2025-05-31T16:00:00Z");
    static final Deadline AFTER = CALENDAR.deadline(RAN_OUT_AT, PermitDuty.AFTER_SUSPENSION_DECISION);

    static List<Object> ranOut() {
        List<Object> events = new ArrayList<>(suspended());
        events.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, RAN_OUT_AT, "002 art. 29.1.5"));
        events.add(duty(PermitDuty.DECIDE_AFTER_SUSPENSION, AFTER, RAN_OUT_AT));
        return events;
    }

    @Test
    @DisplayName("002 art. 28.4, 29.1.5: once a suspension runs out the supervisor restores or revokes within 5 working days; missed, it escalates once")
    void decision_after_suspension_has_a_deadline() {
        Instant late = AFTER.dueAt().toInstant().plusSeconds(1);
        fixture.given(ranOut())
                .when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, AFTER.due(), late))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, AFTER.due(), late, "002 art. 28.4, 29.1.5"));
        Instant decidedAt = Instant.parse("2025-06-03T02:00:00Z");
        fixture.given(ranOut())
                .when(new Restore(ID, "Violations remedied", decidedAt, SUPERVISOR))
                .expectEvents(new PermitRestored(ID, "Violations remedied", decidedAt, SUPERVISOR, "002 art. 28.4"),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, decidedAt, false, null, SUPERVISOR));
        fixture.given(ranOut())
                .when(new Revoke(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied", decidedAt, SUPERVISOR))
                .expectEvents(new PermitRevoked(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied", decidedAt, SUPERVISOR, true),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, decidedAt, false, null, SUPERVISOR),
                        dutyOnDate(PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2025, 7, 3), decidedAt));
        // the supervisor cannot make the escalation go away by marking the decision done
        fixture.given(ranOut())
                .when(new RecordDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, SHA, decidedAt, SUPERVISOR,
                        java.util.Set.of(mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR)))
                .expectException(code("permit.duty-discharged-by-decision"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ the inspector's opinion

    @Test
    @DisplayName("002 art. 28.1: a suspension on the inspector's opinion names a recorded opinion of a violation on this permit, used once; none or another is refused")
    void suspension_rests_on_a_recorded_opinion() {
        fixture.given(active())
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, SHA, LocalDate.of(2025, 3, 1)))
                .expectException(code("permit.suspension-without-inspector-opinion"))
                .expectNoEvents();
        fixture.given(withOpinion())
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, SHA2, LocalDate.of(2025, 3, 1)))
                .expectException(code("permit.suspension-without-inspector-opinion"))
                .expectNoEvents();
        // an inspection that found no violation is no opinion of one
        List<Object> clean = new ArrayList<>(active());
        clean.add(new PermitInspected(ID, LocalDate.of(2025, 2, 20), SHA, false, Instant.parse("2025-02-20T02:00:00Z"), INSPECTOR,
                LocalDate.of(2026, 2, 20)));
        fixture.given(clean)
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, SHA, LocalDate.of(2025, 3, 1)))
                .expectException(code("permit.suspension-without-inspector-opinion"));
        // restored, the same opinion cannot ground a second suspension
        List<Object> restored = new ArrayList<>(suspended());
        restored.add(new PermitRestored(ID, "ok", Instant.parse("2025-04-01T02:00:00Z"), REVIEWER, "002 art. 28.4"));
        Instant later = Instant.parse("2025-04-10T02:00:00Z");
        fixture.given(restored)
                .when(new Suspend(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 10), later, REVIEWER,
                        CALENDAR.deadline(later, PermitDeadlines.SUSPENSION_NOTICE)))
                .expectException(code("permit.suspension-without-inspector-opinion"));
    }

    @Test
    @DisplayName("002 art. 28.1: only a communications inspector records an opinion of a violation; a reviewer records an inspection without one")
    void only_an_inspector_gives_an_opinion() {
        Instant at = Instant.parse("2025-09-01T02:00:00Z");
        fixture.given(active())
                .when(new RecordInspection(ID, LocalDate.of(2025, 9, 1), SHA, true, at, REVIEWER, false))
                .expectException(code("permit.violation-opinion-not-inspector"))
                .expectNoEvents();
        fixture.given(active())
                .when(new RecordInspection(ID, LocalDate.of(2025, 9, 1), SHA, false, at, REVIEWER, false))
                .expectSuccessfulHandlerExecution();
        fixture.given(active())
                .when(new RecordInspection(ID, LocalDate.of(2025, 9, 1), SHA, true, at, INSPECTOR, true))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1: a suspension runs from the day of the decision; one dated months back is refused and raises no revocation ground")
    void suspension_is_not_back_dated() {
        fixture.given(withOpinion())
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, SHA, LocalDate.of(2024, 12, 1)))
                .expectException(code("permit.suspension-not-from-today"))
                .expectNoEvents();
        fixture.given(withOpinion())
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, SHA, LocalDate.of(2025, 3, 2)))
                .expectException(code("permit.suspension-not-from-today"));
        new AggregateTestFixture<>(PermitApplication.class).given(withOpinion())
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, SHA, LocalDate.of(2025, 3, 1)))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.SUSPENDED));
    }

    @Test
    @DisplayName("002 art. 31.1.7: an inspection dated in the future or before the permit was issued is refused; the next is due a year after the inspection")
    void inspection_dates() {
        Instant at = Instant.parse("2025-09-01T02:00:00Z");
        fixture.given(active())
                .when(new RecordInspection(ID, LocalDate.of(2029, 9, 1), SHA, false, at, INSPECTOR, true))
                .expectException(code("permit.inspection-in-future"))
                .expectNoEvents(); // the inspection duty stays where it was
        fixture.given(active())
                .when(new RecordInspection(ID, LocalDate.of(2024, 11, 1), SHA, false, at, INSPECTOR, true))
                .expectException(code("permit.inspection-before-issue"))
                .expectNoEvents();
        new AggregateTestFixture<>(PermitApplication.class).given(active())
                .when(new RecordInspection(ID, LocalDate.of(2025, 8, 25), SHA, false, at, INSPECTOR, true))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.openDuties()).containsEntry(PermitDuty.ANNUAL_INSPECTION, LocalDate.of(2026, 8, 25)));
    }

    // ------------------------------------------------------------------ the tax authority's request

    static final Instant REQUESTED_AT = Instant.parse("2025-02-24T02:00:00Z");
    static final Deadline TAX_DECISION = CALENDAR.deadline(REQUESTED_AT, PermitDuty.TAX_REQUEST_DECISION);

    static List<Object> taxRequested() {
        List<Object> events = new ArrayList<>(active());
        events.add(new PermitSuspensionRequested(ID, 3, TAX_SHA, REQUESTED_AT, TAX_OFFICER, "002 art. 28.1"));
        events.add(duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, TAX_DECISION, REQUESTED_AT));
        return events;
    }

    @Test
    @DisplayName("002 art. 28.1: the tax authority's request after two or more evasions is recorded with a ministry decision deadline; fewer than two, or a second pending one, is refused")
    void tax_request_is_recorded() {
        fixture.given(active())
                .when(new RequestSuspension(ID, 3, TAX_SHA, REQUESTED_AT, TAX_OFFICER, TAX_DECISION))
                .expectEvents(new PermitSuspensionRequested(ID, 3, TAX_SHA, REQUESTED_AT, TAX_OFFICER, "002 art. 28.1"),
                        duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, TAX_DECISION, REQUESTED_AT));
        fixture.given(active())
                .when(new RequestSuspension(ID, 1, TAX_SHA, REQUESTED_AT, TAX_OFFICER, TAX_DECISION))
                .expectException(code("permit.suspension-tax-evasions-fewer-than-two"))
                .expectNoEvents();
        fixture.given(active())
                .when(new RequestSuspension(ID, 2, null, REQUESTED_AT, TAX_OFFICER, TAX_DECISION))
                .expectException(code("permit.suspension-evidence-missing"));
        fixture.given(taxRequested())
                .when(new RequestSuspension(ID, 4, SHA, REQUESTED_AT.plusSeconds(60), TAX_OFFICER, TAX_DECISION))
                .expectException(code("permit.suspension-request-pending"));
        Instant late = TAX_DECISION.dueAt().toInstant().plusSeconds(1);
        fixture.given(taxRequested())
                .when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, TAX_DECISION.due(), late))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, TAX_DECISION.due(), late, "002 art. 28.1"));
    }

    @Test
    @DisplayName("002 art. 28.1: a suspension for tax evasions follows a pending tax request, carries its evidence and decides it; with none pending it is refused")
    void tax_suspension_references_the_request() {
        fixture.given(active())
                .when(suspend(SuspensionGround.TAX_EVASIONS, TAX_SHA, LocalDate.of(2025, 3, 1)))
                .expectException(code("permit.suspension-without-tax-request"))
                .expectNoEvents();
        fixture.given(taxRequested())
                .when(suspend(SuspensionGround.TAX_EVASIONS, SHA, LocalDate.of(2025, 3, 1)))
                .expectException(code("permit.suspension-evidence-not-the-request"));
        fixture.given(taxRequested())
                .when(suspend(SuspensionGround.TAX_EVASIONS, TAX_SHA, LocalDate.of(2025, 3, 1)))
                .expectEvents(new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS, TAX_SHA, 3, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL,
                                SUSPENDED_AT, REVIEWER),
                        duty(PermitDuty.NOTIFY_SUSPENSION, notice(), SUSPENDED_AT),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, SUSPENDED_AT, false, null, REVIEWER));
        // a refused request grounds nothing
        List<Object> refused = new ArrayList<>(taxRequested());
        refused.add(new PermitSuspensionRequestRefused(ID, TAX_SHA, "Evasions not established", REQUESTED_AT.plusSeconds(3600), REVIEWER, "002 art. 28.1"));
        fixture.given(refused)
                .when(suspend(SuspensionGround.TAX_EVASIONS, TAX_SHA, LocalDate.of(2025, 3, 1)))
                .expectException(code("permit.suspension-without-tax-request"));
    }

    @Test
    @DisplayName("002 art. 28.1: refusing the tax authority's request is a decision with reasons that discharges the decision duty")
    void refusing_the_tax_request() {
        Instant at = REQUESTED_AT.plusSeconds(3600);
        fixture.given(taxRequested())
                .when(new RefuseSuspensionRequest(ID, " ", at, REVIEWER))
                .expectException(code("permit.field-missing"))
                .expectNoEvents();
        fixture.given(taxRequested())
                .when(new RefuseSuspensionRequest(ID, "Evasions not established by a final decision", at, REVIEWER))
                .expectEvents(new PermitSuspensionRequestRefused(ID, TAX_SHA, "Evasions not established by a final decision", at, REVIEWER, "002 art. 28.1"),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, at, false, null, REVIEWER));
        fixture.given(active())
                .when(new RefuseSuspensionRequest(ID, "x", at, REVIEWER))
                .expectException(code("permit.no-suspension-request"));
    }
}
