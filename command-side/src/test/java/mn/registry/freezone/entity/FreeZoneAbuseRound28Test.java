package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.entity.FreeZoneAbuseRound27RegistrationTest.ARTICLE;
import static mn.registry.freezone.entity.FreeZoneAbuseRound27RegistrationTest.BASE;
import static mn.registry.freezone.entity.FreeZoneAbuseRound27RegistrationTest.COUNTED;
import static mn.registry.freezone.entity.FreeZoneAbuseRound27RegistrationTest.RAISED_ON;
import static mn.registry.freezone.entity.FreeZoneAbuseRound27RegistrationTest.TO_RECORD;
import static mn.registry.freezone.entity.FreeZoneAbuseRound27RegistrationTest.escalate;
import static mn.registry.freezone.entity.FreeZoneAbuseRound27RegistrationTest.started;
import static mn.registry.freezone.entity.ZoneRegistrationTest.APPLICANT;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.MONGOLIAN;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.STREAM;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.documents;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, Free Zone round 28 (abuse audit F470, was O276; ADR 0035 item 94): an escalation is judged against the calendar in force when
 * the registry handles it. A day of mourning declared on a duty's last day itself moves that day; a deadline service behind at midnight fires
 * the escalation before it handled the declaration: the aggregate counts the last day again from the duty's day 0, records the moved day
 * (which schedules the deadline again) and escalates nothing until the moved day has passed.
 */
class FreeZoneAbuseRound28Test extends ZoneRegistrationAbuseFixture {

    /** The Government's day of mourning on the duty's last day itself, declared that day (the calendar allows a day off declared on its day). */
    static final PublicHolidayDeclared MOURNING = new PublicHolidayDeclared(COUNTED.due(), "Day of mourning", "Гашуудлын өдөр",
            "Government resolution 2026/311");
    static final WorkingDayCalendar MOURNED = BASE.apply(MOURNING);

    ZoneRegistrationTest.CalendarServices calendar;

    @BeforeEach
    void onTheBaseCalendar() {
        calendar = onTheCalendarInForce();
    }

    @Test
    @DisplayName("003 art. 12.5.3; domain-rules §2 (ADR 0035 item 94; F470, was O276): a day of mourning declared on the duty's last day, the "
            + "escalation fired before the deadline service handled it: nothing escalated, the moved day recorded and the deadline scheduled for "
            + "it; fired after the moved day: escalated once, on it; on the calendar the duty was counted on, escalated as before")
    void the_duty_is_escalated_on_the_calendar_in_force_at_its_firing() {
        LocalDate movedDay = MOURNED.deadline(RAISED_ON, FreeZoneTerms.REVIEW).due();
        assertThat(movedDay).isAfter(COUNTED.due());
        RegistrationEvents.CourtDecisionToRecordDueRecomputed moved = new RegistrationEvents.CourtDecisionToRecordDueRecomputed(ID, RAISED_ON,
                movedDay, MOURNED.version(), ARTICLE);

        // the lawful escalation beside it: the calendar the duty was counted on is in force, its last day passed
        fixture.given(applied(), registered(), TO_RECORD).when(escalate(COUNTED.due())).expectEvents(
                new RegistrationEvents.CourtDecisionToRecordOverdue(ID, COUNTED.due(), escalate(COUNTED.due()).firedAt(), ARTICLE));

        // the declaration stored, its recompute not handled: the deadline fires on the day the service still holds
        calendar.inForce = MOURNED;
        fixture.given(applied(), registered(), TO_RECORD).when(escalate(COUNTED.due())).expectEvents(moved);
        ScheduledDeadline again = started(moved, 3);
        assertThat(new FreeZoneDeadlineRules().instructionsFor(moved, 3))
                .startsWith(new DeadlineInstruction.End(ID.value(), FreeZoneDeadlineRules.COURT_DECISION));
        assertThat(again.due()).as("scheduled again for the moved day").isEqualTo(movedDay);
        assertThat(again.isDueAt(escalate(COUNTED.due()).firedAt())).isFalse();
        assertThat(again.countsWorkingDays()).as("moved again by a later change").isTrue();

        // fired on the moved day's end: escalated once, on the moved day
        RegistrationEvents.CourtDecisionToRecordOverdue overdue = new RegistrationEvents.CourtDecisionToRecordOverdue(ID, movedDay,
                escalate(movedDay).firedAt(), ARTICLE);
        fixture.given(applied(), registered(), TO_RECORD, moved).when(escalate(movedDay)).expectEvents(overdue);
        fixture.given(applied(), registered(), TO_RECORD, moved, overdue).when(escalate(movedDay.plusDays(1))).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.2; domain-rules §2 (ADR 0035 item 94; F470, was O276): the review's escalation likewise: a day of mourning on "
            + "its last day, fired before the recompute: not escalated, the moved day recorded; fired after it: escalated once")
    void the_review_is_escalated_on_the_calendar_in_force_at_its_firing() {
        Deadline counted = BASE.deadline(RECEIVED, FreeZoneTerms.REVIEW);
        RegistrationEvents.ZoneRegistrationApplied received = new RegistrationEvents.ZoneRegistrationApplied(ID, ZONE, MONGOLIAN,
                applied().activity(), documents(MONGOLIAN.jurisdiction()), RECEIVED, counted.due(), counted.dueAt().toInstant(), FreeZoneTerms.REVIEW,
                BASE.version(), FreeZoneTerms.REVIEW_ARTICLE, APPLICANT);
        Instant firedAfterTheFirstDay = counted.dueAt().toInstant().plusSeconds(1);
        fixture.given(received).when(new RegistrationStreamCommands.EscalateOverdueReview(STREAM, ID, counted.due(), firedAfterTheFirstDay))
                .expectEvents(new RegistrationEvents.ZoneRegistrationReviewOverdue(ID, counted.due(), firedAfterTheFirstDay, FreeZoneTerms.REVIEW_ARTICLE));

        WorkingDayCalendar mourned = BASE.apply(new PublicHolidayDeclared(counted.due(), "Day of mourning", "Гашуудлын өдөр",
                "Government resolution 2026/312"));
        calendar.inForce = mourned;
        Deadline moved = mourned.deadline(UlaanbaatarTime.dateOf(RECEIVED), FreeZoneTerms.REVIEW);
        assertThat(moved.due()).isAfter(counted.due());
        RegistrationEvents.ZoneRegistrationReviewDueRecomputed recomputed = new RegistrationEvents.ZoneRegistrationReviewDueRecomputed(ID,
                UlaanbaatarTime.dateOf(RECEIVED), moved.due(), moved.dueAt().toInstant(), mourned.version(), FreeZoneTerms.REVIEW_ARTICLE);
        fixture.given(received).when(new RegistrationStreamCommands.EscalateOverdueReview(STREAM, ID, counted.due(), firedAfterTheFirstDay))
                .expectEvents(recomputed);
        assertThat(started(recomputed, 1).due()).as("scheduled again for the moved day").isEqualTo(moved.due());
        Instant firedAfterTheMovedDay = moved.dueAt().toInstant().plusSeconds(1);
        fixture.given(received, recomputed).when(new RegistrationStreamCommands.EscalateOverdueReview(STREAM, ID, moved.due(), firedAfterTheMovedDay))
                .expectEvents(new RegistrationEvents.ZoneRegistrationReviewOverdue(ID, moved.due(), firedAfterTheMovedDay, FreeZoneTerms.REVIEW_ARTICLE));
    }

