package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound21Test.with;
import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.PermitSuspensionTest.noticed;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 26's permits round 24 (docs/abuse-audit.md, "Session 26, permits round 24"; ADR 0046 items 104-106): O230, a suspension too short
 * after its notice for the holder to remedy grounds no 29.1.5; O231, suspensions anew on unnoticed run-outs count together toward 28.1's
 * three months; O232, the tax authority's request stops waiting once the revocation can no longer be annulled. The desk's answer on these
 * histories is checked beside the commands' in {@link PermitAbuseRound21Test}.
 */
class PermitAbuseRound25Test extends PermitAbuseFixture {

    PermitAbuseRound25Test() {
        super(PermitSuspensionTest.NOTICE_SHA, SECOND_OPINION, THIRD_OPINION, PermitAbuseRound23Test.TAX_REQUEST, COMPLAINT, DECISION);
    }

    static final String SECOND_OPINION = "c2".repeat(32);
    static final String THIRD_OPINION = "c3".repeat(32);
    private static final String COMPLAINT = "c4".repeat(32);
    private static final String DECISION = "c5".repeat(32);

    /** A working week with no day off in the registry's base calendar: Monday 7 to Friday 11 April 2025. */
    static final LocalDate WEEK_FROM = LocalDate.of(2025, 4, 7);
    static final LocalDate WEEK_UNTIL = LocalDate.of(2025, 4, 11);
    private static final Instant WEEK_SUSPENDED_AT = Instant.parse("2025-04-07T02:00:00Z");
    private static final Instant WEEK_RAN_OUT = Instant.parse("2025-04-11T16:00:00Z");

