package mn.registry.permit.command;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound25Test.at;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28's permits round 29 (docs/abuse-audit.md, "Session 28, permits round 29"; ADR 0046 items 121-125): O274, a restoration on 28.1's
 * months spent whose suspension's notice was never recorded in time is the supervisor's alone. The histories are round 25's
 * ({@link PermitAbuseRound25Test}: a working week, 7-11 April 2025, suspended on the inspector's opinion; its notice due on 10 April, and
 * its three months ending on 6 July).
 */
class PermitAbuseRound29Test extends PermitAbuseFixture {

    PermitAbuseRound29Test() {
        super(PermitAbuseRound25Test.SECOND_OPINION, PermitAbuseRound25Test.THIRD_OPINION, PermitSuspensionTest.NOTICE_SHA);
    }

    /** 7 July 2025: the day after the week's three months. */
    private static final Instant MONTHS_SPENT = at(LocalDate.of(2025, 7, 7));

    private static Object restore(PersonId by, Role role) {
        return signed(new RestorePermit(ID, "28.1's three months are spent"), by, MONTHS_SPENT, role);
    }

    private void restoredWithTheArticle(List<Object> history, PersonId by, Role role, String article) {
        fixture = Signed.fixture(services);
        fixture.given(history)
                .when(restore(by, role))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        org.hamcrest.Matchers.equalTo(new PermitRestored(ID, "28.1's three months are spent", MONTHS_SPENT, by, article)),
                        org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
    }

    private void reviewersRestorationRefused(List<Object> history) {
        fixture = Signed.fixture(services);
        fixture.given(history)
                .when(restore(REVIEWER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.restoration-on-unnoticed-months-is-the-supervisors", "restoration", "002 art. 28.1, 28.3, 28.4"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ O274: the restoration on unnoticed months (item 121)

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 item 121, the lead's reading of O274): a reviewer who suspended, never recorded the "
            + "notice and let 28.1's three months pass does not restore the permit without the remedy: the restoration on the months spent is "
            + "the supervisor's (403, field restoration, nothing stored), for a single suspension and for a chain of suspensions anew")
    void a_reviewers_restoration_on_months_spent_never_noticed_is_refused() {
        reviewersRestorationRefused(PermitAbuseRound25Test.weekRanOut());
        reviewersRestorationRefused(PermitAbuseRound25Test.twoChainedRunOuts());
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 item 121): a notice recorded after its due day, on the suspension's run-out or on the "
            + "morning of the restoration, does not give the restoration back to the reviewer (403, nothing stored)")
    void a_notice_recorded_late_leaves_the_restoration_the_supervisors() {
        reviewersRestorationRefused(PermitAbuseRound25Test.weekNoticedOn(LocalDate.of(2025, 4, 14)));
        reviewersRestorationRefused(with(PermitAbuseRound25Test.weekRanOut(), PermitSuspensionTest.noticed(Instant.parse("2025-07-06T23:00:00Z"))));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 item 121): the supervisor restores the permit whose notice was never recorded, and the "
            + "restoration's public record names 28.3 among its articles; the duty after the run-out fulfilled")
    void the_supervisor_restores_on_months_spent_never_noticed_naming_28_3() {
        restoredWithTheArticle(PermitAbuseRound25Test.weekRanOut(), SUPERVISOR, Role.MINISTRY_SUPERVISOR, "002 art. 28.1, 28.3, 28.4");
        restoredWithTheArticle(PermitAbuseRound25Test.twoChainedRunOuts(), SUPERVISOR, Role.MINISTRY_SUPERVISOR, "002 art. 28.1, 28.3, 28.4");
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 items 104, 113, 121; held): a notice recorded in time (9 April, due 10 April) too late "
            + "for the holder to remedy in the week: once the months are spent the reviewer restores it as item 113 has it")
    void a_notice_recorded_in_time_leaves_item_113_as_it_was() {
        restoredWithTheArticle(PermitAbuseRound25Test.weekNoticedOn(LocalDate.of(2025, 4, 9)), REVIEWER, Role.MINISTRY_REVIEWER,
                "002 art. 28.1, 28.4");
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 item 121, ADR 0065): the desk's answer says the restoration on the months spent is the "
            + "supervisor's where the notice was not recorded in time, and not where it was")
    void the_answer_says_whose_restoration_it_is() {
        RevocationGrounds.Answer never = answer(PermitAbuseRound25Test.weekRanOut(), MONTHS_SPENT);
        assertThat(never.restorationOnTheMonthsSpent()).isTrue();
        assertThat(never.restorationOnTheMonthsSpentIsTheSupervisors()).isTrue();
        RevocationGrounds.Answer inTime = answer(PermitAbuseRound25Test.weekNoticedOn(LocalDate.of(2025, 4, 9)), MONTHS_SPENT);
        assertThat(inTime.restorationOnTheMonthsSpent()).isTrue();
        assertThat(inTime.restorationOnTheMonthsSpentIsTheSupervisors()).isFalse();
        RevocationGrounds.Answer running = answer(PermitAbuseRound25Test.weekRanOut(), at(LocalDate.of(2025, 7, 6)));
        assertThat(running.restorationOnTheMonthsSpentIsTheSupervisors()).as("the months still run: no such restoration").isFalse();
    }
}
