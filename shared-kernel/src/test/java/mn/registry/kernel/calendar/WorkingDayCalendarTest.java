package mn.registry.kernel.calendar;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar BASE = WorkingDayCalendar.base();
    private static final WorkingDays SEVENTEEN = WorkingDays.of(17);
    private static final WorkingDays FIVE = WorkingDays.of(5);

    @Test
    @DisplayName("002 art. 26.1: 17 working days from 2026-11-20 end at the end of 2026-12-16, skipping Republic Day")
    void seventeen_working_days_from_20_november_2026_are_due_16_december() {
        Deadline deadline = BASE.deadline(of(2026, 11, 20), SEVENTEEN);

        assertThat(deadline.due()).isEqualTo(of(2026, 12, 16));
        assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-16T23:59:59.999999999+08:00"));
        assertThat(deadline.calendarVersion()).isEqualTo(new CalendarVersion("MN-2024.1"));
        assertThat(deadline.skipped()).extracting(NonWorkingDay::date).containsExactly(
                of(2026, 11, 21), of(2026, 11, 22), of(2026, 11, 26), of(2026, 11, 28), of(2026, 11, 29),
                of(2026, 12, 5), of(2026, 12, 6), of(2026, 12, 12), of(2026, 12, 13));
        NonWorkingDay republicDay = deadline.skipped().get(2);
        assertThat(republicDay.reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo(DayOffReason.Kind.FIXED_HOLIDAY);
            assertThat(reason.nameEn()).isEqualTo("Republic Day");
            assertThat(reason.nameMn()).isEqualTo("Бүгд Найрамдах Монгол Улс тунхагласан өдөр");
        });
    }

    @Test
    @DisplayName("003 art. 12.2: receipt on a holiday is still day 0; 5 business days from Republic Day 2026 end 2026-12-03")
    void day_zero_on_a_holiday_counts_from_the_next_working_day() {
        assertThat(BASE.isWorkingDay(of(2026, 11, 26))).isFalse();

        Deadline deadline = BASE.deadline(of(2026, 11, 26), FIVE);

        assertThat(deadline.due()).isEqualTo(of(2026, 12, 3));
        assertThat(deadline.receivedOn()).isEqualTo(of(2026, 11, 26));
    }

    @Test
    @DisplayName("003 art. 12.2: receipt on a Saturday is day 0; 5 business days from 2026-11-21 end 2026-11-30")
    void day_zero_on_a_saturday_counts_from_monday() {
        Deadline deadline = BASE.deadline(of(2026, 11, 21), FIVE);

        assertThat(deadline.due()).isEqualTo(of(2026, 11, 30));
        assertThat(deadline.skipped()).extracting(NonWorkingDay::date)
                .containsExactly(of(2026, 11, 22), of(2026, 11, 26), of(2026, 11, 28), of(2026, 11, 29));
    }

    @Test
    @DisplayName("003 art. 12.2: a deadline across Tsagaan Sar 2026 (18-20 Feb) skips its three days")
    void a_deadline_across_tsagaan_sar_skips_its_three_days() {
        Deadline deadline = BASE.deadline(of(2026, 2, 13), FIVE);

        assertThat(deadline.due()).isEqualTo(of(2026, 2, 25));
        assertThat(deadline.skipped())
                .filteredOn(day -> day.reasons().stream().anyMatch(r -> r.kind() == DayOffReason.Kind.LUNAR_HOLIDAY))
                .extracting(NonWorkingDay::date)
                .containsExactly(of(2026, 2, 18), of(2026, 2, 19), of(2026, 2, 20));
        assertThat(BASE.nonWorkingDay(of(2026, 2, 18)).orElseThrow().reasons())
                .extracting(DayOffReason::nameMn).containsExactly("Цагаан сар");
    }

    @Test
    @DisplayName("002 art. 26.1: a Government-declared working Saturday shortens a running deadline by one day")
    void a_declared_working_saturday_shortens_a_deadline() {
        WorkingDayCalendar next = BASE.apply(
                WorkingDayDeclared.workingDay(of(2026, 12, 12), "Government resolution No. 1/2026 (test)"));

        assertThat(next.isWorkingDay(of(2026, 12, 12))).isTrue();
        assertThat(next.deadline(of(2026, 11, 20), SEVENTEEN).due()).isEqualTo(of(2026, 12, 15));
        assertThat(next.version()).isEqualTo(new CalendarVersion("MN-2024.2"));
        assertThat(BASE.deadline(of(2026, 11, 20), SEVENTEEN).due()).isEqualTo(of(2026, 12, 16));
    }

    @Test
    @DisplayName("002 art. 26.1: a declared holiday lengthens a deadline, makes a new version and is found by recompute")
    void a_declared_holiday_lengthens_a_deadline_and_changes_the_version() {
        Deadline before = BASE.deadline(of(2026, 11, 20), SEVENTEEN);
        Deadline untouched = BASE.deadline(of(2026, 11, 2), FIVE);
        WorkingDayCalendar next = BASE.apply(new PublicHolidayDeclared(of(2026, 12, 1),
                "One-off public holiday", "Бүх нийтийн амралтын өдөр", "Government resolution No. 2/2026 (test)"));

        Deadline after = next.deadline(of(2026, 11, 20), SEVENTEEN);

        assertThat(after.due()).isEqualTo(of(2026, 12, 17));
        assertThat(after.calendarVersion()).isEqualTo(new CalendarVersion("MN-2024.2"));
        assertThat(after.skipped()).filteredOn(day -> day.date().equals(of(2026, 12, 1)))
                .singleElement().satisfies(day -> assertThat(day.reasons()).singleElement()
                        .extracting(DayOffReason::kind, DayOffReason::source)
                        .containsExactly(DayOffReason.Kind.DECLARED_HOLIDAY, "Government resolution No. 2/2026 (test)"));
        List<DeadlineChange> changes = WorkingDayCalendar.recompute(
                List.of(OpenDeadline.of("application-1", before), OpenDeadline.of("application-2", untouched)), next);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.before().reference()).isEqualTo("application-1");
            assertThat(change.after().due()).isEqualTo(of(2026, 12, 17));
            assertThat(change.daysMoved()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("Day transfer: a working Saturday in exchange for a Friday off moves the Friday into the skipped days")
    void a_day_transfer_makes_the_replaced_day_a_day_off() {
        WorkingDayCalendar next = BASE.apply(WorkingDayDeclared.transfer(
                of(2026, 12, 5), of(2026, 12, 4), "Government resolution No. 3/2026 (test)"));

        assertThat(next.isWorkingDay(of(2026, 12, 5))).isTrue();
        assertThat(next.isWorkingDay(of(2026, 12, 4))).isFalse();
        assertThat(next.nonWorkingDay(of(2026, 12, 4)).orElseThrow().reasons())
                .extracting(DayOffReason::kind).containsExactly(DayOffReason.Kind.TRANSFERRED_DAY_OFF);
        assertThat(next.deadline(of(2026, 11, 20), SEVENTEEN).due()).isEqualTo(of(2026, 12, 16));
    }

    @Test
    @DisplayName("Versions: replaying the same declarations gives the same version and the same days")
    void replaying_declarations_gives_the_same_calendar() {
        List<CalendarDeclaration> declarations = List.of(
                WorkingDayDeclared.workingDay(of(2026, 12, 12), "decision A"),
                new PublicHolidayDeclared(of(2026, 12, 1), "Day off", "Амралтын өдөр", "decision B"));

        WorkingDayCalendar replayed = WorkingDayCalendar.replay(declarations);

        assertThat(replayed.version()).isEqualTo(new CalendarVersion("MN-2024.3"));
        assertThat(replayed.declarations()).isEqualTo(declarations);
        assertThat(replayed.deadline(of(2026, 11, 20), SEVENTEEN).due()).isEqualTo(of(2026, 12, 16));
    }

    @Test
    @DisplayName("Queue: from 2026-12-10 to a 2026-12-16 due date 4 working days are left, 0 on the day, negative after")
    void working_days_left_count_down_to_zero_on_the_due_date() {
        LocalDate due = of(2026, 12, 16);

        assertThat(BASE.workingDaysBetween(of(2026, 12, 10), due)).isEqualTo(4);
        assertThat(BASE.workingDaysBetween(of(2026, 11, 20), due)).isEqualTo(17);
        assertThat(BASE.workingDaysBetween(due, due)).isZero();
        assertThat(BASE.workingDaysBetween(of(2026, 12, 18), due)).isEqualTo(-2);
        assertThat(BASE.deadline(of(2026, 11, 20), SEVENTEEN).isOverdueOn(of(2026, 12, 17))).isTrue();
    }

    @Test
    @DisplayName("The deadline ends at 23:59:59.999999999 Ulaanbaatar time: an act one nanosecond later misses it")
    void the_deadline_ends_at_the_last_instant_of_the_due_date() {
        Deadline deadline = BASE.deadline(of(2026, 11, 20), SEVENTEEN);

        assertThat(deadline.isMetBy(Instant.parse("2026-12-16T15:59:59.999999999Z"))).isTrue();
        assertThat(deadline.isMetBy(Instant.parse("2026-12-16T16:00:00Z"))).isFalse();
    }

    @Test
    @DisplayName("A deadline written to JSON and read back (offset adjusted to UTC by Jackson) is the same deadline")
    void a_deadline_survives_json() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        Deadline deadline = BASE.deadline(of(2026, 11, 20), SEVENTEEN);

        String text = json.writeValueAsString(deadline);

        assertThat(text).contains("\"due\":\"2026-12-16\"", "\"dueAt\":\"2026-12-16T23:59:59.999999999+08:00\"",
                "\"calendarVersion\":\"MN-2024.1\"", "\"nameEn\":\"Republic Day\"");
        assertThat(json.readValue(text, Deadline.class)).isEqualTo(deadline);
        assertThatThrownBy(() -> new Deadline(of(2026, 11, 20), SEVENTEEN, of(2026, 12, 16),
                OffsetDateTime.parse("2026-12-16T23:59:59+08:00"), BASE.version(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("A receipt at 2026-11-19T16:30Z is 00:30 on 2026-11-20 in Ulaanbaatar, so that is day 0")
    void an_instant_is_dated_in_ulaanbaatar() {
        Instant received = Instant.parse("2026-11-19T16:30:00Z");

        assertThat(UlaanbaatarTime.dateOf(received)).isEqualTo(of(2026, 11, 20));
        assertThat(BASE.deadline(received, SEVENTEEN).due()).isEqualTo(of(2026, 12, 16));
        assertThat(UlaanbaatarTime.dateOf(Instant.parse("2026-11-19T15:59:59Z"))).isEqualTo(of(2026, 11, 19));
    }

    @Test
    @DisplayName("Dates outside 2000-2100 are refused, naming the range; every year inside it is answered")
    void dates_outside_the_answered_range_are_refused() {
        assertThatThrownBy(() -> BASE.isWorkingDay(of(1999, 12, 31)))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("2000-01-01").hasMessageContaining("2100-12-31");
        assertThatThrownBy(() -> BASE.deadline(of(2100, 12, 20), SEVENTEEN))
                .isInstanceOf(DateOutsideCalendarException.class)
                .hasMessageContaining("would end after 2100-12-31")
                .satisfies(e -> assertThat(((DateOutsideCalendarException) e).code())
                        .isEqualTo("calendar.date-outside-range"));
        assertThatThrownBy(() -> BASE.apply(new PublicHolidayDeclared(of(2101, 1, 2), "x", "x", "d")))
                .isInstanceOf(DateOutsideCalendarException.class);
        assertThat(BASE.isWorkingDay(of(2023, 12, 29))).isFalse();
        assertThat(BASE.deadline(of(2031, 1, 2), FIVE).due()).isEqualTo(of(2031, 1, 9));
    }

    @Test
    @DisplayName("002 art. 27.1: the 5-year term of a permit issued 2026-03-10 ends at the end of 2031-03-09")
    void a_five_year_term_ends_the_day_before_the_anniversary() {
        LegalTerm term = LegalTerm.years(of(2026, 3, 10), 5);

        assertThat(term.lastDay()).isEqualTo(of(2031, 3, 9));
        assertThat(term.endsAt()).isEqualTo(OffsetDateTime.parse("2031-03-09T23:59:59.999999999+08:00"));
        assertThat(term.dayAfter()).isEqualTo(of(2031, 3, 10));
        assertThat(term.following().lastDay()).isEqualTo(of(2036, 3, 9));
    }

    @Test
    @DisplayName("002 art. 28.1: a suspension from 2026-03-10 may last up to 2026-06-09, not a day longer")
    void up_to_three_months_is_calendar_arithmetic() {
        assertThat(LegalTerm.months(of(2026, 3, 10), 3).lastDay()).isEqualTo(of(2026, 6, 9));
        assertThat(LegalTerm.lastsAtMost(of(2026, 3, 10), of(2026, 6, 9), Period.ofMonths(3))).isTrue();
        assertThat(LegalTerm.lastsAtMost(of(2026, 3, 10), of(2026, 6, 10), Period.ofMonths(3))).isFalse();
        assertThat(LegalTerm.months(of(2026, 11, 30), 3).lastDay()).isEqualTo(of(2027, 2, 28));
        assertThat(LegalTerm.years(of(2028, 2, 29), 1).lastDay()).isEqualTo(of(2029, 2, 28));
    }

    @Test
    @DisplayName("Data: the reference points of domain-rules §2 are public holidays with their names")
    void the_reference_points_are_holidays() {
        assertThat(reasonNames(of(2024, 2, 10))).containsExactly("Tsagaan Sar (Lunar New Year)", "Saturday");
        assertThat(reasonNames(of(2024, 2, 12))).containsExactly("Tsagaan Sar (Lunar New Year)");
        assertThat(reasonNames(of(2024, 5, 23))).containsExactly("Buddha's Birthday (Great Buddha Day)");
        assertThat(reasonNames(of(2024, 6, 28))).containsExactly("State Great Khural election day");
        assertThat(reasonNames(of(2025, 11, 21))).containsExactly("Chinggis Khaan's Day (Mongolian Pride Day)");
        assertThat(reasonNames(of(2026, 7, 15))).containsExactly("Naadam (National Holiday)");
        assertThat(BASE.isWorkingDay(of(2026, 7, 16))).isTrue();
        assertThat(BASE.isWorkingDay(of(2026, 12, 29))).isFalse();
    }

    @Test
    @DisplayName("Data: every year 2024-2030 has three Tsagaan Sar days in a row, one Buddha's birthday and one Chinggis Khaan's day in order")
    void every_data_year_has_its_lunar_holidays() {
        for (int year = 2024; year <= 2030; year++) {
            List<NonWorkingDay> lunar = BASE.nonWorkingDays(of(year, 1, 1), of(year, 12, 31)).stream()
                    .filter(day -> day.reasons().stream().anyMatch(r -> r.kind() == DayOffReason.Kind.LUNAR_HOLIDAY))
                    .toList();
            assertThat(lunar).as("lunar holidays of %s", year).hasSize(5);
            assertThat(lunar.get(1).date()).isEqualTo(lunar.get(0).date().plusDays(1));
            assertThat(lunar.get(2).date()).isEqualTo(lunar.get(0).date().plusDays(2));
            assertThat(lunar.get(0).date().getMonthValue()).as("Tsagaan Sar of %s", year).isBetween(1, 3);
            assertThat(lunar.get(3).date().getMonthValue()).as("Buddha's birthday of %s", year).isBetween(5, 6);
            assertThat(lunar.get(4).date()).as("Chinggis Khaan's day of %s", year)
                    .isBetween(of(year, 10, 20), of(year, 12, 10));
        }
    }

    @Test
    @DisplayName("Calendar versions are <dataset>.<counter> and count up by one")
    void versions_count_up() {
        CalendarVersion version = new CalendarVersion("MN-2026.3");

        assertThat(version.dataset()).isEqualTo("MN-2026");
        assertThat(version.counter()).isEqualTo(3);
        assertThat(version.next()).isEqualTo(new CalendarVersion("MN-2026.4"));
        assertThatThrownBy(() -> new CalendarVersion("2026")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkingDays.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> reasonNames(LocalDate date) {
        return BASE.nonWorkingDay(date).orElseThrow().reasons().stream().map(DayOffReason::nameEn).toList();
    }
}