    /** 10:00 in Ulaanbaatar on {@code day}. */
    static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(java.time.ZoneOffset.ofHours(8)).toInstant();
    }

    /** Suspended for the working week on the inspector's opinion, run out unrestored, its notice not recorded. */
    static List<Object> weekRanOut() {
        List<Object> events = new ArrayList<>(withOpinion());
        events.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, WEEK_FROM, WEEK_UNTIL, WEEK_SUSPENDED_AT, REVIEWER));
        events.add(duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(WEEK_SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE), WEEK_SUSPENDED_AT));
        events.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, WEEK_RAN_OUT, "002 art. 29.1.5"));
        events.add(duty(PermitDuty.DECIDE_AFTER_SUSPENSION, CALENDAR.deadline(WEEK_RAN_OUT, PermitDuty.AFTER_SUSPENSION_DECISION), WEEK_RAN_OUT));
        return events;
    }

    /** {@link #weekRanOut()}, its notice recorded at 10:00 in Ulaanbaatar on {@code day}. */
    static List<Object> weekNoticedOn(LocalDate day) {
        return with(weekRanOut(), noticed(at(day)));
    }

    private static Object revokeOnTheRunOut(Instant at) {
        return signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied", null), SUPERVISOR, at,
                Role.MINISTRY_SUPERVISOR);
    }

    // ------------------------------------------------------------------ O230: three working days after the notice (item 104)

    @Test
    @DisplayName("002 art. 28.1, 28.3, 29.1.5 (ADR 0046 item 104, the lead's reading of O230): a suspension of one day noticed the same "
            + "day, or a suspension of a week noticed on its second-to-last day, grounds no revocation on 29.1.5 (409, nothing stored): its "
            + "last day is before the third working day after the day the registry received the notice's record; the other grounds stay")
    void a_suspension_too_short_after_its_notice_grounds_no_revocation_on_29_1_5() {
        assertThat(CALENDAR.deadline(LocalDate.of(2025, 4, 10), PermitDeadlines.SUSPENSION_NOTICE).due()).as("the week's calendar")
                .isEqualTo(LocalDate.of(2025, 4, 15));
        fixture.given(with(PermitAbuseRound23Test.oneDayRanOut(), noticed(Instant.parse("2025-03-01T03:00:00Z")))) // the same day
                .when(revokeOnTheRunOut(Instant.parse("2025-03-02T02:00:00Z")))
                .expectException(problem("permit.revocation-suspension-too-short-after-notice", "ground"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(weekNoticedOn(LocalDate.of(2025, 4, 10))) // Thursday, the second-to-last day
                .when(revokeOnTheRunOut(at(LocalDate.of(2025, 4, 14))))
                .expectException(problem("permit.revocation-suspension-too-short-after-notice", "ground"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(weekNoticedOn(LocalDate.of(2025, 4, 9))) // Wednesday: the third working day after it is Monday 14
                .when(revokeOnTheRunOut(at(LocalDate.of(2025, 4, 14))))
                .expectException(problem("permit.revocation-suspension-too-short-after-notice", "ground"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(weekNoticedOn(LocalDate.of(2025, 4, 10))) // the other grounds stay
                .when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, "false documents", REVOCATION_EVIDENCE), SUPERVISOR,
                        at(LocalDate.of(2025, 4, 14)), Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 29.1.5 (ADR 0046 item 104): a suspension whose last day is the third working day after its notice's "
            + "record, or later, grounds the revocation on 29.1.5 once it ran out unrestored (the notice on Tuesday of a week to Friday)")
    void a_suspension_noticed_three_working_days_before_its_end_grounds_29_1_5() {
        for (LocalDate day : List.of(WEEK_FROM, LocalDate.of(2025, 4, 8))) {
            fixture = Signed.fixture(services);
            fixture.given(weekNoticedOn(day))
                    .when(revokeOnTheRunOut(at(LocalDate.of(2025, 4, 14))))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 29.1.5 (ADR 0046 items 98, 104): a run-out the holder had no three working days after the notice to "
            + "remedy in is suspended anew by the ministry, as one not noticed, on a ground of its own")
    void a_run_out_noticed_too_late_to_remedy_is_suspended_anew() {
        Instant at = at(LocalDate.of(2025, 4, 15));
        fixture.given(with(weekNoticedOn(LocalDate.of(2025, 4, 10)), inspected(SECOND_OPINION, LocalDate.of(2025, 4, 14))))
                .when(suspend(SECOND_OPINION, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 30), at))
                .expectSuccessfulHandlerExecution();
        fixture = Signed.fixture(services);
        fixture.given(with(weekNoticedOn(LocalDate.of(2025, 4, 8)), inspected(SECOND_OPINION, LocalDate.of(2025, 4, 14))))
                .when(suspend(SECOND_OPINION, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 30), at))
                .expectException(problem("permit.already-suspended", null))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ O231: a chain of suspensions anew keeps to three months (item 105)

    static PermitInspected inspected(String findings, LocalDate on) {
        return new PermitInspected(ID, on, findings, true, at(on), INSPECTOR, on.plusYears(1));
    }

    static Object suspend(String opinion, LocalDate from, LocalDate until, Instant at) {
        return signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, opinion, 0, from, until), REVIEWER, at, Role.MINISTRY_REVIEWER);
    }

    /** The week's run-out not noticed, suspended anew on a second opinion from 15 April to 15 June, which ran out unnoticed too. */
    static List<Object> twoChainedRunOuts() {
        Instant anew = at(LocalDate.of(2025, 4, 15));
        Instant ranOut = Instant.parse("2025-06-15T16:00:00Z");
        return with(weekRanOut(), inspected(SECOND_OPINION, LocalDate.of(2025, 4, 14)),
                new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SECOND_OPINION, 0, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 15),
                        anew, REVIEWER),
                duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(anew, PermitDeadlines.SUSPENSION_NOTICE), anew),
                new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, anew, false, null, REVIEWER),
                new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, ranOut, "002 art. 29.1.5"),
                duty(PermitDuty.DECIDE_AFTER_SUSPENSION, CALENDAR.deadline(ranOut, PermitDuty.AFTER_SUSPENSION_DECISION), ranOut),
                inspected(THIRD_OPINION, LocalDate.of(2025, 6, 16)));
    }

    @Test
    @DisplayName("002 art. 28.1, 28.2, 28.3 (ADR 0046 item 105, the lead's reading of O231): suspensions anew on run-outs not noticed count "
            + "together toward 28.1's three months from the first one's first day: a suspension anew to a day after them is refused (409, "
            + "field until, nothing stored), and once they are spent none is open, nor the tax authority's request on it")
    void suspensions_anew_on_unnoticed_run_outs_keep_to_three_months_together() {
        // the first of the chain began on 7 April: its three months end on 6 July
        fixture.given(with(weekRanOut(), inspected(SECOND_OPINION, LocalDate.of(2025, 4, 14))))
                .when(suspend(SECOND_OPINION, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 7, 14), at(LocalDate.of(2025, 4, 15))))
                .expectException(problem("permit.suspension-anew-beyond-three-months", "until"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(twoChainedRunOuts()) // the third of the chain, beyond the first's three months
                .when(suspend(THIRD_OPINION, LocalDate.of(2025, 6, 17), LocalDate.of(2025, 9, 16), at(LocalDate.of(2025, 6, 17))))
                .expectException(problem("permit.suspension-anew-beyond-three-months", "until"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(twoChainedRunOuts()) // the months spent: no day is left for any suspension anew
                .when(suspend(THIRD_OPINION, LocalDate.of(2025, 7, 7), LocalDate.of(2025, 7, 8), at(LocalDate.of(2025, 7, 7))))
                .expectException(problem("permit.suspension-anew-beyond-three-months", "until"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(twoChainedRunOuts())
                .when(signed(new RequestPermitSuspension(ID, 3, PermitAbuseRound23Test.TAX_REQUEST), PermitSuspensionTest.TAX_OFFICER,
                        at(LocalDate.of(2025, 7, 7)), Role.TAX_OFFICER))
                .expectException(problem("permit.wrong-state", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3 (ADR 0046 item 105): a suspension anew on an unnoticed run-out is received to the last day of the three "
            + "months from the chain's first day, the third of a chain too, and the tax authority files its request on it within them")
    void a_suspension_anew_within_the_chains_three_months_is_received() {
        fixture.given(with(weekRanOut(), inspected(SECOND_OPINION, LocalDate.of(2025, 4, 14))))
                .when(suspend(SECOND_OPINION, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 7, 6), at(LocalDate.of(2025, 4, 15))))
                .expectSuccessfulHandlerExecution();
        fixture = Signed.fixture(services);
        fixture.given(twoChainedRunOuts())
                .when(suspend(THIRD_OPINION, LocalDate.of(2025, 7, 6), LocalDate.of(2025, 7, 6), at(LocalDate.of(2025, 7, 6))))
                .expectSuccessfulHandlerExecution();
        fixture = Signed.fixture(services);
        fixture.given(twoChainedRunOuts())
                .when(signed(new RequestPermitSuspension(ID, 3, PermitAbuseRound23Test.TAX_REQUEST), PermitSuspensionTest.TAX_OFFICER,
                        at(LocalDate.of(2025, 7, 6)), Role.TAX_OFFICER))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ O232: the request stops waiting once the revocation stands (item 106)

    /** {@link PermitAbuseRound23Test#requestedThenRevoked()} (revoked on 1 June 2025), the holder's complaint filed on 2 June. */
    static List<Object> requestedRevokedComplained() {
        return with(PermitAbuseRound23Test.requestedThenRevoked(), new RevocationComplaintFiled(ID, COMPLAINT, Instant.parse("2025-06-02T02:00:00Z"),
                HOLDER));
    }

    /** {@link #requestedRevokedComplained()}, the complaint rejected on 20 June: the revocation stands. */
    static List<Object> requestedRevokedRejected() {
        return with(requestedRevokedComplained(), new RevocationComplaintDecided(ID, false, DECISION, Instant.parse("2025-06-20T02:00:00Z"),
                SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
    }

    private static Object refuseTheRequest(Instant at) {
        return signed(new RefusePermitSuspensionRequest(ID, "the permit is revoked"), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 28.1, 29.4, 29.6 (ADR 0046 item 106, the lead's reading of O232): once the revocation can no longer be annulled "
            + "(the complaint rejected, the complaint period over with none filed, the term ended with a complaint pending) the tax "
            + "authority's request waits no more: its refusal is received and closes the ministry's duty")
    void a_tax_request_waits_no_more_once_the_revocation_stands() {
        fixture.given(requestedRevokedRejected())
                .when(refuseTheRequest(Instant.parse("2025-06-21T02:00:00Z")))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.instanceOf(PermitSuspensionRequestRefused.class),
                                org.hamcrest.Matchers.instanceOf(PermitDutyFulfilled.class))));
        fixture = Signed.fixture(services);
        fixture.given(PermitAbuseRound23Test.requestedThenRevoked()) // revoked on 1 June: the period's last day is 1 July
                .when(refuseTheRequest(at(LocalDate.of(2025, 7, 2))))
                .expectSuccessfulHandlerExecution();
        fixture = Signed.fixture(services);
        fixture.given(requestedRevokedComplained())
                .when(refuseTheRequest(at(VALID_UNTIL.plusDays(1))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 items 99, 106): while the revocation may still be annulled (the complaint period's last day, "
            + "a complaint pending in the term) the request waits (409, nothing stored); reinstated, it is decided as before")
    void a_tax_request_waits_while_the_revocation_may_be_annulled() {
        fixture.given(PermitAbuseRound23Test.requestedThenRevoked())
                .when(refuseTheRequest(at(LocalDate.of(2025, 7, 1))))
                .expectException(problem("permit.tax-request-of-a-revoked-permit", "applicationId"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(requestedRevokedComplained())
                .when(refuseTheRequest(at(VALID_UNTIL)))
                .expectException(problem("permit.tax-request-of-a-revoked-permit", "applicationId"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(PermitAbuseRound23Test.requestedThenReinstated())
                .when(refuseTheRequest(Instant.parse("2025-06-21T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }
}
