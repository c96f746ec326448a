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
 * Session 23, the revocation's evidence (docs/abuse-audit.md, "Session 23, the revocation's evidence"; ADR 0064, ADR 0046 items 80 on): a
 * revocation on a fact outside the registry (the legal entity liquidated, 002 art. 29.1.2; false documents determined, 29.1.3) rests on
 * a document the registry received, which the holder's complaint (29.6) answers.
 */
class PermitRevocationEvidenceTest extends PermitAbuseFixture {

    /** The state registration's record of the legal entity's liquidation. */
    private static final String LIQUIDATION = "6a".repeat(32);
    /** A document uploaded after the revocation was received. */
    private static final String LATE = "6b".repeat(32);
    /** A second finding of false documents, made after the first revocation was annulled. */
    private static final String NEW_FINDING = "6c".repeat(32);
    /** Never uploaded. */
    private static final String UNKNOWN = "6d".repeat(32);

    private static final Instant AT = Instant.parse("2025-06-01T02:00:00Z");

    PermitRevocationEvidenceTest() {
        super(LIQUIDATION, LATE, NEW_FINDING);
    }

    private static Object revoke(RevocationGround ground, String evidence, Instant at) {
        return signed(new RevokePermit(ID, ground, "the facts of the ground", evidence), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("002 art. 29.1.2, 29.1.3, 29.6 (F328, was O185): a revocation because the legal entity was liquidated or false documents "
            + "were determined, on the reason's text alone, on a document never uploaded, or on one the registry received after the "
            + "revocation: refused, nothing stored; on a received document, revoked and the document named in the sealed event")
    void a_revocation_on_a_fact_outside_the_registry_rests_on_a_received_document() {
        services.receivedAt.put(LIQUIDATION, AT.minusSeconds(3_600));
        services.receivedAt.put(LATE, AT.plusSeconds(1));
        for (RevocationGround ground : List.of(RevocationGround.LIQUIDATION, RevocationGround.FALSE_DOCUMENTS)) {
            fixture.given(active()).when(revoke(ground, null, AT))
                    .expectException(problem("permit.revocation-evidence-missing", "evidenceSha256")).expectNoEvents();
            fixture.given(active()).when(revoke(ground, "  ", AT))
                    .expectException(problem("permit.revocation-evidence-missing", "evidenceSha256")).expectNoEvents();
            fixture.given(active()).when(revoke(ground, UNKNOWN, AT))
                    .expectException(problem("document.unknown", "evidenceSha256")).expectNoEvents();
            fixture.given(active()).when(revoke(ground, LATE, AT))
                    .expectException(problem("permit.revocation-evidence-after-the-revocation", "evidenceSha256")).expectNoEvents();
        }
        fixture.given(active()).when(revoke(RevocationGround.LIQUIDATION, LIQUIDATION, AT))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>equalTo(new PermitRevoked(ID, RevocationGround.LIQUIDATION, "the facts of the ground", AT,
                                SUPERVISOR, true, LIQUIDATION)))));
        // received in the second of the revocation's receipt: by then
        fixture.given(active()).when(revoke(RevocationGround.FALSE_DOCUMENTS, LATE, AT.plusSeconds(1))).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.1.1, 29.1.4, 29.1.5 (ADR 0064): a revocation on a ground on the registry's record (here the holder's request) "
            + "naming a document is refused, nothing stored (the document would be claimed for a ground it does not show); naming none, revoked")
    void a_revocation_on_a_ground_on_record_names_no_document() {
        List<Object> requested = new ArrayList<>(active());
        requested.add(new PermitRevocationRequested(ID, AT.minusSeconds(86_400), HOLDER));
        fixture.given(requested).when(revoke(RevocationGround.HOLDER_REQUEST, LIQUIDATION, AT))
                .expectException(problem("permit.revocation-evidence-on-a-ground-on-record", "evidenceSha256")).expectNoEvents();
        fixture.given(requested).when(revoke(RevocationGround.HOLDER_REQUEST, null, AT)).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.1.3, 29.6 (F329): the supervisor revokes again, on the finding an upheld complaint already found wanting, a permit "
            + "the decision on the complaint reinstated: refused, nothing stored; on a finding of its own, revoked")
    void the_document_of_an_annulled_revocation_grounds_no_second_revocation() {
        List<Object> reinstated = new ArrayList<>(active());
        reinstated.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", AT, SUPERVISOR, true, REVOCATION_EVIDENCE));
        reinstated.add(new RevocationComplaintFiled(ID, "6e".repeat(32), AT.plusSeconds(86_400), HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, "6f".repeat(32), AT.plusSeconds(86_400 * 10), SUPERVISOR_2, VALID_UNTIL,
                RevocationComplaintDecided.ARTICLE));
        Instant again = AT.plusSeconds(86_400 * 20);
        fixture.given(reinstated).when(revoke(RevocationGround.FALSE_DOCUMENTS, REVOCATION_EVIDENCE, again))
                .expectException(problem("permit.revocation-evidence-of-an-annulled-revocation", "evidenceSha256")).expectNoEvents();
        fixture.given(reinstated).when(revoke(RevocationGround.LIQUIDATION, REVOCATION_EVIDENCE, again))
                .expectException(problem("permit.revocation-evidence-of-an-annulled-revocation", "evidenceSha256")).expectNoEvents();
        fixture.given(reinstated).when(revoke(RevocationGround.FALSE_DOCUMENTS, NEW_FINDING, again)).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.1.3, 29.1.2, 23.3 (F331): a revocation on false documents on a finding the registry received before the "
            + "application whose documents it would find false, or because the legal entity was liquidated on a record received before the "
            + "transfer that made it the holder (the predecessor's dissolution): refused, nothing stored; received since, revoked")
    void a_revocations_document_is_not_older_than_its_ground() {
        services.receivedAt.put(LATE, Instant.parse("2024-11-19T03:00:00Z")); // the day before the application (2024-11-20)
        fixture.given(active()).when(revoke(RevocationGround.FALSE_DOCUMENTS, LATE, AT))
                .expectException(problem("permit.revocation-evidence-before-its-ground", "evidenceSha256")).expectNoEvents();
        services.receivedAt.put(NEW_FINDING, RECEIVED); // the application's day
        fixture.given(active()).when(revoke(RevocationGround.FALSE_DOCUMENTS, NEW_FINDING, AT)).expectSuccessfulHandlerExecution();

        Instant transferredAt = Instant.parse("2025-04-01T02:00:00Z");
        List<Object> transferred = new ArrayList<>(active());
        transferred.add(new PermitTransferred(ID, Applications.MONGOLIAN, new Company("Khan Sign LLC", "6109001", true, "Ulaanbaatar"),
                Reorganisation.MERGER, SHA2, transferredAt, SUPERVISOR, null, null));
        services.receivedAt.put(LIQUIDATION, Instant.parse("2025-03-31T02:00:00Z")); // the predecessor's dissolution, before the transfer
        fixture.given(transferred).when(revoke(RevocationGround.LIQUIDATION, LIQUIDATION, AT))
                .expectException(problem("permit.revocation-evidence-before-its-ground", "evidenceSha256")).expectNoEvents();
        services.receivedAt.put(LIQUIDATION, transferredAt.plusSeconds(3_600)); // the transfer's day
        fixture.given(transferred).when(revoke(RevocationGround.LIQUIDATION, LIQUIDATION, AT)).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.1.2, 29.1.3 (ADR 0064): a revocation stored before the document was asked (no evidenceSha256) replays as "
            + "before: the permit is revoked, the complaint lies and is decided")
    void a_revocation_stored_without_a_document_replays() {
        List<Object> stored = new ArrayList<>(active());
        stored.add(new PermitRevoked(ID, RevocationGround.LIQUIDATION, "liquidated", AT, SUPERVISOR, true));
        fixture.given(stored).when(signed(new FileRevocationComplaint(ID, SHA2), HOLDER, AT.plusSeconds(86_400), Role.APPLICANT))
                .expectSuccessfulHandlerExecution();
    }
}
