package mn.registry.permit.command;

import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import mn.registry.permit.command.PermitCommands.FlagOverdueDuty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 18's permits round 10 (docs/abuse-audit.md, "Session 18, permits round 10"; ADR 0046 items 54 on): the open rows O113 and O112
 * closed on the lead's decisions (O115 in {@link RegistryPermitServicesTest}).
 */
class PermitAbuseRound14Test extends PermitAbuseFixture {

    PermitAbuseRound14Test() {
        super(DECISION_SHA);
    }

    /** The complaint's decision, a document the registry received. */
    private static final String DECISION_SHA = "12".repeat(32);

    // ------------------------------------------------------------------ F196 (was O113): only a decision on the tax request discharges it

    private static final Instant SUSPEND_AT = Instant.parse("2025-02-26T02:00:00Z");
    private static final LocalDate SUSPEND_FROM = LocalDate.of(2025, 2, 26);
    private static final LocalDate SUSPEND_UNTIL = LocalDate.of(2025, 4, 30);

    /** The tax authority's request pending, and an inspector's opinion of a violation (findings {@link PermitLifecycleTest#SHA}). */
    private static List<Object> taxRequestedWithOpinion() {
        List<Object> events = new ArrayList<>(PermitSuspensionTest.taxRequested());
        events.add(opinion());
        return events;
    }

