package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.DeadlineState;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitDutyDueRecomputed;
import mn.registry.kernel.permit.PermitDutyFulfilled;
import mn.registry.kernel.permit.PermitSuspensionRequestRefused;
import mn.registry.kernel.permit.RecordPermitDutyFulfilled;
import mn.registry.kernel.permit.RefusePermitSuspensionRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import mn.registry.store.testing.EmbeddedMongoExtension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitAbuseRound29DeadlineTest.offOn;
import static mn.registry.permit.command.PermitLifecycleTest.CALENDAR;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.REVIEWER;
import static mn.registry.permit.command.PermitLifecycleTest.SUSPENDED_AT;
import static mn.registry.permit.command.PermitLifecycleTest.suspended;
import static mn.registry.permit.command.PermitSuspensionTest.NOTICE_SHA;
import static mn.registry.permit.command.PermitSuspensionTest.REQUESTED_AT;
import static mn.registry.permit.command.PermitSuspensionTest.TAX_DECISION;
import static mn.registry.permit.command.PermitSuspensionTest.TAX_SHA;
import static mn.registry.permit.command.PermitSuspensionTest.taxRequested;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, a duty done on its moved day (abuse audit F491, was O329; ADR 0046 items 129-130): whether a duty was done late is
 * judged against its last day on the calendar in force at the registry's receipt of the act that does it. A day off declared on a working-day
 * duty's last day moves it; the duty done on the moved day before the deadline service handled the declaration's recompute is in time (the
 * moved day recorded first, as a firing records it, F487); done after the moved day it is late; a day off declared after the last day moves
 * nothing (item 128). The calendar is read again only when the last day the permit holds has passed at receipt.
 */
class PermitAbuseRound29DutyTest extends PermitAbuseFixture {

