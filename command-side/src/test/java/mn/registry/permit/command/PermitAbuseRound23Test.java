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

/**
 * Session 25's permits round 22 (docs/abuse-audit.md, "Session 25, permits round 22"; ADR 0046 items 98, 99): O216, a suspension the
 * holder was not told of in its days grounds no revocation on 29.1.5; O229, the tax authority's request on a revoked permit waits for the
 * revocation's outcome. The desk's answer on these histories is checked beside the commands' in {@link PermitAbuseRound21Test}.
 */
class PermitAbuseRound23Test extends PermitAbuseFixture {

    PermitAbuseRound23Test() {
        super(PermitSuspensionTest.NOTICE_SHA, SECOND_OPINION, TAX_REQUEST);
    }

    /** The findings of a second inspection that found a violation, recorded after the first suspension was restored. */
    private static final String SECOND_OPINION = "b2".repeat(32);
    /** The tax authority's request (002 art. 28.1). */
    static final String TAX_REQUEST = "b3".repeat(32);

    /** A suspension of one day, 2025-03-01, on the inspector's opinion; it ran out at the day's end in Ulaanbaatar. */
    static final LocalDate ONE_DAY = LocalDate.of(2025, 3, 1);
    private static final Instant ONE_DAY_RAN_OUT = Instant.parse("2025-03-01T16:00:00Z");
    private static final Instant REVOKED_AT = Instant.parse("2025-03-04T02:00:00Z");