    private static PermitDutyRaised notice(Instant at) {
        return duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(at, PermitDeadlines.SUSPENSION_NOTICE), at);
    }

    /** ... then suspended on the inspector's opinion, the request still pending. */
    private static List<Object> suspendedOnTheOpinionWhileTheRequestWaits() {
        List<Object> events = new ArrayList<>(taxRequestedWithOpinion());
        events.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, SUSPEND_FROM, SUSPEND_UNTIL, SUSPEND_AT, REVIEWER));
        events.add(notice(SUSPEND_AT));
        return events;
    }

    @Test
    @DisplayName("002 art. 28.1, ADR 0013 §4 (choice, ADR 0046 item 55, F196): a suspension on the inspector's opinion does not discharge the duty "
            + "to decide the tax authority's pending request: the duty stays open, escalates when late, and the supervisor then decides it")
    void a_suspension_on_the_other_ground_leaves_the_tax_request_to_decide() {
        fixture.given(taxRequestedWithOpinion())
                .when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, SUSPEND_FROM, SUSPEND_UNTIL), REVIEWER, SUSPEND_AT))
                .expectEvents(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, SUSPEND_FROM, SUSPEND_UNTIL, SUSPEND_AT, REVIEWER),
                        notice(SUSPEND_AT))
                .expectState(a -> assertThat(a.openDuties()).containsEntry(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST,
                        PermitSuspensionTest.TAX_DECISION.due()));

        Instant late = PermitSuspensionTest.TAX_DECISION.dueAt().toInstant().plusSeconds(1);
        fixture.given(suspendedOnTheOpinionWhileTheRequestWaits())
                .when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, PermitSuspensionTest.TAX_DECISION.due(), late, PermitLifecycleTest.FIRED_DEADLINE))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, PermitSuspensionTest.TAX_DECISION.due(), late,
                        "002 art. 28.1"));

        List<Object> escalated = new ArrayList<>(suspendedOnTheOpinionWhileTheRequestWaits());
        escalated.add(new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, PermitSuspensionTest.TAX_DECISION.due(), late, "002 art. 28.1"));
        Instant decidedAt = late.plusSeconds(3_600);
        fixture.given(escalated)
                .when(signed(new RefusePermitSuspensionRequest(ID, "The evasions are disputed in court"), REVIEWER, decidedAt, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture(); // a fixture whose last command was refused (rolled back) gives no state to read
        fixture.given(escalated)
                .when(signed(new RefusePermitSuspensionRequest(ID, "The evasions are disputed in court"), SUPERVISOR, decidedAt, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new PermitSuspensionRequestRefused(ID, PermitSuspensionTest.TAX_SHA, "The evasions are disputed in court", decidedAt,
                                SUPERVISOR, "002 art. 28.1"),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, decidedAt, true, null, SUPERVISOR))
                .expectState(a -> assertThat(a.openDuties()).doesNotContainKey(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST));
    }

    @Test
    @DisplayName("002 art. 28.1 (F196): a decision on the tax authority's request discharges the duty: a suspension on its ground, or its "
            + "refusal (also while the permit is suspended on the inspector's opinion)")
    void a_decision_on_the_tax_request_discharges_it() {
        fixture.given(taxRequestedWithOpinion())
                .when(signed(new SuspendPermit(ID, SuspensionGround.TAX_EVASIONS, PermitSuspensionTest.TAX_SHA, 0, SUSPEND_FROM, SUSPEND_UNTIL),
                        REVIEWER, SUSPEND_AT))
                .expectEvents(new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS, PermitSuspensionTest.TAX_SHA, 3, SUSPEND_FROM, SUSPEND_UNTIL,
                                SUSPEND_AT, REVIEWER),
                        notice(SUSPEND_AT),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, SUSPEND_AT, false, null, REVIEWER));
        Instant refusedAt = SUSPEND_AT.plusSeconds(3_600);
        fixture.given(suspendedOnTheOpinionWhileTheRequestWaits())
                .when(signed(new RefusePermitSuspensionRequest(ID, "Suspended already; the evasions are settled"), REVIEWER, refusedAt))
                .expectEvents(new PermitSuspensionRequestRefused(ID, PermitSuspensionTest.TAX_SHA, "Suspended already; the evasions are settled",
                                refusedAt, REVIEWER, "002 art. 28.1"),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, refusedAt, false, null, REVIEWER));
    }

    // ------------------------------------------------------------------ F197 (was O112): reinstated as it stood when revoked

    private static final Instant REVOKED_AT = Instant.parse("2025-04-01T02:00:00Z");
    private static final Instant COMPLAINED_AT = Instant.parse("2025-04-05T02:00:00Z");

    /** Suspended on the inspector's opinion until {@link PermitLifecycleTest#SUSPENDED_UNTIL}, revoked meanwhile, complained against. */
    private static List<Object> revokedWhileSuspendedAndComplained() {
        List<Object> events = new ArrayList<>(suspended());
        events.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", REVOKED_AT, SUPERVISOR, true));
        events.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2025, 5, 1), REVOKED_AT));
        events.add(new RevocationComplaintFiled(ID, SHA2, COMPLAINED_AT, HOLDER));
        return events;
    }

    /** ADR 0046 item 58: the duties open at the revocation run again: the suspension's notice (overdue then: due the decision's day), the
     * annual inspection and the insurance's renewal on their own dates. */
    private static List<PermitDutyRaised> runAgain(Instant decidedAt) {
        return List.of(dutyOnDate(PermitDuty.NOTIFY_SUSPENSION, mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(decidedAt), decidedAt),
                dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), decidedAt), dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, decidedAt));
    }

    /** The upheld decision, the duties running again, then {@code after}. */
    private static Object[] reinstatedWith(Instant decidedAt, Object... after) {
        List<Object> events = new ArrayList<>();
        events.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, decidedAt, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        events.addAll(runAgain(decidedAt));
        events.addAll(List.of(after));
        return events.toArray();
    }

    private static PermitSuspended asItStood(Instant at) {
        return new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL, at, SUPERVISOR_2);
    }

    @Test
    @DisplayName("002 art. 28.2, 29.6 (choice, ADR 0046 item 56, F197): an upheld complaint against a revocation made while the permit was "
            + "suspended reinstates it suspended, on the suspension's ground, evidence and days, with no new notice duty: no certificates are "
            + "issued and it is restored only after an inspection finds the violation remedied")
    void a_permit_revoked_while_suspended_is_reinstated_suspended() {
        Instant decidedAt = Instant.parse("2025-04-10T02:00:00Z");
        fixture.given(revokedWhileSuspendedAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, decidedAt))
                .expectEvents(reinstatedWith(decidedAt, asItStood(decidedAt)))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.SUSPENDED));

        List<Object> reinstated = new ArrayList<>(revokedWhileSuspendedAndComplained());
        reinstated.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, decidedAt, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        reinstated.add(asItStood(decidedAt));
        Instant later = decidedAt.plusSeconds(86_400);
        fixture.given(reinstated)
                .when(signed(new ReportCertificatesIssued(ID, 12, LocalDate.of(2025, 4, 10)), HOLDER, later))
                .expectException(problem("permit.suspended-no-new-certificates", null))
                .expectNoEvents();
        fixture.given(reinstated)
                .when(signed(new RestorePermit(ID, "The complaint was upheld"), SUPERVISOR, later, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.restoration-without-inspection", null))
                .expectNoEvents();
        // a permit active when revoked is reinstated active, as before
        List<Object> activeRevoked = new ArrayList<>(revoked(RevocationGround.FALSE_DOCUMENTS));
        activeRevoked.add(new RevocationComplaintFiled(ID, SHA2, Instant.parse("2025-06-05T02:00:00Z"), HOLDER));
        Instant decidedLater = Instant.parse("2025-06-10T02:00:00Z");
        fixture();
        fixture.given(activeRevoked)
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, decidedLater))
                .expectEvents(new RevocationComplaintDecided(ID, true, DECISION_SHA, decidedLater, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), decidedLater),
                        dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, decidedLater))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE));
    }

    @Test
    @DisplayName("002 art. 29.1.5, 29.6 (F197): reinstated after its suspension ran out, the permit is suspended and the ground of 29.1.5 is raised "
            + "again at once, with the supervisor's duty to restore or revoke; the supervisor may then revoke on it")
    void a_suspension_run_out_raises_its_ground_again_on_reinstatement() {
        Instant decidedAt = Instant.parse("2025-06-10T02:00:00Z");
        Deadline decision = CALENDAR.deadline(decidedAt, PermitDuty.AFTER_SUSPENSION_DECISION);
        RevocationGroundRaised raised = new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, decidedAt,
                "002 art. 29.1.5");
        fixture.given(revokedWhileSuspendedAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, decidedAt))
                .expectEvents(reinstatedWith(decidedAt, asItStood(decidedAt), raised, duty(PermitDuty.DECIDE_AFTER_SUSPENSION, decision, decidedAt)));

        List<Object> reinstated = new ArrayList<>(revokedWhileSuspendedAndComplained());
        reinstated.add(suspended().size(), PermitSuspensionTest.noticed(SUSPENDED_AT.plusSeconds(3_600))); // noticed in its days (item 98)
        reinstated.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, decidedAt, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        reinstated.add(asItStood(decidedAt));
        reinstated.add(raised);
        reinstated.add(duty(PermitDuty.DECIDE_AFTER_SUSPENSION, decision, decidedAt));
        Instant revokedAgain = decidedAt.plusSeconds(86_400);
        fixture.given(reinstated)
                .when(signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "Not remedied in the suspension"),
                        SUPERVISOR, revokedAgain, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.REVOKED));
    }

    @Test
    @DisplayName("002 art. 29.6 (F197): a reinstatement stored before this release (no suspension after it) replays as it was: active")
    void a_stored_reinstatement_replays_as_it_was() {
        Instant decidedAt = Instant.parse("2025-04-10T02:00:00Z");
        List<Object> stored = new ArrayList<>(revokedWhileSuspendedAndComplained());
        stored.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, decidedAt, SUPERVISOR_2, VALID_UNTIL, null));
        fixture.given(stored)
                .when(new FlagOverdueDuty(ID, PermitDuty.ANNUAL_INSPECTION, LocalDate.of(1999, 1, 1), decidedAt.plusSeconds(60), PermitLifecycleTest.FIRED_DEADLINE))
                .expectNoEvents()
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE));
    }
}
