package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import mn.registry.permit.command.PermitCommands.FlagOverdueDuty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;

/** Session 18's abuse audit of the permit rules (docs/abuse-audit.md, "Session 18, permits and identity"; ADR 0046 items 49 on). */
class PermitAbuseRound13Test extends PermitAbuseFixture {

    // ------------------------------------------------------------------ F191: an escalated decision is the supervisor's

    private static final Instant ESCALATED_AT = DECISION.dueAt().toInstant().plusSeconds(1);

    private static List<Object> escalated() {
        return List.of(registered(), new PermitDecisionOverdue(ID, DECISION.due(), ESCALATED_AT, "002 art. 26.1"));
    }

    @Test
    @DisplayName("domain-rules §1, 002 art. 26.1 (choice, ADR 0046 item 50, F191): once the 17 working days ran out and the decision was "
            + "escalated to a supervisor, a reviewer neither approves nor refuses the application; the supervisor does, and the reviewer "
            + "still may before the escalation")
    void an_escalated_application_is_decided_by_a_supervisor() {
        Instant after = ESCALATED_AT.plusSeconds(3_600);
        List<RefusalReason> reasons = List.of(new RefusalReason(PermitRequirement.AUDITED_FINANCIAL_STATEMENTS, "Not audited"));
        fixture.given(escalated())
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, after, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture.given(escalated())
                .when(signed(new RefusePermitApplication(ID, reasons), REVIEWER, after, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture.given(escalated())
                .when(signed(new ApprovePermitApplication(ID), SUPERVISOR, after, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new PermitApplicationApproved(ID, MINIMUM, after, SUPERVISOR, "002 art. 26.2.2"));
        // on the last day, before its end (since F600, ADR 0046 item 174, a decision received after the last day is the supervisor's
        // whether or not the escalation was recorded yet: PermitRedTeamRound32Test)
        Instant onTheLastDay = mn.registry.kernel.calendar.UlaanbaatarTime.endOf(DECISION.due()).toInstant().minusSeconds(3_600);
        fixture.given(registered())
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, onTheLastDay, Role.MINISTRY_REVIEWER))
                .expectEvents(new PermitApplicationApproved(ID, MINIMUM, onTheLastDay, REVIEWER, "002 art. 26.2.2"));
    }

    @Test
    @DisplayName("domain-rules §1, 002 art. 27.3, ADR 0013 §4 (choice, ADR 0046 item 50, F191): an extension request, a tax request or a "
            + "suspension that ran out, whose duty to decide was flagged overdue, is decided by a supervisor, not by a reviewer")
    void an_escalated_duty_is_decided_by_a_supervisor() {
        Instant requestedAt = Instant.parse("2029-08-01T02:00:00Z");
        mn.registry.kernel.calendar.Deadline fastPath = CALENDAR.deadline(requestedAt, PermitDeadlines.EXTENSION_FAST_PATH);
        List<Object> extensionOverdue = new ArrayList<>(active());
        extensionOverdue.add(new PermitExtensionRequested(ID, SHA2, requestedAt, java.time.LocalDate.of(2029, 9, 10), false, fastPath.due(), HOLDER));
        extensionOverdue.add(duty(PermitDuty.DECIDE_EXTENSION, fastPath, requestedAt));
        Instant flaggedAt = fastPath.dueAt().toInstant().plusSeconds(1);
        extensionOverdue.add(new PermitDutyOverdue(ID, PermitDuty.DECIDE_EXTENSION, fastPath.due(), flaggedAt, "002 art. 27.3"));
        Instant decidedAt = flaggedAt.plusSeconds(3_600);
        fixture.given(extensionOverdue)
                .when(signed(new DecidePermitExtension(ID, true, List.of()), REVIEWER, decidedAt, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture.given(extensionOverdue)
                .when(signed(new DecidePermitExtension(ID, true, List.of()), SUPERVISOR, decidedAt, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();

        List<Object> taxOverdue = new ArrayList<>(PermitSuspensionTest.taxRequested());
        Instant taxFlaggedAt = PermitSuspensionTest.TAX_DECISION.dueAt().toInstant().plusSeconds(1);
        taxOverdue.add(new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, PermitSuspensionTest.TAX_DECISION.due(), taxFlaggedAt,
                "002 art. 28.1"));
        Instant taxDecidedAt = taxFlaggedAt.plusSeconds(3_600);
        java.time.LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(taxDecidedAt);
        fixture.given(taxOverdue)
                .when(signed(new RefusePermitSuspensionRequest(ID, "Settled already"), REVIEWER, taxDecidedAt, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture.given(taxOverdue)
                .when(signed(new SuspendPermit(ID, SuspensionGround.TAX_EVASIONS, PermitSuspensionTest.TAX_SHA, 0, today, today.plusMonths(1)),
                        REVIEWER, taxDecidedAt, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture.given(taxOverdue)
                .when(signed(new RefusePermitSuspensionRequest(ID, "Settled already"), SUPERVISOR, taxDecidedAt, Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();

        List<Object> ranOutOverdue = new ArrayList<>(PermitSuspensionTest.ranOut());
        Instant late = PermitSuspensionTest.AFTER.dueAt().toInstant().plusSeconds(1);
        ranOutOverdue.add(new PermitDutyOverdue(ID, PermitDuty.DECIDE_AFTER_SUSPENSION, PermitSuspensionTest.AFTER.due(), late, "002 art. 28.4, 29.1.5"));
        ranOutOverdue.add(new PermitInspected(ID, mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(late), SHA2, false, late, INSPECTOR,
                mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(late).plusYears(1)));
        fixture.given(ranOutOverdue)
                .when(signed(new RestorePermit(ID, "Violations remedied"), REVIEWER, late.plusSeconds(3_600), Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
        fixture.given(ranOutOverdue)
                .when(signed(new RestorePermit(ID, "Violations remedied"), SUPERVISOR, late.plusSeconds(3_600), Role.MINISTRY_SUPERVISOR))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ F192: no extension decided while the permit is revoked

    @Test
    @DisplayName("002 art. 27.3, 29.6 (ADR 0046 item 51, F192): an extension requested in time is not refused (nor granted) while the permit "
            + "is revoked and its complaint period runs; once an upheld complaint reinstates the permit, the request is decided")
    void an_extension_waits_for_the_revocations_outcome() {
        Instant requestedAt = Instant.parse("2029-08-01T02:00:00Z");
        mn.registry.kernel.calendar.Deadline fastPath = CALENDAR.deadline(requestedAt, PermitDeadlines.EXTENSION_FAST_PATH);
        Instant revokedAt = Instant.parse("2029-08-02T02:00:00Z");
        List<Object> revokedWhilePending = new ArrayList<>(active());
        revokedWhilePending.add(new PermitExtensionRequested(ID, SHA2, requestedAt, java.time.LocalDate.of(2029, 9, 10), false, fastPath.due(), HOLDER));
        revokedWhilePending.add(duty(PermitDuty.DECIDE_EXTENSION, fastPath, requestedAt));
        revokedWhilePending.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", revokedAt, SUPERVISOR, true));
        Instant decidedAt = Instant.parse("2029-08-03T02:00:00Z");
        List<RefusalReason> stampDuty = List.of(new RefusalReason(PermitRequirement.STAMP_DUTY_PAID, "Not paid"));
        fixture.given(revokedWhilePending)
                .when(signed(new DecidePermitExtension(ID, false, stampDuty), REVIEWER, decidedAt, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.extension-of-a-revoked-permit", "applicationId"))
                .expectNoEvents();
        fixture.given(revokedWhilePending)
                .when(signed(new DecidePermitExtension(ID, true, List.of()), SUPERVISOR_2, decidedAt, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.extension-of-a-revoked-permit", "applicationId"))
                .expectNoEvents();
        List<Object> reinstated = new ArrayList<>(revokedWhilePending);
        reinstated.add(new RevocationComplaintFiled(ID, SHA, decidedAt, HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, SHA2, decidedAt.plusSeconds(86_400), SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        fixture.given(reinstated)
                .when(signed(new DecidePermitExtension(ID, false, stampDuty), REVIEWER, decidedAt.plusSeconds(2 * 86_400), Role.MINISTRY_REVIEWER))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ held

    @Test
    @DisplayName("002 art. 20.3.3 (held): a change is reported on a permit in force: not on an application not yet issued, nor on a "
            + "revoked permit in its complaint period")
    void a_change_is_reported_on_a_permit_in_force() {
        Instant at = Instant.parse("2025-06-03T02:00:00Z");
        fixture.given(registered())
                .when(signed(new ReportPermitChange(ID, java.time.LocalDate.of(2025, 6, 2), "New address", SHA), HOLDER, at, Role.APPLICANT))
                .expectException(problem("permit.wrong-state", null))
                .expectNoEvents();
        fixture.given(revoked(RevocationGround.FALSE_DOCUMENTS))
                .when(signed(new ReportPermitChange(ID, java.time.LocalDate.of(2025, 6, 2), "New address", SHA), HOLDER, at, Role.APPLICANT))
                .expectException(problem("permit.wrong-state", null))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 26.5 (held): a policy in another currency than the minimum's does not meet it, however large its amount")
    void insurance_in_another_currency_does_not_meet_the_minimum() {
        Instant at = APPROVED_AT.plusSeconds(86_400);
        fixture.given(approved())
                .when(signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-USD", new mn.registry.kernel.money.Money(900_000_000L, "USD"), java.time.LocalDate.of(2025, 12, 31), SHA), HOLDER, at, Role.APPLICANT))
                .expectException(problem("permit.insurance-below-minimum", "amount"))
                .expectNoEvents();
    }
}
