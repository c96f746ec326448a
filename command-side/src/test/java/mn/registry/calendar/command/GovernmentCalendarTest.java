package mn.registry.calendar.command;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayDeclared;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

class GovernmentCalendarTest {

    private AggregateTestFixture<GovernmentCalendar> fixture;

    private static final PublicHolidayDeclared ELECTION_DAY =
            new PublicHolidayDeclared(LocalDate.of(2028, 6, 23), "Election day", "Сонгуулийн өдөр", "Government resolution 2028/114");

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GovernmentCalendar.class);
    }

    @Test
    @DisplayName("domain-rules §2: a declared public holiday on a working day is recorded and makes version 2")
    void holiday_on_a_working_day_is_recorded() {
        fixture.givenNoPriorActivity()
                .when(new RecordCalendarDeclaration(CurrentCalendar.STREAM, ELECTION_DAY))
                .expectEvents(ELECTION_DAY)
                .expectResultMessagePayloadMatching(org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.endsWith(".2")));
    }

    @Test
    @DisplayName("domain-rules §2: declaring a holiday on a day already off changes nothing and is refused")
    void holiday_on_a_day_off_is_refused() {
        PublicHolidayDeclared onSaturday = new PublicHolidayDeclared(LocalDate.of(2028, 6, 24), "x", "х", "Resolution 1");
        fixture.givenNoPriorActivity()
                .when(new RecordCalendarDeclaration(CurrentCalendar.STREAM, onSaturday))
                .expectException(RegistryProblem.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("domain-rules §2: the same holiday declared twice is refused the second time")
    void repeated_declaration_is_refused() {
        fixture.given(ELECTION_DAY)
                .when(new RecordCalendarDeclaration(CurrentCalendar.STREAM, ELECTION_DAY))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already treats 2028-06-23 as a day off"));
    }

    @Test
    @DisplayName("domain-rules §2: a Government-declared working Saturday is recorded")
    void working_saturday_is_recorded() {
        WorkingDayDeclared saturday = WorkingDayDeclared.transfer(LocalDate.of(2028, 6, 24), LocalDate.of(2028, 6, 23), "Resolution 2028/115");
        fixture.givenNoPriorActivity()
                .when(new RecordCalendarDeclaration(CurrentCalendar.STREAM, saturday))
                .expectEvents(saturday);
    }
}
