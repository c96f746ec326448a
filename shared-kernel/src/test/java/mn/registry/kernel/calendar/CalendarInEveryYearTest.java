package mn.registry.kernel.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0013 §2: the calendar answers in every year; years without confirmed lunar holidays are computed and provisional. */
class CalendarInEveryYearTest {

    private static final WorkingDayCalendar BASE = WorkingDayCalendar.base();
    private static final WorkingDays SEVENTEEN = WorkingDays.of(17);
    private static final WorkingDays FIVE = WorkingDays.of(5);

    @Test
    @DisplayName("002 art. 26.1: 17 working days from 2030-12-20 end 2031-01-15, skipping 29 Dec and 1 Jan, and say 2031 is provisional")
    void a_deadline_across_2030_and_2031_is_answered_and_provisional() {
        Deadline deadline = BASE.deadline(of(2030, 12, 20), SEVENTEEN);

        assertThat(deadline.due()).isEqualTo(of(2031, 1, 15));
        assertThat(deadline.calendarVersion()).isEqualTo(new CalendarVersion("MN-2024.1+provisional-2031"));
        assertThat(deadline.provisional()).isTrue();
        assertThat(deadline.skipped()).extracting(NonWorkingDay::date).contains(of(2030, 12, 29), of(2031, 1, 1));
        assertThat(BASE.workingDaysBetween(of(2030, 12, 20), deadline.due())).isEqualTo(17);
        assertThat(BASE.deadline(of(2030, 11, 1), FIVE).provisional()).as("a deadline within 2030 (data)").isFalse();
    }

    @Test
    @DisplayName("003 art. 12.2: 5 business days from 2035-02-08 skip the computed Tsagaan Sar 2035 (9-11 Feb) and end 2035-02-16, provisional")
    void a_deadline_in_2035_skips_the_computed_tsagaan_sar() {
        Deadline deadline = BASE.deadline(of(2035, 2, 8), FIVE);

        assertThat(deadline.due()).isEqualTo(of(2035, 2, 16));
        assertThat(deadline.calendarVersion().value()).isEqualTo("MN-2024.1+provisional-2035");
        assertThat(BASE.nonWorkingDay(of(2035, 2, 9)).orElseThrow().reasons()).singleElement().satisfies(reason -> {
            assertThat(reason.kind()).isEqualTo(DayOffReason.Kind.LUNAR_HOLIDAY);
            assertThat(reason.nameMn()).isEqualTo("Цагаан сар");
            assertThat(reason.source()).startsWith("computed (provisional");
        });
        assertThat(BASE.isProvisional(2035)).isTrue();
        assertThat(BASE.isProvisional(2030)).isFalse();
    }

    @Test
    @DisplayName("Domain-rules §2 reference points: the computation gives Chinggis Khaan's day 8 Nov 2018, 16 Nov 2020, 21 Nov 2025, Tsagaan Sar 10-12 Feb 2024, Buddha's birthday 23 May 2024")
    void the_computation_reproduces_the_published_reference_points() {
        assertThat(ComputedLunarHolidays.of(2018).chinggisKhaanDay()).isEqualTo(of(2018, 11, 8));
        assertThat(ComputedLunarHolidays.of(2020).chinggisKhaanDay()).isEqualTo(of(2020, 11, 16));
        assertThat(ComputedLunarHolidays.of(2025).chinggisKhaanDay()).isEqualTo(of(2025, 11, 21));
        assertThat(ComputedLunarHolidays.of(2024).tsagaanSar()).containsExactly(of(2024, 2, 10), of(2024, 2, 11), of(2024, 2, 12));
        assertThat(ComputedLunarHolidays.of(2024).buddhasBirthday()).isEqualTo(of(2024, 5, 23));
        // the years before the data set are answered with the computed dates
        assertThat(BASE.nonWorkingDay(of(2018, 11, 8)).orElseThrow().reasons())
                .extracting(DayOffReason::nameEn).containsExactly("Chinggis Khaan's Day (Mongolian Pride Day)");
        assertThat(BASE.isWorkingDay(of(2020, 11, 16))).isFalse();
        assertThat(BASE.isWorkingDay(of(2020, 11, 17))).isTrue();
    }

    @Test
    @DisplayName("The computation agrees with every date of the shipped data set 2024-2029 (published or computed)")
    void the_computation_agrees_with_the_shipped_data() {
        for (int year = 2024; year <= 2029; year++) {
            ComputedLunarHolidays.Year computed = ComputedLunarHolidays.of(year);
            for (LocalDate day : List.of(computed.tsagaanSar().get(0), computed.tsagaanSar().get(1),
                    computed.tsagaanSar().get(2), computed.buddhasBirthday(), computed.chinggisKhaanDay())) {
                assertThat(MovingHolidayData.shipped().holidays()).as("%s", day).containsKey(day);
            }
        }
    }

    @Test
    @DisplayName("Every computed year 2000-2100 has three Tsagaan Sar days in Jan-Mar, Buddha's birthday in May-Jun, Chinggis Khaan's day in Oct-Dec")
    void every_computed_year_has_its_lunar_holidays_in_their_season() {
        for (int year = 2000; year <= 2100; year++) {
            ComputedLunarHolidays.Year computed = ComputedLunarHolidays.of(year);
            assertThat(computed.tsagaanSar().get(0)).as("Tsagaan Sar %s", year).isBetween(of(year, 1, 20), of(year, 3, 10));
            assertThat(computed.buddhasBirthday()).as("Buddha's birthday %s", year).isBetween(of(year, 5, 1), of(year, 6, 30));
            assertThat(computed.chinggisKhaanDay()).as("Chinggis Khaan's day %s", year).isBetween(of(year, 10, 20), of(year, 12, 10));
        }
    }

