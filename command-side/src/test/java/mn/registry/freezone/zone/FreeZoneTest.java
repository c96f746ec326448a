package mn.registry.freezone.zone;

import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FreeZoneTest {

    static final ZoneId ZONE = ZoneId.of("altanbulag");
    static final PersonId CABINET = new PersonId("cabinet-1");
    static final PersonId GOVERNOR = new PersonId("governor-altanbulag");
    static final Instant AT = Instant.parse("2026-11-20T03:00:00Z");
    static final GeoPolygon BOUNDARY = GeoPolygon.of(106.40, 50.30, 106.46, 50.30, 106.46, 50.34, 106.40, 50.34);

    private AggregateTestFixture<FreeZone> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(FreeZone.class);
        fixture.registerCommandTargetResolver(new mn.registry.freezone.governor.StreamTarget(ZoneCommandTypes::streamOf));
    }

    /** The Cabinet member's act, received at {@link #AT}. */
    static org.axonframework.commandhandling.CommandMessage<Object> byCabinet(Object body) {
        return mn.registry.freezone.FreeZoneSigned.signed(body, CABINET, AT, mn.registry.kernel.identity.Role.CABINET_MEMBER);
    }

    static ZoneCommands.EstablishZone establish(GeoPolygon boundary) {
        return new ZoneCommands.EstablishZone(ZONE, "Altanbulag Free Zone", "Altanbulag soum, Selenge aimag", new BigDecimal("500"), boundary,
                List.of(Activity.TRADE, Activity.PRODUCTION), false, "State Great Khural resolution 2002/15");
    }

    /**
     * When the zone of the tests' reports was recorded: early in 2026, so that the quarters they report (2026 Q2, Q3) are quarters the
     * registry holds (F176: none that ended before the zone was recorded).
     */
    static final Instant RECORDED = Instant.parse("2026-01-05T03:00:00Z");

    /** The zone as recorded at {@link #RECORDED}. */
    static ZoneEvents.ZoneEstablished established() {
        return established(RECORDED);
    }

    static ZoneEvents.ZoneEstablished established(Instant at) {
        ZoneCommands.EstablishZone body = establish(BOUNDARY);
        return new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY, body.activities(), false,
                body.resolution(), at, CABINET);
    }

    @Test
    @DisplayName("003 art. 6.1: a zone is established from the resolution's name, location, area, boundary and activities")
    void zone_is_established_from_the_resolution() {
        fixture.givenNoPriorActivity()
                .when(byCabinet(establish(BOUNDARY)))
                .expectEvents(established(AT))
                .expectState(zone -> assertThat(zone.isOpen()).isFalse());
    }

    @Test
    @DisplayName("003 art. 6.1 (ADR 0035 item 31): the State Great Khural resolution's date is recorded with the zone; a date after today "
            + "(a resolution not yet adopted) is refused, nothing recorded")
    void the_resolutions_date_is_recorded_and_not_in_the_future() {
        ZoneCommands.EstablishZone body = establish(BOUNDARY);
        LocalDate resolved = LocalDate.of(2002, 6, 27);
        fixture.givenNoPriorActivity()
                .when(byCabinet(new ZoneCommands.EstablishZone(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY, body.activities(),
                        false, body.resolution(), resolved)))
                .expectEvents(new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY, body.activities(), false,
                        body.resolution(), AT, CABINET, resolved));
        fixture.givenNoPriorActivity()
                .when(byCabinet(new ZoneCommands.EstablishZone(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY, body.activities(),
                        false, body.resolution(), LocalDate.of(2026, 11, 21))))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("a resolution not yet adopted is not recorded"))
                .expectNoEvents();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FreeZone.resolutionWasAdopted(LocalDate.of(2026, 11, 21), AT))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(List.of(p.code(), p.field(), p.article()))
                        .containsExactly("freezone.resolution-in-future", "resolutionDate", "003 art. 6.1"));
    }

    @Test
    @DisplayName("003 art. 6.1: a boundary that crosses itself is refused; nothing is recorded")
    void self_crossing_boundary_is_refused() {
        GeoPolygon bowTie = GeoPolygon.of(106.40, 50.30, 106.46, 50.34, 106.46, 50.30, 106.40, 50.34);
        fixture.givenNoPriorActivity()
                .when(byCabinet(establish(bowTie)))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The boundary is a valid GeoJSON polygon.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.4: a zone is opened and then temporarily closed by Government decision")
    void zone_is_opened_and_closed() {
        fixture.given(established())
                .when(byCabinet(new ZoneCommands.OpenZone(ZONE, "Government resolution 2026/101")))
                .expectEvents(new ZoneEvents.ZoneOpened(ZONE, "Government resolution 2026/101", AT, CABINET))
                .expectState(zone -> assertThat(zone.isOpen()).isTrue());
        fixture.given(established(), new ZoneEvents.ZoneOpened(ZONE, "d", AT, CABINET))
                .when(byCabinet(new ZoneCommands.CloseZoneTemporarily(ZONE, "Government resolution 2026/150")))
                .expectEvents(new ZoneEvents.ZoneTemporarilyClosed(ZONE, "Government resolution 2026/150", AT, CABINET))
                .expectState(zone -> assertThat(zone.isOpen()).isFalse());
    }

    @Test
    @DisplayName("003 art. 6.4: closing a zone that is not open is refused")
    void closing_a_closed_zone_is_refused() {
        fixture.given(established())
                .when(byCabinet(new ZoneCommands.CloseZoneTemporarily(ZONE, "Government resolution 2026/150")))
                .expectException(RegistryProblem.class)
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 8.2: a governor is appointed once and dismissal needs an appointment")
    void governor_appointed_once_and_dismissed() {
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordAppointment(ZONE, GOVERNOR, "Ганзориг Батсүх", "Order A/12", AT, CABINET))
                .expectEvents(new ZoneEvents.GovernorAppointed(ZONE, GOVERNOR, "Ганзориг Батсүх", "Order A/12", AT, CABINET));
        fixture.given(established(), new ZoneEvents.GovernorAppointed(ZONE, GOVERNOR, "n", "Order A/12", AT, CABINET))
                .when(new ZoneStreamCommands.RecordAppointment(ZONE, GOVERNOR, "n", "Order A/13", AT, CABINET))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordDismissal(ZONE, GOVERNOR, "Order A/20", AT, CABINET))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.3: the governor's signature over the registry's report of an ended quarter is recorded once")
    void quarterly_report_signed_once() {
        String built = "ab".repeat(32);
        ZoneCommands.SignQuarterlyReport body = new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, built);
        ZoneEvents.QuarterlyReportSigned signed = new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, built, AT, GOVERNOR, null, 2);
        fixture.given(established()).when(new ZoneStreamCommands.RecordReportSigned(body, built, AT, GOVERNOR)).expectEvents(signed);
        fixture.given(established(), signed).when(new ZoneStreamCommands.RecordReportSigned(body, built, AT, GOVERNOR)).expectNoEvents();
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 5, built), built, AT, GOVERNOR))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.3: a report for a quarter that has not ended at the registry's receipt (2099, or the quarter running) is refused")
    void report_for_a_quarter_not_ended_is_refused() {
        String hash = "ab".repeat(32);
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2099, 1, hash), hash, AT, GOVERNOR))
                .expectException(RegistryProblem.class)
                .expectException(problem("freezone.report-quarter-not-ended", "quarter"))
                .expectNoEvents();
        fixture.given(established()) // 2026-11-20 lies in the fourth quarter
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 4, hash), hash, AT, GOVERNOR))
                .expectException(problem("freezone.report-quarter-not-ended", "quarter"))
                .expectNoEvents();
        Instant lastDayOfQ3 = Instant.parse("2026-09-30T15:00:00Z"); // 23:00 in Ulaanbaatar, still the quarter's last day
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, hash), hash, lastDayOfQ3, GOVERNOR))
                .expectException(problem("freezone.report-quarter-not-ended", "quarter"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.3, 6.1 (ADR 0035 item 33, F172): no report is signed for a quarter that ended before the State Great Khural "
            + "resolution establishing the zone (a sealed report of a zone that was not); the quarter of the resolution is reported; a zone "
            + "recorded without the resolution's date keeps the earlier rules")
    void no_report_of_a_quarter_before_the_zones_resolution() {
        String built = "ab".repeat(32);
        ZoneCommands.EstablishZone body = establish(BOUNDARY);
        ZoneEvents.ZoneEstablished dated = new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY,
                body.activities(), false, body.resolution(), RECORDED, CABINET, LocalDate.of(2026, 8, 14));
        fixture.given(dated)
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 2, built), built, AT, GOVERNOR))
                .expectException(problem("freezone.report-before-zone", "quarter"))
                .expectNoEvents();
        fixture.given(dated)
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, built), built, AT, GOVERNOR))
                .expectEvents(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, built, AT, GOVERNOR, null, 2));
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 2, built), built, AT, GOVERNOR))
                .expectEvents(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 2, built, AT, GOVERNOR, null, 2));
    }

    @Test
    @DisplayName("003 art. 12.3 (ADR 0035 item 37, F176, was O102): no report is signed for a quarter that ended before the registry recorded "
            + "the zone (its records hold nothing of the zone then), whether or not the resolution's date is known; the quarter in which the "
            + "zone was recorded is reported")
    void no_report_of_a_quarter_before_the_registry_recorded_the_zone() {
        String built = "ab".repeat(32);
        Instant recorded = Instant.parse("2026-08-14T03:00:00Z"); // 2026 Q3
        ZoneCommands.EstablishZone body = establish(BOUNDARY);
        ZoneEvents.ZoneEstablished dated = new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY,
                body.activities(), false, body.resolution(), recorded, CABINET, LocalDate.of(2002, 6, 27));
        for (ZoneEvents.ZoneEstablished zone : List.of(established(recorded), dated)) {
            fixture.given(zone)
                    .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 2, built), built, AT, GOVERNOR))
                    .expectException(problem("freezone.report-before-zone-recorded", "quarter"))
                    .expectNoEvents();
            fixture.given(zone)
                    .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, built), built, AT, GOVERNOR))
                    .expectEvents(new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, built, AT, GOVERNOR, null, 2));
        }
    }

    @Test
    @DisplayName("003 art. 12.3: the governor signs only the report the registry built: any other hash (all zeros) is refused")
    void report_with_another_hash_is_refused() {
        String built = "ab".repeat(32);
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 3, "0".repeat(64)), built, AT, GOVERNOR))
                .expectException(problem("freezone.report-hash-mismatch", "reportSha256"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 8.2: a second governor cannot be appointed while one serves; after the dismissal the new one is")
    void one_serving_governor_per_zone() {
        PersonId second = new PersonId("governor-2");
        ZoneEvents.GovernorAppointed first = new ZoneEvents.GovernorAppointed(ZONE, GOVERNOR, "n", "Order A/12", AT, CABINET);
        fixture.given(established(), first)
                .when(new ZoneStreamCommands.RecordAppointment(ZONE, second, "m", "Order A/30", AT.plusSeconds(60), CABINET))
                .expectException(problem("freezone.zone-has-governor", "governor"))
                .expectNoEvents();
        fixture.given(established(), first, new ZoneEvents.GovernorDismissed(ZONE, GOVERNOR, "Order A/29", AT.plusSeconds(30), CABINET))
                .when(new ZoneStreamCommands.RecordAppointment(ZONE, second, "m", "Order A/30", AT.plusSeconds(60), CABINET))
                .expectEvents(new ZoneEvents.GovernorAppointed(ZONE, second, "m", "Order A/30", AT.plusSeconds(60), CABINET));
    }

    static ZoneStreamCommands.ReportDue dueOf(int year, int quarter) {
        return ZoneStreamCommands.ReportDue.of(new QuarterlyReportContent.Quarter(year, quarter), WorkingDayCalendar.base());
    }

    static ZoneEvents.QuarterlyReportDue recorded(ZoneStreamCommands.ReportDue due) {
        return new ZoneEvents.QuarterlyReportDue(ZONE, due.year(), due.quarter(), due.quarterEnds(), due.dueOn(), due.dueAt(), due.workingDays(),
                due.calendarVersion(), "003 art. 12.3");
    }

    @Test
    @DisplayName("003 art. 12.3: a quarter's report is due 15 working days after the quarter's last day, recorded once")
    void report_due_fifteen_working_days_after_the_quarter() {
        ZoneStreamCommands.ReportDue q4 = dueOf(2026, 4);
        assertThat(q4.quarterEnds()).isEqualTo(LocalDate.of(2026, 12, 31));
        // 1 January is a holiday, then 15 working days of January 2027 (weekends skipped)
        assertThat(WorkingDayCalendar.base().workingDaysBetween(q4.quarterEnds(), q4.dueOn())).isEqualTo(15);
        assertThat(q4.dueOn()).isAfter(LocalDate.of(2027, 1, 21));
        fixture.given(established())
                .when(new ZoneStreamCommands.ScheduleQuarterlyReport(ZONE, q4))
                .expectEvents(recorded(q4));
        fixture.given(established(), recorded(q4))
                .when(new ZoneStreamCommands.ScheduleQuarterlyReport(ZONE, q4))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.3: a report not signed by its due date is escalated once, and the next quarter gets its due date")
    void overdue_report_is_escalated_once() {
        ZoneStreamCommands.ReportDue q3 = dueOf(2026, 3);
        ZoneStreamCommands.ReportDue q4 = dueOf(2026, 4);
        Instant late = q3.dueAt().plusSeconds(60);
        ZoneEvents.QuarterlyReportOverdue overdue = new ZoneEvents.QuarterlyReportOverdue(ZONE, 2026, 3, q3.dueOn(), late, "003 art. 12.3");
        fixture.given(established(), recorded(q3))
                .when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, late, q3, q4))
                .expectEvents(overdue, recorded(q4));
        fixture.given(established(), recorded(q3), overdue, recorded(q4))
                .when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, late.plusSeconds(3600), q3, q4))
                .expectNoEvents();
        fixture.given(established(), recorded(q3)) // fired early (e.g. a clock moved back): nothing yet
                .when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, q3.dueAt().minusSeconds(60), q3, q4))
                .expectEvents(recorded(q4));
        fixture.given(established(), recorded(q3), new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 3, "ab".repeat(32), AT, GOVERNOR))
                .when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, late, q3, q4))
                .expectEvents(recorded(q4));
        fixture.given(established(), recorded(q3)) // the calendar had no data for the next quarter: the escalation is not held up
                .when(new ZoneStreamCommands.EscalateOverdueReport(ZONE, 2026, 3, late, q3, null))
                .expectEvents(overdue);
    }

    static org.hamcrest.Matcher<Throwable> problem(String code, String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable t) {
                return t instanceof RegistryProblem p && code.equals(p.code()) && field.equals(p.field());
            }

            @Override
            public void describeTo(org.hamcrest.Description d) {
                d.appendText("RegistryProblem " + code + " on " + field);
            }
        };
    }

    @Test
    @DisplayName("003 art. 6.4: opening a zone that is open already is refused (a second decision would move the date it opened)")
    void opening_an_open_zone_is_refused() {
        fixture.given(established(), new ZoneEvents.ZoneOpened(ZONE, "Government resolution 2026/101", AT, CABINET))
                .when(byCabinet(new ZoneCommands.OpenZone(ZONE, "Government resolution 2026/190")))
                .expectException(RegistryProblem.class).expectExceptionMessage("Zone " + ZONE + " is open already.")
                .expectNoEvents();
    }
}
