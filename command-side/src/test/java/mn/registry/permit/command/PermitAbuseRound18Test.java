package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 22's permits round 15 (docs/abuse-audit.md, "Session 22, permits round 15"; ADR 0046 items 71 on): acts on the special permit
 * whose ground had gone when they were signed, judged by the registry's own records and receipts.
 */
class PermitAbuseRound18Test extends PermitAbuseFixture {

    /** A second opinion of a violation, found after the inspection that found the first remedied. */
    private static final String NEW_OPINION = "5a".repeat(32);
    /** A contract passing the certificate database on, received before the revocation. */
    private static final String CONTRACT_KEPT_READY = "5b".repeat(32);
    /** A contract passing the certificate database on, received after the revocation. */
    private static final String CONTRACT = "5c".repeat(32);
    private static final ApplicationId SUCCESSOR = ApplicationId.of(UUID.fromString("11111111-2222-3333-4444-555555555556"));

    PermitAbuseRound18Test() {
        super(NEW_OPINION, CONTRACT_KEPT_READY, CONTRACT);
    }

    private static PermitInspected inspected(LocalDate on, String findings, boolean violation) {
        return new PermitInspected(ID, on, findings, violation, on.atStartOfDay(java.time.ZoneOffset.ofHours(8)).plusHours(10).toInstant(),
                INSPECTOR, on.plusYears(1));
    }

