package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.Activity;
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
    }

    static ZoneCommands.EstablishZone establish(GeoPolygon boundary) {
        return new ZoneCommands.EstablishZone(ZONE, "Altanbulag Free Zone", "Altanbulag soum, Selenge aimag", new BigDecimal("500"), boundary,
                List.of(Activity.TRADE, Activity.PRODUCTION), false, "State Great Khural resolution 2002/15");
    }

    static ZoneEvents.ZoneEstablished established() {
        ZoneCommands.EstablishZone body = establish(BOUNDARY);
        return new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY, body.activities(), false,
                body.resolution(), AT, CABINET);
    }

    @Test
    @DisplayName("003 art. 6.1: a zone is established from the resolution's name, location, area, boundary and activities")
    void zone_is_established_from_the_resolution() {
        fixture.givenNoPriorActivity()
                .when(new ZoneStreamCommands.Establish(establish(BOUNDARY), AT, CABINET))
                .expectEvents(established())
                .expectState(zone -> assertThat(zone.isOpen()).isFalse());
    }

    @Test
    @DisplayName("003 art. 6.1: a boundary that crosses itself is refused; nothing is recorded")
    void self_crossing_boundary_is_refused() {
        GeoPolygon bowTie = GeoPolygon.of(106.40, 50.30, 106.46, 50.34, 106.46, 50.30, 106.40, 50.34);
        fixture.givenNoPriorActivity()
                .when(new ZoneStreamCommands.Establish(establish(bowTie), AT, CABINET))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The boundary is a valid GeoJSON polygon.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.4: a zone is opened and then temporarily closed by Government decision")
    void zone_is_opened_and_closed() {
        fixture.given(established())
                .when(new ZoneStreamCommands.Open(ZONE.stream(), ZONE, "Government resolution 2026/101", AT, CABINET))
                .expectEvents(new ZoneEvents.ZoneOpened(ZONE, "Government resolution 2026/101", AT, CABINET))
                .expectState(zone -> assertThat(zone.isOpen()).isTrue());
        fixture.given(established(), new ZoneEvents.ZoneOpened(ZONE, "d", AT, CABINET))
                .when(new ZoneStreamCommands.Close(ZONE.stream(), ZONE, "Government resolution 2026/150", AT, CABINET))
                .expectEvents(new ZoneEvents.ZoneTemporarilyClosed(ZONE, "Government resolution 2026/150", AT, CABINET))
                .expectState(zone -> assertThat(zone.isOpen()).isFalse());
    }

    @Test
    @DisplayName("003 art. 6.4: closing a zone that is not open is refused")
    void closing_a_closed_zone_is_refused() {
        fixture.given(established())
                .when(new ZoneStreamCommands.Close(ZONE.stream(), ZONE, "Government resolution 2026/150", AT, CABINET))
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
    @DisplayName("003 art. 12.3: the governor's signature of a quarter's report is recorded once")
    void quarterly_report_signed_once() {
        ZoneCommands.SignQuarterlyReport body = new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 4, "ab".repeat(32));
        ZoneEvents.QuarterlyReportSigned signed = new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 4, "ab".repeat(32), AT, GOVERNOR);
        fixture.given(established()).when(new ZoneStreamCommands.RecordReportSigned(body, AT, GOVERNOR)).expectEvents(signed);
        fixture.given(established(), signed).when(new ZoneStreamCommands.RecordReportSigned(body, AT, GOVERNOR)).expectNoEvents();
        fixture.given(established())
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2026, 5, "ab".repeat(32)), AT, GOVERNOR))
                .expectException(RegistryProblem.class).expectNoEvents();
    }
}
