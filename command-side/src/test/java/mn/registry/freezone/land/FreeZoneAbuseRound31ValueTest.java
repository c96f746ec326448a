package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.receiptDocument;

/**
 * Session 30, the land's value completed (s30-freezone31; docs/abuse-audit.md F536-F537, was O382; ADR 0035 items 114-115): the Government's
 * basic value of land (003 art. 22.3) on a decision dated before the zone's resolution, after the registry's receipt, and a second value on
 * the decision already recorded.
 */
class FreeZoneAbuseRound31ValueTest extends ZoneLandAbuseFixture {

    static final LocalDate RESOLVED = LocalDate.of(2026, 6, 12);
    static final String DECISION = receiptDocument("Government decision 2026/140");
    static final String NEXT = receiptDocument("Government decision 2026/141");

    private static LandCommands.RecordLandBaseValue value(ZoneId zone, long perHectare, String reference, LocalDate decidedOn, String sha256) {
        return new LandCommands.RecordLandBaseValue(zone, Money.mnt(perHectare), reference, decidedOn, sha256);
    }

    private static LandEvents.LandBaseValueRecorded recorded(ZoneId zone, int number, long perHectare, String reference, LocalDate decidedOn,
                                                             String sha256, Instant at) {
        return new LandEvents.LandBaseValueRecorded(zone, number, Money.mnt(perHectare), reference, decidedOn, sha256, "003 art. 22.3", at, CABINET);
    }

    @Test
    @DisplayName("003 art. 22.3, 6.1 (ADR 0035 item 114, F536, was O382): a basic value of land on a Government decision dated before the State "
            + "Great Khural resolution establishing the zone is refused (409 freezone.decision-before-zone, nothing stored), as an exemption's "
            + "decision is; one dated on the resolution's day is recorded; a zone recorded without its resolution's date keeps the earlier rules")
    void a_base_value_is_not_older_than_the_zones_resolution() {
        services.resolutionDate = RESOLVED;
        fixture.givenNoPriorActivity().when(signed(value(ZONE, 1_500_000, "Government decision 2015/3", LocalDate.of(2015, 3, 1), DECISION), CABINET,
                        AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.decision-before-zone", "decidedOn", "003 art. 22.3, 6.1")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(value(ZONE, 1_500_000, "Government decision 2026/140", RESOLVED.minusDays(1), DECISION), CABINET,
                        AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.decision-before-zone", "decidedOn", "003 art. 22.3, 6.1")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(value(ZONE, 1_500_000, "Government decision 2026/140", RESOLVED, DECISION), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectEvents(recorded(ZONE, 1, 1_500_000, "Government decision 2026/140", RESOLVED, DECISION, AT));

        // the same rule as the exemptions' (one method), each under its own code
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ZoneLand.exemptionIsNotOlderThanTheZone(RESOLVED.minusDays(1), RESOLVED))
                .hasFieldOrPropertyWithValue("code", "freezone.exemption-before-zone");

        services.resolutionDate = null;
        fixture.givenNoPriorActivity().when(signed(value(ZONE, 1_500_000, "Government decision 2015/3", LocalDate.of(2015, 3, 1), DECISION), CABINET,
                        AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(ZONE, 1, 1_500_000, "Government decision 2015/3", LocalDate.of(2015, 3, 1), DECISION, AT));
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 108): a basic value on a Government decision dated after the registry's receipt (in Ulaanbaatar's "
            + "calendar) is refused (400 freezone.decision-in-future, nothing stored), never judged at a date the signer claims")
    void a_decision_after_the_receipt_is_refused() {
        services.resolutionDate = RESOLVED;
        LocalDate receivedOn = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(AT);
        fixture.givenNoPriorActivity().when(signed(value(ZONE, 1_500_000, "Government decision 2026/140", receivedOn.plusDays(1), DECISION), CABINET,
                        AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.decision-in-future", "decidedOn", "003 art. 22.3")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(value(ZONE, 1_500_000, "Government decision 2026/140", receivedOn, DECISION), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectEvents(recorded(ZONE, 1, 1_500_000, "Government decision 2026/140", receivedOn, DECISION, AT));
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 115, F537): one Government decision sets the zone's basic value once: a second value on the "
            + "decision's document already recorded in the zone (lower, or the same) is refused (409 freezone.land-base-value-decision-used, "
            + "nothing stored); the next decision's value is recorded")
    void one_decision_sets_the_zones_base_value_once() {
        services.resolutionDate = RESOLVED;
        LocalDate decidedOn = LocalDate.of(2026, 11, 1);
        LandEvents.LandBaseValueRecorded first = recorded(ZONE, 1, 1_500_000, "Government decision 2026/140", decidedOn, DECISION, AT.minusSeconds(86_400));
        fixture.given(first).when(signed(value(ZONE, 1_000, "Government decision 2026/140", decidedOn, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-decision-used", "decisionSha256", "003 art. 22.3")).expectNoEvents();
        fixture.given(first).when(signed(value(ZONE, 1_500_000, "Government decision 2026/140 (again)", decidedOn, DECISION), CABINET, AT,
                        Role.CABINET_MEMBER))
                .expectException(problem("freezone.land-base-value-decision-used", "decisionSha256", "003 art. 22.3")).expectNoEvents();
        fixture.given(first).when(signed(value(ZONE, 2_000_000, "Government decision 2026/141", decidedOn, NEXT), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(ZONE, 2, 2_000_000, "Government decision 2026/141", decidedOn, NEXT, AT));

        // another zone's register is another stream (ZoneLand per zone): the rule reads this zone's values only, and the decision's claim is
        // shared by the Government's acts (kind land-fee-exemption-decision, Acts.many), so one decision may set several zones' values
    }

    @Test
    @DisplayName("003 art. 22.3 (ADR 0035 item 116, F538, was O384): the basic value's public record is the Government decision's value, its "
            + "reference, date and document and the receipt it is in force from; the Cabinet member's person id in it is published as on the "
            + "zone's establishment (ZoneEstablished.recordedBy) and on every record it signs (actingOfficial, ADR 0015 item 4), the page names the title")
    void the_base_values_public_record_is_the_decision() {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();
        com.fasterxml.jackson.databind.JsonNode event = mapper.valueToTree(recorded(ZONE, 1, 1_500_000, "Government decision 2026/140",
                RESOLVED, DECISION, AT));
        com.fasterxml.jackson.databind.JsonNode published = mn.registry.kernel.freezone.FreeZonePublicRecords.mappers()
                .get(LandEvents.LandBaseValueRecorded.class.getName()).apply(event).orElseThrow();
        org.assertj.core.api.Assertions.assertThat(published.path("perHectare").path("amount").decimalValue()).isEqualByComparingTo("1500000");
        org.assertj.core.api.Assertions.assertThat(published.path("decision").asText()).isEqualTo("Government decision 2026/140");
        org.assertj.core.api.Assertions.assertThat(published.path("decidedOn")).isEqualTo(event.path("decidedOn"));
        org.assertj.core.api.Assertions.assertThat(published.path("decisionSha256").asText()).isEqualTo(DECISION);
        org.assertj.core.api.Assertions.assertThat(published.path("recordedAt").isMissingNode()).isFalse();
        org.assertj.core.api.Assertions.assertThat(published).isEqualTo(event); // whole, as the zone's establishment by the same Cabinet member
    }
}