    @Test
    @DisplayName("002 art. 20.3.3: a change dated 2023-03-01 has a deadline, computed, not a calendar error")
    void a_date_in_2023_has_a_deadline() {
        Deadline deadline = BASE.deadline(of(2023, 3, 1), FIVE);

        assertThat(deadline.due()).isEqualTo(of(2023, 3, 9)); // 8 Mar is a fixed holiday
        assertThat(deadline.calendarVersion().value()).isEqualTo("MN-2024.1+provisional-2023");
        assertThat(BASE.isWorkingDay(of(2023, 2, 21))).as("computed Tsagaan Sar 2023").isFalse();
    }

    @Test
    @DisplayName("002 art. 26.1: the Government's 2031 holiday moves a running deadline one working day later")
    void a_2031_declaration_moves_an_open_deadline() {
        Deadline before = BASE.deadline(of(2030, 12, 20), SEVENTEEN);
        WorkingDayCalendar declared = BASE.apply(new PublicHolidayDeclared(of(2031, 1, 6), "Declared day off",
                "Амралтын өдөр", "Government resolution 2030/999"));

        List<DeadlineChange> changes = WorkingDayCalendar.recompute(List.of(OpenDeadline.of("app-1", before)), declared);

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.after().due()).isEqualTo(of(2031, 1, 16));
            assertThat(change.after().calendarVersion().value()).isEqualTo("MN-2024.2+provisional-2031");
        });
    }

    @Test
    @DisplayName("002 art. 26.1: confirming 2031 with a Tsagaan Sar other than computed moves the deadlines across it and ends the provisional mark")
    void confirming_a_year_recomputes_and_ends_provisional() {
        ComputedLunarHolidays.Year computed = ComputedLunarHolidays.of(2031);
        assertThat(computed.tsagaanSar()).containsExactly(of(2031, 2, 22), of(2031, 2, 23), of(2031, 2, 24));
        Deadline before = BASE.deadline(of(2031, 2, 20), FIVE); // Thu; computed 22-24 Feb: Sat, Sun, Mon off
        assertThat(before.due()).isEqualTo(of(2031, 2, 28));

        // the Government sets Tsagaan Sar 2031 a day later: Mon 24 to Wed 26 Feb
        YearConfirmed confirmation = new YearConfirmed(2031, List.of(of(2031, 2, 24), of(2031, 2, 25), of(2031, 2, 26)),
                computed.buddhasBirthday(), computed.chinggisKhaanDay(), "Government resolution 2030/1000");
        WorkingDayCalendar confirmed = BASE.apply(confirmation);

        assertThat(confirmed.isProvisional(2031)).isFalse();
        assertThat(confirmed.isWorkingDay(of(2031, 2, 24))).isFalse();
        assertThat(confirmed.isWorkingDay(of(2031, 2, 26))).isFalse();
        assertThat(confirmed.nonWorkingDay(of(2031, 2, 26)).orElseThrow().reasons().get(0).source())
                .isEqualTo("Government resolution 2030/1000");
        List<DeadlineChange> changes = WorkingDayCalendar.recompute(List.of(OpenDeadline.of("app-1", before)), confirmed);
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.after().due()).isEqualTo(of(2031, 3, 4));
            assertThat(change.after().calendarVersion()).isEqualTo(new CalendarVersion("MN-2024.2"));
            assertThat(change.after().provisional()).isFalse();
        });
        assertThat(WorkingDayCalendar.replay(List.of(confirmation)).deadline(of(2031, 2, 20), FIVE)).isEqualTo(change(changes));
    }

    private static Deadline change(List<DeadlineChange> changes) {
        return changes.get(0).after();
    }

    @Test
    @DisplayName("A later confirmation of the same year replaces the earlier one; a confirmation must name three Tsagaan Sar days in its year")
    void a_later_confirmation_replaces_and_malformed_ones_are_refused() {
        YearConfirmed first = new YearConfirmed(2032, List.of(of(2032, 2, 12), of(2032, 2, 13), of(2032, 2, 14)),
                of(2032, 5, 24), of(2032, 11, 4), "resolution A");
        YearConfirmed corrected = new YearConfirmed(2032, List.of(of(2032, 2, 12), of(2032, 2, 13), of(2032, 2, 14)),
                of(2032, 5, 24), of(2032, 11, 5), "resolution B");

        WorkingDayCalendar calendar = BASE.apply(first).apply(corrected);

        assertThat(calendar.isWorkingDay(of(2032, 11, 4))).isTrue();
        assertThat(calendar.isWorkingDay(of(2032, 11, 5))).isFalse();
        assertThat(calendar.confirmation(2032)).contains(corrected);
        assertThatThrownBy(() -> new YearConfirmed(2032, List.of(of(2032, 2, 12), of(2032, 2, 14)),
                of(2032, 5, 24), of(2032, 11, 4), "r")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new YearConfirmed(2032, List.of(of(2033, 2, 12), of(2033, 2, 13), of(2033, 2, 14)),
                of(2032, 5, 24), of(2032, 11, 4), "r")).isInstanceOf(IllegalArgumentException.class);
    }
}