    private static final Deadline NOTICE = CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE);

    PermitAbuseRound29DutyTest() {
        super(NOTICE_SHA);
    }

    /** The act that marks the suspension's notice done (002 art. 28.3), the ministry's record of it received at {@code at}. */
    private static Object noticeRecorded(Instant at) {
        return signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, NOTICE_SHA), REVIEWER, at, Role.MINISTRY_REVIEWER);
    }

    /** An hour before the end of {@code deadline}'s last day in Ulaanbaatar. */
    private static Instant onTheLastDay(Deadline deadline) {
        return UlaanbaatarTime.endOf(deadline.due()).toInstant().minusSeconds(3_600);
    }

    /** The moved day as the aggregate records it before the fulfilment: under the deadline of the moved day, which the fulfilment ends. */
    private static PermitDutyDueRecomputed movedTo(PermitDuty duty, Deadline moved) {
        return new PermitDutyDueRecomputed(ID, duty, PermitDeadlineRules.deadlineOfTheMovedDay(ID, duty, moved.due()),
                moved.receivedOn(), moved.workingDays(), moved.due(), moved.calendarVersion());
    }

    @Test
    @DisplayName("002 art. 28.3, 28.1; domain-rules §2 (ADR 0046 item 129; F491, was O329): a day off declared on a working-day duty's last "
            + "day, the duty done on the moved day before the deadline service handled the recompute: the moved day recorded, the duty done "
            + "in time (the suspension's notice, marked done; the tax authority's request, decided); done on the held day, in time with no "
            + "calendar read again")
    void a_duty_done_on_its_moved_day_is_done_in_time() {
        // the lawful act beside it: the notice recorded on its last day, the calendar unchanged: in time, and no calendar read again
        Instant onTheHeldDay = onTheLastDay(NOTICE);
        fixture.given(suspended()).when(noticeRecorded(onTheHeldDay))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, onTheHeldDay, false, NOTICE_SHA, REVIEWER));
        assertThat(services.calendarReadsAgain).as("a duty done by the day it holds reads no calendar").isZero();

        // a day off declared on the notice's last day; the notice recorded on the moved day, the recompute not handled
        services.calendar = offOn(NOTICE);
        Deadline moved = services.calendar.deadline(UlaanbaatarTime.dateOf(SUSPENDED_AT), PermitDeadlines.SUSPENSION_NOTICE);
        assertThat(moved.due()).isAfter(NOTICE.due());
        Instant onTheMovedDay = onTheLastDay(moved);
        PermitDutyDueRecomputed recomputed = movedTo(PermitDuty.NOTIFY_SUSPENSION, moved);
        PermitDutyFulfilled inTime = new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, onTheMovedDay, false, NOTICE_SHA, REVIEWER);
        fixture = Signed.fixture(services);
        fixture.given(suspended()).when(noticeRecorded(onTheMovedDay)).expectEvents(recomputed, inTime);
        assertThat(services.calendarReadsAgain).as("read again once the held day passed").isEqualTo(1);
        // the moved day's deadline the recompute starts is ended by the fulfilment that follows it: nothing fires
        assertThat(new PermitDeadlineRules().instructionsFor(recomputed, 12)).singleElement()
                .isInstanceOfSatisfying(DeadlineInstruction.Start.class, s -> assertThat(s.deadline().due()).isEqualTo(moved.due()));
        assertThat(new PermitDeadlineRules().instructionsFor(inTime, 13)).singleElement().isEqualTo(
                new DeadlineInstruction.End(ID.value(), PermitDeadlineRules.dutyKind(PermitDuty.NOTIFY_SUSPENSION)));

        // a duty discharged by its decision judged at the same place: the tax authority's request refused on its moved day
        services.calendar = offOn(TAX_DECISION);
        Deadline taxMoved = services.calendar.deadline(UlaanbaatarTime.dateOf(REQUESTED_AT), PermitDuty.TAX_REQUEST_DECISION);
        Instant refusedAt = onTheLastDay(taxMoved);
        fixture = Signed.fixture(services);
        fixture.given(taxRequested()).when(signed(new RefusePermitSuspensionRequest(ID, "Evasions not established"), REVIEWER, refusedAt))
                .expectEvents(new PermitSuspensionRequestRefused(ID, TAX_SHA, "Evasions not established", refusedAt, REVIEWER, "002 art. 28.1"),
                        movedTo(PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, taxMoved),
                        new PermitDutyFulfilled(ID, PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST, refusedAt, false, null, REVIEWER));
    }

    @Test
    @DisplayName("002 art. 28.3; domain-rules §2 (ADR 0046 item 130, held): the official does not gain a day by a declaration: the notice "
            + "recorded the day after the moved day is late (the moved day recorded); a day off declared after the last day moves nothing, "
            + "the notice recorded after the last day is late")
    void a_duty_done_after_its_moved_day_is_late() {
        services.calendar = offOn(NOTICE);
        Deadline moved = services.calendar.deadline(UlaanbaatarTime.dateOf(SUSPENDED_AT), PermitDeadlines.SUSPENSION_NOTICE);
        Instant theDayAfter = onTheLastDay(moved).plusSeconds(86_400);
        fixture = Signed.fixture(services);
        fixture.given(suspended()).when(noticeRecorded(theDayAfter)).expectEvents(movedTo(PermitDuty.NOTIFY_SUSPENSION, moved),
                new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, theDayAfter, true, NOTICE_SHA, REVIEWER));

        services.calendar = CALENDAR.apply(new PublicHolidayDeclared(NOTICE.due().plusDays(1), "Day of mourning", "Гашуудлын өдөр",
                "Government resolution 2026/414"));
        assertThat(services.calendar.deadline(UlaanbaatarTime.dateOf(SUSPENDED_AT), PermitDeadlines.SUSPENSION_NOTICE).due()).isEqualTo(NOTICE.due());
        Instant afterTheLastDay = onTheLastDay(NOTICE).plusSeconds(86_400);
        fixture = Signed.fixture(services);
        fixture.given(suspended()).when(noticeRecorded(afterTheLastDay))
                .expectEvents(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, afterTheLastDay, true, NOTICE_SHA, REVIEWER));
    }

    @Test
    @ExtendWith(EmbeddedMongoExtension.class)
    @DisplayName("002 art. 28.3; domain-rules §3 (ADR 0046 item 130, held): the moved day's deadline an act records before the duty's "
            + "fulfilment is ended by it on the registry's deadline store, with the duty's own deadline: nothing of the duty stays open to fire")
    void the_moved_days_deadline_ends_with_the_duty(MongoDatabase database) {
        services.calendar = offOn(NOTICE);
        Deadline moved = services.calendar.deadline(UlaanbaatarTime.dateOf(SUSPENDED_AT), PermitDeadlines.SUSPENSION_NOTICE);
        Instant onTheMovedDay = onTheLastDay(moved);
        List<Object> events = new ArrayList<>(suspended());
        events.add(movedTo(PermitDuty.NOTIFY_SUSPENSION, moved));
        events.add(new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, onTheMovedDay, false, NOTICE_SHA, REVIEWER));
        MongoDeadlines deadlines = new MongoDeadlines(database);
        PermitDeadlineRules rules = new PermitDeadlineRules(() -> services.calendar);
        for (int position = 0; position < events.size(); position++) { // each event's instructions, in the store's order, as the projection applies them
            for (DeadlineInstruction instruction : rules.instructionsFor(events.get(position), position)) {
                if (instruction instanceof DeadlineInstruction.Start start) {
                    deadlines.start(start.deadline(), position);
                } else if (instruction instanceof DeadlineInstruction.End end) {
                    deadlines.end(end.aggregateId(), end.kind(), List.of(), position);
                }
            }
        }
        String notice = PermitDeadlineRules.dutyKind(PermitDuty.NOTIFY_SUSPENSION);
        assertThat(deadlines.openOf(ID.value())).extracting(mn.registry.deadline.ScheduledDeadline::kind).doesNotContain(notice).isNotEmpty();
        assertThat(deadlines.state(PermitDeadlineRules.deadlineOfTheMovedDay(ID, PermitDuty.NOTIFY_SUSPENSION, moved.due())))
                .contains(DeadlineState.CANCELLED);
    }
}
