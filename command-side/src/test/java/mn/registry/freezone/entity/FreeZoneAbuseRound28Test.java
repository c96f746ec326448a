package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.freezone.FreeZoneTerms;
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
        calendar = new ZoneRegistrationTest.CalendarServices();
        services = calendar;
        fixture = ZoneRegistrationTest.fixture(services);
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
}
