package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 23's permits round 17 (docs/abuse-audit.md, "Session 23, permits round 17"; ADR 0046 items 86-90): the lead's readings of
 * O189 and O190 (the successor's extension and the predecessor's violations, held), O192 (an inspection removes the suspension's ground by
 * its record's receipt) and O196 (an upheld complaint spends the violations of the revocation it annulled; 29.1.5 after F197); session 23's permits round 18 (ADR 0046
 * item 91): O205, an upheld complaint spends the run-out of the 29.1.5 revocation it annulled.
 */
class PermitAbuseRound20Test extends PermitAbuseFixture {

    static Object revoke(RevocationGround ground, Instant at) {
        return signed(new RevokePermit(ID, ground, "the record"), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    /** A clean inspection dated on the suspension's last day (2025-05-31), its record received by the registry at {@code receivedAt}. */
    static List<Object> cleanOnTheLastDay(Instant receivedAt) {
        List<Object> events = new ArrayList<>(PermitSuspensionTest.ranOut(suspended()));
        events.add(new PermitInspected(ID, SUSPENDED_UNTIL, SHA2, false, receivedAt, INSPECTOR, SUSPENDED_UNTIL.plusYears(1)));
        return events;
    }

    @Test
    @DisplayName("002 art. 28.4, 29.1.5 (ADR 0046 item 88; was O192): a clean inspection dated on the suspension's last day but recorded "
            + "after the suspension ran out unrestored does not remove its ground: the revocation on 29.1.5 is recorded; an inspection "
            + "recorded on the last day (even late in its evening, Ulaanbaatar) removes it, and 29.1.5 is refused")
    void an_inspection_removes_the_suspensions_ground_by_its_records_receipt() {
        Instant at = Instant.parse("2025-06-03T02:00:00Z");
        fixture.given(cleanOnTheLastDay(Instant.parse("2025-06-02T02:00:00Z"))) // the record uploaded two days after the last day
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, at))
                .expectSuccessfulHandlerExecution();
        fixture.given(cleanOnTheLastDay(Instant.parse("2025-05-31T15:30:00Z"))) // 23:30 on the last day in Ulaanbaatar
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, at))
                .expectException(problem("permit.revocation-ground-removed-during-the-suspension", "ground"))
                .expectNoEvents();
        fixture.given(cleanOnTheLastDay(Instant.parse("2025-05-31T16:30:00Z"))) // 00:30 the next day in Ulaanbaatar
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, at))
                .expectSuccessfulHandlerExecution();
    }

    private static PermitInspected violation(LocalDate on, String findings) {
        return new PermitInspected(ID, on, findings, true, on.atStartOfDay(java.time.ZoneOffset.ofHours(8)).plusHours(10).toInstant(),
                INSPECTOR, on.plusYears(1));
    }

    /** Two violations found, the permit revoked on {@code ground}, the holder's complaint upheld on 2025-06-20. */
    static List<Object> reinstatedAfter(RevocationGround ground) {
        List<Object> events = new ArrayList<>(active());
        events.add(violation(LocalDate.of(2025, 3, 10), "6a".repeat(32)));
        events.add(violation(LocalDate.of(2025, 4, 10), "6b".repeat(32)));
        Instant revokedAt = Instant.parse("2025-06-01T02:00:00Z");
        events.add(new PermitRevoked(ID, ground, "reason", revokedAt, SUPERVISOR, true));
        events.add(new RevocationComplaintFiled(ID, "6c".repeat(32), revokedAt.plusSeconds(86_400), HOLDER));
        events.add(new RevocationComplaintDecided(ID, true, "6d".repeat(32), Instant.parse("2025-06-20T02:00:00Z"), SUPERVISOR_2, VALID_UNTIL,
                RevocationComplaintDecided.ARTICLE));
        return events;
    }

    @Test
    @DisplayName("002 art. 29.1.4, 29.6 (ADR 0046 item 89; was O196): the permit an upheld complaint reinstated from a revocation for repeated "
            + "violations is revoked again on 29.1.4 on the same inspections: refused, nothing stored; one violation found since the decision "
            + "is not repeated; two found since revoke it; a complaint upheld against a revocation on another ground spends none")
    void an_upheld_complaint_spends_the_violations_of_the_revocation_it_annulled() {
        Instant at = Instant.parse("2025-07-20T02:00:00Z");
        fixture.given(reinstatedAfter(RevocationGround.REPEATED_VIOLATIONS))
                .when(revoke(RevocationGround.REPEATED_VIOLATIONS, at))
                .expectException(problem("permit.revocation-violations-of-an-annulled-revocation", "ground"))
                .expectNoEvents();

        List<Object> oneSince = new ArrayList<>(reinstatedAfter(RevocationGround.REPEATED_VIOLATIONS));
        oneSince.add(violation(LocalDate.of(2025, 7, 1), "6e".repeat(32)));
        fixture.given(oneSince)
                .when(revoke(RevocationGround.REPEATED_VIOLATIONS, at))
                .expectException(problem("permit.revocation-violations-of-an-annulled-revocation", "ground"))
                .expectNoEvents();

        List<Object> twoSince = new ArrayList<>(oneSince);
        twoSince.add(violation(LocalDate.of(2025, 7, 15), "6f".repeat(32)));
        fixture.given(twoSince)
                .when(revoke(RevocationGround.REPEATED_VIOLATIONS, at))
                .expectSuccessfulHandlerExecution();

        fixture.given(reinstatedAfter(RevocationGround.FALSE_DOCUMENTS)) // annulled for the documents: the inspections are not its
                .when(revoke(RevocationGround.REPEATED_VIOLATIONS, at))
                .expectSuccessfulHandlerExecution();
    }

    /** Revoked on 29.1.5 on 2025-06-03 (its suspension ran out unrestored), the holder's complaint filed the next day. */
    static List<Object> revokedOnTheRunOut() {
        List<Object> events = new ArrayList<>(PermitSuspensionTest.ranOut(suspended()));
        Instant revokedAt = Instant.parse("2025-06-03T02:00:00Z");
        events.add(new PermitRevoked(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "reason", revokedAt, SUPERVISOR, true));
        events.add(new RevocationComplaintFiled(ID, "7c".repeat(32), revokedAt.plusSeconds(86_400), HOLDER));
        return events;
    }

    static final Instant DECIDED_ON_THE_RUN_OUT = Instant.parse("2025-06-20T02:00:00Z");

    /** {@link #revokedOnTheRunOut()} with the complaint upheld: reinstated suspended on the days as they stood, which ran out (item 56). */
    static List<Object> reinstatedOnTheRunOut() {
        List<Object> events = new ArrayList<>(revokedOnTheRunOut());
        events.add(new RevocationComplaintDecided(ID, true, "7d".repeat(32), DECIDED_ON_THE_RUN_OUT, SUPERVISOR_2, VALID_UNTIL,
                RevocationComplaintDecided.ARTICLE));
        events.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL,
                DECIDED_ON_THE_RUN_OUT, SUPERVISOR_2));
        events.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, DECIDED_ON_THE_RUN_OUT,
                "002 art. 29.1.5"));
        return events;
    }

    @Test
    @DisplayName("002 art. 28.4, 29.1.5, 29.6 (ADR 0046 item 91; was O205): the permit an upheld complaint reinstated from a revocation on "
            + "29.1.5 is suspended again on the days as they stood, which ran out, but revoked again on 29.1.5 on that run-out: refused, "
            + "nothing stored; restored, then suspended anew and run out unrestored, 29.1.5 is recorded; a complaint upheld against a "
            + "revocation on another ground spends no run-out (the suspension applied again, once run out, grounds 29.1.5)")
    void an_upheld_complaint_spends_the_run_out_of_the_revocation_it_annulled() {
        services.otherDocuments.add("7d".repeat(32));
        services.receivedAt.put("7d".repeat(32), DECIDED_ON_THE_RUN_OUT.minusSeconds(3600));
        fixture.given(revokedOnTheRunOut()) // item 56 stays: the decision applies the suspension again and raises its ground at once
                .when(signed(new DecideRevocationComplaint(ID, true, "7d".repeat(32)), SUPERVISOR_2, DECIDED_ON_THE_RUN_OUT))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.instanceOf(RevocationGroundRaised.class))));
        fixture.given(reinstatedOnTheRunOut())
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, DECIDED_ON_THE_RUN_OUT.plusSeconds(3600)))
                .expectException(problem("permit.revocation-run-out-of-an-annulled-revocation", "ground"))
                .expectNoEvents();

        // restored (the ground removed, 28.4), then suspended anew to 2025-09-30, which ran out unrestored: its own run-out grounds 29.1.5
        List<Object> suspendedAnew = new ArrayList<>(reinstatedOnTheRunOut());
        suspendedAnew.add(new PermitRestored(ID, "remedied", Instant.parse("2025-06-25T02:00:00Z"), SUPERVISOR_2, "002 art. 28.4"));
        Instant suspendedAgainAt = Instant.parse("2025-07-01T02:00:00Z");
        LocalDate until = LocalDate.of(2025, 9, 30);
        suspendedAnew.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA2, 0, LocalDate.of(2025, 7, 1), until, suspendedAgainAt,
                REVIEWER));
        Instant at = Instant.parse("2025-10-03T02:00:00Z");
        fixture.given(suspendedAnew)
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, at))
                .expectException(problem("permit.revocation-suspension-not-run-out", "ground"))
                .expectNoEvents();
        List<Object> ranOutAnew = new ArrayList<>(suspendedAnew);
        ranOutAnew.add(PermitSuspensionTest.noticed(Instant.parse("2025-07-01T03:00:00Z"))); // within its days (ADR 0046 item 98)
        ranOutAnew.add(new RevocationGroundRaised(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION,
                Instant.parse("2025-09-30T16:00:00Z"), "002 art. 29.1.5"));
        fixture.given(ranOutAnew)
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, at))
                .expectSuccessfulHandlerExecution();

        // revoked on 29.1.3 while suspended to 2025-05-31, the complaint upheld on 2025-04-10: the suspension applied again runs on, and
        // its own run-out (none was spent) grounds 29.1.5
        List<Object> reinstated = new ArrayList<>(suspended());
        Instant revokedAt = Instant.parse("2025-04-01T02:00:00Z");
        reinstated.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "reason", revokedAt, SUPERVISOR, true));
        reinstated.add(new RevocationComplaintFiled(ID, "7a".repeat(32), revokedAt.plusSeconds(86_400), HOLDER));
        Instant decidedAt = Instant.parse("2025-04-10T02:00:00Z");
        reinstated.add(new RevocationComplaintDecided(ID, true, "7b".repeat(32), decidedAt, SUPERVISOR_2, VALID_UNTIL,
                RevocationComplaintDecided.ARTICLE));
        reinstated.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL, decidedAt,
                SUPERVISOR_2));
        fixture.given(reinstated)
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, Instant.parse("2025-04-20T02:00:00Z")))
                .expectException(problem("permit.revocation-suspension-not-run-out", "ground"))
                .expectNoEvents();
        fixture.given(PermitSuspensionTest.ranOut(reinstated))
                .when(revoke(RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, Instant.parse("2025-06-03T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }

    private static final Company SUCCESSOR = new Company("Successor Trust LLC", "6400599", true, "Peace Avenue 2, Ulaanbaatar");

    static PermitTransferred transferred(Instant at) {
        return new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, "8a".repeat(32), at, SUPERVISOR, null, null);
    }

    @Test
    @DisplayName("002 art. 23.3, 27.2, 27.3 (ADR 0046 item 86, the lead's reading of O189): the predecessor's request to extend, pending when "
            + "the permit passed to its successor, is decided for the successor: extended (the right to hold the permit passed, and the "
            + "ministry's delay does not let its term run out on the successor)")
    void an_extension_requested_before_the_transfer_is_decided_for_the_successor() {
        Instant requestedAt = Instant.parse("2029-08-01T02:00:00Z");
        mn.registry.kernel.calendar.Deadline fastPath = CALENDAR.deadline(requestedAt, PermitDeadlines.EXTENSION_FAST_PATH);
        List<Object> events = new ArrayList<>(active());
        events.add(new PermitExtensionRequested(ID, SHA2, requestedAt, LocalDate.of(2029, 9, 10), false, fastPath.due(), HOLDER));
        events.add(duty(PermitDuty.DECIDE_EXTENSION, fastPath, requestedAt));
        events.add(transferred(requestedAt.plusSeconds(86_400)));
        fixture.given(events)
                .when(signed(new DecidePermitExtension(ID, true, List.of()), REVIEWER, requestedAt.plusSeconds(2 * 86_400), Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 23.3, 29.1.4, 29.6 (ADR 0046 item 87, the lead's reading of O190): the inspections that found the predecessor in "
            + "violation count for repeated violations after the transfer (the successor undertakes the permit's conditions): revoked; the "
            + "holder may complain")
    void the_predecessors_violations_count_for_29_1_4_after_the_transfer() {
        List<Object> events = new ArrayList<>(active());
        events.add(violation(LocalDate.of(2025, 3, 10), "8b".repeat(32)));
        events.add(violation(LocalDate.of(2025, 4, 10), "8c".repeat(32)));
        events.add(transferred(Instant.parse("2025-05-10T02:00:00Z")));
        fixture.given(events)
                .when(revoke(RevocationGround.REPEATED_VIOLATIONS, Instant.parse("2025-06-01T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
    }
}
