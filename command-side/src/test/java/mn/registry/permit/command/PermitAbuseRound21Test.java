package mn.registry.permit.command;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static mn.registry.permit.command.PermitAbuseRound20Test.DECIDED_ON_THE_RUN_OUT;
import static mn.registry.permit.command.PermitAbuseRound20Test.reinstatedOnTheRunOut;
import static mn.registry.permit.command.PermitAbuseRound20Test.revoke;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 24's permits round 19 (docs/abuse-audit.md, "Session 24, permits round 19"; ADR 0065, ADR 0046 item 92): the command side
 * answers which revocation grounds it would accept, by the aggregate's own rules (the desk's mirrors gone), and O213: a permit reinstated
 * suspended on a spent run-out is suspended anew on a finding received since the decision.
 */
class PermitAbuseRound21Test extends PermitAbuseFixture {

    PermitAbuseRound21Test() {
        super(FOUND_SINCE, FOUND_BEFORE, TAX_SINCE, TAX_BEFORE, FOUND_DATED_BEFORE);
    }

    /** The findings of an inspection recorded after the complaint's decision, and of one recorded during the first suspension. */
    private static final String FOUND_SINCE = "9a".repeat(32);
    private static final String FOUND_BEFORE = "9b".repeat(32);
    /** The tax authority's requests: one received after the complaint's decision, one received before the revocation. */
    private static final String TAX_SINCE = "9c".repeat(32);
    private static final String TAX_BEFORE = "9d".repeat(32);
    /** The opinion of an inspection the inspector dates before the complaint's decision, recorded after it. */
    private static final String FOUND_DATED_BEFORE = "9e".repeat(32);

    private static Object revokeNaming(RevocationGround ground, Instant at) {
        return signed(new RevokePermit(ID, ground, "the record", ground.restsOnADocument() ? REVOCATION_EVIDENCE : null), SUPERVISOR, at,
                Role.MINISTRY_SUPERVISOR);
    }

    static List<Object> with(List<Object> history, Object... more) {
        List<Object> events = new ArrayList<>(history);
        events.addAll(List.of(more));
        return events;
    }

    private static PermitInspected violation(LocalDate on, String findings, Instant recordedAt) {
        return new PermitInspected(ID, on, findings, true, recordedAt, INSPECTOR, on.plusYears(1));
    }

    /** The histories the revocation's answer is tested on (also ADR 0069's snapshot tests), by name. */
    static Map<String, List<Object>> revocationHistories() {
        Instant requested = Instant.parse("2025-07-01T02:00:00Z");
        Map<String, List<Object>> histories = new LinkedHashMap<>();
        histories.put("active", active());
        histories.put("the holder asked", with(active(), new PermitRevocationRequested(ID, requested, HOLDER)));
        histories.put("the predecessor asked", with(active(), new PermitRevocationRequested(ID, requested, HOLDER),
                PermitAbuseRound20Test.transferred(requested.plusSeconds(86_400))));
        histories.put("two violations", with(active(), violation(LocalDate.of(2025, 3, 10), "6a".repeat(32), Instant.parse("2025-03-10T02:00:00Z")),
                violation(LocalDate.of(2025, 4, 10), "6b".repeat(32), Instant.parse("2025-04-10T02:00:00Z"))));
        histories.put("suspended", suspended());
        histories.put("ran out", PermitSuspensionTest.ranOut());
        histories.put("remedied, then ran out", PermitSuspensionTest.ranOut(PermitLifecycleTest.remedied()));
        histories.put("reinstated on a spent run-out", reinstatedOnTheRunOut());
        histories.put("reinstated on spent violations", PermitAbuseRound20Test.reinstatedAfter(RevocationGround.REPEATED_VIOLATIONS));
        histories.put("remedied on the last day, recorded after it", PermitAbuseRound20Test.cleanOnTheLastDay(Instant.parse("2025-06-02T02:00:00Z")));
        histories.put("remedied on the last day, recorded that day", PermitAbuseRound20Test.cleanOnTheLastDay(Instant.parse("2025-05-31T15:30:00Z")));
        histories.put("revoked", revoked(RevocationGround.FALSE_DOCUMENTS));
        histories.put("term ended", active());
        // session 25 (ADR 0046 item 98, was O216): a suspension of one day, its notice never recorded, recorded after it, or in its last hour
        histories.put("one day, never noticed", PermitAbuseRound23Test.oneDayRanOut());
        histories.put("one day, noticed after it", with(PermitAbuseRound23Test.oneDayRanOut(),
                PermitSuspensionTest.noticed(Instant.parse("2025-03-03T02:00:00Z"))));
        histories.put("one day, noticed in its last hour", with(PermitAbuseRound23Test.oneDayRanOut(),
                PermitSuspensionTest.noticed(Instant.parse("2025-03-01T15:30:00Z"))));
        // session 26 (ADR 0046 items 104, 105, was O230, O231): a week noticed on its second-to-last day, or on its Tuesday; two
        // suspensions anew chained on unnoticed run-outs
        histories.put("a week, noticed on its second-to-last day", PermitAbuseRound25Test.weekNoticedOn(LocalDate.of(2025, 4, 10)));
        histories.put("a week, noticed on its Tuesday", PermitAbuseRound25Test.weekNoticedOn(LocalDate.of(2025, 4, 8)));
        histories.put("two chained run-outs", PermitAbuseRound25Test.twoChainedRunOuts());
        return histories;
    }

