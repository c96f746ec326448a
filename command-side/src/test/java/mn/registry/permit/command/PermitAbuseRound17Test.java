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
import static mn.registry.permit.command.PermitSuspensionTest.REQUESTED_AT;
import static mn.registry.permit.command.PermitSuspensionTest.TAX_OFFICER;
import static mn.registry.permit.command.Signed.signed;

/**
 * Session 22's permits round 14 (docs/abuse-audit.md, "Session 22, permits round 14"; ADR 0046 items 68 on): the papers that end a
 * suspension (002 art. 28.4), dated by the registry's receipt of them against the act they answer.
 */
class PermitAbuseRound17Test extends PermitAbuseFixture {

    /** A document the registry received before the suspension of {@link PermitLifecycleTest#suspended()} and the tax request. */
    private static final String KEPT_READY = "4b".repeat(32);
    /** A document received on the day of the act it records. */
    private static final String FRESH = "4c".repeat(32);

    PermitAbuseRound17Test() {
        super(KEPT_READY, FRESH);
    }

    private static Object inspection(LocalDate on, String findings, Instant at) {
        return signed(new RecordPermitInspection(ID, on, findings, false), INSPECTOR, at, Role.COMMUNICATIONS_INSPECTOR); // the violation found remedied is the inspector's (F494)
    }

    @Test
    @DisplayName("002 art. 31.1.7, 28.4 (F282): an inspection is recorded with findings the registry received before the day it says the "
            + "inspection took place (a clean report kept from before the suspension, dated after it): refused, nothing stored, the suspension "
            + "stays until an inspection's own findings show the violation remedied")
    void an_inspections_findings_are_not_older_than_the_inspection() {
        Instant at = Instant.parse("2025-03-20T02:00:00Z");
        services.receivedAt.put(KEPT_READY, Instant.parse("2025-02-10T02:00:00Z")); // before the suspension of 2025-03-01
        services.receivedAt.put(FRESH, at);
        fixture.given(suspended())
                .when(inspection(LocalDate.of(2025, 3, 20), KEPT_READY, at))
                .expectException(problem("permit.inspection-findings-before-the-inspection", "findingsSha256"))
                .expectNoEvents();
        fixture.given(suspended())
                .when(signed(new RestorePermit(ID, "Violations remedied"), SUPERVISOR, at.plusSeconds(60), Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.restoration-without-inspection", null))
                .expectNoEvents();
        fixture.given(suspended())
                .when(inspection(LocalDate.of(2025, 3, 20), FRESH, at))
                .expectSuccessfulHandlerExecution();
        fixture.given(suspended())
                .when(inspection(LocalDate.of(2025, 3, 18), FRESH, at)) // the findings written after the visit
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("002 art. 28.1, 28.4 (F283): the tax authority records the evasions settled with a document the registry received before its "
            + "request named them: refused, nothing stored; a settlement received after the request, even before the suspension, is recorded; "
            + "a permit reinstated suspended keeps its request's day")
    void a_settlement_is_not_older_than_the_request_it_answers() {
        Instant at = Instant.parse("2025-03-10T02:00:00Z");
        services.receivedAt.put(KEPT_READY, REQUESTED_AT.minusSeconds(86_400 * 4)); // 2025-02-20: the request came on 2025-02-24
        services.receivedAt.put(FRESH, REQUESTED_AT.plusSeconds(86_400 * 2)); // between the request and the suspension
        fixture.given(PermitAbuseRound8Test.taxSuspended())
                .when(signed(new RecordTaxEvasionsSettled(ID, KEPT_READY), TAX_OFFICER, at))
                .expectException(problem("permit.tax-settlement-before-the-request", "evidenceSha256"))
                .expectNoEvents();
        fixture.given(PermitAbuseRound8Test.taxSuspended())
                .when(signed(new RecordTaxEvasionsSettled(ID, FRESH), TAX_OFFICER, at))
                .expectEvents(new TaxEvasionsSettled(ID, FRESH, at, TAX_OFFICER, "002 art. 28.1, 28.4"));

        // revoked while suspended, reinstated suspended on the same request (F197): the request's day still bounds the settlement
        List<Object> reinstated = new ArrayList<>(PermitAbuseRound8Test.taxSuspended());
        Instant revokedAt = Instant.parse("2025-03-05T02:00:00Z");
        reinstated.add(new PermitRevoked(ID, RevocationGround.REPEATED_VIOLATIONS, "reason", revokedAt, SUPERVISOR, true));
        reinstated.add(new RevocationComplaintFiled(ID, "4d".repeat(32), revokedAt.plusSeconds(3600), HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, "4e".repeat(32), revokedAt.plusSeconds(7200), SUPERVISOR_2, VALID_UNTIL,
                RevocationComplaintDecided.ARTICLE));
        reinstated.add(new PermitSuspended(ID, SuspensionGround.TAX_EVASIONS, PermitSuspensionTest.TAX_SHA, 3, LocalDate.of(2025, 3, 1),
                SUSPENDED_UNTIL, revokedAt.plusSeconds(7200), SUPERVISOR_2));
        fixture.given(reinstated)
                .when(signed(new RecordTaxEvasionsSettled(ID, KEPT_READY), TAX_OFFICER, at))
                .expectException(problem("permit.tax-settlement-before-the-request", "evidenceSha256"))
                .expectNoEvents();
    }
}
