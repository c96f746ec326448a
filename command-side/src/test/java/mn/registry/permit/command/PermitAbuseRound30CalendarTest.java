package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.deadline.DeadlinePoller;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.kernel.permit.PermitDecisionDueRecomputed;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import static mn.registry.permit.command.PermitLifecycleTest.DECISION;
import static mn.registry.permit.command.PermitLifecycleTest.registered;
import static mn.registry.permit.command.PermitSuspensionTest.TAX_DECISION;
import static mn.registry.permit.command.PermitSuspensionTest.taxRequested;
import static org.assertj.core.api.Assertions.tuple;
import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.NonWorkingDay;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.PermitDeadlines;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitDutyDueRecomputed;
import mn.registry.kernel.permit.PermitDutyFulfilled;
import mn.registry.kernel.permit.PermitDutyRaised;
import mn.registry.kernel.permit.PermitExtensionRequestDueRecomputed;
import mn.registry.kernel.permit.PermitExtensionRequested;
import mn.registry.kernel.permit.RecordPermitDutyFulfilled;
import mn.registry.kernel.permit.RequestPermitExtension;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.CALENDAR;
import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.REVIEWER;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.PermitLifecycleTest.SUSPENDED_AT;
import static mn.registry.permit.command.PermitLifecycleTest.VALID_UNTIL;
import static mn.registry.permit.command.PermitLifecycleTest.active;
import static mn.registry.permit.command.PermitLifecycleTest.dutyOnDate;
import static mn.registry.permit.command.PermitLifecycleTest.suspended;
import static mn.registry.permit.command.PermitSuspensionTest.NOTICE_SHA;
import static mn.registry.permit.command.Signed.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 29, the calendar in force, once (abuse audit F476, was O328, and F477, was O334; ADR 0046 items 131-134): the extension request's
 * due date (002 art. 27.2, a date moved off a day off) is judged at its firing on the calendar in force, so 27.7's notice waits for a due
 * date a day off moved; and a duty done on the day it holds is judged on the calendar in force at the registry's receipt when the calendar
 * changed since the duty was counted, so a working day declared inside the count, which moves its last day earlier, is not escaped by
 * acting before the deadline service handled the recompute.
 */
class PermitAbuseRound30CalendarTest extends PermitAbuseFixture {

    /** The term's request due date as the deadline service scheduled it at the term's start: Monday 2029-09-10. */
    private static final LocalDate REQUEST_DUE = PermitApplication.extensionRequestDueOnAWorkingDay(VALID_UNTIL, CALENDAR::deadline);
    /** The suspension's notice (28.3), 3 working days from Saturday 2025-03-01: Wednesday 2025-03-05, Sunday 2025-03-02 skipped. */
    private static final Deadline NOTICE = CALENDAR.deadline(SUSPENDED_AT, PermitDeadlines.SUSPENSION_NOTICE);

    PermitAbuseRound30CalendarTest() {
        super(NOTICE_SHA);
    }

    /** The Government's day off on {@code day}, declared on it or before (the calendar allows a day off declared on its own day). */
    private static WorkingDayCalendar dayOffOn(LocalDate day) {
        return CALENDAR.apply(new PublicHolidayDeclared(day, "Day of mourning", "Гашуудлын өдөр", "Government resolution 2029/301"));
    }

    private static Instant justAfter(LocalDate day) {
        return UlaanbaatarTime.endOf(day).toInstant().plusSeconds(1);
    }

    private static Instant middayOf(LocalDate day) {
        return UlaanbaatarTime.endOf(day).toInstant().minusSeconds(12 * 3_600);
    }

    /** The payloads the aggregate stored after {@code history} when it handled {@code command} on a fresh fixture. */
    private List<Object> recorded(List<Object> history, Object command) {
        fixture = Signed.fixture(services);
        fixture.given(history).when(command);
        return fixture.getEventStore().readEvents(ID.value()).asStream().skip(history.size()).<Object>map(EventMessage::getPayload).toList();
    }

    private static boolean certificateHoldersNotice(Object event) {
        return event instanceof PermitDutyRaised raised && raised.duty() == PermitDuty.NOTIFY_CERTIFICATE_HOLDERS;
    }