    @Test
    @DisplayName("002 art. 29.1.1, 29.1.2, 29.1.3, 29.1.4, 29.1.5, 23.3, 28.4, 29.6 (ADR 0065): for each ground, the answer the desk and the "
            + "holder's page read is the revocation command's own verdict at the same receipt: accepted (on its document for 29.1.2 and "
            + "29.1.3), or refused with the code the command is refused with, on the holder's and the predecessor's request (items 14, 74), "
            + "violations on record and spent (items 23, 89), a run-out, its ground removed by a record received in it or after it (items 81, "
            + "88), and spent (item 91); whose request to revoke is on record as the handlers judge it")
    void the_answer_is_the_revocation_commands_verdict_on_every_ground() {
        Instant at = Instant.parse("2025-07-20T02:00:00Z");
        Map<String, List<Object>> histories = revocationHistories();
        Map<String, Instant> now = Map.of("term ended", VALID_UNTIL.plusDays(1).atStartOfDay(java.time.ZoneOffset.ofHours(8)).plusHours(10).toInstant());
        histories.forEach((name, history) -> {
            Instant receivedAt = now.getOrDefault(name, at);
            RevocationGrounds.Answer answer = answer(history, receivedAt);
            for (RevocationGround ground : RevocationGround.values()) {
                RevocationGrounds.Verdict verdict = answer.verdict(ground);
                assertThat(verdict.documentNeeded()).as(name + ", " + ground).isEqualTo(verdict.accepted() && ground.restsOnADocument());
                agrees(history, revokeNaming(ground, receivedAt), verdict, name + ", " + ground);
            }
        });
        assertThat(answer(histories.get("the holder asked"), at).offered()).contains(RevocationGround.HOLDER_REQUEST);
        assertThat(answer(histories.get("two violations"), at).offered()).contains(RevocationGround.REPEATED_VIOLATIONS);
        assertThat(answer(histories.get("ran out"), at).offered()).contains(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION);
        assertThat(answer(histories.get("reinstated on spent violations"), at).refusedWith(RevocationGround.REPEATED_VIOLATIONS,
                "permit.revocation-violations-of-an-annulled-revocation")).isTrue();
        assertThat(answer(histories.get("remedied on the last day, recorded after it"), at).offered())
                .contains(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION);
        assertThat(answer(histories.get("reinstated on a spent run-out"), at).refusedWith(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                "permit.revocation-run-out-of-an-annulled-revocation")).isTrue();
        assertThat(answer(active(), now.get("term ended")).refusedWith(RevocationGround.LIQUIDATION, "permit.term-ended")).isTrue();
        assertThat(answer(histories.get("the holder asked"), at).holderRequest()).isEqualTo(RevocationGrounds.HolderRequest.THE_HOLDERS);
        assertThat(answer(histories.get("the predecessor asked"), at).holderRequest()).isEqualTo(RevocationGrounds.HolderRequest.THE_PREDECESSORS);
        assertThat(answer(active(), at).holderRequest()).isEqualTo(RevocationGrounds.HolderRequest.NONE);
        assertThat(answer(active(), at).offered()).containsExactly(RevocationGround.LIQUIDATION, RevocationGround.FALSE_DOCUMENTS);
        assertThat(answer(revoked(RevocationGround.FALSE_DOCUMENTS), at).offered()).isEmpty();
        assertThat(answer(PermitSuspensionTest.ranOut(PermitLifecycleTest.remedied()), at).refusedWith(
                RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "permit.revocation-ground-removed-during-the-suspension")).isTrue();
        for (String unnoticed : List.of("one day, never noticed", "one day, noticed after it")) {
            assertThat(answer(histories.get(unnoticed), at).refusedWith(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                    "permit.revocation-suspension-not-notified")).as(unnoticed).isTrue();
        }
        assertThat(answer(histories.get("one day, noticed in its last hour"), at).refusedWith(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                "permit.revocation-suspension-too-short-after-notice")).as("item 104 (session 26), item 98's rule passed").isTrue();
        assertThat(answer(histories.get("one day, never noticed"), Instant.parse("2025-03-04T02:00:00Z")).suspensionAnew())
                .as("item 98: suspended anew").isTrue();
        assertThat(answer(histories.get("one day, never noticed"), at).suspensionAnew()).as("item 105: three months from 1 March spent").isFalse();
        assertThat(answer(histories.get("ran out"), at).suspensionAnew()).isFalse();
        assertThat(answer(histories.get("a week, noticed on its second-to-last day"), at).refusedWith(
                RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "permit.revocation-suspension-too-short-after-notice")).isTrue();
        assertThat(answer(histories.get("a week, noticed on its second-to-last day"), PermitAbuseRound25Test.at(LocalDate.of(2025, 4, 14)))
                .suspensionAnew()).as("item 104").isTrue();
        assertThat(answer(histories.get("a week, noticed on its Tuesday"), at).offered())
                .contains(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION);
        assertThat(answer(histories.get("two chained run-outs"), PermitAbuseRound25Test.at(LocalDate.of(2025, 7, 6))).suspensionAnew())
                .as("item 105: the chain's last day").isTrue();
        assertThat(answer(histories.get("two chained run-outs"), PermitAbuseRound25Test.at(LocalDate.of(2025, 7, 7))).suspensionAnew())
                .as("item 105: the chain's months spent").isFalse();
    }

