package mn.registry.permit.command;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.*;
import mn.registry.permit.command.PermitCommands.FlagOverdueDuty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound5Test.problem;
import static mn.registry.permit.command.PermitLifecycleTest.*;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 19's permits round 11 (docs/abuse-audit.md, "Session 19, permits round 11"; ADR 0046 items 57 on): the open row O119 closed on the
 * lead's decision (O118 is the log's and the register's: PermitPublicRecordsTest, RegisterModelTest, PermitAbuseRound15EndToEndTest).
 */
class PermitAbuseRound15Test extends PermitAbuseFixture {

    PermitAbuseRound15Test() {
        super(DECISION_SHA);
    }

    private static final String DECISION_SHA = "34".repeat(32);
    private static final Instant REVOKED_AT = Instant.parse("2025-02-27T02:00:00Z");
    private static final LocalDate HANDED_OVER_BY = LocalDate.of(2025, 4, 3);
    private static final Instant DECIDED_AT = Instant.parse("2025-03-25T02:00:00Z");
    private static final LocalDate DECIDED_ON = UlaanbaatarTime.dateOf(DECIDED_AT);

    /**
     * In force with the tax authority's request waiting (due {@link PermitSuspensionTest#TAX_DECISION}), the annual inspection and the
     * insurance's renewal open; revoked before the request was decided, the hand-over raised, and the holder complained.
     */
    private static List<Object> revokedWithDutiesOpenAndComplained() {
        List<Object> events = new ArrayList<>(PermitSuspensionTest.taxRequested());
        events.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", REVOKED_AT, SUPERVISOR, true));
        events.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, HANDED_OVER_BY, REVOKED_AT));
        events.add(new RevocationComplaintFiled(ID, SHA2, REVOKED_AT.plusSeconds(86_400), HOLDER));
        return events;
    }

    private static RevocationComplaintDecided upheld() {
        return new RevocationComplaintDecided(ID, true, DECISION_SHA, DECIDED_AT, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE);
    }

    /** What the upheld decision records: the decision, then each duty still open running again (ADR 0046 item 58). */
    private static List<Object> reinstated() {
        List<Object> events = new ArrayList<>(revokedWithDutiesOpenAndComplained());
        events.add(upheld());
        events.add(dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), DECIDED_AT));
        events.add(dutyOnDate(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, DECIDED_ON, DECIDED_AT));
        events.add(dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, DECIDED_AT));
        return events;
    }

    @Test
    @DisplayName("002 art. 26.2.3, 28.1, 29.6, 31.1.7 (choice, ADR 0046 item 58, F206, was O119): an upheld complaint raises again each duty the revocation stopped, on its own date, or on the decision's day when that date passed meanwhile; not the hand-over (29.3), nor the registry's publication")
    void a_reinstated_permits_open_duties_run_again() {
        assertThat(PermitSuspensionTest.TAX_DECISION.due()).as("the tax request's decision fell due while the permit stood revoked")
                .isAfter(UlaanbaatarTime.dateOf(REVOKED_AT)).isBefore(DECIDED_ON);
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, DECIDED_AT, Role.MINISTRY_SUPERVISOR))
                .expectEvents(reinstated().subList(revokedWithDutiesOpenAndComplained().size(), reinstated().size()).toArray())
                .expectState(a -> assertThat(a.openDuties()).containsEntry(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, DECIDED_ON)
                        .containsEntry(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1)));
        // rejected, the revocation stands and nothing runs again
        fixture();
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, false, DECISION_SHA), SUPERVISOR_2, DECIDED_AT, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RevocationComplaintDecided(ID, false, DECISION_SHA, DECIDED_AT, SUPERVISOR_2, VALID_UNTIL,
                        RevocationComplaintDecided.ARTICLE));
    }

    @Test
    @DisplayName("002 art. 28.1, domain-rules §1 (F206, F191): the tax request's decision, late while revoked, escalates again at the end of the "
            + "decision's day, and a reviewer may then no longer refuse it; the supervisor does")
    void a_decision_late_while_revoked_escalates_again() {
        Instant late = UlaanbaatarTime.endOf(DECIDED_ON).toInstant().plusSeconds(1);
        fixture.given(reinstated())
                .when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, DECIDED_ON, late))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, DECIDED_ON, late, "002 art. 28.1"));
        List<Object> escalated = new ArrayList<>(reinstated());
        escalated.add(new PermitDutyOverdue(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, DECIDED_ON, late, "002 art. 28.1"));
        fixture.given(escalated)
                .when(signed(new RefusePermitSuspensionRequest(ID, "The evasions are disputed"), REVIEWER, late.plusSeconds(60), Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.escalated-decision-is-the-supervisors", "applicationId"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.2, 29.6 (F206, F64): reinstated after its term, the permit expires with the decision and only a pending "
            + "extension request runs again (ADR 0013 §3)")
    void reinstated_after_the_term_only_the_extension_request_runs_again() {
        Instant afterTerm = Instant.parse("2029-12-09T16:30:00Z"); // 2029-12-10 in Ulaanbaatar, the day after the last day
        List<Object> given = new ArrayList<>(revokedWithDutiesOpenAndComplained());
        given.add(PermitSuspensionTest.taxRequested().size(), dutyOnDate(PermitDuty.DECIDE_EXTENSION, LocalDate.of(2025, 3, 10),
                REVOKED_AT.minusSeconds(3_600))); // an extension request waiting when it was revoked
        fixture.given(given)
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, afterTerm, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RevocationComplaintDecided(ID, true, DECISION_SHA, afterTerm, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE),
                        new PermitExpired(ID, VALID_UNTIL, afterTerm, "002 art. 29.2"),
                        dutyOnDate(PermitDuty.DECIDE_EXTENSION, UlaanbaatarTime.dateOf(afterTerm), afterTerm));
    }

    @Test
    @DisplayName("002 art. 29.3, 29.6 (ADR 0046 item 58, F208): on a permit reinstated on complaint, the hand-over the revocation raised is "
            + "neither marked done by the holder nor flagged overdue when a deadline scheduled before the reinstatement fires; revoked "
            + "again, the new hand-over is owed as before")
    void a_reinstated_permit_owes_no_hand_over() {
        Instant later = DECIDED_AT.plusSeconds(86_400);
        fixture.given(reinstated())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, DECISION_SHA), HOLDER, later, Role.APPLICANT))
                .expectException(problem("permit.hand-over-of-a-reinstated-permit", "duty"))
                .expectNoEvents();
        Instant fired = UlaanbaatarTime.endOf(HANDED_OVER_BY).toInstant().plusSeconds(1);
        fixture.given(reinstated())
                .when(new FlagOverdueDuty(ID, PermitDuty.HAND_OVER_DATABASE, HANDED_OVER_BY, fired))
                .expectNoEvents();
        List<Object> revokedAgain = new ArrayList<>(reinstated());
        Instant again = later.plusSeconds(86_400);
        LocalDate dueAgain = UlaanbaatarTime.dateOf(again).plusMonths(1);
        revokedAgain.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", again, SUPERVISOR, true));
        revokedAgain.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, dueAgain, again));
        Instant firedAgain = UlaanbaatarTime.endOf(dueAgain).toInstant().plusSeconds(1);
        fixture.given(revokedAgain)
                .when(new FlagOverdueDuty(ID, PermitDuty.HAND_OVER_DATABASE, dueAgain, firedAgain))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.HAND_OVER_DATABASE, dueAgain, firedAgain, "002 art. 29.3"));
    }

    @Test
    @DisplayName("002 art. 23.3, 29.6 (held): a permit under a pending complaint is not transferred to a successor, and no second complaint "
            + "is filed against the same revocation while the first waits")
    void under_a_pending_complaint_nothing_moves() {
        Instant later = REVOKED_AT.plusSeconds(86_400 * 3);
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new TransferPermit(ID, new Company("Successor Trust LLC", "6400599", true, "Peace Avenue 2, Ulaanbaatar"),
                        Reorganisation.MERGER, DECISION_SHA), SUPERVISOR_2, later, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.wrong-state", null))
                .expectNoEvents();
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new FileRevocationComplaint(ID, DECISION_SHA), HOLDER, later, Role.APPLICANT))
                .expectException(problem("permit.complaint-pending", null))
                .expectNoEvents();
    }
}
