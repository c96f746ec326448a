package mn.registry.permit.command;

import org.axonframework.commandhandling.CommandMessage;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.permit.*;
import mn.registry.permit.command.PermitCommands.*;
import static mn.registry.permit.command.Signed.signed;
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

    static final String TAX_SHA = "ef".repeat(32); // received (Signed.Services: the fixtures' documents)
    static final mn.registry.kernel.identity.PersonId TAX_OFFICER = new mn.registry.kernel.identity.PersonId("tax-officer-1");

    private AggregateTestFixture<PermitApplication> fixture;
    private final Signed.Services services = new Signed.Services();

    @BeforeEach
    void fixture() {
        fixture = Signed.fixture(services);
    }

    private static Deadline notice() {
        return CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE);
    }

    private static CommandMessage<Object> suspend(SuspensionGround ground, String evidence, LocalDate from) {
        return signed(new SuspendPermit(ID, ground, evidence, 0, from, SUSPENDED_UNTIL), REVIEWER, SUSPENDED_AT);
    }

    // ------------------------------------------------------------------ the supervisor's decision after a suspension ran out

    static final Instant RAN_OUT_AT = Instant.parse("2025-05-31T16:00:00Z");
    static final Deadline AFTER = CALENDAR.deadline(RAN_OUT_AT, PermitDuty.AFTER_SUSPENSION_DECISION);

    /** The ministry's letter that gives the holder notice of a suspension (002 art. 28.3). */
    static final String NOTICE_SHA = "b1".repeat(32);

    /** The suspension in force noticed to the holder (its {@code NOTIFY_SUSPENSION} marked done), the record received at {@code at}. */
    static PermitDutyFulfilled noticed(Instant at) {
        return new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, at, false, NOTICE_SHA, REVIEWER);
    }

    static List<Object> ranOut() {
        return ranOut(suspended());
    }

    /**
     * The given suspension (of {@link PermitLifecycleTest#SUSPENDED_AT}), its notice to the holder recorded within its days (ADR 0046 item
     * 98), run out unrestored: the ground of 29.1.5 raised with the supervisor's decision due.
     */
    static List<Object> ranOut(List<Object> suspension) {
        List<Object> events = new ArrayList<>(suspension);
        events.add(noticed(SUSPENDED_AT.plusSeconds(3_600)));
        events.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, RAN_OUT_AT, "002 art. 29.1.5"));
        events.add(duty(PermitDuty.DECIDE_AFTER_SUSPENSION, AFTER, RAN_OUT_AT));
        return events;
    }

    @Test
    @DisplayName("002 art. 28.4, 29.1.5: once a suspension runs out the supervisor restores or revokes within 5 working days; missed, it escalates once")
    void decision_after_suspension_has_a_deadline() {
        Instant late = AFTER.dueAt().toInstant().plusSeconds(1);
        fixture.given(ranOut())
                .when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, AFTER.due(), late, PermitLifecycleTest.FIRED_DEADLINE))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, AFTER.due(), late, "002 art. 28.4, 29.1.5"));
        Instant decidedAt = Instant.parse("2025-06-03T02:00:00Z");
        List<Object> remediedLate = new ArrayList<>(ranOut()); // ADR 0046 item 18: the inspection that found it remedied
        remediedLate.add(new PermitInspected(ID, LocalDate.of(2025, 6, 2), SHA2, false, Instant.parse("2025-06-02T02:00:00Z"),
                PermitLifecycleTest.INSPECTOR, LocalDate.of(2026, 6, 2)));
        fixture.given(remediedLate)
                .when(signed(new RestorePermit(ID, "Violations remedied"), SUPERVISOR, decidedAt))
                .expectEvents(new PermitRestored(ID, "Violations remedied", decidedAt, SUPERVISOR, "002 art. 28.4"),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, decidedAt, false, null, SUPERVISOR));
        fixture.given(ranOut())
                .when(signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied"), SUPERVISOR, decidedAt))
                .expectEvents(new PermitRevoked(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied", decidedAt, SUPERVISOR, true),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, decidedAt, false, null, SUPERVISOR),
                        dutyOnDate(PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2025, 7, 3), decidedAt));
        // the supervisor cannot make the escalation go away by marking the decision done
        fixture.given(ranOut())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, SHA), SUPERVISOR, decidedAt, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR))
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
                .when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 4, 10), LocalDate.of(2025, 5, 10)), REVIEWER, later))
                .expectException(code("permit.suspension-without-inspector-opinion"));
    }

    @Test
    @DisplayName("002 art. 28.1: only a communications inspector records an opinion of a violation; a reviewer records an inspection without one")
    void only_an_inspector_gives_an_opinion() {
        Instant at = Instant.parse("2025-09-01T02:00:00Z");
        fixture.given(active())
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 9, 1), SHA, true), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectException(code("permit.violation-opinion-not-inspector"))
                .expectNoEvents();
        fixture.given(active())
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 9, 1), SHA, false), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
        fixture.given(active())
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 9, 1), SHA, true), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
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
        Signed.fixture().given(withOpinion())
                .when(suspend(SuspensionGround.INSPECTOR_OPINION, SHA, LocalDate.of(2025, 3, 1)))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.SUSPENDED));
    }

    @Test
    @DisplayName("002 art. 31.1.7: an inspection dated in the future or before the permit was issued is refused; the next is due a year after the inspection")
    void inspection_dates() {
        Instant at = Instant.parse("2025-09-01T02:00:00Z");
        fixture.given(active())
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2029, 9, 1), SHA, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
                .expectException(code("permit.inspection-in-future"))
                .expectNoEvents(); // the inspection duty stays where it was
        fixture.given(active())
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2024, 11, 1), SHA, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
                .expectException(code("permit.inspection-before-issue"))
                .expectNoEvents();
        Signed.fixture().given(active())
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 8, 25), SHA, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
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
                .when(signed(new RequestPermitSuspension(ID, 3, TAX_SHA), TAX_OFFICER, REQUESTED_AT))
                .expectEvents(new PermitSuspensionRequested(ID, 3, TAX_SHA, REQUESTED_AT, TAX_OFFICER, "002 art. 28.1"),
                        duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, TAX_DECISION, REQUESTED_AT));
        fixture.given(active())
                .when(signed(new RequestPermitSuspension(ID, 1, TAX_SHA), TAX_OFFICER, REQUESTED_AT))
                .expectException(code("permit.suspension-tax-evasions-fewer-than-two"))
                .expectNoEvents();
        fixture.given(active())
                .when(signed(new RequestPermitSuspension(ID, 2, null), TAX_OFFICER, REQUESTED_AT))
                .expectException(code("permit.suspension-evidence-missing"));
        fixture.given(taxRequested())
                .when(signed(new RequestPermitSuspension(ID, 4, SHA), TAX_OFFICER, REQUESTED_AT.plusSeconds(60)))
                .expectException(code("permit.suspension-request-pending"));
        Instant late = TAX_DECISION.dueAt().toInstant().plusSeconds(1);
        fixture.given(taxRequested())
                .when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, TAX_DECISION.due(), late, PermitLifecycleTest.FIRED_DEADLINE))
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
                .when(signed(new RefusePermitSuspensionRequest(ID, " "), REVIEWER, at))
                .expectException(code("permit.field-missing"))
                .expectNoEvents();
        fixture.given(taxRequested())
                .when(signed(new RefusePermitSuspensionRequest(ID, "Evasions not established by a final decision"), REVIEWER, at))
                .expectEvents(new PermitSuspensionRequestRefused(ID, TAX_SHA, "Evasions not established by a final decision", at, REVIEWER, "002 art. 28.1"),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, at, false, null, REVIEWER));
        fixture.given(active())
                .when(signed(new RefusePermitSuspensionRequest(ID, "x"), REVIEWER, at))
                .expectException(code("permit.no-suspension-request"));
    }
}