    // ------------------------------------------------------------------ O213: a suspension anew on a spent run-out (ADR 0046 item 92)

    private static final Instant FOUND_SINCE_AT = Instant.parse("2025-06-25T02:00:00Z");
    private static final Instant ANEW_AT = Instant.parse("2025-07-01T02:00:00Z");
    private static final LocalDate ANEW_FROM = LocalDate.of(2025, 7, 1);
    private static final LocalDate ANEW_UNTIL = LocalDate.of(2025, 9, 30);
    private static final mn.registry.kernel.calendar.Deadline DECISION_AFTER = CALENDAR.deadline(DECIDED_ON_THE_RUN_OUT,
            PermitDuty.AFTER_SUSPENSION_DECISION);

    /** Reinstated suspended on the spent run-out (items 56, 91), with the supervisor's duty the decision raised. */
    private static List<Object> spent() {
        return with(reinstatedOnTheRunOut(), duty(PermitDuty.DECIDE_AFTER_SUSPENSION, DECISION_AFTER, DECIDED_ON_THE_RUN_OUT));
    }

    /** {@link #spent()}, and an inspector's opinion of a violation recorded after the decision. */
    private static List<Object> foundSince() {
        return with(spent(), violation(LocalDate.of(2025, 6, 24), FOUND_SINCE, FOUND_SINCE_AT));
    }

