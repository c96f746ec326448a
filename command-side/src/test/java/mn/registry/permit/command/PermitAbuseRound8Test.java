package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.PermitSuspensionTest.TAX_OFFICER;
import static mn.registry.permit.command.PermitSuspensionTest.TAX_SHA;
import static mn.registry.permit.command.PermitSuspensionTest.taxRequested;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 13 of docs/abuse-audit.md (permits, rows F109 on, ADR 0046 items 19 on): acts of a careless or dishonest official
 * that main accepted, each refused with its code, field and article and no event.
 */
class PermitAbuseRound8Test extends PermitAbuseFixture {

    private static final Instant AT = Instant.parse("2025-03-10T02:00:00Z");
    private static final String SETTLED_SHA = "5e".repeat(32);

    PermitAbuseRound8Test() {
        super(SETTLED_SHA);
    }

    static List<Object> taxSuspended() {
        List<Object> events = new ArrayList<>(taxRequested());
        events.add(new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS, TAX_SHA, 3, LocalDate.of(2025, 3, 1), SUSPENDED_UNTIL, SUSPENDED_AT, REVIEWER));
        return events;
    }

    // ------------------------------------------------------------------ F109 (was O67): the tax authority says the evasions are settled

    @Test
    @DisplayName("002 art. 28.1, 28.4: a permit suspended at the tax authority's request is not restored on the reviewer's word the day "
            + "after; the tax authority's record that the evasions are settled comes first")
    void a_tax_suspension_is_restored_only_once_the_tax_authority_says_the_evasions_are_settled() {
        fixture.given(taxSuspended())
                .when(signed(new RestorePermit(ID, "the company says it paid"), REVIEWER, AT))
                .expectException(problem("permit.restoration-without-tax-settlement", null)).expectNoEvents();
        List<Object> settled = new ArrayList<>(taxSuspended());
        settled.add(new TaxEvasionsSettled(ID, SETTLED_SHA, AT.minusSeconds(3600), TAX_OFFICER, "002 art. 28.1, 28.4"));
        fixture.given(settled)
                .when(signed(new RestorePermit(ID, "the tax authority's record of 10 March"), REVIEWER, AT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>equalTo(new PermitRestored(ID, "the tax authority's record of 10 March", AT, REVIEWER,
                                "002 art. 28.4")))));
    }

    @Test
    @DisplayName("002 art. 28.4: the tax authority records the settlement once, on a suspension at its request, with a document the registry "
            + "received; not on the inspector's suspension, not for the company its signer represents")
    void the_settlement_is_the_tax_authoritys_record_of_its_own_suspension() {
        fixture.given(taxSuspended())
                .when(signed(new RecordTaxEvasionsSettled(ID, SETTLED_SHA), TAX_OFFICER, AT))
                .expectEvents(new TaxEvasionsSettled(ID, SETTLED_SHA, AT, TAX_OFFICER, "002 art. 28.1, 28.4"));
        fixture.given(taxSuspended())
                .when(signed(new RecordTaxEvasionsSettled(ID, "a1".repeat(32)), TAX_OFFICER, AT))
                .expectException(problem("document.unknown", "evidenceSha256")).expectNoEvents();
        fixture.given(taxSuspended())
                .when(signed(new RecordTaxEvasionsSettled(ID, "paid"), TAX_OFFICER, AT))
                .expectException(problem("permit.tax-settlement-evidence-missing", "evidenceSha256")).expectNoEvents();
        List<Object> settled = new ArrayList<>(taxSuspended());
        settled.add(new TaxEvasionsSettled(ID, SETTLED_SHA, AT.minusSeconds(3600), TAX_OFFICER, "002 art. 28.1, 28.4"));
        fixture.given(settled)
                .when(signed(new RecordTaxEvasionsSettled(ID, SETTLED_SHA), TAX_OFFICER, AT))
                .expectException(problem("permit.no-tax-suspension", null)).expectNoEvents();
        fixture.given(suspended())
                .when(signed(new RecordTaxEvasionsSettled(ID, SETTLED_SHA), TAX_OFFICER, AT))
                .expectException(problem("permit.no-tax-suspension", null)).expectNoEvents();
        fixture.given(taxRequested())
                .when(signed(new RecordTaxEvasionsSettled(ID, SETTLED_SHA), TAX_OFFICER, AT))
                .expectException(problem("permit.wrong-state", null)).expectNoEvents();
        fixture.given(taxSuspended())
                .when(signed(new RecordTaxEvasionsSettled(ID, SETTLED_SHA), HOLDER, AT))
                .expectException(problem("permit.official-is-the-holder", "applicationId")).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 28.4: a settlement recorded for one suspension does not restore the next one at the tax authority's request")
    void a_settlement_answers_one_suspension() {
        List<Object> again = new ArrayList<>(taxSuspended());
        again.add(new TaxEvasionsSettled(ID, SETTLED_SHA, AT.minusSeconds(3600), TAX_OFFICER, "002 art. 28.1, 28.4"));
        again.add(new PermitRestored(ID, "settled", AT.minusSeconds(1800), REVIEWER, "002 art. 28.4"));
        again.add(new PermitSuspensionRequested(ID, 2, TAX_SHA, AT.minusSeconds(900), TAX_OFFICER, "002 art. 28.1"));
        again.add(new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS, TAX_SHA, 2, LocalDate.of(2025, 3, 10), LocalDate.of(2025, 4, 10),
                AT.minusSeconds(600), REVIEWER));
        fixture.given(again)
                .when(signed(new RestorePermit(ID, "settled before"), REVIEWER, AT))
                .expectException(problem("permit.restoration-without-tax-settlement", null)).expectNoEvents();
    }
    // ------------------------------------------------------------------ F110 (O62 in part): the database waits for the complaint period

    private static final Instant REVOKED_AT = Instant.parse("2025-06-01T02:00:00Z"); // PermitLifecycleTest.revoked
    private static final ApplicationId SUCCESSOR = new ApplicationId("5e1ec7ed-0000-4000-8000-000000000003");

    private static List<Object> handedOver(RevocationGround ground) {
        List<Object> events = new ArrayList<>(revoked(ground));
        events.add(new CertificateDatabaseHandedOver(ID, SHA, REVOKED_AT.plusSeconds(3600), REVIEWER));
        return events;
    }

    private AggregateTestFixture<PermitApplication> withSuccessor() {
        Signed.Services withSuccessor = new Signed.Services();
        withSuccessor.permitsInForce.add(SUCCESSOR);
        return Signed.fixture(withSuccessor);
    }

    @Test
    @DisplayName("002 art. 29.4, 29.6: the certificate database is not passed on the day after the revocation, before the holder could "
            + "complain; from the 31st day in Ulaanbaatar it is, and at once on a revocation at the holder's request")
    void the_database_waits_for_the_complaint_period() {
        Instant lastDay = Instant.parse("2025-07-01T15:59:59Z"); // 1 July, 23:59:59 in Ulaanbaatar: day 30
        withSuccessor().given(handedOver(RevocationGround.REPEATED_VIOLATIONS))
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, SHA), SUPERVISOR, REVOKED_AT.plusSeconds(86_400)))
                .expectException(problem("permit.database-complaint-period-running", "applicationId")).expectNoEvents();
        withSuccessor().given(handedOver(RevocationGround.REPEATED_VIOLATIONS))
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, SHA), SUPERVISOR, lastDay))
                .expectException(problem("permit.database-complaint-period-running", "applicationId")).expectNoEvents();
        Instant firstDay = lastDay.plusSeconds(1);
        withSuccessor().given(handedOver(RevocationGround.REPEATED_VIOLATIONS))
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, SHA), SUPERVISOR, firstDay))
                .expectEvents(new CertificateDatabasePassedOn(ID, SUCCESSOR, SHA, firstDay, SUPERVISOR));
        withSuccessor().given(handedOver(RevocationGround.HOLDER_REQUEST))
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, SHA), SUPERVISOR, REVOKED_AT.plusSeconds(86_400)))
                .expectEvents(new CertificateDatabasePassedOn(ID, SUCCESSOR, SHA, REVOKED_AT.plusSeconds(86_400), SUPERVISOR));
    }

    // ------------------------------------------------------------------ F111: the database of a reinstated permit is the holder's again

    @Test
    @DisplayName("002 art. 29.4, 29.6: once an upheld complaint reinstates the permit, its database is not passed on; revoked again, it is "
            + "handed over anew first")
    void the_database_of_a_reinstated_permit_is_not_passed_on() {
        List<Object> reinstated = new ArrayList<>(handedOver(RevocationGround.REPEATED_VIOLATIONS));
        reinstated.add(new RevocationComplaintFiled(ID, SHA2, REVOKED_AT.plusSeconds(7200), HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, SHA, REVOKED_AT.plusSeconds(86_400), SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        Instant later = REVOKED_AT.plusSeconds(40L * 86_400);
        withSuccessor().given(reinstated)
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, SHA), SUPERVISOR, later))
                .expectException(problem("permit.wrong-state", null)).expectNoEvents();
        List<Object> revokedAgain = new ArrayList<>(reinstated);
        revokedAgain.add(new PermitRevoked(ID, RevocationGround.HOLDER_REQUEST, "asked in writing", later, SUPERVISOR, true));
        withSuccessor().given(revokedAgain)
                .when(signed(new PassCertificateDatabaseOn(ID, SUCCESSOR, SHA), SUPERVISOR, later.plusSeconds(60)))
                .expectException(problem("permit.database-not-handed-over", null)).expectNoEvents();
    }
    // ------------------------------------------------------------------ F112: an inspection is not dated before the last one

    @Test
    @DisplayName("002 art. 31.1.7, 28.4: a clean inspection dated before the inspection that found a violation during the suspension, recorded "
            + "after it, does not clear the violation; an inspection of the same day or later does")
    void an_inspection_is_not_dated_before_the_last() {
        List<Object> violationFound = new ArrayList<>(suspended()); // on the inspector's opinion, from 1 March 2025
        violationFound.add(new PermitInspected(ID, LocalDate.of(2025, 3, 20), SHA2, true, Instant.parse("2025-03-20T02:00:00Z"), INSPECTOR,
                LocalDate.of(2026, 3, 20)));
        Instant at = Instant.parse("2025-03-25T02:00:00Z");
        fixture.given(violationFound)
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 3, 10), SHA, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
                .expectException(problem("permit.inspection-before-the-last", "inspectedOn")).expectNoEvents();
        fixture.given(violationFound)
                .when(signed(new RecordPermitInspection(ID, LocalDate.of(2025, 3, 20), SHA, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR))
                .expectSuccessfulHandlerExecution();
    }
    // ------------------------------------------------------------------ F113, F114: the grounds of violations rest on the record

    private static PermitInspected violation(LocalDate on, String findings) {
        return new PermitInspected(ID, on, findings, true, on.atStartOfDay(java.time.ZoneOffset.UTC).plusHours(2).toInstant(), INSPECTOR, on.plusYears(1));
    }

    @Test
    @DisplayName("002 art. 29.1.4: a permit is not revoked for 'repeated violations' with no violation, or one, on record; after two "
            + "inspections that found one, it is")
    void repeated_violations_are_two_on_record() {
        Instant at = Instant.parse("2025-06-02T02:00:00Z");
        fixture.given(active())
                .when(signed(new RevokePermit(ID, RevocationGround.REPEATED_VIOLATIONS, "many complaints"), SUPERVISOR, at))
                .expectException(problem("permit.revocation-violations-not-repeated", "ground")).expectNoEvents();
        List<Object> once = new ArrayList<>(active());
        once.add(violation(LocalDate.of(2025, 4, 1), SHA));
        fixture.given(once)
                .when(signed(new RevokePermit(ID, RevocationGround.REPEATED_VIOLATIONS, "violations of 1 April"), SUPERVISOR, at))
                .expectException(problem("permit.revocation-violations-not-repeated", "ground")).expectNoEvents();
        List<Object> twice = new ArrayList<>(once);
        twice.add(violation(LocalDate.of(2025, 5, 1), SHA2));
        fixture.given(twice)
                .when(signed(new RevokePermit(ID, RevocationGround.REPEATED_VIOLATIONS, "violations of 1 April and 1 May"), SUPERVISOR, at))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 29.1.5: a permit is not revoked for violations 'not remedied during the suspension' the day after the suspension "
            + "began; once it ran out unrestored, it is")
    void not_remedied_is_judged_when_the_suspension_ran_out() {
        fixture.given(suspended())
                .when(signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied"), SUPERVISOR,
                        SUSPENDED_AT.plusSeconds(86_400)))
                .expectException(problem("permit.revocation-suspension-not-run-out", "ground")).expectNoEvents();
        fixture.given(PermitSuspensionTest.ranOut())
                .when(signed(new RevokePermit(ID, RevocationGround.VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION, "not remedied"), SUPERVISOR,
                        PermitSuspensionTest.RAN_OUT_AT.plusSeconds(3600)))
                .expectSuccessfulHandlerExecution();
    }
    // ------------------------------------------------------------------ F115: no ground to suspend, no refusal of the extension

    @Test
    @DisplayName("002 art. 27.5: a request for extension made in time by a holder against which no ground to suspend stands is not refused "
            + "on another reason, nor on 'a ground to suspend' that does not stand; with a violation found at the last inspection, a tax request "
            + "waiting, or the stamp duty not paid, it may be")
    void an_extension_is_refused_only_on_a_ground_to_suspend() {
        Instant decided = Instant.parse("2029-08-05T02:00:00Z");
        DecidePermitExtension refusal = new DecidePermitExtension(ID, false, List.of(new RefusalReason(PermitRequirement.NO_GROUND_TO_SUSPEND,
                "a ground to suspend exists")));
        fixture.given(PermitDatesAndExtensionTest.pending(PermitDatesAndExtensionTest.IN_WINDOW))
                .when(signed(new DecidePermitExtension(ID, false, List.of(new RefusalReason(PermitRequirement.FINANCIAL_HUMAN_TECHNICAL_SECURITY,
                        "we prefer another provider"))), SUPERVISOR, decided))
                .expectException(problem("permit.extension-refusal-reason-invalid", "reasons")).expectNoEvents();
        fixture.given(PermitDatesAndExtensionTest.pending(PermitDatesAndExtensionTest.IN_WINDOW))
                .when(signed(new DecidePermitExtension(ID, false, List.of(new RefusalReason(PermitRequirement.STAMP_DUTY_PAID,
                        "the bank says the payment was returned"))), SUPERVISOR, decided))
                .expectSuccessfulHandlerExecution();
        fixture.given(PermitDatesAndExtensionTest.pending(PermitDatesAndExtensionTest.IN_WINDOW))
                .when(signed(refusal, SUPERVISOR, decided))
                .expectException(problem("permit.extension-refusal-without-ground", "extend")).expectNoEvents();
        fixture.given(PermitDatesAndExtensionTest.withAGroundToSuspend(PermitDatesAndExtensionTest.pending(PermitDatesAndExtensionTest.IN_WINDOW)))
                .when(signed(refusal, SUPERVISOR, decided))
                .expectSuccessfulHandlerExecution();
        List<Object> taxRequest = new ArrayList<>(PermitDatesAndExtensionTest.pending(PermitDatesAndExtensionTest.IN_WINDOW));
        taxRequest.add(new PermitSuspensionRequested(ID, 2, TAX_SHA, decided.minusSeconds(86_400), TAX_OFFICER, "002 art. 28.1"));
        fixture.given(taxRequest)
                .when(signed(refusal, SUPERVISOR, decided))
                .expectSuccessfulHandlerExecution();
    }
    @Test
    @DisplayName("002 art. 26.3: an application is not refused on an extension's reasons (no ground to suspend, the stamp duty), which name "
            + "nothing the applicant could meet")
    void an_application_is_refused_on_the_requirements_of_an_application() {
        Instant at = Instant.parse("2024-12-02T02:00:00Z"); // within the 17 working days (since F600 a later refusal is the supervisor's)
        for (PermitRequirement extensionOnly : List.of(PermitRequirement.NO_GROUND_TO_SUSPEND, PermitRequirement.STAMP_DUTY_PAID)) {
            fixture.given(registered())
                    .when(signed(new RefusePermitApplication(ID, List.of(new RefusalReason(extensionOnly, "not paid"))), REVIEWER, at))
                    .expectException(problem("permit.refusal-reason-of-an-extension", "reasons")).expectNoEvents();
        }
        fixture.given(registered())
                .when(signed(new RefusePermitApplication(ID, List.of(new RefusalReason(PermitRequirement.SECURITY_AUDIT_REPORT,
                        "the audit report is two years old"))), REVIEWER, at))
                .expectSuccessfulHandlerExecution();
    }
    // ------------------------------------------------------------------ F117: the holder withdraws its request for revocation

    @Test
    @DisplayName("002 art. 29.1.1, 29.6: the holder withdraws its request for revocation before a decision; the supervisor then does not "
            + "revoke 'at the holder's own request' on it; nothing to withdraw, or another person, is refused")
    void the_holder_withdraws_its_request_for_revocation() {
        Instant at = Instant.parse("2025-06-02T02:00:00Z");
        List<Object> requested = new ArrayList<>(active());
        requested.add(new PermitRevocationRequested(ID, at.minusSeconds(30L * 86_400), HOLDER));
        fixture.given(requested)
                .when(signed(new WithdrawPermitRevocationRequest(ID), HOLDER, at))
                .expectEvents(new PermitRevocationRequestWithdrawn(ID, at, HOLDER));
        fixture.given(active())
                .when(signed(new WithdrawPermitRevocationRequest(ID), HOLDER, at))
                .expectException(problem("permit.no-revocation-request", null)).expectNoEvents();
        fixture.given(requested)
                .when(signed(new WithdrawPermitRevocationRequest(ID), SUPERVISOR, at))
                .expectException(problem("permit.not-the-holder", null)).expectNoEvents();
        List<Object> withdrawn = new ArrayList<>(requested);
        withdrawn.add(new PermitRevocationRequestWithdrawn(ID, at.minusSeconds(86_400), HOLDER));
        fixture.given(withdrawn)
                .when(signed(new RevokePermit(ID, RevocationGround.HOLDER_REQUEST, "the holder's letter of May"), SUPERVISOR, at))
                .expectException(problem("permit.revocation-not-requested", "ground")).expectNoEvents();
    }
}
