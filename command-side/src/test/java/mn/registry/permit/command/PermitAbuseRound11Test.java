package mn.registry.permit.command;

import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.PermitInsuranceRecorded;
import mn.registry.kernel.permit.RecordPermitInsurance;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.APPROVED_AT;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.MINIMUM;
import static mn.registry.permit.command.PermitLifecycleTest.REVIEWER;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.Signed.signed;

/** Session 16's abuse audit of the permit rules (docs/abuse-audit.md, "Session 16, permits and identity"; ADR 0046 items 36 on). */
class PermitAbuseRound11Test extends PermitAbuseFixture {

    /** A renewed policy's document, received by the registry (fixtures' {@code otherDocuments}). */
    static final String RENEWED = "e1".repeat(32);

    PermitAbuseRound11Test() {
        super(RENEWED);
    }

    // ------------------------------------------------------------------ F143: one policy document, one record of insurance

    @Test
    @DisplayName("002 art. 26.2.3 (choice, F143): the renewal that discharges the duty to renew names a new policy's document: the old policy's "
            + "document recorded again with a later last day (the holder's word alone) is refused, as is the same document recorded twice "
            + "before the issue with a larger amount; a new policy's document is recorded")
    void a_policy_document_is_recorded_once() {
        Instant renewalAt = Instant.parse("2025-12-20T02:00:00Z");
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2026, 12, 31), SHA),
                        HOLDER, renewalAt))
                .expectException(problem("permit.insurance-proof-recorded-before", "proofSha256"))
                .expectNoEvents();
        // the ministry records it from the holder's papers: the same
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2026, 12, 31), SHA),
                        REVIEWER, renewalAt, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.insurance-proof-recorded-before", "proofSha256"))
                .expectNoEvents();
        // before the issue: a minimum raised after the record is not met by the same policy's document claiming a larger amount (F68)
        List<Object> insured = new ArrayList<>(PermitLifecycleTest.approved());
        insured.add(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-1", Money.mnt(500_000_000), MINIMUM, LocalDate.of(2025, 12, 31), SHA,
                APPROVED_AT.plusSeconds(86_400)));
        fixture.given(insured)
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(900_000_000), LocalDate.of(2025, 12, 31), SHA),
                        HOLDER, APPROVED_AT.plusSeconds(2 * 86_400)))
                .expectException(problem("permit.insurance-proof-recorded-before", "proofSha256"))
                .expectNoEvents();
        // a new policy's document renews
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-2", Money.mnt(600_000_000), LocalDate.of(2026, 12, 31), RENEWED),
                        HOLDER, renewalAt))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ F144, F145: each document of the tax authority records one act

    static final String NEW_REQUEST = "e2".repeat(32);
    static final mn.registry.kernel.identity.PersonId TAX_OFFICER = PermitSuspensionTest.TAX_OFFICER;

    @Test
    @DisplayName("002 art. 28.1 (choice, F144): the tax authority's request the ministry refused is not filed again on its own document (a "
            + "second decision on the same request, until one reviewer suspends); a request with a new document is filed")
    void a_refused_tax_request_is_not_filed_again() {
        List<Object> refused = new ArrayList<>(PermitSuspensionTest.taxRequested());
        refused.add(new mn.registry.kernel.permit.PermitSuspensionRequestRefused(ID, PermitSuspensionTest.TAX_SHA, "Evasions not established",
                PermitSuspensionTest.REQUESTED_AT.plusSeconds(3600), REVIEWER, "002 art. 28.1"));
        Instant again = PermitSuspensionTest.REQUESTED_AT.plusSeconds(86_400);
        services.otherDocuments.add(NEW_REQUEST);
        fixture.given(refused)
                .when(signed(new mn.registry.kernel.permit.RequestPermitSuspension(ID, 3, PermitSuspensionTest.TAX_SHA), TAX_OFFICER, again))
                .expectException(problem("permit.tax-document-used", "evidenceSha256"))
                .expectNoEvents();
        fixture.given(refused)
                .when(signed(new mn.registry.kernel.permit.RequestPermitSuspension(ID, 3, NEW_REQUEST), TAX_OFFICER, again))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (choice, F145): the tax authority records the evasions settled on a document of its own, not on the "
            + "request that grounded the suspension: the restoration would rest on a document that says the opposite")
    void the_settlement_is_not_the_request() {
        fixture.given(PermitAbuseRound8Test.taxSuspended())
                .when(signed(new mn.registry.kernel.permit.RecordTaxEvasionsSettled(ID, PermitSuspensionTest.TAX_SHA), TAX_OFFICER,
                        Instant.parse("2025-03-10T02:00:00Z")))
                .expectException(problem("permit.tax-document-used", "evidenceSha256"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ F148: a policy's last day within a term of its recording

    @Test
    @DisplayName("002 art. 26.2.3, 27.1 (choice, F148): a policy whose last day the holder gives as 2099 silences the duty to renew for every "
            + "term to come; a policy covers at most five years (a permit's term) from its recording: the last day of that term is recorded, "
            + "the day after is refused")
    void a_policy_covers_at_most_a_term() {
        Instant at = APPROVED_AT.plusSeconds(86_400); // 2024-12-02 in Ulaanbaatar: five years run through 2029-12-01
        for (LocalDate beyond : List.of(LocalDate.of(2099, 12, 31), LocalDate.of(2029, 12, 2))) {
            fixture.given(PermitLifecycleTest.approved())
                    .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), beyond, SHA), HOLDER, at))
                    .expectException(problem("permit.insurance-beyond-the-term", "insuredUntil"))
                    .expectNoEvents();
        }
        fixture.given(PermitLifecycleTest.approved())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2029, 12, 1), SHA), HOLDER, at))
                .expectSuccessfulHandlerExecution();
        // a renewal too
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-2", Money.mnt(600_000_000), LocalDate.of(2099, 12, 31), RENEWED),
                        HOLDER, Instant.parse("2025-12-20T02:00:00Z")))
                .expectException(problem("permit.insurance-beyond-the-term", "insuredUntil"))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ F151: the holder's representative is not erased while the holder acts

    private static org.axonframework.commandhandling.CommandMessage<Object> represents(mn.registry.kernel.identity.PersonId person, Instant at) {
        return org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(new PermitCommands.RepresentsAHolderInForce(ID, person, at));
    }

    @Test
    @DisplayName("002 art. 27.2, 29.6, 22.1.2 (choice, F151): the permit answers whether a person is its holder's representative while the "
            + "holder has acts to make: approved (its insurance), in force, or revoked within its complaint period; not another person, not "
            + "an application under review, not after the complaint period")
    void the_permit_says_whom_its_holder_needs() {
        fixture.given(PermitLifecycleTest.active())
                .when(represents(HOLDER, Instant.parse("2025-06-01T02:00:00Z")))
                .expectResultMessagePayload(true);
        fixture.given(PermitLifecycleTest.active())
                .when(represents(new mn.registry.kernel.identity.PersonId("applicant-2"), Instant.parse("2025-06-01T02:00:00Z")))
                .expectResultMessagePayload(false);
        List<Object> revoked = PermitLifecycleTest.revoked(mn.registry.kernel.permit.RevocationGround.FALSE_DOCUMENTS); // 2025-06-01
        fixture.given(revoked)
                .when(represents(HOLDER, Instant.parse("2025-06-20T02:00:00Z")))
                .expectResultMessagePayload(true);
        fixture.given(revoked)
                .when(represents(HOLDER, Instant.parse("2025-08-20T02:00:00Z")))
                .expectResultMessagePayload(false);
        // approved, the applicant records its insurance; registered, it has nothing to do until the decision
        fixture.given(PermitLifecycleTest.approved())
                .when(represents(HOLDER, Instant.parse("2024-12-20T02:00:00Z")))
                .expectResultMessagePayload(true);
        fixture.given(PermitLifecycleTest.registered())
                .when(represents(HOLDER, Instant.parse("2024-11-25T02:00:00Z")))
                .expectResultMessagePayload(false);
    }

    // ------------------------------------------------------------------ attempts that held (docs/abuse-audit.md, session 16)

    @Test
    @DisplayName("002 art. 26.2.3, 29.2 (held): a renewal recorded on a suspended permit is recorded (the holder stays insured); one received "
            + "the day after the term ended, before the expiry deadline records it, is refused")
    void a_renewal_on_a_suspended_permit_and_after_the_term() {
        fixture.given(PermitLifecycleTest.suspended())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-2", Money.mnt(600_000_000), LocalDate.of(2026, 12, 31), RENEWED),
                        HOLDER, Instant.parse("2025-03-10T02:00:00Z")))
                .expectSuccessfulHandlerExecution();
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-2", Money.mnt(600_000_000), LocalDate.of(2030, 12, 31), RENEWED),
                        HOLDER, Instant.parse("2029-12-10T02:00:00Z")))
                .expectException(problem("permit.term-ended", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.5 (held): the minimum insurance is never set to zero")
    void the_minimum_is_never_zero() {
        new AggregateTestFixture<>(MinistryParameters.class).givenNoPriorActivity()
                .when(new MinistryParameters.SetMinimum(MinistryParameters.STREAM, new mn.registry.kernel.permit.MinimumInsuranceSet(Money.mnt(0),
                        APPROVED_AT, PermitLifecycleTest.SUPERVISOR, "002 art. 26.5", APPROVED_AT)))
                .expectException(problem("permit.minimum-insurance-not-positive", "amount"))
                .expectNoEvents();
    }
}
