package mn.registry.permit.command;

import mn.registry.kernel.permit.*;
import static mn.registry.permit.command.Signed.signed;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.problem.RegistryProblem;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.APPROVED_AT;
import static mn.registry.permit.command.PermitLifecycleTest.CALENDAR;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.MINIMUM;
import static mn.registry.permit.command.PermitLifecycleTest.REVIEWER;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.PermitLifecycleTest.active;
import static mn.registry.permit.command.PermitLifecycleTest.registered;

/**
 * Abuse cases for rules of docs/legal-traceability.md §3 whose rows had only a happy-path test (audit in the ADR 0013 §8
 * session): a reviewer who approves a refused application or approves twice, and a change report that is empty, made by
 * someone who does not act for the holder, or made before any permit exists.
 */
class PermitAbuseAuditTest extends PermitAbuseFixture {

    static Matcher<RegistryProblem> code(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem with code " + code);
            }
        };
    }

    @Test
    @DisplayName("002 art. 26.2.2, 26.3: a refused application cannot be approved, and an approval is not given twice")
    void no_approval_after_a_refusal_or_twice() {
        Instant later = APPROVED_AT.plusSeconds(86_400);
        fixture.given(registered(), new PermitApplicationRefused(ID, List.of(new RefusalReason(PermitRequirement.values()[0], "bank reference missing")),
                        APPROVED_AT, REVIEWER, "002 art. 26.3"))
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, later))
                .expectException(code("permit.wrong-state")).expectNoEvents();
        fixture.given(registered(), new PermitApplicationApproved(ID, MINIMUM, APPROVED_AT, REVIEWER, "002 art. 26.2.2"))
                .when(signed(new ApprovePermitApplication(ID), REVIEWER, later))
                .expectException(code("permit.wrong-state")).expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 20.3.3: a change report without a description, by someone not acting for the holder, or before the permit exists is refused")
    void improper_change_reports_are_refused() {
        LocalDate changedOn = LocalDate.of(2025, 2, 5);
        Deadline report = CALENDAR.deadline(changedOn, PermitDeadlines.CHANGE_REPORT);
        Instant onTime = report.dueAt().toInstant().minusSeconds(3600);
        fixture.given(active()).when(signed(new ReportPermitChange(ID, changedOn, " ", SHA), HOLDER, onTime))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(active()).when(signed(new ReportPermitChange(ID, changedOn, "New address", SHA), new PersonId("applicant-2"), onTime))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(registered()).when(signed(new ReportPermitChange(ID, changedOn, "New address", SHA), HOLDER, onTime))
                .expectException(code("permit.wrong-state")).expectNoEvents();
    }
}
