package mn.registry.permit.command;

import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ReportPermitChange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.Signed.signed;

/** Session 17's abuse audit of the permit rules (docs/abuse-audit.md, "Session 17, permits and identity"; ADR 0046 items 44 on). */
class PermitAbuseRound12Test extends PermitAbuseFixture {

    // ------------------------------------------------------------------ F181: a report of a change cites its document

    @Test
    @DisplayName("002 art. 20.3.3 (choice, ADR 0046 item 45, F181, was O94): a holder's report of a change cites the document that shows "
            + "the change, so that a person can compare the day the holder names with it: a report without its document (none, or blank) is "
            + "refused; one with it is recorded")
    void a_report_of_a_change_cites_its_document() {
        LocalDate changedOn = LocalDate.of(2025, 6, 2);
        Instant at = Instant.parse("2025-06-03T02:00:00Z");
        for (String none : new String[] {null, "", " "}) {
            fixture.given(PermitLifecycleTest.active())
                    .when(signed(new ReportPermitChange(ID, changedOn, "New address", none), HOLDER, at, Role.APPLICANT))
                    .expectException(problem("permit.change-document-missing", "documentSha256"))
                    .expectNoEvents();
        }
        fixture.given(PermitLifecycleTest.active())
                .when(signed(new ReportPermitChange(ID, changedOn, "New address", SHA), HOLDER, at, Role.APPLICANT))
                .expectSuccessfulHandlerExecution();
    }

    // ------------------------------------------------------------------ held: a day off declared after the escalation

    @Test
    @DisplayName("002 art. 26.1, domain-rules §2 (held): a day off the Cabinet member declares after the decision deadline escalated moves "
            + "nothing: the escalation stands, and neither the due date nor a second escalation follows")
    void a_day_off_declared_after_the_escalation_leaves_it() {
        Instant escalatedAt = PermitLifecycleTest.DECISION.dueAt().toInstant().plusSeconds(1);
        mn.registry.kernel.calendar.Deadline moved = PermitLifecycleTest.CALENDAR.apply(new mn.registry.kernel.calendar.PublicHolidayDeclared(
                        java.time.LocalDate.of(2024, 12, 2), "Declared", "Зарласан", "R-1"))
                .deadline(PermitLifecycleTest.RECEIVED, mn.registry.kernel.permit.PermitDeadlines.DECISION);
        java.util.List<Object> escalated = java.util.List.of(PermitLifecycleTest.registered(), new mn.registry.kernel.permit.PermitDecisionOverdue(ID,
                PermitLifecycleTest.DECISION.due(), escalatedAt, "002 art. 26.1"));
        fixture.given(escalated)
                .when(new PermitCommands.RecomputeDecisionDue(ID, moved.due(), moved.dueAt().toInstant(), moved.calendarVersion()))
                .expectNoEvents();
        fixture.given(escalated)
                .when(new PermitCommands.EscalateOverdueDecision(ID, moved.due(), moved.dueAt().toInstant().plusSeconds(1)))
                .expectNoEvents();
    }
}
