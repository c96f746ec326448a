package mn.registry.kernel.calendar;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingDayCalendarProperties {

    private static final WorkingDayCalendar BASE = WorkingDayCalendar.base();
    /** Late enough in the coverage that 80 working days never run past 2030-12-31. */
    private static final LocalDate LAST_RECEIPT = LocalDate.of(2030, 8, 1);

    @Provide
    Arbitrary<LocalDate> receipts() {
        int span = (int) ChronoUnit.DAYS.between(BASE.coveredFrom(), LAST_RECEIPT);
        return Arbitraries.integers().between(0, span).map(BASE.coveredFrom()::plusDays);
    }

    @Provide
    Arbitrary<WorkingDays> periods() {
        return Arbitraries.integers().between(1, 80).map(WorkingDays::of);
    }

    @Provide
    Arbitrary<CalendarDeclaration> declarations() {
        Arbitrary<CalendarDeclaration> holiday = receipts().map(date ->
                new PublicHolidayDeclared(date, "Declared day off", "Амралтын өдөр", "property-test decision"));
        Arbitrary<CalendarDeclaration> workingDay = receipts().map(date ->
                WorkingDayDeclared.workingDay(date, "property-test decision"));
        Arbitrary<CalendarDeclaration> transfer = Combinators.combine(receipts(), Arbitraries.integers().between(1, 14))
                .as((date, gap) -> WorkingDayDeclared.transfer(date,
                        date.minusDays(gap).isBefore(BASE.coveredFrom()) ? date.plusDays(gap) : date.minusDays(gap),
                        "property-test decision"));
        return Arbitraries.oneOf(holiday, workingDay, transfer);
    }

    @Property(tries = 400)
    @Label("002 art. 26.1 / 003 art. 12.2: the due date is always a working day after the day of receipt")
    void the_due_date_is_a_working_day(@ForAll("receipts") LocalDate receivedOn, @ForAll("periods") WorkingDays n,
                                       @ForAll("declarations") CalendarDeclaration declaration) {
        for (WorkingDayCalendar calendar : List.of(BASE, BASE.apply(declaration))) {
            Deadline deadline = calendar.deadline(receivedOn, n);
            assertThat(calendar.isWorkingDay(deadline.due())).isTrue();
            assertThat(deadline.due()).isAfter(receivedOn);
            assertThat(deadline.calendarVersion()).isEqualTo(calendar.version());
        }
    }

    @Property(tries = 400)
    @Label("N+1 working days end strictly after N working days")
    void one_more_working_day_ends_strictly_later(@ForAll("receipts") LocalDate receivedOn,
                                                  @ForAll("periods") WorkingDays n) {
        assertThat(BASE.deadline(receivedOn, n.plus(1)).due()).isAfter(BASE.deadline(receivedOn, n).due());
    }

    @Property(tries = 400)
    @Label("workingDaysBetween(receipt, due) is N, -N the other way round, and 1 from the day before the due date")
    void working_days_between_receipt_and_due_date_is_n(@ForAll("receipts") LocalDate receivedOn,
                                                         @ForAll("periods") WorkingDays n,
                                                         @ForAll("declarations") CalendarDeclaration declaration) {
        WorkingDayCalendar calendar = BASE.apply(declaration);
        Deadline deadline = calendar.deadline(receivedOn, n);

        assertThat(calendar.workingDaysBetween(receivedOn, deadline.due())).isEqualTo(n.value());
        assertThat(calendar.workingDaysBetween(deadline.due(), receivedOn)).isEqualTo(-n.value());
        assertThat(calendar.workingDaysBetween(deadline.due().minusDays(1), deadline.due())).isEqualTo(1);
    }

    @Property(tries = 400)
    @Label("Skipped days plus N working days account for every day from day 0 to the due date, and none is a working day")
    void skipped_days_and_working_days_fill_the_interval(@ForAll("receipts") LocalDate receivedOn,
                                                         @ForAll("periods") WorkingDays n,
                                                         @ForAll("declarations") CalendarDeclaration declaration) {
        WorkingDayCalendar calendar = BASE.apply(declaration);
        Deadline deadline = calendar.deadline(receivedOn, n);

        long days = ChronoUnit.DAYS.between(receivedOn, deadline.due());
        assertThat(deadline.skipped().size() + n.value()).isEqualTo(days);
        assertThat(deadline.skipped()).allSatisfy(day -> {
            assertThat(day.date()).isAfter(receivedOn).isBefore(deadline.due());
            assertThat(calendar.isWorkingDay(day.date())).isFalse();
            assertThat(day.reasons()).isNotEmpty();
        });
        assertThat(deadline.skipped()).extracting(NonWorkingDay::date).isSorted().doesNotHaveDuplicates();
    }

    @Property(tries = 400)
    @Label("Declaring a holiday never makes a deadline earlier; declaring a working day never makes it later")
    void declarations_move_deadlines_only_the_expected_way(@ForAll("receipts") LocalDate receivedOn,
                                                           @ForAll("periods") WorkingDays n,
                                                           @ForAll("receipts") LocalDate declaredDay) {
        LocalDate before = BASE.deadline(receivedOn, n).due();
        LocalDate withHoliday = BASE.apply(new PublicHolidayDeclared(declaredDay, "Declared day off", "Амралтын өдөр",
                "property-test decision")).deadline(receivedOn, n).due();
        LocalDate withWorkingDay = BASE.apply(WorkingDayDeclared.workingDay(declaredDay, "property-test decision"))
                .deadline(receivedOn, n).due();

        assertThat(withHoliday).isAfterOrEqualTo(before);
        assertThat(withWorkingDay).isBeforeOrEqualTo(before);
    }

    @Property(tries = 300)
    @Label("recompute reports exactly the open deadlines whose due date differs under the new version")
    void recompute_reports_exactly_the_changed_deadlines(@ForAll("receipts") LocalDate first,
                                                         @ForAll("receipts") LocalDate second,
                                                         @ForAll("periods") WorkingDays n,
                                                         @ForAll("declarations") CalendarDeclaration declaration) {
        WorkingDayCalendar next = BASE.apply(declaration);
        List<OpenDeadline> open = List.of(OpenDeadline.of("a", BASE.deadline(first, n)),
                OpenDeadline.of("b", BASE.deadline(second, n)));

        List<DeadlineChange> changes = WorkingDayCalendar.recompute(open, next);

        List<String> expected = open.stream()
                .filter(o -> !next.deadline(o.receivedOn(), o.workingDays()).due().equals(o.due()))
                .map(OpenDeadline::reference).toList();
        assertThat(changes).extracting(change -> change.before().reference()).isEqualTo(expected);
        assertThat(changes).allSatisfy(change ->
                assertThat(change.after().calendarVersion()).isEqualTo(next.version()));
    }

    @Property(tries = 300)
    @Label("In the shipped calendar a day is a working day exactly when it is a weekday, no fixed holiday and not in the data")
    void working_days_are_weekdays_without_holidays(@ForAll("receipts") LocalDate date) {
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        boolean fixedHoliday = FixedHoliday.RULES.stream().anyMatch(rule -> rule.covers(date));
        boolean movingHoliday = MovingHolidayData.shipped().holidays().containsKey(date);

        assertThat(BASE.isWorkingDay(date)).isEqualTo(!weekend && !fixedHoliday && !movingHoliday);
        assertThat(BASE.nonWorkingDay(date).isPresent()).isEqualTo(!BASE.isWorkingDay(date));
    }

    @Property(tries = 300)
    @Label("Working days between are additive: from a to c equals a to b plus b to c")
    void working_days_between_is_additive(@ForAll("receipts") LocalDate a, @ForAll("receipts") LocalDate b,
                                          @ForAll("receipts") LocalDate c) {
        assertThat(BASE.workingDaysBetween(a, c))
                .isEqualTo(BASE.workingDaysBetween(a, b) + BASE.workingDaysBetween(b, c));
    }

    @Property(tries = 300)
    @Label("A term of months ends on or after the day before the same date, never before it, and contains its first day")
    void terms_are_never_shortened(@ForAll("receipts") LocalDate firstDay,
                                   @ForAll("monthCounts") int months) {
        LegalTerm term = LegalTerm.months(firstDay, months);

        assertThat(term.contains(firstDay)).isTrue();
        assertThat(term.lastDay()).isAfterOrEqualTo(firstDay.plusMonths(months).minusDays(1));
        assertThat(term.lastDay()).isBefore(firstDay.plusMonths(months).plusDays(1));
        assertThat(term.following().firstDay()).isEqualTo(term.lastDay().plusDays(1));
    }

    @Provide
    Arbitrary<Integer> monthCounts() {
        return Arbitraries.integers().between(1, 120);
    }

    @Provide
    Arbitrary<LocalDate> anyYearReceipts() {
        int span = (int) ChronoUnit.DAYS.between(WorkingDayCalendar.ANSWERS_FROM, LocalDate.of(2100, 8, 1));
        return Arbitraries.integers().between(0, span).map(WorkingDayCalendar.ANSWERS_FROM::plusDays);
    }

    @Property(tries = 400)
    @Label("ADR 0013 §2: in every year 2000-2100 the due date is a working day N working days on, and it is provisional exactly when a day after day 0 lies in a year without data")
    void every_year_is_answered_and_provisional_years_are_named(@ForAll("anyYearReceipts") LocalDate receivedOn,
                                                                @ForAll("periods") WorkingDays n) {
        Deadline deadline = BASE.deadline(receivedOn, n);

        assertThat(BASE.isWorkingDay(deadline.due())).isTrue();
        assertThat(BASE.workingDaysBetween(receivedOn, deadline.due())).isEqualTo(n.value());
        boolean touchesProvisional = false;
        for (int year = receivedOn.plusDays(1).getYear(); year <= deadline.due().getYear(); year++) {
            touchesProvisional |= year < 2024 || year > 2030;
        }
        assertThat(deadline.provisional()).isEqualTo(touchesProvisional);
        assertThat(deadline.calendarVersion().value()).startsWith(BASE.version().value());
    }
}
