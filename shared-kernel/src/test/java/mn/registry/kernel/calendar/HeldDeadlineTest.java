package mn.registry.kernel.calendar;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;

/** The one step every aggregate takes to ask whether the calendar in force moved a last day it holds (ADR 0046 items 131, 133). */
class HeldDeadlineTest {

    private static final WorkingDays SEVENTEEN = WorkingDays.of(17);
    /** 17 working days from Friday 2026-11-20 end on Wednesday 2026-12-16 on the calendar as shipped. */
    private static final HeldDeadline HELD = new HeldDeadline(of(2026, 11, 20), SEVENTEEN, of(2026, 12, 16));

    @Test
    @DisplayName("domain-rules §2: a last day the calendar in force counts where it was held has not moved")
    void a_last_day_counted_where_it_was_held_has_not_moved() {
        assertThat(HELD.movedOn(WorkingDayCalendar.base()::deadline)).isEmpty();
    }

    @Test
    @DisplayName("domain-rules §2: a day off declared on the last day moves it to the next working day")
    void a_day_off_on_the_last_day_moves_it_later() {
        WorkingDayCalendar inForce = WorkingDayCalendar.base().apply(new PublicHolidayDeclared(of(2026, 12, 16), "Day of mourning",
                "Гашуудлын өдөр", "Government resolution 1"));

        assertThat(HELD.movedOn(inForce::deadline)).hasValueSatisfying(moved -> {
            assertThat(moved.due()).isEqualTo(of(2026, 12, 17));
            assertThat(moved.receivedOn()).isEqualTo(HELD.dayZero());
            assertThat(moved.calendarVersion()).isEqualTo(inForce.version());
        });
    }

    @Test
    @DisplayName("domain-rules §2: a Saturday declared a working day inside the count moves the last day earlier")
    void a_working_day_inside_the_count_moves_it_earlier() {
        WorkingDayCalendar inForce = WorkingDayCalendar.base().apply(WorkingDayDeclared.workingDay(of(2026, 12, 12), "Government resolution 2"));

        assertThat(HELD.movedOn(inForce::deadline)).map(Deadline::due).contains(of(2026, 12, 15));
    }

    @Test
    @DisplayName("domain-rules §2 (ADR 0046 item 128): a day off declared after the last day moves nothing")
    void a_day_off_after_the_last_day_moves_nothing() {
        WorkingDayCalendar inForce = WorkingDayCalendar.base().apply(new PublicHolidayDeclared(of(2026, 12, 17), "Day of mourning",
                "Гашуудлын өдөр", "Government resolution 3"));

        assertThat(HELD.movedOn(inForce::deadline)).isEmpty();
    }

    @Test
    @DisplayName("domain-rules §2 (ADR 0046 item 133): a deadline's version names the calendar's state it was counted on, provisional years aside")
    void a_version_names_the_state_it_was_counted_on() {
        CalendarVersion counted = new CalendarVersion("MN-2024.3").provisionalFor(List.of(2031));

        assertThat(counted.sameStateAs(new CalendarVersion("MN-2024.3"))).isTrue();
        assertThat(counted.sameStateAs(new CalendarVersion("MN-2024.4"))).isFalse();
        assertThat(counted.sameStateAs(new CalendarVersion("MN-2027.3"))).isFalse();
    }
}
