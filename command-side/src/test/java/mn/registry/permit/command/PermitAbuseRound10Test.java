package mn.registry.permit.command;

import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.PermitInsuranceRecorded;
import mn.registry.kernel.permit.RecordPermitInsurance;
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
import static mn.registry.permit.command.PermitLifecycleTest.ISSUED_AT;
import static mn.registry.permit.command.PermitLifecycleTest.MINIMUM;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.PermitLifecycleTest.SHA2;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static mn.registry.permit.command.PermitLifecycleTest.VALID_FROM;
import static mn.registry.permit.command.PermitLifecycleTest.approved;
import static mn.registry.permit.command.Signed.signed;

/** Session 15's abuse audit of the permit rules (docs/abuse-audit.md, "Session 15, permits"; ADR 0046 items 33 on). */
class PermitAbuseRound10Test extends PermitAbuseFixture {

    private static List<Object> insuredUntil(LocalDate lastDay) {
        List<Object> events = new ArrayList<>(approved());
        events.add(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), MINIMUM, lastDay, SHA, APPROVED_AT.plusSeconds(86_400)));
        return events;
    }

    private static IssuePermit issue() {
        return new IssuePermit(ID, "Issuing signature certificates", List.of("Keep the certificate database in Mongolia"), VALID_FROM, SHA2);
    }

    // ------------------------------------------------------------------ F139: insured for the first year, not for the day of issue

    @Test
    @DisplayName("002 art. 26.2.3 (choice, F139): a policy recorded to open the way to the permit covers at least the first year from its receipt; "
            + "one ending next week, which leaves the holder uninsured for the term, is refused")
    void a_policy_of_a_week_is_refused_when_recorded() {
        Instant at = APPROVED_AT.plusSeconds(86_400); // 2024-12-02 in Ulaanbaatar: the first year ends on 2025-12-01
        fixture.given(approved())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2024, 12, 9), SHA), HOLDER, at))
                .expectException(problem("permit.insurance-too-short", "insuredUntil"))
                .expectNoEvents();
        fixture.given(approved())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2025, 12, 1), SHA), HOLDER, at))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 26.2.3 (choice, F139): a policy recorded before this rule that covers less than a year from its recording is "
            + "recorded again before the permit is issued")
    void a_short_policy_recorded_before_the_rule_stops_the_issue() {
        // recorded 2024-12-02 in Ulaanbaatar (insuredUntil above): its year runs through 2025-12-01
        fixture.given(insuredUntil(LocalDate.of(2025, 11, 30)))
                .when(signed(issue(), SUPERVISOR, ISSUED_AT))
                .expectException(problem("permit.insurance-too-short", null))
                .expectNoEvents();
        fixture.given(insuredUntil(LocalDate.of(2025, 12, 1)))
                .when(signed(issue(), SUPERVISOR, ISSUED_AT))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ F140 (was O89): insured through the term

    private static RecordPermitInsurance renewal(LocalDate until) {
        return new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-2", Money.mnt(600_000_000), until, SHA2);
    }

    @Test
    @DisplayName("002 art. 26.2.3 (choice, F140): the issue raises the holder's duty to renew the policy by its last day; the renewed policy, "
            + "recorded on the active permit, discharges it and raises the next")
    void the_renewed_policy_discharges_the_duty_and_raises_the_next() {
        Instant at = Instant.parse("2025-12-20T02:00:00Z");
        fixture.given(PermitLifecycleTest.active())
                .when(signed(renewal(LocalDate.of(2026, 12, 31)), HOLDER, at))
                .expectEvents(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-2", Money.mnt(600_000_000), MINIMUM, LocalDate.of(2026, 12, 31),
                                SHA2, at),
                        new mn.registry.kernel.permit.PermitDutyFulfilled(ID, mn.registry.kernel.permit.PermitDuty.RENEW_INSURANCE, at, false, null, HOLDER),
                        PermitLifecycleTest.dutyOnDate(mn.registry.kernel.permit.PermitDuty.RENEW_INSURANCE, LocalDate.of(2026, 12, 31), at));
        // a policy that covers the rest of the term raises no next duty
        fixture.given(PermitLifecycleTest.active())
                .when(signed(renewal(LocalDate.of(2030, 1, 31)), HOLDER, at))
                .expectEvents(new PermitInsuranceRecorded(ID, "Mongol Daatgal", "POL-2", Money.mnt(600_000_000), MINIMUM, LocalDate.of(2030, 1, 31),
                                SHA2, at),
                        new mn.registry.kernel.permit.PermitDutyFulfilled(ID, mn.registry.kernel.permit.PermitDuty.RENEW_INSURANCE, at, false, null, HOLDER));
    }

    @Test
    @DisplayName("002 art. 26.2.3 (choice, F140), abuse: the duty is not discharged by a \"renewal\" that ends no later than the policy in force, "
            + "nor by marking it done with a document")
    void the_duty_is_discharged_only_by_a_policy_covering_beyond() {
        Instant at = Instant.parse("2025-12-20T02:00:00Z");
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), PermitLifecycleTest.INSURED_UNTIL, SHA), HOLDER, at))
                .expectException(problem("permit.insurance-too-short", "insuredUntil"))
                .expectNoEvents();
        Instant early = Instant.parse("2024-12-20T02:00:00Z"); // a year from here ends on 2025-12-19, before the policy in force
        fixture.given(PermitLifecycleTest.active())
                .when(signed(renewal(LocalDate.of(2025, 12, 20)), HOLDER, early))
                .expectException(problem("permit.insurance-not-renewed", "insuredUntil"))
                .expectNoEvents();
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new mn.registry.kernel.permit.RecordPermitDutyFulfilled(ID, mn.registry.kernel.permit.PermitDuty.RENEW_INSURANCE, SHA2),
                        HOLDER, at))
                .expectException(problem("permit.duty-discharged-by-insurance", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.2.3 (F141): another company's representative records no insurance on this application or permit (a policy "
            + "that opens the way to the issue, or a renewal that discharges the holder's duty); the holder's representative and the ministry do")
    void insurance_is_recorded_by_the_holder_or_the_ministry() {
        Instant at = APPROVED_AT.plusSeconds(86_400);
        RecordPermitInsurance policy = new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-1", Money.mnt(600_000_000), LocalDate.of(2025, 12, 31), SHA);
        fixture.given(approved())
                .when(signed(policy, new mn.registry.kernel.identity.PersonId("applicant-2"), at))
                .expectException(problem("permit.not-the-holder", null))
                .expectNoEvents();
        fixture.given(PermitLifecycleTest.active())
                .when(signed(renewal(LocalDate.of(2026, 12, 31)), new mn.registry.kernel.identity.PersonId("applicant-2"), Instant.parse("2025-12-20T02:00:00Z")))
                .expectException(problem("permit.not-the-holder", null))
                .expectNoEvents();
        fixture.given(approved())
                .when(signed(policy, PermitLifecycleTest.REVIEWER, at, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
    }
}
