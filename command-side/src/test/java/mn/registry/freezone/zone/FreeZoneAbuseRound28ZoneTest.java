package mn.registry.freezone.zone;

import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.ZoneEvents;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static mn.registry.freezone.zone.FreeZoneTest.ZONE;
import static mn.registry.freezone.zone.FreeZoneTest.dueOf;
import static mn.registry.freezone.zone.FreeZoneTest.established;
import static mn.registry.freezone.zone.FreeZoneTest.recorded;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, Free Zone round 28 (abuse audit F473, found in the hunt beside F470; ADR 0035 item 97): the quarterly report's escalation is
 * judged against its due date on the calendar in force at the firing, as the registration's duty and review are (item 94).
 */
class FreeZoneAbuseRound28ZoneTest {

    private AggregateTestFixture<FreeZone> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(FreeZone.class);
        fixture.registerCommandTargetResolver(new mn.registry.freezone.governor.StreamTarget(ZoneCommandTypes::streamOf));
    }

    @Test
    @DisplayName("003 art. 12.3; domain-rules §2 (ADR 0035 item 97; F473): a day of mourning declared on the report's last working day, the "
            + "escalation fired before the deadline service handled it: nothing escalated, the moved day recorded (the deadline scheduled for "
            + "it); fired after the moved day: escalated once, on it; on the calendar it was counted on, escalated as before")
    void the_report_is_escalated_on_the_calendar_in_force_at_its_firing() {
        ZoneStreamCommands.ReportDue q3 = dueOf(2026, 3);
        ZoneStreamCommands.ReportDue q4 = dueOf(2026, 4);
        Instant late = q3.dueAt().plusSeconds(1);
        // the lawful escalation beside it
        fixture.given(established(), recorded(q3)).when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, late, q3, q4))
                .expectEvents(new ZoneEvents.QuarterlyReportOverdue(ZONE, 2026, 3, q3.dueOn(), late, FreeZoneTerms.REPORT_ARTICLE), recorded(q4));

        WorkingDayCalendar mourned = WorkingDayCalendar.base().apply(new PublicHolidayDeclared(q3.dueOn(), "Day of mourning", "Гашуудлын өдөр",
                "Government resolution 2026/314"));
        ZoneStreamCommands.ReportDue moved = ZoneStreamCommands.ReportDue.of(new QuarterlyReportContent.Quarter(2026, 3), mourned);
        assertThat(moved.dueOn()).isAfter(q3.dueOn());
        ZoneEvents.QuarterlyReportDueRecomputed recomputed = new ZoneEvents.QuarterlyReportDueRecomputed(ZONE, 2026, 3, q3.quarterEnds(),
                moved.dueOn(), moved.dueAt(), moved.calendarVersion(), FreeZoneTerms.REPORT_ARTICLE);
        fixture.given(established(), recorded(q3)).when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, late, moved, q4))
                .expectEvents(recomputed, recorded(q4));
        Instant afterTheMovedDay = moved.dueAt().plusSeconds(1);
        ZoneEvents.QuarterlyReportOverdue overdue = new ZoneEvents.QuarterlyReportOverdue(ZONE, 2026, 3, moved.dueOn(), afterTheMovedDay,
                FreeZoneTerms.REPORT_ARTICLE);
        fixture.given(established(), recorded(q3), recomputed, recorded(q4))
                .when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, afterTheMovedDay, moved, q4)).expectEvents(overdue);
        fixture.given(established(), recorded(q3), recomputed, recorded(q4), overdue)
                .when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, afterTheMovedDay.plusSeconds(3600), moved, q4)).expectNoEvents();
    }
}
