package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.YearToStartWithoutAgreementTest.CERTIFICATE_YEAR_ENDS;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.STREAM;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 14's abuse audit of a Free Zone registration (docs/abuse-audit.md F129; ADR 0035 item 21): a zone's activities closed by the
 * Government on the Cabinet member's proposal (003 art. 6.4) no longer make the year to start (12.5.1) or the 12 months of interruption
 * (12.5.2) run out for entities that could not operate meanwhile.
 */
class FreeZoneAbuseRound7Test extends ZoneRegistrationAbuseFixture {

    /** Closed 1 March 2027, open again 30 April: 60 days closed (1 March to 29 April), all within the certificate's year. */
    static final FreeZoneTerms.Closure SPRING = new FreeZoneTerms.Closure(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30));
    static final LocalDate MOVED = CERTIFICATE_YEAR_ENDS.plusDays(60);

    private static RegistrationStreamCommands.RaiseGroundIfDue raiseOn(DeregistrationGround ground, LocalDate today) {
        return new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, ground, today, UlaanbaatarTime.endOf(today.minusDays(1)).toInstant().plusSeconds(1));
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.1 (choice, F129): the days a zone was closed do not count: the year to start moves by them, the move is "
            + "recorded once when the deadline falls due, and the ground comes only after the moved day")
    void a_closure_moves_the_year_to_start() {
        services.closures.add(SPRING);
        RegistrationStreamCommands.RaiseGroundIfDue due = raiseOn(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, CERTIFICATE_YEAR_ENDS.plusDays(1));
        RegistrationEvents.GroundDueMovedByClosure moved = new RegistrationEvents.GroundDueMovedByClosure(ID,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, MOVED, 60, "003 art. 6.4, 12.5.1", due.at());
        fixture.given(applied(), registered()).when(due).expectEvents(moved);
        fixture.given(applied(), registered(), moved).when(due).expectNoEvents();
        // a start recorded after the certificate's year, within the moved one, is in time
        LocalDate late = CERTIFICATE_YEAR_ENDS.plusDays(20);
        fixture.given(applied(), registered(), moved)
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, late, FreeZoneAbuseRound8Test.START_DOC), on(late)))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, late, GOVERNOR, FreeZoneAbuseRound8Test.START_DOC));
        RegistrationStreamCommands.RaiseGroundIfDue after = raiseOn(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, MOVED.plusDays(1));
        fixture.given(applied(), registered(), moved)
                .when(after)
                .expectEvents(new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1",
                        MOVED.plusDays(1), after.at(), null));
    }

    @Test
    @DisplayName("003 art. 12.5.1 (F129): without a closure the ground is raised the day after the year, as before; a closure before the year "
            + "began moves nothing")
    void without_a_closure_in_the_year_nothing_moves() {
        RegistrationStreamCommands.RaiseGroundIfDue due = raiseOn(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, CERTIFICATE_YEAR_ENDS.plusDays(1));
        RegistrationEvents.DeregistrationGroundRaised raised = new RegistrationEvents.DeregistrationGroundRaised(ID,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", CERTIFICATE_YEAR_ENDS.plusDays(1), due.at(), null);
        fixture.given(applied(), registered()).when(due).expectEvents(raised);
        services.closures.add(new FreeZoneTerms.Closure(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 1)));
        fixture.given(applied(), registered()).when(due).expectEvents(raised);
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.1 (F129): a zone still closed when the year runs out moves it by the days closed so far; the next look "
            + "moves it again while the closure lasts")
    void a_closure_still_in_force_moves_the_day_again_and_again() {
        LocalDate closedOn = CERTIFICATE_YEAR_ENDS.minusDays(9); // 10 closed days up to the year's last day
        services.closures.add(new FreeZoneTerms.Closure(closedOn, null));
        RegistrationStreamCommands.RaiseGroundIfDue first = raiseOn(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, CERTIFICATE_YEAR_ENDS.plusDays(1));
        LocalDate movedOnce = FreeZoneTerms.dueAfterClosures(CERTIFICATE_YEAR_ENDS.minusYears(1).plusDays(1), CERTIFICATE_YEAR_ENDS, services.closures,
                CERTIFICATE_YEAR_ENDS.plusDays(1));
        assertThat(movedOnce).isEqualTo(CERTIFICATE_YEAR_ENDS.plusDays(11)); // closed through the day of the look: 11 days
        RegistrationEvents.GroundDueMovedByClosure once = new RegistrationEvents.GroundDueMovedByClosure(ID,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, movedOnce, 11, "003 art. 6.4, 12.5.1", first.at());
        fixture.given(applied(), registered()).when(first).expectEvents(once);
        RegistrationStreamCommands.RaiseGroundIfDue second = raiseOn(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, movedOnce.plusDays(1));
        LocalDate movedTwice = movedOnce.plusDays(11); // closed from day -9 through the second look: 22 days
        fixture.given(applied(), registered(), once)
                .when(second)
                .expectEvents(new RegistrationEvents.GroundDueMovedByClosure(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                        FreeZoneTerms.dueAfterClosures(CERTIFICATE_YEAR_ENDS.minusYears(1).plusDays(1), CERTIFICATE_YEAR_ENDS, services.closures,
                                movedOnce.plusDays(1)), 22, "003 art. 6.4, 12.5.1", second.at()));
        assertThat(movedTwice).isEqualTo(CERTIFICATE_YEAR_ENDS.plusDays(22));
    }

    @Test
    @DisplayName("003 art. 6.4, 12.5.2 (F129): the 12 months of interruption move by the days the zone was closed within them")
    void a_closure_moves_the_twelve_months_of_interruption() {
        LocalDate interrupted = LocalDate.of(2027, 1, 10);
        LocalDate resumeDueBy = LocalDate.of(2028, 1, 9);
        services.closures.add(SPRING);
        RegistrationStreamCommands.RaiseGroundIfDue due = raiseOn(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, resumeDueBy.plusDays(1));
        fixture.given(applied(), registered(), new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 1), GOVERNOR, null),
                        new RegistrationEvents.OperationsInterrupted(ID, interrupted, resumeDueBy, GOVERNOR, null))
                .when(due)
                .expectEvents(new RegistrationEvents.GroundDueMovedByClosure(ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS,
                        resumeDueBy.plusDays(60), 60, "003 art. 6.4, 12.5.2", due.at()));
    }

    @Test
    @DisplayName("ADR 0035 item 21: the move restarts the deadline of its ground at the moved day")
    void the_move_restarts_the_deadline() {
        RegistrationEvents.GroundDueMovedByClosure moved = new RegistrationEvents.GroundDueMovedByClosure(ID,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, MOVED, 60, "003 art. 6.4, 12.5.1", UlaanbaatarTime.endOf(MOVED).toInstant());
        List<DeadlineInstruction> instructions = new FreeZoneDeadlineRules().instructionsFor(moved, 9);
        assertThat(instructions).hasSize(2);
        assertThat(instructions.get(0)).isEqualTo(new DeadlineInstruction.End(ID.value(), FreeZoneDeadlineRules.START));
        DeadlineInstruction.Start start = (DeadlineInstruction.Start) instructions.get(1);
        assertThat(start.deadline().kind()).isEqualTo(FreeZoneDeadlineRules.START);
        assertThat(start.deadline().due()).isEqualTo(MOVED);
    }

    @Test
    @DisplayName("003 art. 6.4 (F129): closed days are counted from the closure's day to the day before the reopening, within the period, and "
            + "the days a move adds are searched too")
    void closed_days_are_counted_within_the_moved_period() {
        LocalDate from = LocalDate.of(2027, 1, 1);
        LocalDate due = LocalDate.of(2027, 12, 31);
        assertThat(FreeZoneTerms.dueAfterClosures(from, due, List.of(), due)).isEqualTo(due);
        assertThat(FreeZoneTerms.dueAfterClosures(from, due, List.of(new FreeZoneTerms.Closure(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 1))), due))
                .as("closed and open again the same day").isEqualTo(due);
        // 10 days closed at the end of the year move it into January, where a second closure of 5 days then counts as well
        assertThat(FreeZoneTerms.dueAfterClosures(from, due, List.of(new FreeZoneTerms.Closure(LocalDate.of(2027, 12, 22), LocalDate.of(2028, 1, 1)),
                new FreeZoneTerms.Closure(LocalDate.of(2028, 1, 5), LocalDate.of(2028, 1, 10))), LocalDate.of(2028, 6, 1))).isEqualTo(due.plusDays(15));
    }
}
