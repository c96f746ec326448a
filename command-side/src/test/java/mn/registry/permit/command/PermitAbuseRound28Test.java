package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound25Test.SECOND_OPINION;
import static mn.registry.permit.command.PermitAbuseRound25Test.THIRD_OPINION;
import static mn.registry.permit.command.PermitAbuseRound25Test.at;
import static mn.registry.permit.command.PermitAbuseRound25Test.inspected;
import static mn.registry.permit.command.PermitAbuseRound25Test.suspend;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 27's permits round 28 (docs/abuse-audit.md, "Session 27, permits round 28"; ADR 0046 items 112-113): O248, the chain of suspensions
 * anew (item 105) survives a revocation an upheld complaint annuls; O250, once the chain's three months are spent with no notice in time,
 * the permit is restored without the remedy's inspection. The histories are round 25's ({@link PermitAbuseRound25Test}).
 */
class PermitAbuseRound28Test extends PermitAbuseFixture {

    private static final String COMPLAINT = "e1".repeat(32);
    private static final String DECISION = "e2".repeat(32);

    PermitAbuseRound28Test() {
        super(SECOND_OPINION, THIRD_OPINION, COMPLAINT, DECISION, PermitSuspensionTest.NOTICE_SHA);
    }

    // ------------------------------------------------------------------ O248: the chain through an annulled revocation (item 112)