    private static Object suspendAnew(String evidence, LocalDate until, PersonId by, Role role) {
        return signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, evidence, 0, ANEW_FROM, until), by, ANEW_AT, role);
    }

    @Test
    @DisplayName("002 art. 28.1, 29.1.5, 29.6 (ADR 0046 item 92, the lead's reading of O213): a permit reinstated suspended on a run-out the "
            + "decision spent is suspended anew on an inspector's opinion recorded since the decision, for new days; the suspension anew answers "
            + "the supervisor's duty the decision raised (it escalates no more), runs out unrestored, and then grounds 29.1.5; 29.1.5 on the "
            + "spent run-out is still refused")
    void a_permit_suspended_on_a_spent_run_out_is_suspended_anew_on_a_finding_since_the_decision() {
        fixture.given(foundSince())
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, ANEW_AT))
                .expectException(problem("permit.revocation-run-out-of-an-annulled-revocation", "ground"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(foundSince())
                .when(suspendAnew(FOUND_SINCE, ANEW_UNTIL, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectEvents(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, FOUND_SINCE, 0, ANEW_FROM, ANEW_UNTIL, ANEW_AT, REVIEWER),
                        duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(ANEW_AT, PermitDeadlines.SUSPENSION_NOTICE), ANEW_AT),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, ANEW_AT, ANEW_AT.isAfter(DECISION_AFTER.dueAt().toInstant()),
                                null, REVIEWER));
        assertThat(answer(foundSince(), ANEW_AT).suspensionAnew()).as("the desk's answer").isTrue();

        List<Object> suspendedAnew = with(foundSince(), new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, FOUND_SINCE, 0, ANEW_FROM,
                ANEW_UNTIL, ANEW_AT, REVIEWER), new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, ANEW_AT, false, null, REVIEWER));
        fixture = Signed.fixture(services);
        fixture.given(suspendedAnew)
                .when(new PermitCommands.FlagOverdueDuty(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, DECISION_AFTER.due(),
                        DECISION_AFTER.dueAt().toInstant().plusSeconds(1), PermitLifecycleTest.FIRED_DEADLINE))
                .expectNoEvents();
        assertThat(answer(suspendedAnew, ANEW_AT.plusSeconds(3600)).suspensionAnew()).as("one suspension anew").isFalse();
        Instant revokedAt = Instant.parse("2025-10-03T02:00:00Z");
        fixture = Signed.fixture(services);
        fixture.given(suspendedAnew)
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, revokedAt))
                .expectException(problem("permit.revocation-suspension-not-run-out", "ground"))
                .expectNoEvents();
        List<Object> ranOutAnew = with(suspendedAnew, PermitSuspensionTest.noticed(ANEW_AT.plusSeconds(3_600)), new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                Instant.parse("2025-09-30T16:00:00Z"), "002 art. 29.1.5"));
        fixture = Signed.fixture(services);
        fixture.given(ranOutAnew)
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, revokedAt))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 item 92): a suspension anew on an opinion the registry received before the decision on the "
            + "complaint, on the spent suspension's own opinion, for more than three months, or by a reviewer once the supervisor's duty "
            + "escalated: refused, nothing stored; a permit suspended on a run-out no complaint spent, or still running, is not suspended anew")
    void a_suspension_anew_rests_on_new_findings_and_new_days() {
        List<Object> foundBefore = new ArrayList<>(spent()); // recorded during the first suspension, never used
        foundBefore.add(suspended().size(), violation(LocalDate.of(2025, 4, 1), FOUND_BEFORE, Instant.parse("2025-04-01T02:00:00Z")));
        fixture.given(foundBefore)
                .when(suspendAnew(FOUND_BEFORE, ANEW_UNTIL, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.suspension-anew-on-a-finding-before-the-decision", "evidenceSha256"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(foundSince())
                .when(suspendAnew(SHA, ANEW_UNTIL, REVIEWER, Role.MINISTRY_REVIEWER)) // the spent suspension's own opinion
                .expectException(problem("permit.suspension-without-inspector-opinion", null))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(foundSince())
                .when(suspendAnew(FOUND_SINCE, ANEW_FROM.plusMonths(3), REVIEWER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.suspension-too-long", "until"))
                .expectNoEvents();
        List<Object> escalated = with(foundSince(), new PermitDutyOverdue(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, DECISION_AFTER.due(),
                DECISION_AFTER.dueAt().toInstant().plusSeconds(1), PermitDuty.DECIDE_AFTER_SUSPENSION.article()));
        fixture = Signed.fixture(services);
        fixture.given(escalated)
                .when(suspendAnew(FOUND_SINCE, ANEW_UNTIL, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(escalated)
                .when(suspendAnew(FOUND_SINCE, ANEW_UNTIL, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();

        List<Object> ranOut = with(PermitSuspensionTest.ranOut(), violation(LocalDate.of(2025, 6, 2), FOUND_SINCE, Instant.parse("2025-06-02T02:00:00Z")));
        for (List<Object> notSpent : List.of(ranOut, with(suspended(), violation(LocalDate.of(2025, 4, 2), FOUND_SINCE,
                Instant.parse("2025-04-02T02:00:00Z"))))) {
            fixture = Signed.fixture(services);
            fixture.given(notSpent)
                    .when(suspendAnew(FOUND_SINCE, ANEW_UNTIL, SUPERVISOR, Role.MINISTRY_SUPERVISOR))
                    .expectException(problem("permit.already-suspended", null))
                    .expectNoEvents();
            assertThat(answer(notSpent, ANEW_AT).suspensionAnew()).isFalse();
        }
    }

    // ------------------------------------------------------------------ O214: the tax authority's request on a spent run-out (item 93)

    private static final Instant TAX_SINCE_AT = Instant.parse("2025-06-25T02:00:00Z");

    private static Object requestSuspension(String evidence, Instant at) {
        return signed(new RequestPermitSuspension(ID, 3, evidence), PermitSuspensionTest.TAX_OFFICER, at, Role.TAX_OFFICER);
    }

    private static Object suspendAnewOnTheTaxRequest(String evidence) {
        return signed(new SuspendPermit(ID, SuspensionGround.TAX_EVASIONS, evidence, 0, ANEW_FROM, ANEW_UNTIL), SUPERVISOR, ANEW_AT,
                Role.MINISTRY_SUPERVISOR);
    }

    private static PermitSuspensionRequested requested(String evidence, Instant at) {
        return new PermitSuspensionRequested(ID, 3, evidence, at, PermitSuspensionTest.TAX_OFFICER, "002 art. 28.1");
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 item 93, the lead's reading of O214): the tax authority files its request on a permit "
            + "suspended on a run-out the complaint's decision spent; the request received after the decision grounds a suspension anew on "
            + "the tax ground, which then waits for the tax authority's settlement; the desk's answer offers the request's refusal")
    void the_tax_authority_requests_a_suspension_anew_on_a_spent_run_out() {
        fixture.given(spent())
                .when(requestSuspension(TAX_SINCE, TAX_SINCE_AT))
                .expectEvents(requested(TAX_SINCE, TAX_SINCE_AT), duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST,
                        CALENDAR.deadline(TAX_SINCE_AT, PermitDuty.TAX_REQUEST_DECISION), TAX_SINCE_AT));
        List<Object> requestedSince = with(spent(), requested(TAX_SINCE, TAX_SINCE_AT), duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST,
                CALENDAR.deadline(TAX_SINCE_AT, PermitDuty.TAX_REQUEST_DECISION), TAX_SINCE_AT));
        fixture = Signed.fixture(services);
        fixture.given(requestedSince)
                .when(suspendAnewOnTheTaxRequest(TAX_SINCE))
                .expectEvents(new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS, TAX_SINCE, 3, ANEW_FROM, ANEW_UNTIL, ANEW_AT, SUPERVISOR),
                        duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(ANEW_AT, PermitDeadlines.SUSPENSION_NOTICE), ANEW_AT),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, ANEW_AT, false, null, SUPERVISOR),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, ANEW_AT, ANEW_AT.isAfter(DECISION_AFTER.dueAt().toInstant()),
                                null, SUPERVISOR));
        assertThat(answer(requestedSince, ANEW_AT).suspensionAnew()).as("the desk's answer").isTrue();
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 items 92, 93): the tax authority's request received before the complaint's decision grounds "
            + "no suspension anew (it was the holder's to answer in the complaint), and a second request waits for the first's decision; a "
            + "permit suspended on a run-out no complaint spent, or still running, takes no request of the tax authority: nothing stored")
    void a_tax_request_before_the_decision_grounds_no_suspension_anew() {
        List<Object> requestedBefore = new ArrayList<>(spent()); // received while active, before the first suspension; never decided
        requestedBefore.add(active().size(), requested(TAX_BEFORE, Instant.parse("2025-02-20T02:00:00Z")));
        fixture.given(requestedBefore)
                .when(suspendAnewOnTheTaxRequest(TAX_BEFORE))
                .expectException(problem("permit.suspension-anew-on-a-finding-before-the-decision", "evidenceSha256"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(requestedBefore)
                .when(requestSuspension(TAX_SINCE, TAX_SINCE_AT))
                .expectException(problem("permit.suspension-request-pending", null))
                .expectNoEvents();
        for (List<Object> notSpent : List.of(PermitSuspensionTest.ranOut(), suspended())) {
            fixture = Signed.fixture(services);
            fixture.given(notSpent)
                    .when(requestSuspension(TAX_SINCE, TAX_SINCE_AT))
                    .expectException(problem("permit.wrong-state", null))
                    .expectNoEvents();
        }
    }

    // ------------------------------------------------------------------ O215: a finding counts from its receipt (item 94)

    @Test
    @DisplayName("002 art. 28.1, 29.6, 31.1.7 (ADR 0046 item 94, the lead's reading of O215): a finding counts from the day the registry "
            + "received it, never from the date the inspector names: an inspection dated before the complaint's decision and recorded after "
            + "it grounds a suspension anew; one recorded before the decision grounds none")
    void a_finding_counts_from_its_receipt_not_from_the_date_it_names() {
        List<Object> datedBefore = with(spent(), violation(LocalDate.of(2025, 6, 2), FOUND_DATED_BEFORE, FOUND_SINCE_AT));
        fixture.given(datedBefore)
                .when(suspendAnew(FOUND_DATED_BEFORE, ANEW_UNTIL, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
        List<Object> recordedBefore = new ArrayList<>(spent());
        recordedBefore.add(suspended().size(), violation(LocalDate.of(2025, 4, 1), FOUND_BEFORE, Instant.parse("2025-04-01T02:00:00Z")));
        fixture = Signed.fixture(services);
        fixture.given(recordedBefore)
                .when(suspendAnew(FOUND_BEFORE, ANEW_UNTIL, REVIEWER, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.suspension-anew-on-a-finding-before-the-decision", "evidenceSha256"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ the desk's remaining mirrors, answered (ADR 0065, second round)

    /** The histories the suspension's answer is tested on (also ADR 0069's snapshot tests), by name. */
    static Map<String, List<Object>> suspensionHistories() {
        Map<String, List<Object>> histories = new LinkedHashMap<>();
        histories.put("active", active());
        histories.put("suspended, no inspection since", suspended());
        histories.put("remedied", PermitLifecycleTest.remedied());
        histories.put("ran out", PermitSuspensionTest.ranOut());
        histories.put("reinstated on a spent run-out", spent());
        List<Object> requestedSince = with(spent(), requested(TAX_SINCE, TAX_SINCE_AT));
        histories.put("tax request on a spent run-out", requestedSince);
        histories.put("suspended anew on the tax request", with(requestedSince, new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS,
                TAX_SINCE, 3, ANEW_FROM, ANEW_UNTIL, ANEW_AT, SUPERVISOR)));
        List<Object> requestWaits = new ArrayList<>(suspended());
        requestWaits.add(active().size(), requested(TAX_BEFORE, Instant.parse("2025-02-20T02:00:00Z")));
        histories.put("a request waits, suspended on the other ground", requestWaits);
        histories.put("a violation at the last inspection", with(active(), violation(LocalDate.of(2025, 4, 10), "6b".repeat(32),
                Instant.parse("2025-04-10T02:00:00Z"))));
        histories.put("term ended", suspended());
        // session 25 (ADR 0046 item 99, was O229): a request waiting on a revoked permit, on one reinstated, on one expired
        histories.put("a request waits, revoked", PermitAbuseRound23Test.requestedThenRevoked());
        histories.put("a request waits, reinstated", PermitAbuseRound23Test.requestedThenReinstated());
        histories.put("a request waits, expired", with(PermitAbuseRound23Test.requested(), new PermitExpired(ID,
                VALID_UNTIL, VALID_UNTIL.plusDays(1).atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant(), "002 art. 29.2")));
        // session 26 (ADR 0046 item 106, was O232): a request waiting on a revocation that stands, and on one still open to a complaint
        histories.put("a request waits, complaint rejected, revoked", PermitAbuseRound25Test.requestedRevokedRejected());
        histories.put("a request waits, complaint pending, revoked", PermitAbuseRound25Test.requestedRevokedComplained());
        // session 29 (ADR 0046 item 135, F482): a chain whose first notice was stored late on its moved day, and that notice found in time
        List<Object> chainStoredLate = PermitAbuseRound29Test.chainNoticedInTimeTooShort(PermitAbuseRound30Test.weekNoticedOnTheMovedDayStoredLate());
        histories.put("a chain's notice stored late on its moved day", chainStoredLate);
        histories.put("a chain's notice stored late, found in time", with(chainStoredLate, PermitAbuseRound30Test.foundInTimeOnTheMovedDay()));
        return histories;
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4, 27.5 (ADR 0065, session 24's second round): the answer the desk reads for the restoration, the "
            + "refusal of the tax authority's request and an extension's refusal on a ground to suspend is the verdict of RestorePermit, "
            + "RefusePermitSuspensionRequest and DecidePermitExtension at the same receipt, on each history: suspended on the inspector's "
            + "opinion with no inspection since (item 18), remedied, suspended at the tax authority's request with no settlement (item 19), "
            + "run out, reinstated on a spent run-out and suspended anew on the tax ground (item 93), a request waiting while suspended on "
            + "the other ground (item 55), a violation at the last inspection, the term ended")
    void the_answer_is_the_suspension_commands_verdict_on_every_history() {
        Instant at = Instant.parse("2025-07-20T02:00:00Z");
        Map<String, List<Object>> histories = suspensionHistories();
        Instant afterTheTerm = VALID_UNTIL.plusDays(1).atStartOfDay(java.time.ZoneOffset.ofHours(8)).plusHours(10).toInstant();
        Instant inTheComplaintPeriod = Instant.parse("2025-06-05T02:00:00Z"); // item 106: after it, with none filed, the revocation stands
        Map<String, Instant> now = Map.of("term ended", afterTheTerm, "a request waits, expired", afterTheTerm, "a request waits, revoked",
                inTheComplaintPeriod);
        histories.forEach((name, history) -> {
            Instant receivedAt = now.getOrDefault(name, at);
            RevocationGrounds.Answer answer = answer(history, receivedAt);
            agrees(history, signed(new RestorePermit(ID, "the ground removed"), SUPERVISOR, receivedAt, Role.MINISTRY_SUPERVISOR),
                    answer.restoration(), name + ", restoration");
            agrees(history, signed(new RefusePermitSuspensionRequest(ID, "not proven"), SUPERVISOR, receivedAt, Role.MINISTRY_SUPERVISOR),
                    answer.taxRequestRefusal(), name + ", the tax request's refusal");
            if (name.endsWith("revoked")) {
                return; // an extension on a revoked permit waits for the revocation's outcome whatever the ground (item 51): no decision offered
            }
            List<Object> extensionRequested = new ArrayList<>(history);
            extensionRequested.add(active().size(), new PermitExtensionRequested(ID, SHA2, Instant.parse("2025-02-01T02:00:00Z"),
                    LocalDate.of(2029, 9, 10), false, null, HOLDER));
            agrees(extensionRequested, signed(new DecidePermitExtension(ID, false, List.of(new RefusalReason(PermitRequirement.NO_GROUND_TO_SUSPEND,
                    "a ground stands"))), SUPERVISOR, receivedAt, Role.MINISTRY_SUPERVISOR), answer.groundToSuspend() ? RevocationGrounds.Verdict.ACCEPTED
                    : RevocationGrounds.Verdict.refused("permit.extension-refusal-without-ground"), name + ", an extension's refusal");
        });
        assertThat(answer(suspended(), at).restoration().refusedWith()).isEqualTo("permit.restoration-without-inspection");
        assertThat(answer(PermitLifecycleTest.remedied(), at).restoration()).isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
        assertThat(answer(histories.get("suspended anew on the tax request"), at).restoration().refusedWith())
                .isEqualTo("permit.restoration-without-tax-settlement");
        assertThat(answer(histories.get("tax request on a spent run-out"), at).taxRequestRefusal()).isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
        assertThat(answer(histories.get("a request waits, suspended on the other ground"), at).taxRequestRefusal()).isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
        assertThat(answer(active(), at).groundToSuspend()).isFalse();
        assertThat(answer(histories.get("a violation at the last inspection"), at).groundToSuspend()).isTrue();
        assertThat(answer(suspended(), now.get("term ended")).restoration().refusedWith()).isEqualTo("permit.term-ended");
        assertThat(answer(histories.get("a request waits, revoked"), inTheComplaintPeriod).taxRequestRefusal().refusedWith())
                .isEqualTo("permit.tax-request-of-a-revoked-permit");
        assertThat(answer(histories.get("a request waits, reinstated"), at).taxRequestRefusal()).isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
        assertThat(answer(histories.get("a request waits, expired"), afterTheTerm).taxRequestRefusal()).isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
        assertThat(answer(histories.get("a request waits, complaint rejected, revoked"), at).taxRequestRefusal())
                .as("item 106: the revocation stands").isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
        assertThat(answer(histories.get("a request waits, complaint pending, revoked"), at).taxRequestRefusal().refusedWith())
                .isEqualTo("permit.tax-request-of-a-revoked-permit");
        assertThat(answer(PermitAbuseRound23Test.requestedThenRevoked(), at).taxRequestRefusal()).as("item 106: the complaint period over, "
                + "none filed").isEqualTo(RevocationGrounds.Verdict.ACCEPTED);
    }

    /** The command, on {@code history}, is accepted where {@code verdict} accepts it and refused with its code where it refuses it. */
    private void agrees(List<Object> history, Object command, RevocationGrounds.Verdict verdict, String what) {
        fixture = Signed.fixture(services);
        if (verdict.accepted()) {
            fixture.given(history).when(command).expectSuccessfulHandlerExecution();
        } else {
            fixture.given(history).when(command).expectException(new org.hamcrest.TypeSafeMatcher<mn.registry.kernel.problem.RegistryProblem>() {
                @Override
                protected boolean matchesSafely(mn.registry.kernel.problem.RegistryProblem problem) {
                    return verdict.refusedWith().equals(problem.code());
                }

                @Override
                public void describeTo(org.hamcrest.Description description) {
                    description.appendText(what + ": a problem " + verdict.refusedWith());
                }
            }).expectNoEvents();
        }
    }
}