    // ---------------------------------------------------------------- the hunt: attempts that held (abuse audit, session 28)

    @Test
    @DisplayName("003 art. 12.5.3; domain-rules §2 (ADR 0035 item 94): a governor late with the duty gets a colluding Cabinet member to declare "
            + "the day after its last day a day off (allowed on its own day) before a late firing: the count from day 0 ends where it did, "
            + "escalated on the law's day")
    void a_day_off_after_the_last_day_moves_nothing_at_a_late_firing() {
        LocalDate dayAfter = COUNTED.due().plusDays(1);
        while (!BASE.isWorkingDay(dayAfter)) {
            dayAfter = dayAfter.plusDays(1);
        }
        calendar.inForce = BASE.apply(new PublicHolidayDeclared(dayAfter, "Day off", "Амралтын өдөр", "Government resolution 2026/313"));
        fixture.given(applied(), registered(), TO_RECORD).when(escalate(COUNTED.due())).expectEvents(
                new RegistrationEvents.CourtDecisionToRecordOverdue(ID, COUNTED.due(), escalate(COUNTED.due()).firedAt(), ARTICLE));
    }

    @Test
    @DisplayName("003 art. 12.5.3; domain-rules §2 (ADR 0035 item 94): the deadline service down for days past the moved day too: the firing "
            + "records the moved day and the escalation on it, once; fired again, nothing")
    void a_firing_days_late_escalates_once_on_the_moved_day() {
        calendar.inForce = MOURNED;
        LocalDate movedDay = MOURNED.deadline(RAISED_ON, FreeZoneTerms.REVIEW).due();
        RegistrationEvents.CourtDecisionToRecordDueRecomputed moved = new RegistrationEvents.CourtDecisionToRecordDueRecomputed(ID, RAISED_ON,
                movedDay, MOURNED.version(), ARTICLE);
        RegistrationEvents.CourtDecisionToRecordOverdue overdue = new RegistrationEvents.CourtDecisionToRecordOverdue(ID, movedDay,
                escalate(movedDay.plusDays(3)).firedAt(), ARTICLE);
        fixture.given(applied(), registered(), TO_RECORD).when(escalate(movedDay.plusDays(3))).expectEvents(moved, overdue);
        fixture.given(applied(), registered(), TO_RECORD, moved, overdue).when(escalate(movedDay.plusDays(4))).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5, 12.5.3: a governor removes the entity on the court's dissolution while only the duty to record it here is "
            + "open (recorded in another zone): refused, nothing stored; once the decision is recorded here and the ground raised, the removal "
            + "is accepted")
    void the_duty_to_record_a_decision_is_no_ground_to_remove() {
        Instant at = escalate(COUNTED.due()).firedAt().minusSeconds(7200);
        RegistrationCommands.DeregisterEntity removal = new RegistrationCommands.DeregisterEntity(ID,
                mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, "Dissolved by the court, recorded in Zamyn-Uud.");
        fixture.given(applied(), registered(), TO_RECORD).when(ZoneRegistrationTest.governor(removal, at))
                .expectException(mn.registry.kernel.problem.RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("has not been raised")).expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD, new RegistrationEvents.DeregistrationGroundRaised(ID,
                mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, ARTICLE, FreeZoneAbuseRound24RegistrationTest.DECIDED, at.minusSeconds(60),
                ZoneRegistrationTest.GOVERNOR)).when(ZoneRegistrationTest.governor(removal, at)).expectSuccessfulHandlerExecution();
    }
}
