package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.*;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.APPROVED_AT;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.REVIEWER;
import static mn.registry.permit.command.PermitLifecycleTest.REVOCATION_EVIDENCE;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.PermitLifecycleTest.SHA2;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR_2;
import static mn.registry.permit.command.PermitLifecycleTest.VALID_UNTIL;
import static mn.registry.permit.command.PermitLifecycleTest.active;
import static mn.registry.permit.command.PermitLifecycleTest.dutyOnDate;
import static mn.registry.permit.command.PermitLifecycleTest.approved;
import static mn.registry.permit.command.PermitLifecycleTest.insured;
import static mn.registry.permit.command.PermitLifecycleTest.registered;
import static mn.registry.permit.command.PermitLifecycleTest.revoked;
import static mn.registry.permit.command.PermitLifecycleTest.withOpinion;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 10 of docs/abuse-audit.md (permits and identity, rows F60 on, ADR 0046): acts of a careless or dishonest official
 * or holder that main accepted, each refused with its code, field and article and no event; and the edges of a day in
 * Ulaanbaatar time that held.
 */
class PermitAbuseRound5Test extends PermitAbuseFixture {

    static Matcher<RegistryProblem> problem(String code, String field) {
        return problem(code, field, null);
    }

    /** As {@link #problem(String, String)}, citing {@code article} too (null: any article). */
    static Matcher<RegistryProblem> problem(String code, String field, String article) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code()) && java.util.Objects.equals(field, problem.field())
                        && (article == null || article.equals(problem.article()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem with code " + code + " and field " + field + (article == null ? "" : " citing " + article));
            }
        };
    }

    // ------------------------------------------------------------------ F60: insurance recorded on its proof

    @Test
    @DisplayName("002 art. 26.2.3: insurance is recorded on its proof (the policy's SHA-256), naming an insurer and a policy number; a holder's word alone is refused")
    void insurance_rests_on_its_proof() {
        Instant at = APPROVED_AT.plusSeconds(86_400);
        LocalDate until = LocalDate.of(2025, 12, 31);
        for (String proof : java.util.Arrays.asList(null, "", "policy.pdf", "AB".repeat(32), "ab".repeat(31))) {
            fixture.given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), until, proof), HOLDER, at))
                    .expectException(problem("permit.document-hash-missing", "proofSha256")).expectNoEvents();
        }
        fixture.given(approved()).when(signed(new RecordPermitInsurance(ID, "\u00A0", "POL-1", Money.mnt(600_000_000), until, SHA), HOLDER, at))
                .expectException(problem("permit.field-missing", "insurer")).expectNoEvents();
        fixture.given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "\u200B", Money.mnt(600_000_000), until, SHA), HOLDER, at))
                .expectException(problem("permit.field-missing", "policyNumber")).expectNoEvents();
        fixture.given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), until, SHA), HOLDER, at))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), PermitLifecycleTest.MINIMUM, until, SHA, at));
    }

    @Test
    @DisplayName("002 art. 26.5: insurance of 600,000,000 in US dollars against a minimum in tögrög is not 'at least the minimum'; the same figure in tögrög is")
    void insurance_in_another_currency_does_not_meet_the_minimum() {
        Instant at = APPROVED_AT.plusSeconds(86_400);
        LocalDate until = LocalDate.of(2025, 12, 31);
        fixture.given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", new Money(600_000_000, "USD"), until, SHA), HOLDER, at))
                .expectException(problem("permit.insurance-below-minimum", "amount")).expectNoEvents();
        fixture.given(approved()).when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(500_000_000), until, SHA), HOLDER, at))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ F68: issued on insurance of at least the minimum in force

    @Test
    @DisplayName("002 art. 26.2.3, 26.5: a permit is not issued on insurance below the minimum the ministry raised after it was recorded; at the minimum in force it is")
    void permit_is_issued_on_insurance_of_the_minimum_in_force() {
        Signed.Services services = new Signed.Services();
        AggregateTestFixture<PermitApplication> raised = Signed.fixture(services);
        IssuePermit issue = new IssuePermit(ID, "Issuing signature certificates", List.of("Keep the database in Mongolia"), null, SHA2);
        Instant issuedAt = Instant.parse("2024-12-10T02:00:00Z");
        services.minimum = Money.mnt(600_000_001); // the policy of insured() is 600,000,000
        raised.given(insured()).when(signed(issue, SUPERVISOR, issuedAt, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.insurance-below-minimum", null)).expectNoEvents();
        services.minimum = Money.mnt(600_000_000);
        raised.given(insured()).when(signed(issue, SUPERVISOR, issuedAt, Role.MINISTRY_SUPERVISOR)).expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ F61: a transfer rests on its evidence

    @Test
    @DisplayName("002 art. 23.3: a permit passes to a successor on the evidence of the reorganisation (its SHA-256); a supervisor's word alone is refused")
    void transfer_rests_on_its_evidence() {
        Instant at = Instant.parse("2025-04-01T02:00:00Z");
        Company successor = new Company("Khan Sign LLC", "6109001", true, "Ulaanbaatar, Chingeltei district");
        for (String evidence : java.util.Arrays.asList(null, " ", "merger agreement of 2025-03-30")) {
            fixture.given(active()).when(signed(new TransferPermit(ID, successor, Reorganisation.MERGER, evidence, LocalDate.of(2025, 3, 31), SuccessorsRepresentative.of(successor)), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                    .expectException(problem("permit.document-hash-missing", "evidenceSha256")).expectNoEvents();
        }
        fixture.given(active()).when(signed(new TransferPermit(ID, successor, Reorganisation.MERGER, SHA2, LocalDate.of(2025, 3, 31), SuccessorsRepresentative.of(successor)), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution().expectEvents(new PermitTransferred(ID, Applications.MONGOLIAN, successor, Reorganisation.MERGER, SHA2,
                        at, SUPERVISOR, LocalDate.of(2025, 3, 31), SuccessorsRepresentative.of(successor)));
    }

    // ------------------------------------------------------------------ F62: an official does not decide their own permit

    @Test
    @DisplayName("002 art. 23.1, 26 (choice, ADR 0046): an official who is also the applicant's representative does not approve, refuse, issue, suspend, revoke or transfer that permit")
    void official_does_not_decide_their_own_permit() {
        Instant at = APPROVED_AT;
        String code = "permit.official-is-the-holder";
        fixture.given(registered()).when(signed(new ApprovePermitApplication(ID), HOLDER, at, Role.MINISTRY_REVIEWER, Role.APPLICANT))
                .expectException(problem(code, "applicationId")).expectNoEvents();
        fixture.given(registered()).when(signed(new RefusePermitApplication(ID, List.of(new RefusalReason(PermitRequirement.values()[0], "missing"))),
                        HOLDER, at, Role.MINISTRY_REVIEWER)).expectException(problem(code, "applicationId")).expectNoEvents();
        fixture.given(insured()).when(signed(new IssuePermit(ID, "Issuing signature certificates", List.of("Keep the database in Mongolia"), null, SHA2),
                HOLDER, Instant.parse("2024-12-10T02:00:00Z"), Role.MINISTRY_SUPERVISOR)).expectException(problem(code, "applicationId")).expectNoEvents();
        Instant later = Instant.parse("2025-03-01T02:00:00Z");
        fixture.given(withOpinion()).when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 4, 30)), HOLDER, later, Role.MINISTRY_REVIEWER)).expectException(problem(code, "applicationId")).expectNoEvents();
        fixture.given(active()).when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report"), HOLDER, later,
                Role.MINISTRY_SUPERVISOR)).expectException(problem(code, "applicationId")).expectNoEvents();
        fixture.given(active()).when(signed(new TransferPermit(ID, new Company("Khan Sign LLC", "6109001", true, "Ulaanbaatar"), Reorganisation.MERGER, SHA2, LocalDate.of(2025, 3, 31), SuccessorsRepresentative.of("6109001")),
                HOLDER, later, Role.MINISTRY_SUPERVISOR)).expectException(problem(code, "applicationId")).expectNoEvents();
        fixture.given(active()).when(signed(new DecidePermitExtension(ID, true, null), HOLDER, later, Role.MINISTRY_SUPERVISOR))
                .expectException(problem(code, "applicationId")).expectNoEvents();
        // the ministry's notice of the suspension to the holder (28.3) is not marked done by the holder's own representative
        fixture.given(PermitLifecycleTest.suspended()).when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, SHA2), HOLDER, later,
                Role.MINISTRY_REVIEWER)).expectException(problem(code, "applicationId")).expectNoEvents();
        fixture.given(PermitLifecycleTest.suspended()).when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, SHA2), REVIEWER, later,
                Role.MINISTRY_REVIEWER)).expectSuccessfulHandlerExecution();
        // the same acts by another official are decided
        fixture.given(registered()).when(signed(new ApprovePermitApplication(ID), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
        fixture.given(active()).when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", REVOCATION_EVIDENCE),
                SUPERVISOR, later, Role.MINISTRY_SUPERVISOR)).expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ F63: a revocation states its reason

    @Test
    @DisplayName("002 art. 29.1: a revocation states the facts of its ground in a readable reason; none, a no-break space or a zero-width space is refused")
    void revocation_states_its_reason() {
        Instant at = Instant.parse("2025-06-01T02:00:00Z");
        for (String reason : java.util.Arrays.asList(null, "", "\u00A0", "\u200B\u2060")) {
            fixture.given(active()).when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, reason), SUPERVISOR, at, Role.MINISTRY_SUPERVISOR))
                    .expectException(problem("permit.field-missing", "reason")).expectNoEvents();
        }
        fixture.given(active()).when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", REVOCATION_EVIDENCE),
                SUPERVISOR, at, Role.MINISTRY_SUPERVISOR)).expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>equalTo(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", at, SUPERVISOR, true,
                                REVOCATION_EVIDENCE)))));
    }

    // ------------------------------------------------------------------ F64: an upheld complaint does not outlive the term

    @Test
    @DisplayName("002 art. 29.6, 29.2: a complaint upheld after the permit's term ended reinstates it and it expires with the same decision; upheld within the term it is in force")
    void complaint_upheld_after_the_term_expires_with_the_decision() {
        Instant filedAt = Instant.parse("2025-06-15T02:00:00Z");
        List<Object> filed = new ArrayList<>(revoked(RevocationGround.REPEATED_VIOLATIONS));
        filed.add(new RevocationComplaintFiled(ID, SHA, filedAt, HOLDER));
        Instant afterTerm = Instant.parse("2029-12-09T16:30:00Z"); // 2029-12-10 00:30 in Ulaanbaatar: the day after the last day
        fixture.given(filed).when(signed(new DecideRevocationComplaint(ID, true, SHA2), SUPERVISOR_2, afterTerm, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RevocationComplaintDecided(ID, true, SHA2, afterTerm, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE),
                        new PermitExpired(ID, VALID_UNTIL, afterTerm, "002 art. 29.2"))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.EXPIRED));
        Instant lastDay = Instant.parse("2029-12-09T15:59:59Z"); // 23:59:59 of the last day in Ulaanbaatar
        fixture.given(filed).when(signed(new DecideRevocationComplaint(ID, true, SHA2), SUPERVISOR_2, lastDay, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RevocationComplaintDecided(ID, true, SHA2, lastDay, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_UNTIL, lastDay), // ADR 0046 item 58: overdue, due on the decision's day
                        dutyOnDate(PermitDuty.RENEW_INSURANCE, VALID_UNTIL, lastDay))
                .expectState(a -> assertThat(a.status()).isEqualTo(PermitApplicationStatus.ACTIVE));
    }

    // ------------------------------------------------------------------ F67: nothing is done to a permit whose term has ended

    @Test
    @DisplayName("002 art. 29.2: a permit whose term ended at midnight in Ulaanbaatar is not transferred, revoked, suspended, restored or reported on in the seconds before the expiry deadline fires")
    void nothing_is_done_to_a_permit_whose_term_ended() {
        Instant afterMidnight = Instant.parse("2029-12-09T16:00:30Z"); // 2029-12-10 00:00:30 in Ulaanbaatar, the permit ended 2029-12-09
        Company successor = new Company("Khan Sign LLC", "6109001", true, "Ulaanbaatar, Chingeltei district");
        fixture.given(active()).when(signed(new TransferPermit(ID, successor, Reorganisation.MERGER, SHA2, LocalDate.of(2029, 12, 9), SuccessorsRepresentative.of(successor)), SUPERVISOR, afterMidnight, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.term-ended", null)).expectNoEvents();
        fixture.given(active()).when(signed(new RevokePermit(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report"), SUPERVISOR, afterMidnight,
                Role.MINISTRY_SUPERVISOR)).expectException(problem("permit.term-ended", null)).expectNoEvents();
        fixture.given(active()).when(signed(new ReportCertificatesIssued(ID, 40, LocalDate.of(2029, 11, 30)), HOLDER, afterMidnight, Role.APPLICANT))
                .expectException(problem("permit.term-ended", null)).expectNoEvents();
        fixture.given(active()).when(signed(new RequestPermitSuspension(ID, 2, SHA2), new mn.registry.kernel.identity.PersonId("tax-1"), afterMidnight,
                Role.TAX_OFFICER)).expectException(problem("permit.term-ended", null)).expectNoEvents();
        List<Object> suspendedToTheEnd = new ArrayList<>(active());
        suspendedToTheEnd.add(new PermitInspected(ID, LocalDate.of(2029, 10, 1), SHA, true, Instant.parse("2029-10-01T02:00:00Z"), PermitLifecycleTest.INSPECTOR,
                LocalDate.of(2030, 10, 1)));
        suspendedToTheEnd.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2029, 10, 2), LocalDate.of(2029, 12, 31),
                Instant.parse("2029-10-02T02:00:00Z"), REVIEWER));
        fixture.given(suspendedToTheEnd).when(signed(new RestorePermit(ID, "violation remedied"), REVIEWER, afterMidnight, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.term-ended", null)).expectNoEvents();
        // on the last day, to its last second, the permit is in force
        Instant lastSecond = Instant.parse("2029-12-09T15:59:59Z");
        fixture.given(active()).when(signed(new TransferPermit(ID, successor, Reorganisation.MERGER, SHA2, LocalDate.of(2029, 12, 9), SuccessorsRepresentative.of(successor)), SUPERVISOR, lastSecond, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();
        suspendedToTheEnd.add(new PermitInspected(ID, LocalDate.of(2029, 11, 1), SHA2, false, Instant.parse("2029-11-01T02:00:00Z"),
                PermitLifecycleTest.INSPECTOR, LocalDate.of(2030, 11, 1))); // ADR 0046 item 18: found remedied
        fixture.given(suspendedToTheEnd).when(signed(new RestorePermit(ID, "violation remedied"), REVIEWER, lastSecond, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ held: the day is Ulaanbaatar's

    @Test
    @DisplayName("domain-rules §2: a suspension received at 16:30 UTC starts on the next day in Ulaanbaatar; dated by the UTC day it is refused")
    void suspension_is_dated_by_the_day_in_ulaanbaatar() {
        Instant at = Instant.parse("2025-02-28T16:30:00Z"); // 2025-03-01 00:30 in Ulaanbaatar
        fixture.given(withOpinion()).when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 2, 28),
                        LocalDate.of(2025, 5, 28)), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.suspension-not-from-today", "from")).expectNoEvents();
        fixture.given(withOpinion()).when(signed(new SuspendPermit(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 5, 31)), REVIEWER, at, Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>equalTo(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, SHA, 0, LocalDate.of(2025, 3, 1),
                                LocalDate.of(2025, 5, 31), at, REVIEWER)))));
    }

    @Test
    @DisplayName("002 art. 27.2, 29.2: an extension requested at 16:30 UTC on the last day of the term is the next day in Ulaanbaatar: refused as after expiry; at 15:59:59 UTC it is accepted, late")
    void extension_at_the_edge_of_the_last_day() {
        fixture.given(active()).when(signed(new RequestPermitExtension(ID, SHA2), HOLDER, Instant.parse("2029-12-09T16:30:00Z"), Role.APPLICANT))
                .expectException(problem("permit.extension-after-expiry", null)).expectNoEvents();
        fixture.given(active()).when(signed(new RequestPermitExtension(ID, SHA2), HOLDER, Instant.parse("2029-12-09T15:59:59Z"), Role.APPLICANT))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(org.axonframework.test.matchers.Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.<Object>instanceOf(PermitExtensionRequested.class))));
    }
}