    @Test
    @DisplayName("002 art. 27.2, 27.7; domain-rules §2 (ADR 0046 item 132; F476, was O328): a day off declared on the extension request's "
            + "due date, its deadline fired at the end of the old day before anyone moved it: no notice to the certificate holders; the "
            + "holder's request on the moved day is in time; on the calendar the date was counted on, the notice raised as before")
    void the_notice_waits_while_the_request_is_in_time() {
        // the lawful firing beside it: the calendar unchanged, the date passed without a request
        Instant afterTheDate = justAfter(REQUEST_DUE);
        assertThat(recorded(active(), new PermitCommands.ExtensionRequestDueDatePassed(ID, REQUEST_DUE, afterTheDate)))
                .containsExactly(dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 10), afterTheDate));

        // the Cabinet member declares the due date a day off; the deadline service fires the date it scheduled at the term's start
        services.calendar = dayOffOn(REQUEST_DUE);
        LocalDate moved = PermitApplication.extensionRequestDueOnAWorkingDay(VALID_UNTIL, services.calendar::deadline);
        assertThat(moved).isAfter(REQUEST_DUE);
        assertThat(recorded(active(), new PermitCommands.ExtensionRequestDueDatePassed(ID, REQUEST_DUE, afterTheDate)))
                .as("no notice raised while the request is in time").noneMatch(PermitAbuseRound30CalendarTest::certificateHoldersNotice);

        // the holder requests on the moved day: in time, and no notice duty is left open
        Instant onTheMovedDay = middayOf(moved);
        List<Object> requested = recorded(active(), signed(new RequestPermitExtension(ID, SHA), HOLDER, onTheMovedDay));
        assertThat(requested).first().isInstanceOfSatisfying(PermitExtensionRequested.class, r -> assertThat(r.late()).isFalse());
        assertThat(requested).noneMatch(PermitAbuseRound30CalendarTest::certificateHoldersNotice);
    }

    @Test
    @DisplayName("002 art. 27.2, 27.7 (ADR 0046 item 132; F476): the moved due date recorded at the firing and scheduled again under a "
            + "deadline of its own; its firing raises the notice once the moved date has passed; the old date fired again raises nothing; a "
            + "firing days late records the moved date and raises the notice at once")
    void the_moved_due_date_is_recorded_and_the_notice_raised_after_it() {
        services.calendar = dayOffOn(REQUEST_DUE);
        LocalDate moved = PermitApplication.extensionRequestDueOnAWorkingDay(VALID_UNTIL, services.calendar::deadline);
        PermitExtensionRequestDueRecomputed recomputed = new PermitExtensionRequestDueRecomputed(ID, VALID_UNTIL, moved,
                services.calendar.version(), "002 art. 27.2");
        fixture = Signed.fixture(services);
        fixture.given(active()).when(new PermitCommands.ExtensionRequestDueDatePassed(ID, REQUEST_DUE, justAfter(REQUEST_DUE)))
                .expectEvents(recomputed);
        List<DeadlineInstruction> again = new PermitDeadlineRules().instructionsFor(recomputed, 30);
        assertThat(again).contains(new DeadlineInstruction.End(ID.value(), PermitDeadlineRules.EXTENSION_REQUEST));
        ScheduledDeadline rescheduled = again.stream().filter(DeadlineInstruction.Start.class::isInstance)
                .map(i -> ((DeadlineInstruction.Start) i).deadline()).findFirst().orElseThrow();
        assertThat(rescheduled.due()).isEqualTo(moved);
        assertThat(rescheduled.id()).as("not the deadline that fired, which stays fired")
                .isNotEqualTo(ScheduledDeadline.idOf(ID.value(), PermitDeadlineRules.EXTENSION_REQUEST, VALID_UNTIL.toEpochDay()));

        List<Object> movedHistory = new ArrayList<>(active());
        movedHistory.add(recomputed);
        // the old date fired again (a node that had claimed it) before the moved date passed: nothing
        fixture.given(movedHistory).when(new PermitCommands.ExtensionRequestDueDatePassed(ID, REQUEST_DUE, middayOf(moved))).expectNoEvents();
        // the moved date's deadline fires after it: the notice raised, once
        Instant afterTheMovedDate = justAfter(moved);
        PermitDutyRaised notice = dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 10), afterTheMovedDate);
        fixture.given(movedHistory).when(new PermitCommands.ExtensionRequestDueDatePassed(ID, moved, afterTheMovedDate)).expectEvents(notice);
        // a firing of the old date days late, the moved date never recorded: recorded now, and the notice at once
        Instant daysLate = afterTheMovedDate.plusSeconds(3 * 86_400);
        fixture.given(active()).when(new PermitCommands.ExtensionRequestDueDatePassed(ID, REQUEST_DUE, daysLate))
                .expectEvents(recomputed, dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 10), daysLate));
    }

    @Test
    @DisplayName("002 art. 27.2, 27.7 (ADR 0046 items 128, 132, held): a holder late with the request gets a colluding Cabinet member to "
            + "declare the day after the due date a day off, the firing delayed past it: the first working day on or after the date is "
            + "still the date, nothing moved, the notice raised")
    void a_day_off_declared_after_the_due_date_moves_nothing() {
        LocalDate theDayAfter = REQUEST_DUE.plusDays(1);
        services.calendar = dayOffOn(theDayAfter);
        assertThat(PermitApplication.extensionRequestDueOnAWorkingDay(VALID_UNTIL, services.calendar::deadline)).isEqualTo(REQUEST_DUE);
        Instant firedLate = middayOf(theDayAfter);
        fixture = Signed.fixture(services);
        fixture.given(active()).when(new PermitCommands.ExtensionRequestDueDatePassed(ID, REQUEST_DUE, firedLate))
                .expectEvents(dutyOnDate(PermitDuty.NOTIFY_CERTIFICATE_HOLDERS, LocalDate.of(2029, 11, 10), firedLate));
        // and the request the holder makes then is late
        assertThat(recorded(active(), signed(new RequestPermitExtension(ID, SHA), HOLDER, firedLate))).first()
                .isInstanceOfSatisfying(PermitExtensionRequested.class, r -> assertThat(r.late()).isTrue());
    }

    // ---------------------------------------------------------------- F477 (was O334): a working day declared inside a duty's count

    /** The act that marks the suspension's notice done (002 art. 28.3), the ministry's record of it received at {@code at}. */
    private static Object noticeRecorded(Instant at) {
        return signed(new RecordPermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, NOTICE_SHA), REVIEWER, at, Role.MINISTRY_REVIEWER);
    }

    /** The Government declares the first day off inside the notice's count a working day: its last day moves a day earlier. */
    private static WorkingDayCalendar aWorkingDayInsideTheCount() {
        LocalDate inside = NOTICE.skipped().stream().map(NonWorkingDay::date).findFirst().orElseThrow();
        return CALENDAR.apply(WorkingDayDeclared.workingDay(inside, "Government resolution 2025/77"));
    }

    @Test
    @DisplayName("002 art. 28.3; domain-rules §2 (ADR 0046 item 133; F477, was O334): a working day declared inside the suspension notice's "
            + "count moves its last day earlier; the notice recorded on the day the permit holds, after the moved day, before the deadline "
            + "service handled the recompute: the moved day recorded and the notice late; recorded on the moved day: in time")
    void a_duty_done_after_its_earlier_moved_day_is_late() {
        services.calendar = aWorkingDayInsideTheCount();
        Deadline moved = services.calendar.deadline(UlaanbaatarTime.dateOf(SUSPENDED_AT), PermitDeadlines.SUSPENSION_NOTICE);
        assertThat(moved.due()).isBefore(NOTICE.due());
        PermitDutyDueRecomputed recomputed = new PermitDutyDueRecomputed(ID, PermitDuty.NOTIFY_SUSPENSION,
                PermitDeadlineRules.deadlineOfTheMovedDay(ID, PermitDuty.NOTIFY_SUSPENSION, moved.due()), moved.receivedOn(), moved.workingDays(),
                moved.due(), moved.calendarVersion());

        Instant onTheHeldDay = middayOf(NOTICE.due());
        fixture = Signed.fixture(services);
        fixture.given(suspended()).when(noticeRecorded(onTheHeldDay)).expectEvents(recomputed,
                new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, onTheHeldDay, true, NOTICE_SHA, REVIEWER));

        // the lawful act beside it: recorded on the moved day, in time
        Instant onTheMovedDay = middayOf(moved.due());
        fixture = Signed.fixture(services);
        fixture.given(suspended()).when(noticeRecorded(onTheMovedDay)).expectEvents(recomputed,
                new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, onTheMovedDay, false, NOTICE_SHA, REVIEWER));
    }

    @Test
    @DisplayName("002 art. 28.3; domain-rules §2 (ADR 0046 item 133, held): the common path reads nothing new: the notice recorded by its "
            + "day on the calendar it was counted on reads no calendar again; after a declaration that moves nothing (a day off after the "
            + "last day), one read and the act in time, nothing recomputed")
    void the_calendar_is_read_again_only_when_it_changed_since_the_count() {
        Instant onTheHeldDay = middayOf(NOTICE.due());
        PermitDutyFulfilled inTime = new PermitDutyFulfilled(ID, PermitDuty.NOTIFY_SUSPENSION, onTheHeldDay, false, NOTICE_SHA, REVIEWER);
        fixture.given(suspended()).when(noticeRecorded(onTheHeldDay)).expectEvents(inTime);
        assertThat(services.calendarReadsAgain).as("the calendar unchanged since the count: no read").isZero();

        services.calendar = dayOffOn(NOTICE.due().plusDays(1));
        fixture = Signed.fixture(services);
        fixture.given(suspended()).when(noticeRecorded(onTheHeldDay)).expectEvents(inTime);
        assertThat(services.calendarReadsAgain).as("the calendar changed since the count: read again once").isEqualTo(1);
    }

    // ---------------------------------------------------------------- F480: the moved day's deadline and the firing that recorded it

    /** Each event's deadline instructions, in the stream's order from {@code first}, as the deadline service's projection applies them. */
    private static void projected(MongoDeadlines deadlines, PermitDeadlineRules rules, List<Object> events, int first) {
        for (int n = 0; n < events.size(); n++) {
            for (DeadlineInstruction instruction : rules.instructionsFor(events.get(n), first + n)) {
                if (instruction instanceof DeadlineInstruction.Start start) {
                    deadlines.start(start.deadline(), first + n);
                } else if (instruction instanceof DeadlineInstruction.End end) {
                    deadlines.end(end.aggregateId(), end.kind(), List.of(), first + n);
                }
            }
        }
    }

    /** What one pass of the deadline service's poller sends at {@code now} (each deadline it fires is marked fired after its command). */
    private static List<Object> firedAt(MongoDeadlines deadlines, PermitDeadlineRules rules, Instant now) {
        List<Object> sent = new ArrayList<>();
        new DeadlinePoller(deadlines, List.of(rules), Clock.fixed(now, ZoneOffset.UTC), Clock.systemUTC(), Duration.ofSeconds(30), "node-1",
                sent::add).pollOnce();
        return sent;
    }

    private static boolean taxDecisionsFlag(Object command) {
        return command instanceof PermitCommands.FlagOverdueDuty flag && flag.duty() == PermitDuty.DECIDE_TAX_SUSPENSION_REQUEST;
    }

    @Test
    @ExtendWith(EmbeddedMongoExtension.class)
    @DisplayName("002 art. 26.1, 28.1; domain-rules §2 (ADR 0046 item 134; F480): a day off on the decision's and on a duty's last day, "
            + "fired by a deadline service behind: the moved day recorded by the firing, whose deadline is marked fired after the command; "
            + "the moved day's deadline, started after that mark, is open and fires after the moved day: escalated and flagged on it")
    void the_moved_days_deadline_outlives_the_firing_that_recorded_it(MongoDatabase database) {
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        services.calendar = PermitAbuseRound29DeadlineTest.offOn(DECISION);
        PermitDeadlineRules rules = new PermitDeadlineRules(() -> services.calendar);
        List<Object> history = new ArrayList<>(List.of(registered()));
        projected(deadlines, rules, history, 0);

        // midnight after the old day: the poller fires, the permit records the moved day; the projection handles it after the fired mark
        List<Object> sent = firedAt(deadlines, rules, justAfter(DECISION.due()));
        assertThat(sent).singleElement().isInstanceOf(PermitCommands.EscalateOverdueDecision.class);
        List<Object> moved = recorded(history, sent.get(0));
        assertThat(moved).singleElement().isInstanceOf(PermitDecisionDueRecomputed.class);
        projected(deadlines, rules, moved, history.size());
        LocalDate movedDay = ((PermitDecisionDueRecomputed) moved.get(0)).decisionDue();
        assertThat(deadlines.openOf(ID.value())).as("the moved day's deadline is open").extracting(ScheduledDeadline::kind, ScheduledDeadline::due)
                .contains(tuple(PermitDeadlineRules.DECISION, movedDay));
        assertThat(firedAt(deadlines, rules, middayOf(movedDay))).isEmpty();
        Instant afterTheMovedDay = justAfter(movedDay);
        assertThat(firedAt(deadlines, rules, afterTheMovedDay))
                .containsExactly(new PermitCommands.EscalateOverdueDecision(ID, movedDay, afterTheMovedDay));

        // a duty counted in working days likewise: the decision on the tax authority's request (28.1)
        services.calendar = PermitAbuseRound29DeadlineTest.offOn(TAX_DECISION);
        PermitDeadlineRules dutyRules = new PermitDeadlineRules(() -> services.calendar);
        List<Object> requested = taxRequested();
        projected(deadlines, dutyRules, requested, 0);
        List<Object> flag = firedAt(deadlines, dutyRules, justAfter(TAX_DECISION.due())).stream().filter(PermitAbuseRound30CalendarTest::taxDecisionsFlag)
                .toList();
        assertThat(flag).singleElement();
        List<Object> dutyMoved = recorded(requested, flag.get(0));
        assertThat(dutyMoved).singleElement().isInstanceOf(PermitDutyDueRecomputed.class);
        projected(deadlines, dutyRules, dutyMoved, requested.size());
        LocalDate dutyMovedDay = ((PermitDutyDueRecomputed) dutyMoved.get(0)).due();
        Instant afterTheDutysMovedDay = justAfter(dutyMovedDay);
        assertThat(firedAt(deadlines, dutyRules, afterTheDutysMovedDay)).filteredOn(PermitAbuseRound30CalendarTest::taxDecisionsFlag)
                .singleElement().satisfies(c -> assertThat(((PermitCommands.FlagOverdueDuty) c).due()).isEqualTo(dutyMovedDay));
    }
}
