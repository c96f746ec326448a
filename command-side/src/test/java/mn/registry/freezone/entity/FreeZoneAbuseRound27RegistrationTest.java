package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.DeadlineChange;
import mn.registry.kernel.calendar.OpenDeadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static mn.registry.freezone.entity.FreeZoneAbuseRound24RegistrationTest.DECIDED;
import static mn.registry.freezone.entity.FreeZoneAbuseRound24RegistrationTest.DISSOLVED_THERE;
import static mn.registry.freezone.entity.FreeZoneAbuseRound24RegistrationTest.RECORDED_THERE;
import static mn.registry.freezone.entity.FreeZoneAbuseRound24RegistrationTest.ZAMYN_UUD;
import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.STREAM;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 27, Free Zone round 27 (abuse audit O259; ADR 0035 item 89): the last day of F417's duty to record a court decision recorded in
 * another zone is counted in business days on the calendar in force, as the review's: a calendar change recorded within it moves it, the
 * escalation follows the moved day, and a change received after it, or after the escalation, moves nothing.
 */
class FreeZoneAbuseRound27RegistrationTest extends ZoneRegistrationAbuseFixture {

    static final String ARTICLE = DeregistrationGround.COURT_DECISION.article();
    static final WorkingDayCalendar BASE = WorkingDayCalendar.base();
    static final LocalDate RAISED_ON = UlaanbaatarTime.dateOf(RECORDED_THERE);
    static final Deadline COUNTED = BASE.deadline(RECORDED_THERE, FreeZoneTerms.REVIEW);
    static final RegistrationEvents.CourtDecisionToRecord TO_RECORD = new RegistrationEvents.CourtDecisionToRecord(ID, ZAMYN_UUD,
            DISSOLVED_THERE.reference(), DECIDED, COUNTED.due(), BASE.version(), RECORDED_THERE, ARTICLE);
    /** The Cabinet member declares the window's first business day a holiday, received the day the duty was raised. */
    static final PublicHolidayDeclared HOLIDAY = new PublicHolidayDeclared(BASE.deadline(RAISED_ON, WorkingDays.of(1)).due(), "Day of mourning",
            "Гашуудлын өдөр", "Government resolution 2026/301");
    static final WorkingDayCalendar DECLARED = BASE.apply(HOLIDAY);

    /** The registration's services counting the business days on the calendar in force, as the registry's do (the base one at first). */
    ZoneRegistrationTest.CalendarServices calendar;

    @BeforeEach
    void onTheBaseCalendar() {
        calendar = onTheCalendarInForce();
    }

    private static RegistrationStreamCommands.RaiseCourtDecisionDuty raise() {
        return new RegistrationStreamCommands.RaiseCourtDecisionDuty(STREAM, ID, ZAMYN_UUD, DISSOLVED_THERE.reference(), DECIDED, RECORDED_THERE);
    }

    static RegistrationStreamCommands.EscalateCourtDecisionDuty escalate(LocalDate after) {
        return new RegistrationStreamCommands.EscalateCourtDecisionDuty(STREAM, ID, UlaanbaatarTime.endOf(after).toInstant().plusSeconds(1));
    }

    static ScheduledDeadline started(Object event, long sequence) {
        return new FreeZoneDeadlineRules().instructionsFor(event, sequence).stream().filter(DeadlineInstruction.Start.class::isInstance)
                .map(i -> ((DeadlineInstruction.Start) i).deadline()).findFirst().orElseThrow();
    }

    /** What the deadline service's recompute of its open working-day deadlines finds under {@code calendar} for the duty's deadline. */
    private static List<DeadlineChange> recomputed(ScheduledDeadline deadline, WorkingDayCalendar calendar) {
        return WorkingDayCalendar.recompute(List.of(new OpenDeadline(deadline.id(), deadline.startedOn(), deadline.workingDays(), deadline.due(),
                deadline.calendarVersion())), calendar);
    }

    private static RegistrationEvents.CourtDecisionToRecordDueRecomputed moved() {
        return new RegistrationEvents.CourtDecisionToRecordDueRecomputed(ID, RAISED_ON, DECLARED.deadline(RAISED_ON, FreeZoneTerms.REVIEW).due(),
                DECLARED.version(), ARTICLE);
    }

