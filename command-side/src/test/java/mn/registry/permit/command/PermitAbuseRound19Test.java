package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 23's permits round 16 (docs/abuse-audit.md, "Session 23, permits round 16"; ADR 0046 items 74 on): the lead's readings of 002
 * art. 23.3 (a request to revoke is the company's that made it) and 26.7 (the contract is signed when issuing, after the approval).
 */
class PermitAbuseRound19Test extends PermitAbuseFixture {

    /** A contract the registry received a week before the approval (with the application's documents). */
    private static final String CONTRACT_BEFORE_THE_REVIEW = "6a".repeat(32);
    /** A contract received the morning of the approval, before it was signed. */
    private static final String CONTRACT_OF_THE_APPROVAL_DAY = "6b".repeat(32);
    /** A contract received after the approval. */
    private static final String CONTRACT = "6c".repeat(32);
    /** The record of the successor's own reorganisation (undated: received with the act; session 24, ADR 0046 item 97). */
    private static final String SUCCESSORS_REORGANISATION = "6d".repeat(32);
    private static final Company SUCCESSOR = new Company("Successor Trust LLC", "6400599", true, "Peace Avenue 2, Ulaanbaatar");
    private static final Instant REQUESTED_AT = Instant.parse("2025-05-01T02:00:00Z");
    private static final Instant TRANSFERRED_AT = Instant.parse("2025-05-10T02:00:00Z");

    PermitAbuseRound19Test() {
        super(CONTRACT_BEFORE_THE_REVIEW, CONTRACT_OF_THE_APPROVAL_DAY, CONTRACT, SUCCESSORS_REORGANISATION);
        services.receivedAt.put(CONTRACT_BEFORE_THE_REVIEW, APPROVED_AT.minusSeconds(8 * 86_400));
        services.receivedAt.put(CONTRACT_OF_THE_APPROVAL_DAY, APPROVED_AT.minusSeconds(3_600));
        services.receivedAt.put(CONTRACT, APPROVED_AT.plusSeconds(86_400));
    }

    /** The permit in force, its holder's request to revoke received, then the permit passed to a successor on a merger (002 art. 23.3). */
    private static List<Object> transferredWithTheRequestWaiting() {
        List<Object> events = new ArrayList<>(active());
        events.add(new PermitRevocationRequested(ID, REQUESTED_AT, HOLDER));
        events.add(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR, null, null));
        return events;
    }

    private static Object revokeAtTheHoldersRequest(Instant at) {
        return signed(new RevokePermit(ID, RevocationGround.HOLDER_REQUEST, "at the holder's request"), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 23.3, 29.1.1 (F320, was O187): the predecessor asked to revoke, the permit passed to its successor, which did not: "
            + "a revocation at the holder's request (no complaint lies) refused, nothing stored; the request stays, the successor's own "
            + "request is received and grounds it")
    void a_request_to_revoke_received_before_the_transfer_grounds_no_revocation_after_it() {
        Instant later = TRANSFERRED_AT.plusSeconds(10 * 86_400);
        fixture.given(transferredWithTheRequestWaiting())
                .when(revokeAtTheHoldersRequest(later))
                .expectException(problem("permit.revocation-requested-before-the-transfer", "ground"))
                .expectNoEvents();
        // the successor's own request: received, not "already requested" by the predecessor's
        fixture.given(transferredWithTheRequestWaiting())
                .when(signed(new RequestPermitRevocation(ID), HOLDER, later))
                .expectEvents(new PermitRevocationRequested(ID, later, HOLDER));
        List<Object> askedAgain = new ArrayList<>(transferredWithTheRequestWaiting());
        askedAgain.add(new PermitRevocationRequested(ID, later, HOLDER));
        fixture.given(askedAgain)
                .when(revokeAtTheHoldersRequest(later.plusSeconds(86_400)))
                .expectSuccessfulHandlerExecution();
        // the predecessor's request is not the successor's to withdraw: it waits for no one
        fixture.given(transferredWithTheRequestWaiting())
                .when(signed(new WithdrawPermitRevocationRequest(ID), HOLDER, later))
                .expectException(problem("permit.no-revocation-request", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 23.3, 29.1.1 (F320): a request received after the transfer, or on a permit never transferred, grounds the "
            + "revocation at the holder's request")
    void a_request_received_after_the_transfer_grounds_the_revocation() {
        List<Object> requestedAfter = new ArrayList<>(active());
        requestedAfter.add(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR, null, null));
        requestedAfter.add(new PermitRevocationRequested(ID, TRANSFERRED_AT.plusSeconds(60), HOLDER));
        fixture.given(requestedAfter)
                .when(revokeAtTheHoldersRequest(TRANSFERRED_AT.plusSeconds(86_400)))
                .expectSuccessfulHandlerExecution();
        List<Object> neverTransferred = new ArrayList<>(active());
        neverTransferred.add(new PermitRevocationRequested(ID, REQUESTED_AT, HOLDER));
        fixture.given(neverTransferred)
                .when(revokeAtTheHoldersRequest(TRANSFERRED_AT))
                .expectSuccessfulHandlerExecution();
    }

    private static Object issueWith(String contract) {
        return signed(new IssuePermit(ID, "Issuing signature certificates", List.of("Keep the certificate database in Mongolia"), null, contract),
                SUPERVISOR, ISSUED_AT, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 26.2.2, 26.7 (F321, was O188): a permit issued with a contract the registry received before the application "
            + "was approved (a grant agreed before the review) refused, nothing stored; a contract received the approval's day or after it passes")
    void a_permit_is_issued_under_a_contract_not_older_than_the_approval() {
        fixture.given(insured())
                .when(issueWith(CONTRACT_BEFORE_THE_REVIEW))
                .expectException(problem("permit.contract-before-the-approval", "contractSha256"))
                .expectNoEvents();
        fixture.given(insured())
                .when(issueWith(CONTRACT_OF_THE_APPROVAL_DAY))
                .expectSuccessfulHandlerExecution();
        fixture.given(insured())
                .when(issueWith(CONTRACT))
                .expectSuccessfulHandlerExecution();
    }

    private static Object transferTo(Company successor, String evidence, Instant at) {
        return signed(new TransferPermit(ID, successor, Reorganisation.MERGER, evidence, mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(at), SuccessorsRepresentative.of(successor)), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 23.3 (F322): the permit passed to its successor on a merger's document passes again, to a third company, on the "
            + "same document (which shows no reorganisation of the successor): refused, nothing stored; a document of its own passes it")
    void a_reorganisations_document_passes_the_permit_once() {
        List<Object> transferred = new ArrayList<>(active());
        transferred.add(new PermitTransferred(ID, Applications.MONGOLIAN, SUCCESSOR, Reorganisation.MERGER, SHA2, TRANSFERRED_AT, SUPERVISOR, null, null));
        Company third = new Company("Third Trust LLC", "6400598", true, "Peace Avenue 3, Ulaanbaatar");
        fixture.given(transferred)
                .when(transferTo(third, SHA2, TRANSFERRED_AT.plusSeconds(86_400)))
                .expectException(problem("permit.reorganisation-evidence-of-an-earlier-transfer", "evidenceSha256"))
                .expectNoEvents();
        fixture.given(transferred)
                .when(transferTo(third, SUCCESSORS_REORGANISATION, TRANSFERRED_AT.plusSeconds(86_400)))
                .expectSuccessfulHandlerExecution();
    }
}