    private static Object suspendOn(String opinion, Instant at) {
        LocalDate today = LocalDate.of(2025, 3, 15);
        return signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, opinion, 0, today, today.plusMonths(2)), REVIEWER, at,
                Role.MINISTRY_REVIEWER);
    }

    @Test
    @DisplayName("002 art. 28.1, 31.1.7 (F310): a suspension on the inspector's opinion of a violation that a later inspection found no "
            + "more (the last inspection clean): refused, nothing stored; an opinion found after the clean inspection, or one recorded after "
            + "a clean inspection of the same day, grounds it")
    void a_suspension_rests_on_an_opinion_no_later_inspection_found_remedied() {
        Instant at = Instant.parse("2025-03-15T02:00:00Z");
        List<Object> remediedBeforeTheSuspension = new ArrayList<>(withOpinion()); // the violation of 2025-02-20, findings SHA
        remediedBeforeTheSuspension.add(inspected(LocalDate.of(2025, 3, 10), SHA2, false));
        fixture.given(remediedBeforeTheSuspension)
                .when(suspendOn(SHA, at))
                .expectException(problem("permit.suspension-on-an-opinion-found-remedied", "evidenceSha256"))
                .expectNoEvents();

        List<Object> violatedAgain = new ArrayList<>(remediedBeforeTheSuspension);
        violatedAgain.add(inspected(LocalDate.of(2025, 3, 12), NEW_OPINION, true));
        fixture.given(violatedAgain)
                .when(suspendOn(SHA, at))
                .expectException(problem("permit.suspension-on-an-opinion-found-remedied", "evidenceSha256"))
                .expectNoEvents();
        fixture.given(violatedAgain)
                .when(suspendOn(NEW_OPINION, at))
                .expectSuccessfulHandlerExecution();

        List<Object> cleanThenViolationTheSameDay = new ArrayList<>(active());
        cleanThenViolationTheSameDay.add(inspected(LocalDate.of(2025, 2, 20), SHA2, false));
        cleanThenViolationTheSameDay.add(inspected(LocalDate.of(2025, 2, 20), SHA, true));
        fixture.given(cleanThenViolationTheSameDay)
                .when(suspendOn(SHA, at))
                .expectSuccessfulHandlerExecution();
    }

    private List<Object> handedOver(Instant revokedAt) {
        List<Object> events = new ArrayList<>(active());
        events.add(new PermitRevoked(ID, RevocationGround.HOLDER_REQUEST, "reason", revokedAt, SUPERVISOR, true));
        Instant handedAt = revokedAt.plusSeconds(86_400 * 5);
        events.add(new CertificateDatabaseHandedOver(ID, SHA, handedAt, REVIEWER, DATABASE_RECEIPT));
        return events;
    }

    @Test
    @DisplayName("002 art. 29.3, 29.4 (F311): the ministry passes a revoked holder's certificate database on under a contract the registry "
            + "received before the revocation (a successor chosen before there was a database to pass on): refused, nothing stored; a contract "
            + "received the revocation's day or after passes")
    void a_database_is_passed_on_under_a_contract_not_older_than_the_revocation() {
        services.permitsInForce.add(SUCCESSOR);
        Instant revokedAt = Instant.parse("2025-06-01T02:00:00Z");
        Instant at = Instant.parse("2025-07-15T02:00:00Z");
        services.receivedAt.put(CONTRACT_KEPT_READY, Instant.parse("2025-05-20T02:00:00Z"));
        services.receivedAt.put(CONTRACT, Instant.parse("2025-06-01T01:00:00Z")); // the revocation's morning
        fixture.given(handedOver(revokedAt))
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, CONTRACT_KEPT_READY), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.database-contract-before-the-revocation", "contractSha256"))
                .expectNoEvents();
        fixture.given(handedOver(revokedAt))
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, CONTRACT), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new CertificateDatabasePassedOn(ID, SUCCESSOR, CONTRACT, at, SUPERVISOR));
    }

    private static Object revokeOnTheRunOut(Instant at) {
        return signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied"), SUPERVISOR, at,
                Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 28.4, 29.1.5 (F312): the suspension runs out unrestored after an inspection during it found the violation remedied, "
            + "or after the tax authority recorded the evasions settled, and the supervisor revokes the permit for violations not remedied "
            + "during the suspension: refused, nothing stored (the supervisor restores it); remedied only after the run-out, the revocation stands")
    void no_revocation_for_violations_not_remedied_when_the_record_shows_them_remedied_during_the_suspension() {
        Instant at = Instant.parse("2025-06-03T02:00:00Z");
        fixture.given(PermitSuspensionTest.ranOut(remedied())) // the clean inspection of 2025-03-20, during the suspension to 2025-05-31
                .when(revokeOnTheRunOut(at))
                .expectException(problem("permit.revocation-ground-removed-during-the-suspension", "ground"))
                .expectNoEvents();
        fixture.given(PermitSuspensionTest.ranOut(remedied()))
                .when(signed(new RestorePermit(ID, "Violations remedied"), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();

        List<Object> settled = new ArrayList<>(PermitAbuseRound8Test.taxSuspended());
        settled.add(new TaxEvasionsSettled(ID, "5d".repeat(32), Instant.parse("2025-04-10T02:00:00Z"), PermitSuspensionTest.TAX_OFFICER,
                "002 art. 28.1, 28.4"));
        fixture.given(PermitSuspensionTest.ranOut(settled))
                .when(revokeOnTheRunOut(at))
                .expectException(problem("permit.revocation-ground-removed-during-the-suspension", "ground"))
                .expectNoEvents();

        List<Object> violatedAgain = new ArrayList<>(remedied());
        violatedAgain.add(inspected(LocalDate.of(2025, 4, 15), NEW_OPINION, true)); // a violation found again before the end
        fixture.given(PermitSuspensionTest.ranOut(violatedAgain))
                .when(revokeOnTheRunOut(at))
                .expectSuccessfulHandlerExecution();
        List<Object> remediedAfterTheRunOut = new ArrayList<>(PermitSuspensionTest.ranOut(suspended()));
        remediedAfterTheRunOut.add(inspected(LocalDate.of(2025, 6, 2), SHA2, false));
        fixture.given(remediedAfterTheRunOut)
                .when(revokeOnTheRunOut(at))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.1.1, 29.6: the holder's request to revoke, pending when the permit was revoked on another ground, is not used "
            + "again for a revocation after an upheld complaint reinstated the permit (no complaint lies against 29.1.1): refused")
    void a_holders_request_to_revoke_grounds_one_revocation() {
        Instant revokedAt = Instant.parse("2025-06-01T02:00:00Z");
        List<Object> reinstated = new ArrayList<>(active());
        reinstated.add(new PermitRevocationRequested(ID, Instant.parse("2025-05-20T02:00:00Z"), HOLDER));
        reinstated.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "reason", revokedAt, SUPERVISOR, true));
        reinstated.add(new RevocationComplaintFiled(ID, "5e".repeat(32), revokedAt.plusSeconds(86_400), HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, "5f".repeat(32), revokedAt.plusSeconds(86_400 * 10), SUPERVISOR_2, VALID_UNTIL,
                RevocationComplaintDecided.ARTICLE));
        fixture.given(reinstated)
                .when(signed(new RevokePermit(ID, RevocationGround.HOLDER_REQUEST, "at the holder's request"), SUPERVISOR,
                        revokedAt.plusSeconds(86_400 * 20), Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.revocation-not-requested", "ground"))
                .expectNoEvents();
    }
}