    @Test
    @DisplayName("003 art. 12.5.3; domain-rules §2 (ADR 0035 item 89; O259): a holiday declared within the duty's 5 business days after its "
            + "raise moves its last day, as the review's; the escalation follows the moved day, not the first")
    void a_holiday_declared_after_the_raise_moves_the_last_day() {
        fixture.given(applied(), registered()).when(raise()).expectEvents(TO_RECORD);
        ScheduledDeadline deadline = started(TO_RECORD, 2);
        assertThat(deadline.countsWorkingDays()).as("a working-day deadline the calendar's changes recompute").isTrue();
        assertThat(deadline.startedOn()).isEqualTo(RAISED_ON);
        assertThat(deadline.workingDays()).isEqualTo(FreeZoneTerms.REVIEW);

        List<DeadlineChange> changes = recomputed(deadline, DECLARED);
        assertThat(changes).hasSize(1);
        Deadline after = changes.get(0).after();
        assertThat(after.due()).isAfter(COUNTED.due());
        Object command = new FreeZoneDeadlineRules().recomputeCommand(deadline, after);
        assertThat(command).isEqualTo(new RegistrationStreamCommands.RecomputeCourtDecisionDue(STREAM, ID, RAISED_ON, after.due(), DECLARED.version()));
        fixture.given(applied(), registered(), TO_RECORD).when(command).expectEvents(moved());
        ScheduledDeadline restarted = started(moved(), 3);
        assertThat(new FreeZoneDeadlineRules().instructionsFor(moved(), 3))
                .startsWith(new DeadlineInstruction.End(ID.value(), FreeZoneDeadlineRules.COURT_DECISION));
        assertThat(restarted.due()).isEqualTo(after.due());
        assertThat(restarted.countsWorkingDays()).as("moved again by a later change").isTrue();

        // the escalation follows the moved day: none after the first last day, once after the moved one
        calendar.inForce = DECLARED; // ADR 0035 item 94: the escalation is judged against the calendar in force
        fixture.given(applied(), registered(), TO_RECORD, moved()).when(escalate(COUNTED.due())).expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD, moved()).when(escalate(after.due()))
                .expectEvents(new RegistrationEvents.CourtDecisionToRecordOverdue(ID, after.due(), escalate(after.due()).firedAt(), ARTICLE));
        // a recompute that finds the day it has moves nothing
        fixture.given(applied(), registered(), TO_RECORD, moved()).when(command).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3; domain-rules §2 (ADR 0035 item 89; O259): a governor late who gets a day off declared after the duty's last "
            + "day hides nothing: the calendar refuses a past day, and a day from its receipt on leaves the last day where it was; nor does a "
            + "recompute move a duty escalated, declined, recorded or removed")
    void a_calendar_change_after_the_last_day_moves_nothing() {
        ScheduledDeadline deadline = started(TO_RECORD, 2);
        // received the day after the last day, the declaration may make that day or any later one a day off, never one before it (the
        // calendar's rule: GovernmentCalendar#changesNoDayBeforeReceipt); none of them moves the last day
        LocalDate receivedOn = COUNTED.due().plusDays(1);
        for (LocalDate day = receivedOn; day.isBefore(receivedOn.plusDays(40)); day = day.plusDays(1)) {
            if (BASE.isWorkingDay(day)) {
                assertThat(recomputed(deadline, BASE.apply(new PublicHolidayDeclared(day, "Late day off", "Хожуу амралт", "Resolution 2026/302"))))
                        .as("a day off declared for " + day).isEmpty();
            }
        }
        // escalated: the recompute arrives too late to take the badge back (its deadline ended with the escalation)
        RegistrationEvents.CourtDecisionToRecordOverdue overdue = new RegistrationEvents.CourtDecisionToRecordOverdue(ID, COUNTED.due(),
                escalate(COUNTED.due()).firedAt(), ARTICLE);
        RegistrationStreamCommands.RecomputeCourtDecisionDue later = new RegistrationStreamCommands.RecomputeCourtDecisionDue(STREAM, ID, RAISED_ON,
                moved().dueOn(), DECLARED.version());
        fixture.given(applied(), registered(), TO_RECORD, overdue).when(later).expectNoEvents();
        assertThat(new FreeZoneDeadlineRules().instructionsFor(overdue, 3))
                .containsExactly(new DeadlineInstruction.End(ID.value(), FreeZoneDeadlineRules.COURT_DECISION));
        // declined, recorded here, removed, or never raised: no duty to move
        fixture.given(applied(), registered(), TO_RECORD, new RegistrationEvents.CourtDecisionRecordingDeclined(ID, DECIDED, "Under appeal.",
                "c4".repeat(32), GOVERNOR, RECORDED_THERE.plusSeconds(3600), ARTICLE)).when(later).expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD, new RegistrationEvents.CourtDissolutionRecorded(ID, DISSOLVED_THERE.reference(), DECIDED,
                false, GOVERNOR, COURT_DOC)).when(later).expectNoEvents();
        fixture.given(applied(), registered()).when(later).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 items 85, 89): a duty stored before item 89 names no calendar: its deadline ends with its "
            + "recorded last day, as it did, and it folds as before")
    void a_duty_stored_before_the_rule_keeps_its_last_day() {
        RegistrationEvents.CourtDecisionToRecord stored = new RegistrationEvents.CourtDecisionToRecord(ID, ZAMYN_UUD, DISSOLVED_THERE.reference(),
                DECIDED, COUNTED.due(), null, RECORDED_THERE, ARTICLE);
        ScheduledDeadline deadline = started(stored, 2);
        assertThat(deadline.countsWorkingDays()).isFalse();
        assertThat(deadline.due()).isEqualTo(COUNTED.due());
        fixture.given(applied(), registered(), stored).when(escalate(COUNTED.due()))
                .expectEvents(new RegistrationEvents.CourtDecisionToRecordOverdue(ID, COUNTED.due(), escalate(COUNTED.due()).firedAt(), ARTICLE));
        services.receivedAt.put("c5".repeat(32), RECORDED_THERE);
        fixture.given(applied(), registered(), stored)
                .when(governor(new RegistrationCommands.DeclineCourtDecisionRecording(ID, "Under appeal.", "c5".repeat(32)), RECORDED_THERE))
                .expectSuccessfulHandlerExecution();
    }
}