    /**
     * Round 25's week (7-11 April 2025) ran out unnoticed and was suspended anew from 15 April to 15 June on a second opinion (the chain
     * from 7 April: its three months end on 6 July); revoked on false documents on 1 May, the holder's complaint filed on 2 May.
     */
    private static List<Object> chainRevokedOnAnotherGround() {
        Instant anew = at(LocalDate.of(2025, 4, 15));
        Instant revokedAt = at(LocalDate.of(2025, 5, 1));
        return with(PermitAbuseRound25Test.weekRanOut(), inspected(SECOND_OPINION, LocalDate.of(2025, 4, 14)),
                new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SECOND_OPINION, 0, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 15),
                        anew, REVIEWER),
                duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(anew, PermitDeadlines.SUSPENSION_NOTICE), anew),
                new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, anew, false, null, REVIEWER),
                new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "false documents", revokedAt, SUPERVISOR, true, REVOCATION_EVIDENCE),
                dutyOnDate(PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2025, 6, 1), revokedAt),
                new RevocationComplaintFiled(ID, COMPLAINT, at(LocalDate.of(2025, 5, 2)), HOLDER));
    }

    /**
     * {@link #chainRevokedOnAnotherGround()}, then by the registry's own commands: the complaint upheld on 20 May (item 56 applies the
     * suspension to 15 June again), its run-out on 15 June, unnoticed; a third opinion recorded on 16 June. Then {@code anew}.
     */
    private void upheldThenRanOut(Object anew, boolean refused) {
        Instant ranOut = Instant.parse("2025-06-15T16:00:00Z");
        var executor = fixture.given(chainRevokedOnAnotherGround())
                .andGivenCommands(signed(new DecideRevocationComplaint(ID, true, DECISION), SUPERVISOR_2, at(LocalDate.of(2025, 5, 20)),
                                Role.MINISTRY_SUPERVISOR),
                        new PermitCommands.SuspensionRanOut(ID, LocalDate.of(2025, 6, 15), ranOut,
                                CALENDAR.deadline(ranOut, PermitDuty.AFTER_SUSPENSION_DECISION)))
                .andGiven(inspected(THIRD_OPINION, LocalDate.of(2025, 6, 16)))
                .when(anew);
        if (refused) {
            executor.expectException(problem("permit.suspension-anew-beyond-three-months", "until")).expectNoEvents();
        } else {
            executor.expectSuccessfulHandlerExecution();
        }
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 item 112, was O248): a chain of suspensions anew interrupted by a revocation on another ground "
            + "that an upheld complaint annuls keeps its first day: the suspension anew after the suspension applied again runs to no later "
            + "than three months from the chain's first suspension (409, field until, nothing stored)")
    void the_chain_of_suspensions_anew_survives_an_annulled_revocation() {
        // three months from 15 April, the suspension applied again (the base's count), but past 6 July, the chain's
        upheldThenRanOut(suspend(THIRD_OPINION, LocalDate.of(2025, 6, 17), LocalDate.of(2025, 7, 10), at(LocalDate.of(2025, 6, 17))), true);
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 item 112): after the annulled revocation, a suspension anew to the last day of the chain's "
            + "three months is received")
    void a_suspension_anew_within_the_chains_months_after_an_annulled_revocation_is_received() {
        upheldThenRanOut(suspend(THIRD_OPINION, LocalDate.of(2025, 6, 17), LocalDate.of(2025, 7, 6), at(LocalDate.of(2025, 6, 17))), false);
    }

    // ------------------------------------------------------------------ O250: the months spent with no notice in time (item 113)

    private static Object restore(Instant at, mn.registry.kernel.identity.PersonId by, Role role) {
        return signed(new RestorePermit(ID, "28.1's three months are spent"), by, at, role);
    }

    private void restorationRefused(List<Object> history, Instant at, String code) {
        fixture = Signed.fixture(services);
        fixture.given(history).when(restore(at, SUPERVISOR, Role.MINISTRY_SUPERVISOR)).expectException(problem(code, null)).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 28.4 (ADR 0046 items 18, 113; held): while the chain's three months run, or once they are spent on a run-out "
            + "noticed in time (29.1.5 open), the restoration still needs the remedy inspected (409, nothing stored)")
    void a_restoration_without_the_remedy_while_the_months_run_is_refused() {
        restorationRefused(PermitAbuseRound25Test.weekRanOut(), at(LocalDate.of(2025, 4, 15)), "permit.restoration-without-inspection");
        restorationRefused(PermitAbuseRound25Test.twoChainedRunOuts(), at(LocalDate.of(2025, 7, 6)), "permit.restoration-without-inspection");
        restorationRefused(PermitAbuseRound25Test.weekNoticedOn(PermitAbuseRound25Test.WEEK_FROM), at(LocalDate.of(2025, 7, 8)),
                "permit.restoration-without-inspection");
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (ADR 0046 item 113, the lead's reading of O250): once the chain's three months are spent and 29.1.5 is "
            + "closed (no notice in time), the suspension has no ground left in 28.1: the permit is restored without the remedy's "
            + "inspection, the event saying so by its article, and the duty after the run-out fulfilled")
    void once_the_months_are_spent_unnoticed_the_permit_is_restored_without_the_remedy() {
        Instant restoredAt = at(LocalDate.of(2025, 7, 7));
        // the notice never recorded: since round 29 (ADR 0046 item 121, F466) the supervisor's, its record naming 28.3 too
        fixture.given(PermitAbuseRound25Test.twoChainedRunOuts())
                .when(restore(restoredAt, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.equalTo(new PermitRestored(ID, "28.1's three months are spent", restoredAt, SUPERVISOR,
                                        "002 art. 28.1, 28.3, 28.4")),
                                org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
        fixture = Signed.fixture(services);
        fixture.given(PermitAbuseRound25Test.weekRanOut()) // one suspension of a week, never noticed: its three months from 7 April
                .when(restore(restoredAt, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("ADR 0013 §4, 002 art. 28.4 (ADR 0046 item 113): the duty after the run-out escalated, the restoration on the months spent "
            + "is the supervisor's (403 to the reviewer, nothing stored), and answers the escalated duty")
    void the_escalated_duty_is_answered_by_the_supervisors_restoration() {
        List<Object> escalated = with(PermitAbuseRound25Test.twoChainedRunOuts(),
                new PermitDutyOverdue(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, LocalDate.of(2025, 6, 23), Instant.parse("2025-06-23T16:00:00Z"),
                        PermitDuty.DECIDE_AFTER_SUSPENSION.article()));
        Instant restoredAt = at(LocalDate.of(2025, 7, 7));
        fixture.given(escalated)
                .when(restore(restoredAt, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(escalated)
                .when(restore(restoredAt, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (ADR 0046 item 113, ADR 0065): the desk's answer is the restoration's verdict: refused for the remedy on "
            + "the chain's last day, accepted on the months spent the day after, and says which")
    void the_answer_offers_the_restoration_on_the_months_spent_as_the_act_accepts_it() {
        RevocationGrounds.Answer lastDay = answer(PermitAbuseRound25Test.twoChainedRunOuts(), at(LocalDate.of(2025, 7, 6)));
        assertThat(lastDay.restoration().refusedWith()).isEqualTo("permit.restoration-without-inspection");
        assertThat(lastDay.restorationOnTheMonthsSpent()).isFalse();
        RevocationGrounds.Answer spent = answer(PermitAbuseRound25Test.twoChainedRunOuts(), at(LocalDate.of(2025, 7, 7)));
        assertThat(spent.restoration()).isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
        assertThat(spent.restorationOnTheMonthsSpent()).isTrue();
        RevocationGrounds.Answer noticed = answer(PermitAbuseRound25Test.weekNoticedOn(PermitAbuseRound25Test.WEEK_FROM), at(LocalDate.of(2025, 7, 8)));
        assertThat(noticed.restorationOnTheMonthsSpent()).isFalse();
        assertThat(answer(active(), at(LocalDate.of(2025, 7, 8))).restorationOnTheMonthsSpent()).isFalse();
    }
}
