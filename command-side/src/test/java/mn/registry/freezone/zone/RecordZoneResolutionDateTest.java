package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.zone.FreeZoneTest.AT;
import static mn.registry.freezone.zone.FreeZoneTest.BOUNDARY;
import static mn.registry.freezone.zone.FreeZoneTest.CABINET;
import static mn.registry.freezone.zone.FreeZoneTest.GOVERNOR;
import static mn.registry.freezone.zone.FreeZoneTest.ZONE;
import static mn.registry.freezone.zone.FreeZoneTest.byCabinet;
import static mn.registry.freezone.zone.FreeZoneTest.establish;
import static mn.registry.freezone.zone.FreeZoneTest.established;
import static mn.registry.freezone.zone.FreeZoneTest.problem;

/** Session 19, Free Zone round 11 (s19-freezone; docs/abuse-audit.md F175, was O103; ADR 0035 item 36). */
class RecordZoneResolutionDateTest {

    /** The zone recorded here on 2026-11-20 (AT), without its resolution's date, as every zone before ADR 0035 item 31. */
    static final Instant RECORDED = AT;

    /** The acts of the zone's other streams, as a test sets them. */
    static final class Acts implements DatedActsOfTheZone {
        LocalDate exemption;
        LocalDate baseValue;
        LocalDate agreement;

        @Override
        public LocalDate earliestExemptionDecision(ZoneId zone) {
            return exemption;
        }

        @Override
        public LocalDate earliestBaseValueDecision(ZoneId zone) {
            return baseValue;
        }

        @Override
        public LocalDate earliestAgreement(ZoneId zone) {
            return agreement;
        }
    }

