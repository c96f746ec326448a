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
        reviewersRestorationRefused(with(PermitAbuseRound25Test.weekRanOut(), noticedLate(at(LocalDate.of(2025, 4, 14)))));
        reviewersRestorationRefused(with(PermitAbuseRound25Test.weekRanOut(), noticedLate(Instant.parse("2025-07-06T23:00:00Z"))));
    }

    /** The notice of the suspension in force recorded at {@code at}, after its due day: the registry marks it late on receipt. */
    private static PermitDutyFulfilled noticedLate(Instant at) {
        return new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, at, true, PermitSuspensionTest.NOTICE_SHA, REVIEWER);
    }

    // ------------------------------------------------------------------ the hunt: the chain's earlier notice (item 125)

    /**
     * {@code first} (the week, run out with 29.1.5 closed), then suspended anew on a second opinion from 15 to 17 April, its notice recorded
     * on 15 April in time (due 18 April) but too late to remedy in it (item 104), run out on 17 April.
     */
    static List<Object> chainNoticedInTimeTooShort(List<Object> first) {
        Instant anew = at(LocalDate.of(2025, 4, 15));
        Instant ranOut = Instant.parse("2025-04-17T16:00:00Z");
        return with(first, PermitAbuseRound25Test.inspected(PermitAbuseRound25Test.SECOND_OPINION, LocalDate.of(2025, 4, 14)),
                new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, PermitAbuseRound25Test.SECOND_OPINION, 0, LocalDate.of(2025, 4, 15),
                        LocalDate.of(2025, 4, 17), anew, REVIEWER),
                duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(anew, PermitDeadlines.SUSPENSION_NOTICE), anew),
                new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, anew, false, null, REVIEWER),
                PermitSuspensionTest.noticed(anew.plusSeconds(3600)),
                new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, ranOut, "002 art. 29.1.5"),
                duty(PermitDuty.DECIDE_AFTER_SUSPENSION, CALENDAR.deadline(ranOut, PermitDuty.AFTER_SUSPENSION_DECISION), ranOut));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 item 125, F469): a reviewer who never gave notice of the chain's first suspension, then "
            + "suspended anew for three days with a notice in time, does not restore the permit on the months spent: a suspension of the chain "
            + "whose notice was not met makes the restoration the supervisor's (403, nothing stored); the supervisor's names 28.3")
    void an_earlier_suspensions_unmet_notice_in_the_chain_leaves_the_restoration_the_supervisors() {
        reviewersRestorationRefused(chainNoticedInTimeTooShort(PermitAbuseRound25Test.weekRanOut()));
        restoredWithTheArticle(chainNoticedInTimeTooShort(PermitAbuseRound25Test.weekRanOut()), SUPERVISOR, Role.MINISTRY_SUPERVISOR,
                "002 art. 28.1, 28.3, 28.4");
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 28.4 (ADR 0046 items 104, 113, 125; held): every suspension of the chain noticed in time, each too "
            + "short after its notice for the holder to remedy: once the months are spent the reviewer restores the permit as item 113 has it")
    void a_chain_noticed_in_time_leaves_item_113_as_it_was() {
        restoredWithTheArticle(chainNoticedInTimeTooShort(PermitAbuseRound25Test.weekNoticedOn(LocalDate.of(2025, 4, 9))), REVIEWER,
                Role.MINISTRY_REVIEWER, "002 art. 28.1, 28.4");
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

    // ------------------------------------------------------------------ the hunt: attempts that held

    @Test
    @DisplayName("002 art. 28.4, 29.2 (ADR 0046 item 121; held): the supervisor restores on the months spent after the permit's term ended, "
            + "before the expiry deadline fired, to hand back a permit the law ended: 409 permit.term-ended at the registry's receipt, nothing "
            + "stored")
    void a_restoration_on_the_months_spent_after_the_term_is_refused() {
        fixture.given(PermitAbuseRound25Test.weekRanOut())
                .when(signed(new RestorePermit(ID, "28.1's three months are spent"), SUPERVISOR,
                        VALID_UNTIL.plusDays(1).atStartOfDay(mn.registry.kernel.calendar.UlaanbaatarTime.ZONE).toInstant().plusSeconds(60),
                        Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.term-ended", null, "002 art. 29.2"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 28.4, 30.1 (ADR 0046 item 121; held): a restoration's reason naming the holder's director, a civil register "
            + "number and a phone is accepted and withheld: the public record of the restoration keeps its permit, time, signer and articles")
    void a_restorations_reason_with_a_persons_details_stays_off_the_public_record() {
        String reason = "Director Batbold, УБ99112233, 99112233: months spent";
        fixture.given(PermitAbuseRound25Test.weekRanOut())
                .when(signed(new RestorePermit(ID, reason), SUPERVISOR, MONTHS_SPENT, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();
        com.fasterxml.jackson.databind.JsonNode payload = mn.registry.kernel.crypto.CanonicalJson.mapper().valueToTree(
                new PermitRestored(ID, reason, MONTHS_SPENT, SUPERVISOR, "002 art. 28.1, 28.3, 28.4"));
        com.fasterxml.jackson.databind.JsonNode published = PermitPublicRecords.mappers().get(PermitRestored.class.getName()).apply(payload)
                .orElseThrow();
        assertThat(published.toString()).doesNotContain("Batbold", "99112233");
        List<String> fields = new java.util.ArrayList<>();
        published.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("applicationId", "restoredAt", "decidedBy", "article");
    }
}
