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

    static final String DECISION_SHA = "34".repeat(32);
    private static final Instant REVOKED_AT = Instant.parse("2025-02-27T02:00:00Z");
    private static final LocalDate HANDED_OVER_BY = LocalDate.of(2025, 4, 3);
    static final Instant DECIDED_AT = Instant.parse("2025-03-25T02:00:00Z");
    private static final LocalDate DECIDED_ON = UlaanbaatarTime.dateOf(DECIDED_AT);

    /**
     * In force with the tax authority's request waiting (due {@link PermitSuspensionTest#TAX_DECISION}), the annual inspection and the
     * insurance's renewal open; revoked before the request was decided, the hand-over raised, and the holder complained.
     */
    static List<Object> revokedWithDutiesOpenAndComplained() {
        List<Object> events = new ArrayList<>(PermitSuspensionTest.taxRequested());
        events.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", REVOKED_AT, SUPERVISOR, true));
        events.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, HANDED_OVER_BY, REVOKED_AT));
        events.add(new RevocationComplaintFiled(ID, SHA2, REVOKED_AT.plusSeconds(86_400), HOLDER));
        return events;
    }

    static RevocationComplaintDecided upheld() {
        return new RevocationComplaintDecided(ID, true, DECISION_SHA, DECIDED_AT, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE);
    }

    /** What the upheld decision records: the decision, then each duty still open running again (ADR 0046 item 58). */
    static List<Object> reinstated() {
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
                .when(new FlagOverdueDuty(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, DECIDED_ON, late, PermitLifecycleTest.FIRED_DEADLINE))
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
                .when(new FlagOverdueDuty(ID, PermitDuty.HAND_OVER_DATABASE, HANDED_OVER_BY, fired, PermitLifecycleTest.FIRED_DEADLINE))
                .expectNoEvents();
        List<Object> revokedAgain = new ArrayList<>(reinstated());
        Instant again = later.plusSeconds(86_400);
        LocalDate dueAgain = UlaanbaatarTime.dateOf(again).plusMonths(1);
        revokedAgain.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", again, SUPERVISOR, true));
        revokedAgain.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, dueAgain, again));
        Instant firedAgain = UlaanbaatarTime.endOf(dueAgain).toInstant().plusSeconds(1);
        fixture.given(revokedAgain)
                .when(new FlagOverdueDuty(ID, PermitDuty.HAND_OVER_DATABASE, dueAgain, firedAgain, PermitLifecycleTest.FIRED_DEADLINE))
                .expectEvents(new PermitDutyOverdue(ID, PermitDuty.HAND_OVER_DATABASE, dueAgain, firedAgain, "002 art. 29.3"));
    }

    @Test
    @DisplayName("002 art. 23.3, 29.6 (held): a permit under a pending complaint is not transferred to a successor, and no second complaint "
            + "is filed against the same revocation while the first waits")
    void under_a_pending_complaint_nothing_moves() {
        Instant later = REVOKED_AT.plusSeconds(86_400 * 3);
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new TransferPermit(ID, new Company("Successor Trust LLC", "6400599", true, "Peace Avenue 2, Ulaanbaatar"),
                        Reorganisation.MERGER, DECISION_SHA, java.time.LocalDate.of(2025, 3, 31), SuccessorsRepresentative.of("6400599")), SUPERVISOR_2, later, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.wrong-state", null))
                .expectNoEvents();
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new FileRevocationComplaint(ID, DECISION_SHA), HOLDER, later, Role.APPLICANT))
                .expectException(problem("permit.complaint-pending", null))
                .expectNoEvents();
    }

    // ------------------------------------------------------------------ session 20, permits round 12 (ADR 0046 items 60 on)

    private static final Instant REVOKED_EARLY = PermitSuspensionTest.REQUESTED_AT.plusSeconds(86_400); // the day after the tax request
    private static final Instant UPHELD_EARLY = REVOKED_EARLY.plusSeconds(86_400); // within the request's five working days
    /** A day off the Government declares inside the tax request's window, after the reinstatement. */
    private static final mn.registry.kernel.calendar.PublicHolidayDeclared DAY_OFF = new mn.registry.kernel.calendar.PublicHolidayDeclared(
            UlaanbaatarTime.dateOf(UPHELD_EARLY).plusDays(1), "Declared day off", "Амралтын өдөр", "Government resolution 20");

    /** The tax authority's request waiting (counted in working days), revoked the next day and complained against. */
    private static List<Object> revokedEarlyAndComplained() {
        List<Object> events = new ArrayList<>(PermitSuspensionTest.taxRequested());
        events.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", REVOKED_EARLY, SUPERVISOR, true));
        events.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, UlaanbaatarTime.dateOf(REVOKED_EARLY).plusMonths(1), REVOKED_EARLY));
        events.add(new RevocationComplaintFiled(ID, SHA2, REVOKED_EARLY.plusSeconds(3_600), HOLDER));
        return events;
    }

    @Test
    @DisplayName("domain-rules §2, 002 art. 28.1, 29.6 (choice, ADR 0046 item 60, F210, was O124): a working-day duty raised again on "
            + "reinstatement keeps its day 0, its length and its calendar version, so a holiday declared after inside its window moves it")
    void a_duty_raised_again_on_reinstatement_is_moved_by_a_calendar_change() {
        mn.registry.kernel.calendar.Deadline taxDecision = PermitSuspensionTest.TAX_DECISION;
        assertThat(taxDecision.due()).as("the decision is not due yet when the complaint is upheld").isAfter(DAY_OFF.date());
        PermitDutyRaised runsAgain = duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, taxDecision, UPHELD_EARLY);
        List<Object> reinstated = new ArrayList<>(revokedEarlyAndComplained());
        reinstated.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, UPHELD_EARLY, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        reinstated.add(dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), UPHELD_EARLY));
        reinstated.add(runsAgain);
        reinstated.add(dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, UPHELD_EARLY));
        int decided = revokedEarlyAndComplained().size();
        fixture.given(revokedEarlyAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, UPHELD_EARLY, Role.MINISTRY_SUPERVISOR))
                .expectEvents(reinstated.subList(decided, reinstated.size()).toArray());

        // the Government declares a day off inside the window: the deadline service recomputes the open deadline and the aggregate moves it
        PermitDeadlineRules rules = new PermitDeadlineRules();
        mn.registry.deadline.ScheduledDeadline scheduled = rules.instructionsFor(runsAgain, reinstated.size() - 2).stream()
                .filter(mn.registry.deadline.DeadlineInstruction.Start.class::isInstance)
                .map(i -> ((mn.registry.deadline.DeadlineInstruction.Start) i).deadline()).findFirst().orElseThrow();
        mn.registry.kernel.calendar.WorkingDayCalendar declared = CALENDAR.apply(DAY_OFF);
        List<mn.registry.kernel.calendar.DeadlineChange> changes = mn.registry.kernel.calendar.WorkingDayCalendar.recompute(List.of(
                new mn.registry.kernel.calendar.OpenDeadline(scheduled.id(), scheduled.startedOn(), scheduled.workingDays(), scheduled.due(),
                        scheduled.calendarVersion())), declared);
        assertThat(changes).as("the raised duty is a working-day deadline the calendar change moves").hasSize(1);
        mn.registry.kernel.calendar.Deadline moved = changes.get(0).after();
        assertThat(moved.due()).isEqualTo(declared.deadline(PermitSuspensionTest.REQUESTED_AT, PermitDuty.TAX_REQUEST_DECISION).due())
                .isAfter(taxDecision.due());
        fixture.given(reinstated)
                .when(rules.recomputeCommand(scheduled, moved))
                .expectEvents(new PermitDutyDueRecomputed(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, scheduled.id(), taxDecision.receivedOn(),
                        taxDecision.workingDays(), moved.due(), declared.version()))
                .expectState(a -> assertThat(a.openDuties()).containsEntry(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, moved.due()));
    }

    @Test
    @DisplayName("domain-rules §2, 002 art. 28.1, 29.6 (ADR 0046 item 60, F210): a day off declared while the permit stood revoked moves "
            + "the duty raised again as it moved every open working-day duty: counted from its day 0 with the calendar in force")
    void a_duty_raised_again_is_counted_with_the_calendar_in_force() {
        mn.registry.kernel.calendar.WorkingDayCalendar declared = CALENDAR.apply(DAY_OFF);
        services.calendar = declared;
        mn.registry.kernel.calendar.Deadline counted = declared.deadline(PermitSuspensionTest.REQUESTED_AT, PermitDuty.TAX_REQUEST_DECISION);
        assertThat(counted.due()).isAfter(PermitSuspensionTest.TAX_DECISION.due());
        fixture.given(revokedEarlyAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, UPHELD_EARLY, Role.MINISTRY_SUPERVISOR))
                .expectEvents(new RevocationComplaintDecided(ID, true, DECISION_SHA, UPHELD_EARLY, SUPERVISOR_2, VALID_UNTIL,
                                RevocationComplaintDecided.ARTICLE),
                        dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), UPHELD_EARLY),
                        duty(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, counted, UPHELD_EARLY),
                        dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, UPHELD_EARLY));
    }

    @Test
    @DisplayName("002 art. 29.6 (ADR 0046 item 61, F211, was O125): on a reinstatement stored before F206, the backfill's command raises "
            + "the duties the revocation stopped, due on their own date or at the end of its day; a second command, or one to a permit "
            + "revoked again, raises nothing")
    void a_reinstatement_stored_before_F206_has_its_duties_raised_once() {
        List<Object> storedBeforeF206 = new ArrayList<>(revokedWithDutiesOpenAndComplained());
        storedBeforeF206.add(upheld()); // and nothing after it
        Instant backfilled = DECIDED_AT.plusSeconds(86_400 * 2);
        LocalDate backfilledOn = UlaanbaatarTime.dateOf(backfilled);
        List<Object> raised = List.of(dutyOnDate(PermitDuty.ANNUAL_INSPECTION, VALID_FROM.plusYears(1), backfilled),
                dutyOnDate(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, backfilledOn, backfilled),
                dutyOnDate(PermitDuty.RENEW_INSURANCE, INSURED_UNTIL, backfilled));
        fixture.given(storedBeforeF206)
                .when(new PermitCommands.RunReinstatedDutiesAgain(ID, backfilled))
                .expectEvents(raised.toArray());
        List<Object> afterTheBackfill = new ArrayList<>(storedBeforeF206);
        afterTheBackfill.addAll(raised);
        fixture.given(afterTheBackfill)
                .when(new PermitCommands.RunReinstatedDutiesAgain(ID, backfilled.plusSeconds(60)))
                .expectNoEvents();
        fixture.given(reinstated()) // decided since F206: its duties run already
                .when(new PermitCommands.RunReinstatedDutiesAgain(ID, backfilled))
                .expectNoEvents();
        List<Object> revokedAgain = new ArrayList<>(storedBeforeF206);
        revokedAgain.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", backfilled.minusSeconds(3_600), SUPERVISOR, true));
        fixture.given(revokedAgain)
                .when(new PermitCommands.RunReinstatedDutiesAgain(ID, backfilled))
                .expectNoEvents();
    }

    /** A letter the registry received before the suspension of {@link PermitLifecycleTest#suspended()} (2025-03-01 in Ulaanbaatar). */
    private static final String EARLIER_LETTER = "5a".repeat(32);
    private static final String NOTICE = "5b".repeat(32);

    @Test
    @DisplayName("002 art. 28.3 (ADR 0046 item 63, F212): a suspension's notice is not marked done with a document the registry received "
            + "on a day before the suspension; a notice received the same day, or after, is its evidence")
    void a_suspensions_notice_is_not_evidenced_by_an_earlier_document() {
        services.otherDocuments.addAll(List.of(EARLIER_LETTER, NOTICE));
        services.receivedAt.put(EARLIER_LETTER, SUSPENDED_AT.minusSeconds(86_400 * 9)); // an earlier letter to the holder, at hand
        services.receivedAt.put(NOTICE, SUSPENDED_AT.minusSeconds(3_600)); // uploaded the morning of the suspension, before it was signed
        Instant marked = SUSPENDED_AT.plusSeconds(86_400);
        fixture.given(PermitLifecycleTest.suspended())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, EARLIER_LETTER), REVIEWER, marked, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.duty-evidence-before-the-duty", "evidenceSha256"))
                .expectNoEvents();
        fixture.given(PermitLifecycleTest.suspended())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, NOTICE), REVIEWER, marked, Role.MINISTRY_REVIEWER))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, marked, false, NOTICE, REVIEWER));
        // the first notice never marked done, the permit restored and suspended again: the first suspension's letter is not the second's notice
        Instant again = Instant.parse("2025-04-10T02:00:00Z");
        List<Object> suspendedAgain = new ArrayList<>(PermitLifecycleTest.remedied());
        suspendedAgain.add(new PermitRestored(ID, "Violations remedied", Instant.parse("2025-03-21T02:00:00Z"), SUPERVISOR, "002 art. 28.4"));
        suspendedAgain.add(new PermitInspected(ID, LocalDate.of(2025, 4, 8), "6b".repeat(32), true, Instant.parse("2025-04-08T02:00:00Z"), INSPECTOR,
                LocalDate.of(2026, 4, 8)));
        suspendedAgain.add(new PermitSuspended(ID, SuspensionGround.INSPECTOR_OPINION, "6b".repeat(32), 0, LocalDate.of(2025, 4, 10),
                LocalDate.of(2025, 6, 30), again, REVIEWER));
        suspendedAgain.add(duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(again, PermitDeadlines.SUSPENSION_NOTICE), again));
        fixture.given(suspendedAgain)
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, NOTICE), REVIEWER, again.plusSeconds(86_400),
                        Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.duty-evidence-before-the-duty", "evidenceSha256"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 29.3 (ADR 0046 item 63, F212): the hand-over of the database is not marked done with a document received "
            + "before the revocation, nor, revoked again after a reinstatement, with the hand-over of the revocation the complaint annulled")
    void a_hand_over_is_not_evidenced_by_a_document_before_the_revocation() {
        String handedOver = "5c".repeat(32);
        services.otherDocuments.addAll(List.of(EARLIER_LETTER, handedOver));
        services.receivedAt.put(EARLIER_LETTER, REVOKED_AT.minusSeconds(86_400 * 2));
        services.receivedAt.put(handedOver, DECIDED_AT.minusSeconds(86_400)); // handed over while the first revocation stood
        Instant marked = REVOKED_AT.plusSeconds(86_400 * 3);
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, EARLIER_LETTER), HOLDER, marked, Role.APPLICANT))
                .expectException(problem("permit.duty-evidence-before-the-duty", "evidenceSha256"))
                .expectNoEvents();
        List<Object> revokedAgain = new ArrayList<>(reinstated());
        Instant again = DECIDED_AT.plusSeconds(86_400 * 2);
        revokedAgain.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", again, SUPERVISOR, true));
        revokedAgain.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, UlaanbaatarTime.dateOf(again).plusMonths(1), again));
        fixture.given(revokedAgain)
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, handedOver), HOLDER, again.plusSeconds(86_400),
                        Role.APPLICANT))
                .expectException(problem("permit.duty-evidence-before-the-duty", "evidenceSha256"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("002 art. 28.3, 29.6 (ADR 0046 item 63, F212): the notice of a suspension given before the revocation evidences the notice "
            + "duty raised again on reinstatement: the duty is the one the suspension raised")
    void a_notice_given_before_the_revocation_evidences_the_duty_raised_again() {
        services.otherDocuments.add(NOTICE);
        services.receivedAt.put(NOTICE, SUSPENDED_AT.plusSeconds(3_600));
        Instant revokedAt = SUSPENDED_AT.plusSeconds(86_400);
        Instant decidedAt = revokedAt.plusSeconds(86_400 * 2);
        List<Object> reinstated = new ArrayList<>(PermitLifecycleTest.suspended());
        reinstated.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", revokedAt, SUPERVISOR, true));
        reinstated.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, UlaanbaatarTime.dateOf(revokedAt).plusMonths(1), revokedAt));
        reinstated.add(new RevocationComplaintFiled(ID, SHA2, revokedAt.plusSeconds(3_600), HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, decidedAt, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        reinstated.add(duty(PermitDuty.NOTIFY_SUSPENSION, CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE), decidedAt));
        Instant marked = decidedAt.plusSeconds(3_600);
        fixture.given(reinstated)
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, NOTICE), REVIEWER, marked, Role.MINISTRY_REVIEWER))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, marked,
                        UlaanbaatarTime.dateOf(marked).isAfter(CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE).due()), NOTICE, REVIEWER));
    }
    @Test
    @DisplayName("002 art. 27.7 (ADR 0046 item 63, F212): the holder's notice that the term will not be extended is not evidenced by a "
            + "notice of the term before; a notice made in this term, before the duty was raised, is")
    void the_notice_to_the_certificate_holders_is_of_this_term() {
        String earlierTerm = "5d".repeat(32);
        String thisTerm = "5e".repeat(32);
        services.otherDocuments.addAll(List.of(earlierTerm, thisTerm));
        LocalDate nextTermEnds = LocalDate.of(2034, 12, 9);
        Instant extendedAt = Instant.parse("2029-08-01T02:00:00Z");
        services.receivedAt.put(earlierTerm, extendedAt.minusSeconds(86_400 * 20)); // told them, in the first term, it would not extend
        services.receivedAt.put(thisTerm, Instant.parse("2034-07-01T02:00:00Z")); // in this term, before the duty was raised
        Instant raisedAt = Instant.parse("2034-09-12T02:00:00Z"); // the request's due date passed with no request
        List<Object> notExtended = new ArrayList<>(active());
        notExtended.add(new PermitExtended(ID, VALID_UNTIL, nextTermEnds, extendedAt, SUPERVISOR));
        notExtended.add(dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2034, 11, 9), raisedAt));
        Instant marked = raisedAt.plusSeconds(86_400 * 7);
        fixture.given(notExtended)
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, earlierTerm), HOLDER, marked, Role.APPLICANT))
                .expectException(problem("permit.duty-evidence-before-the-duty", "evidenceSha256"))
                .expectNoEvents();
        fixture.given(notExtended)
                .when(signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, thisTerm), HOLDER, marked, Role.APPLICANT))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, marked, false, thisTerm, HOLDER));
    }
    @Test
    @DisplayName("002 art. 27.7, 29.6 (ADR 0046 item 64, F213): the extension request's due date passed while the permit stood revoked; "
            + "reinstated in the term's last month, the notice to the certificate holders is due by the end of the day its deadline fires, "
            + "not on a day already past")
    void a_notice_raised_after_its_date_is_due_that_day() {
        Instant revokedAt = Instant.parse("2029-08-20T02:00:00Z"); // before the request's due date: no notice owed yet
        Instant decidedAt = Instant.parse("2029-11-20T02:00:00Z"); // after the notice's day, 2029-11-10
        LocalDate requestDue = PermitApplication.extensionRequestDueOnAWorkingDay(VALID_UNTIL, CALENDAR::deadline);
        List<Object> reinstated = new ArrayList<>(active());
        reinstated.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged audit report", revokedAt, SUPERVISOR, true));
        reinstated.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, LocalDate.of(2029, 9, 20), revokedAt));
        reinstated.add(new RevocationComplaintFiled(ID, SHA2, revokedAt.plusSeconds(3_600), HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, DECISION_SHA, decidedAt, SUPERVISOR_2, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        reinstated.add(dutyOnDate(PermitDuty.ANNUAL_INSPECTION, UlaanbaatarTime.dateOf(decidedAt), decidedAt));
        reinstated.add(dutyOnDate(PermitDuty.RENEW_INSURANCE, UlaanbaatarTime.dateOf(decidedAt), decidedAt));
        Instant fired = decidedAt.plusSeconds(5); // the restarted deadline of the request's due date fires at once
        fixture.given(reinstated)
                .when(new PermitCommands.ExtensionRequestDueDatePassed(ID, requestDue, fired))
                .expectEvents(dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, UlaanbaatarTime.dateOf(fired), fired));
    }
    @Test
    @DisplayName("002 art. 27.2, 26.2.3, 28.1, 29.1.1, 29.6 (held): under a pending complaint against the revocation the holder neither "
            + "requests an extension, nor records a policy, nor asks for revocation, and the tax authority requests no suspension")
    void under_a_pending_complaint_the_holder_and_the_tax_authority_move_nothing() {
        Instant later = REVOKED_AT.plusSeconds(86_400 * 3);
        List<Object> commands = List.of(
                signed(new RequestPermitExtension(ID, SHA), HOLDER, later, Role.APPLICANT),
                signed(new RecordPermitInsurance(ID, "Mongol Daatgal", "POL-9", mn.registry.kernel.money.Money.mnt(900_000_000),
                        LocalDate.of(2026, 4, 1), SHA), HOLDER, later, Role.APPLICANT),
                signed(new RequestPermitRevocation(ID), HOLDER, later, Role.APPLICANT),
                signed(new RequestPermitSuspension(ID, 3, "5f".repeat(32)), PermitSuspensionTest.TAX_OFFICER, later, Role.TAX_OFFICER));
        for (Object command : commands) {
            fixture.given(revokedWithDutiesOpenAndComplained())
                    .when(command)
                    .expectException(problem("permit.wrong-state", null))
                    .expectNoEvents();
        }
    }
    @Test
    @DisplayName("002 art. 29.6 (ADR 0046 item 65, F214): a complaint is not decided with a decision the registry received on a day before "
            + "the complaint was filed (a decision kept ready); a decision received the day the complaint was filed decides it")
    void a_complaint_is_not_decided_by_a_decision_older_than_the_complaint() {
        Instant filedAt = REVOKED_AT.plusSeconds(86_400);
        services.receivedAt.put(DECISION_SHA, filedAt.minusSeconds(86_400)); // uploaded the day before the holder complained
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, DECIDED_AT, Role.MINISTRY_SUPERVISOR))
                .expectException(problem("permit.complaint-decision-before-the-complaint", "decisionSha256"))
                .expectNoEvents();
        services.receivedAt.put(DECISION_SHA, filedAt.minusSeconds(3_600)); // the same day in Ulaanbaatar
        fixture.given(revokedWithDutiesOpenAndComplained())
                .when(signed(new DecideRevocationComplaint(ID, true, DECISION_SHA), SUPERVISOR_2, DECIDED_AT, Role.MINISTRY_SUPERVISOR))
                .expectEvents(reinstated().subList(revokedWithDutiesOpenAndComplained().size(), reinstated().size()).toArray());
    }
    @Test
    @DisplayName("002 art. 29.4, 29.6 (held): revoked again after an upheld complaint, the holder complains of the second revocation within "
            + "its own 30 days (not a second complaint against the first), and not after them")
    void a_second_revocation_has_its_own_complaint_period() {
        Instant again = DECIDED_AT.plusSeconds(86_400 * 10);
        List<Object> revokedAgain = new ArrayList<>(reinstated());
        revokedAgain.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", again, SUPERVISOR, true));
        revokedAgain.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, UlaanbaatarTime.dateOf(again).plusMonths(1), again));
        String secondComplaint = "6a".repeat(32);
        services.otherDocuments.add(secondComplaint);
        Instant inTime = again.plusSeconds(86_400 * 25); // 50 days after the first revocation
        fixture.given(revokedAgain)
                .when(signed(new FileRevocationComplaint(ID, secondComplaint), HOLDER, inTime, Role.APPLICANT))
                .expectEvents(new RevocationComplaintFiled(ID, secondComplaint, inTime, HOLDER));
        Instant late = UlaanbaatarTime.endOf(UlaanbaatarTime.dateOf(again).plusDays(30)).toInstant().plusSeconds(1);
        fixture.given(revokedAgain)
                .when(signed(new FileRevocationComplaint(ID, secondComplaint), HOLDER, late, Role.APPLICANT))
                .expectException(problem("permit.complaint-period-over", "applicationId"))
                .expectNoEvents();
    }
    @Test
    @DisplayName("002 art. 29.3, 29.5, 29.6 (ADR 0046 item 66, F230): revoked again after a reinstatement and certificates reported issued "
            + "since, the database is not recorded handed over with the fingerprint of the first hand-over; with none reported since, it may be")
    void a_database_handed_over_again_holds_the_certificates_issued_since() {
        String firstDatabase = "7a".repeat(32);
        Instant handedOverAt = REVOKED_AT.plusSeconds(86_400 * 2);
        List<Object> reinstated = new ArrayList<>(revokedWithDutiesOpenAndComplained());
        reinstated.add(new CertificateDatabaseHandedOver(ID, firstDatabase, handedOverAt, REVIEWER));
        reinstated.add(new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, handedOverAt, false, null, REVIEWER));
        reinstated.addAll(reinstated().subList(revokedWithDutiesOpenAndComplained().size(), reinstated().size()));
        Instant again = DECIDED_AT.plusSeconds(86_400 * 40);
        List<Object> issuedSince = new ArrayList<>(reinstated);
        issuedSince.add(new CertificatesIssuedReported(ID, 40, UlaanbaatarTime.dateOf(DECIDED_AT).plusDays(30), DECIDED_AT.plusSeconds(86_400 * 31), HOLDER));
        for (List<Object> stream : List.of(issuedSince, reinstated)) {
            stream.add(new PermitRevoked(ID, RevocationGround.FALSE_DOCUMENTS, "forged again", again, SUPERVISOR, true));
            stream.add(dutyOnDate(PermitDuty.HAND_OVER_DATABASE, UlaanbaatarTime.dateOf(again).plusMonths(1), again));
        }
        Instant recorded = again.plusSeconds(86_400);
        fixture.given(issuedSince)
                .when(signed(new RecordCertificateDatabaseHandedOver(ID, firstDatabase, DATABASE_RECEIPT), REVIEWER, recorded, Role.MINISTRY_REVIEWER))
                .expectException(problem("permit.database-of-an-earlier-hand-over", "databaseSha256"))
                .expectNoEvents();
        fixture.given(reinstated)
                .when(signed(new RecordCertificateDatabaseHandedOver(ID, firstDatabase, DATABASE_RECEIPT), REVIEWER, recorded, Role.MINISTRY_REVIEWER))
                .expectEvents(new CertificateDatabaseHandedOver(ID, firstDatabase, recorded, REVIEWER, DATABASE_RECEIPT),
                        new PermitDutyFulfilled(ID, PermitDuty.HAND_OVER_DATABASE, recorded, false, null, REVIEWER));
    }
}