    private final Acts acts = new Acts();
    private AggregateTestFixture<FreeZone> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(FreeZone.class);
        fixture.registerCommandTargetResolver(new mn.registry.freezone.governor.StreamTarget(ZoneCommandTypes::streamOf));
        fixture.registerInjectableResource(acts);
    }

    private static Object record(LocalDate date) {
        return byCabinet(new ZoneCommands.RecordZoneResolutionDate(ZONE, date));
    }

    private static ZoneEvents.ZoneResolutionDateRecorded recorded(LocalDate date) {
        return new ZoneEvents.ZoneResolutionDateRecorded(ZONE, date, AT, CABINET);
    }

    @Test
    @DisplayName("003 art. 6.1 (ADR 0035 item 36, F175, was O103): the Cabinet member records an undated zone's resolution date once; a "
            + "second date, or a date for a zone established with one, is refused; so are a missing date, one after today and one after the "
            + "day the registry recorded the zone; nothing recorded")
    void an_undated_zones_resolution_date_is_recorded_once() {
        LocalDate resolved = LocalDate.of(2002, 6, 27);
        fixture.given(established(RECORDED)).when(record(resolved)).expectEvents(recorded(resolved));
        fixture.given(established(RECORDED), recorded(resolved)).when(record(resolved.plusDays(1)))
                .expectException(problem("freezone.resolution-date-recorded-already", "resolutionDate")).expectNoEvents();
        ZoneCommands.EstablishZone body = establish(BOUNDARY);
        fixture.given(new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY, body.activities(), false,
                        body.resolution(), RECORDED, CABINET, resolved)).when(record(resolved))
                .expectException(problem("freezone.resolution-date-recorded-already", "resolutionDate")).expectNoEvents();
        fixture.given(established(RECORDED)).when(record(null))
                .expectException(problem("freezone.field-missing", "resolutionDate")).expectNoEvents();
        fixture.given(established(RECORDED)).when(record(LocalDate.of(2026, 11, 21)))
                .expectException(problem("freezone.resolution-in-future", "resolutionDate")).expectNoEvents();
        fixture.given(established(Instant.parse("2026-03-02T03:00:00Z"))).when(record(LocalDate.of(2026, 3, 3)))
                .expectException(problem("freezone.resolution-after-zone-recorded", "resolutionDate")).expectNoEvents();
        fixture.given(established(Instant.parse("2026-03-02T03:00:00Z"))).when(record(LocalDate.of(2026, 3, 2)))
                .expectEvents(recorded(LocalDate.of(2026, 3, 2)));
    }

    @Test
    @DisplayName("ADR 0035 item 36 (F175): a date after an act the zone accepted, which the date would have refused (a report of a quarter "
            + "that ended before it, F172; an exemption decided before it, F170; an agreement signed before it, F174), is refused naming what it "
            + "contradicts; the day of that act is recorded")
    void a_date_contradicting_an_accepted_act_is_refused() {
        // a report of 2026 Q2 signed before F176 refused quarters the registry does not hold
        ZoneEvents.QuarterlyReportSigned q2 = new ZoneEvents.QuarterlyReportSigned(ZONE, 2026, 2, "ab".repeat(32), AT, GOVERNOR);
        fixture.given(established(RECORDED), q2).when(record(LocalDate.of(2026, 7, 1)))
                .expectException(problem("freezone.resolution-after-a-report", "resolutionDate")).expectNoEvents();
        fixture.given(established(RECORDED), q2).when(record(LocalDate.of(2026, 6, 30))).expectEvents(recorded(LocalDate.of(2026, 6, 30)));

        acts.exemption = LocalDate.of(2026, 3, 1);
        fixture.given(established(RECORDED)).when(record(LocalDate.of(2026, 3, 2)))
                .expectException(problem("freezone.resolution-after-an-exemption", "resolutionDate")).expectNoEvents();
        fixture.given(established(RECORDED)).when(record(LocalDate.of(2026, 3, 1))).expectEvents(recorded(LocalDate.of(2026, 3, 1)));

        acts.exemption = null;
        acts.agreement = LocalDate.of(2025, 10, 15);
        fixture.given(established(RECORDED)).when(record(LocalDate.of(2025, 10, 16)))
                .expectException(problem("freezone.resolution-after-an-agreement", "resolutionDate")).expectNoEvents();
        fixture.given(established(RECORDED)).when(record(LocalDate.of(2025, 10, 15))).expectEvents(recorded(LocalDate.of(2025, 10, 15)));
    }

    @Test
    @DisplayName("003 art. 6.1, 22.3 (ADR 0035 item 114, F536, was O382): a resolution's date recorded late after the Government decision of a "
            + "basic value of land the zone accepted is refused (409 freezone.resolution-after-a-base-value), as after an exemption's; the "
            + "decision's day is recorded")
    void a_date_after_a_base_values_decision_is_refused() {
        acts.baseValue = LocalDate.of(2026, 4, 1);
        fixture.given(established(RECORDED)).when(record(LocalDate.of(2026, 4, 2)))
                .expectException(problem("freezone.resolution-after-a-base-value", "resolutionDate")).expectNoEvents();
        fixture.given(established(RECORDED)).when(record(LocalDate.of(2026, 4, 1))).expectEvents(recorded(LocalDate.of(2026, 4, 1)));
    }

    @Test
    @DisplayName("003 art. 6.1 (ADR 0035 item 41, F235, was O132): a zone established on its resolution's document is dated from that document: "
            + "another file is refused, nothing recorded; the date recorded names the document; a zone established without one (before the "
            + "rule) takes the document its date is read from; an establishment names its document")
    void the_date_is_read_from_the_zones_own_resolution() {
        String own = "a".repeat(64);
        String other = "b".repeat(64);
        ZoneCommands.EstablishZone body = establish(BOUNDARY);
        ZoneEvents.ZoneEstablished withItsDocument = new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY,
                body.activities(), false, body.resolution(), RECORDED, CABINET, null, own);
        LocalDate resolved = LocalDate.of(2002, 6, 27);
        fixture.given(withItsDocument).when(byCabinet(new ZoneCommands.RecordZoneResolutionDate(ZONE, resolved, other)))
                .expectException(problem("freezone.resolution-document-differs", "resolutionSha256")).expectNoEvents();
        fixture.given(withItsDocument).when(byCabinet(new ZoneCommands.RecordZoneResolutionDate(ZONE, resolved, own)))
                .expectEvents(new ZoneEvents.ZoneResolutionDateRecorded(ZONE, resolved, AT, CABINET, own));
        fixture.given(established(RECORDED)).when(byCabinet(new ZoneCommands.RecordZoneResolutionDate(ZONE, resolved, other)))
                .expectEvents(new ZoneEvents.ZoneResolutionDateRecorded(ZONE, resolved, AT, CABINET, other));
        fixture.givenNoPriorActivity().when(byCabinet(new ZoneCommands.EstablishZone(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY,
                        body.activities(), false, body.resolution(), resolved, own)))
                .expectEvents(new ZoneEvents.ZoneEstablished(ZONE, body.name(), body.location(), body.areaHectares(), BOUNDARY, body.activities(), false,
                        body.resolution(), AT, CABINET, resolved, own));
    }

    @Test
    @DisplayName("ADR 0035 item 36 (F175): once recorded, the date holds the zone's reports as if recorded with the zone (F172)")
    void the_recorded_date_holds_the_zones_reports() {
        String built = "ab".repeat(32);
        fixture.given(established(Instant.parse("2026-01-05T03:00:00Z")), new ZoneEvents.ZoneResolutionDateRecorded(ZONE, LocalDate.of(2026, 1, 5),
                        AT, CABINET))
                .when(new ZoneStreamCommands.RecordReportSigned(new ZoneCommands.SignQuarterlyReport(ZONE, 2025, 4, built), built, AT, GOVERNOR))
                .expectException(problem("freezone.report-before-zone", "quarter")).expectNoEvents();
    }
}
