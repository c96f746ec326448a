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
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.INSPECTOR;
import static mn.registry.permit.command.PermitLifecycleTest.REVIEWER;
import static mn.registry.permit.command.PermitLifecycleTest.active;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.PermitLifecycleTest.SHA2;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR_2;
import static mn.registry.permit.command.PermitLifecycleTest.VALID_UNTIL;
import static mn.registry.permit.command.PermitLifecycleTest.revoked;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 11 of docs/abuse-audit.md (permits, rows F100 on, ADR 0046 items 10 on): acts of a careless or dishonest official
 * that main accepted, each refused with its code, field and article and no event.
 */
class PermitAbuseRound6Test extends PermitAbuseFixture {

    // ------------------------------------------------------------------ F100 (was O60): the revoker does not judge the complaint

    @Test
    @DisplayName("002 art. 29.6 (General Administrative Law): the supervisor who signed the revocation does not decide the complaint against it, "
            + "neither upholding nor rejecting it; another supervisor does")
    void the_revoker_does_not_decide_the_complaint_against_the_revocation() {
        Instant filedAt = Instant.parse("2025-06-15T02:00:00Z");
        List<Object> filed = new ArrayList<>(revoked(RevocationGround.REPEATED_VIOLATIONS)); // revoked by SUPERVISOR
        filed.add(new RevocationComplaintFiled(ID, SHA, filedAt, HOLDER));
        Instant at = filedAt.plusSeconds(86_400);
        for (boolean upheld : new boolean[] {true, false}) {
            fixture.given(filed).when(signed(new DecideRevocationComplaint(ID, upheld, SHA2), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                    .expectException(problem("permit.complaint-decided-by-the-revoker", "applicationId")).expectNoEvents();
        }
        fixture.given(filed).when(signed(new DecideRevocationComplaint(ID, false, SHA2), SUPERVISOR_2, at, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RevocationComplaintDecided(ID, false, SHA2, at, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
    }

    // ------------------------------------------------------------------ F101 (was O65): an inspection rests on its findings

    @Test
    @DisplayName("002 art. 31.1.7: the annual inspection is recorded with its findings (SHA-256), with or without a violation; an inspection "
            + "of no record would discharge the year's duty on the official's word")
    void an_inspection_is_recorded_with_its_findings() {
        Instant at = Instant.parse("2025-09-02T02:00:00Z");
        LocalDate on = LocalDate.of(2025, 9, 1);
        for (String findings : java.util.Arrays.asList(null, "", "report.pdf", "AB".repeat(32))) {
            fixture.given(active()).when(signed(new RecordPermitInspection(ID, on, findings, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
                    .expectException(problem("permit.inspection-findings-missing", "findingsSha256")).expectNoEvents();
            fixture.given(active()).when(signed(new RecordPermitInspection(ID, on, findings, false), REVIEWER, at, Role.MINISTRY_REVIEWER))
                    .expectException(problem("permit.inspection-findings-missing", "findingsSha256")).expectNoEvents();
        }
        fixture.given(active()).when(signed(new RecordPermitInspection(ID, on, SHA, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>instanceOf(PermitInspected.class))));
    }

    // ------------------------------------------------------------------ F103 (was O64): proofs are documents the registry received

    @Test
    @DisplayName("002 art. 26.2.3, 26.7, 23.3: the insurance policy, the contract and the reorganisation's evidence are named by the hash of a document "
            + "the registry received; a well-formed hash of nothing uploaded is refused")
    void proofs_name_documents_the_registry_received() {
        String nothing = "9f".repeat(32);
        Instant at = PermitLifecycleTest.APPROVED_AT.plusSeconds(86_400);
        fixture.given(PermitLifecycleTest.approved())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", mn.registry.kernel.money.Money.mnt(600_000_000),
                        LocalDate.of(2025, 12, 31), nothing), HOLDER, at))
                .expectException(problem("document.unknown", "proofSha256")).expectNoEvents();
        fixture.given(PermitLifecycleTest.insured())
                .when(signed(new IssuePermit(ID, "Issuing signature certificates", List.of("Keep the database in Mongolia"), null, nothing),
                        SUPERVISOR, PermitLifecycleTest.ISSUED_AT, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("document.unknown", "contractSha256")).expectNoEvents();
        fixture.given(active())
                .when(signed(new TransferPermit(ID, new Company("Khan Sign LLC", "6109001", true, "Ulaanbaatar, Chingeltei district"),
                        Reorganisation.MERGER, nothing, java.time.LocalDate.of(2025, 3, 31), SuccessorsRepresentative.of("6109001")), SUPERVISOR, Instant.parse("2025-04-01T02:00:00Z"), Role.MINISTRY_SUPERVISOR))
                .expectException(problem("document.unknown", "evidenceSha256")).expectNoEvents();
    }
}