    /** Suspended for the one day {@link #ONE_DAY}, run out unrestored, its notice not recorded. */
    static List<Object> oneDayRanOut() {
        List<Object> events = new ArrayList<>(withOpinion());
        events.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, ONE_DAY, ONE_DAY, SUSPENDED_AT, REVIEWER));
        events.add(duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE), SUSPENDED_AT));
        events.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, ONE_DAY_RAN_OUT, "002 art. 29.1.5"));
        events.add(duty(PermitDuty.DECIDE_AFTER_SUSPENSION, CALENDAR.deadline(ONE_DAY_RAN_OUT, PermitDuty.AFTER_SUSPENSION_DECISION), ONE_DAY_RAN_OUT));
        return events;
    }

    private static Object revokeOnTheRunOut(Instant at) {
        return signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied", null), SUPERVISOR, at,
                Role.MINISTRY_SUPERVISOR);
    }

    // ------------------------------------------------------------------ O216: 29.1.5 needs the suspension's notice in its days (item 98)

    @Test
    @DisplayName("002 art. 28.1, 28.3, 29.1.5 (ADR 0046 item 98, the lead's reading of O216): a suspension of one day, its notice to the "
            + "holder recorded after its last day, or never, grounds no revocation on 29.1.5 (409, nothing stored), judged by the day in "
            + "Ulaanbaatar the registry received the notice's record; the other grounds stay")
    void a_suspension_the_holder_was_not_told_of_in_its_days_grounds_no_revocation_on_29_1_5() {
        fixture.given(oneDayRanOut())
                .when(revokeOnTheRunOut(REVOKED_AT))
                .expectException(problem("permit.revocation-suspension-not-notified", "ground"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(with(oneDayRanOut(), noticed(Instant.parse("2025-03-03T02:00:00Z")))) // two days after its last day
                .when(revokeOnTheRunOut(REVOKED_AT))
                .expectException(problem("permit.revocation-suspension-not-notified", "ground"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        // 00:30 on 2 March in Ulaanbaatar, still 1 March in UTC: after the last day, by the registry's day
        fixture.given(with(oneDayRanOut(), noticed(Instant.parse("2025-03-01T16:30:00Z"))))
                .when(revokeOnTheRunOut(REVOKED_AT))
                .expectException(problem("permit.revocation-suspension-not-notified", "ground"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(oneDayRanOut()) // the other grounds stay: the false documents, on the document that shows them
                .when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, "false documents", REVOCATION_EVIDENCE), SUPERVISOR,
                        REVOKED_AT, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 29.1.5 (ADR 0046 items 98, 104): the suspension's notice recorded within its days, to the last minute "
            + "of its last day in Ulaanbaatar, passes item 98's rule; since item 104 (session 26) a suspension of one day so noticed is refused "
            + "as too short after its notice, and one noticed early enough grounds the revocation on 29.1.5 once it ran out unrestored")
    void a_suspension_noticed_within_its_days_grounds_29_1_5() {
        fixture.given(with(oneDayRanOut(), noticed(Instant.parse("2025-03-01T15:30:00Z")))) // 23:30 on its last day in Ulaanbaatar
                .when(revokeOnTheRunOut(REVOKED_AT))
                .expectException(problem("permit.revocation-suspension-too-short-after-notice", "ground")) // item 98's rule passed
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(PermitSuspensionTest.ranOut()) // three months, noticed on its first day
                .when(revokeOnTheRunOut(Instant.parse("2025-06-03T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 29.1.5 (ADR 0046 item 98): the notice of an earlier suspension, restored, is not the notice of the "
            + "one that ran out (a second use); the notice of a suspension a revocation found, and an upheld complaint applied again as it "
            + "stood (item 56), is that suspension's notice still")
    void a_notice_is_the_notice_of_its_own_suspension() {
        List<Object> secondSuspension = with(suspended(), noticed(SUSPENDED_AT.plusSeconds(3_600)),
                new PermitInspected(ID, LocalDate.of(2025, 3, 20), SHA2, false, Instant.parse("2025-03-20T02:00:00Z"), INSPECTOR,
                        LocalDate.of(2026, 3, 20)),
                new PermitRestored(ID, "remedied", Instant.parse("2025-03-21T02:00:00Z"), SUPERVISOR, "002 art. 28.4"),
                new PermitInspected(ID, LocalDate.of(2025, 4, 1), SECOND_OPINION, true, Instant.parse("2025-04-01T02:00:00Z"), INSPECTOR,
                        LocalDate.of(2026, 4, 1)));
        Instant again = Instant.parse("2025-04-02T02:00:00Z");
        secondSuspension.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SECOND_OPINION, 0, LocalDate.of(2025, 4, 2),
                LocalDate.of(2025, 4, 3), again, REVIEWER));
        secondSuspension.add(duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(again, PermitDeadlines.SUSPENSION_NOTICE), again));
        secondSuspension.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                Instant.parse("2025-04-03T16:00:00Z"), "002 art. 29.1.5"));
        fixture.given(secondSuspension)
                .when(revokeOnTheRunOut(Instant.parse("2025-04-07T02:00:00Z")))
                .expectException(problem("permit.revocation-suspension-not-notified", "ground"))
                .expectNoEvents();

        for (boolean noticeRecorded : new boolean[] {true, false}) {
            List<Object> reinstated = new ArrayList<>(suspended());
            if (noticeRecorded) {
                reinstated.add(noticed(SUSPENDED_AT.plusSeconds(3_600)));
            }
            Instant revokedAt = Instant.parse("2025-04-01T02:00:00Z");
            Instant decidedAt = Instant.parse("2025-04-20T02:00:00Z");
            reinstated.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "reason", revokedAt, SUPERVISOR, true, REVOCATION_EVIDENCE));
            reinstated.add(new RevocationComplaintFiled(ID, "b4".repeat(32), revokedAt.plusSeconds(86_400), HOLDER));
            reinstated.add(new RevocationComplaintDecided(ID, true, "b5".repeat(32), decidedAt, SUPERVISOR_2, VALID_UNTIL,
                    RevocationComplaintDecided.ARTICLE));
            reinstated.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL,
                    decidedAt, SUPERVISOR_2));
            reinstated.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                    PermitSuspensionTest.RAN_OUT_AT, "002 art. 29.1.5"));
            fixture = Signed.fixture(services);
            if (noticeRecorded) {
                fixture.given(reinstated).when(revokeOnTheRunOut(Instant.parse("2025-06-03T02:00:00Z"))).expectSuccessfulHandlerExecution();
            } else {
                fixture.given(reinstated).when(revokeOnTheRunOut(Instant.parse("2025-06-03T02:00:00Z")))
                        .expectException(problem("permit.revocation-suspension-not-notified", "ground")).expectNoEvents();
            }
        }
    }

    @Test
    @DisplayName("002 art. 28.1, 28.3, 29.1.5 (ADR 0046 item 98, as item 92): a suspension run out with no notice in its days is suspended "
            + "anew by the ministry, on a ground of its own (an opinion no suspension used), for new days, which answers the supervisor's "
            + "duty; not on the opinion the first suspension used; the tax authority may file its request on it; a run-out noticed in its "
            + "days takes neither (one suspension at a time)")
    void a_run_out_not_noticed_is_suspended_anew_on_a_ground_of_its_own() {
        Instant at = Instant.parse("2025-03-04T02:00:00Z");
        List<Object> foundAgain = with(oneDayRanOut(), new PermitInspected(ID, LocalDate.of(2025, 3, 3), SECOND_OPINION, true,
                Instant.parse("2025-03-03T02:00:00Z"), INSPECTOR, LocalDate.of(2026, 3, 3)));
        fixture.given(foundAgain)
                .when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SECOND_OPINION, 0, LocalDate.of(2025, 3, 4),
                        LocalDate.of(2025, 4, 30)), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.hamcrest.Matchers.equalTo(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SECOND_OPINION, 0,
                                        LocalDate.of(2025, 3, 4), LocalDate.of(2025, 4, 30), at, REVIEWER)),
                                org.hamcrest.Matchers.instanceOf(PermitDutyRaised.class),
                                org.hamcrest.Matchers.equalTo(new PermitDutyFulfilled(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, at, false, null, REVIEWER)))));
        fixture = Signed.fixture(services);
        fixture.given(foundAgain) // the opinion the first suspension used grounds no second one
                .when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 4),
                        LocalDate.of(2025, 4, 30)), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.suspension-without-inspector-opinion", null))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(oneDayRanOut())
                .when(signed(new RequestPermitSuspension(ID, 3, TAX_REQUEST), PermitSuspensionTest.TAX_OFFICER, at, Role.TAX_OFFICER))
                .expectSuccessfulHandlerExecution();
        // noticed in its days, and (item 104, session 26) early enough to remedy: three months noticed on their first day
        List<Object> noticedInItsDays = with(PermitSuspensionTest.ranOut(), new PermitInspected(ID, LocalDate.of(2025, 6, 2), SECOND_OPINION,
                true, Instant.parse("2025-06-02T02:00:00Z"), INSPECTOR, LocalDate.of(2026, 6, 2)));
        Instant after = Instant.parse("2025-06-03T02:00:00Z");
        fixture = Signed.fixture(services);
        fixture.given(noticedInItsDays)
                .when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SECOND_OPINION, 0, LocalDate.of(2025, 6, 3),
                        LocalDate.of(2025, 6, 30)), REVIEWER, after, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.already-suspended", null))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(noticedInItsDays)
                .when(signed(new RequestPermitSuspension(ID, 3, TAX_REQUEST), PermitSuspensionTest.TAX_OFFICER, after, Role.TAX_OFFICER))
                .expectException(problem("permit.wrong-state", null))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ O229: the tax request on a revoked permit waits (item 99)

    /** Active, the tax authority's request waiting for the ministry's decision. */
    static List<Object> requested() {
        Instant at = Instant.parse("2025-05-20T02:00:00Z");
        return with(active(), new PermitSuspensionRequested(ID, 3, TAX_REQUEST, at, PermitSuspensionTest.TAX_OFFICER, "002 art. 28.1"),
                duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, CALENDAR.deadline(at, PermitDuty.TAX_REQUEST_DECISION), at));
    }

    /** {@link #requested()}, then revoked on the false documents. */
    static List<Object> requestedThenRevoked() {
        return with(requested(), new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "reason", Instant.parse("2025-06-01T02:00:00Z"),
                SUPERVISOR, true, REVOCATION_EVIDENCE));
    }

    /** {@link #requestedThenRevoked()}, the holder's complaint upheld: reinstated in force. */
    static List<Object> requestedThenReinstated() {
        return with(requestedThenRevoked(), new RevocationComplaintFiled(ID, "b6".repeat(32), Instant.parse("2025-06-02T02:00:00Z"), HOLDER),
                new RevocationComplaintDecided(ID, true, "b7".repeat(32), Instant.parse("2025-06-20T02:00:00Z"), SUPERVISOR_2, VALID_UNTIL,
                        RevocationComplaintDecided.ARTICLE));
    }

    private static Object refuseTheRequest(Instant at) {
        return signed(new RefusePermitSuspensionRequest(ID, "the evasions are not proven"), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 28.1, 29.6 (ADR 0046 item 99, the lead's reading of O229): the tax authority's request on a revoked permit waits "
            + "for the revocation's outcome, as an extension request does (item 51): its refusal in the complaint period is refused (409, "
            + "nothing stored); reinstated by the upheld complaint, the request is refused as before")
    void a_tax_request_on_a_revoked_permit_waits_for_the_revocations_outcome() {
        fixture.given(requestedThenRevoked())
                .when(refuseTheRequest(Instant.parse("2025-06-05T02:00:00Z")))
                .expectException(problem("permit.tax-request-of-a-revoked-permit", "applicationId"))
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(requestedThenReinstated())
                .when(refuseTheRequest(Instant.parse("2025-06-21T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 29.2 (ADR 0046 item 99): on a permit that expired with the tax authority's request waiting, the request can "
            + "ground no suspension (the permit is not in force), and its refusal is decided as before, which closes the ministry's duty")
    void an_expired_permits_tax_request_is_refused_as_before() {
        List<Object> expired = with(requested(), new PermitExpired(ID, VALID_UNTIL, VALID_UNTIL.plusDays(1).atStartOfDay(
                java.time.ZoneOffset.ofHours(8)).toInstant(), "002 art. 29.2"));
        Instant after = VALID_UNTIL.plusDays(2).atStartOfDay(java.time.ZoneOffset.ofHours(8)).plusHours(10).toInstant();
        fixture.given(expired)
                .when(signed(new SuspendPermit(ID, SuspensionGround.TAX_EVASIONS, TAX_REQUEST, 0, VALID_UNTIL.plusDays(2),
                        VALID_UNTIL.plusDays(30)), SUPERVISOR, after, Role.MINISTRY_SUPERVISOR))
                .expectException(mn.registry.kernel.problem.RegistryProblem.class)
                .expectNoEvents();
        fixture = Signed.fixture(services);
        fixture.given(expired)
                .when(refuseTheRequest(after))
                .expectSuccessfulHandlerExecution();
    }
}
