package mn.registry.freezone.land;

import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.identity.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;

/** Session 18, Free Zone round 10 (s18-freezone2; docs/abuse-audit.md F170, was O101; ADR 0035 item 31). */
class ExemptionBeforeTheZoneTest extends ZoneLandAbuseFixture {

    static final String DECISION = "d1".repeat(32);
    static final LocalDate RESOLVED = LocalDate.of(2026, 6, 12);

    private static LandCommands.GrantLandFeeExemption exemption(LocalDate decidedOn, LocalDate from) {
        return new LandCommands.GrantLandFeeExemption(ZONE, null, Activity.TRADE, 100, from, 5, "Government resolution 2015/3", decidedOn, DECISION);
    }

    private static LandEvents.LandFeeExemptionGranted recorded(LocalDate decidedOn, LocalDate from) {
        return new LandEvents.LandFeeExemptionGranted(ZONE, 1, null, Activity.TRADE, 100, from, from.plusYears(5).minusDays(1),
                "Government resolution 2015/3", decidedOn, DECISION, "003 art. 23.3-23.4", AT, CABINET);
    }

    @Test
    @DisplayName("003 art. 23.4, 6.1 (ADR 0035 item 31, F170, was O101): a Government exemption decided before the State Great Khural "
            + "resolution establishing the zone is refused, its years reaching back over a zone not yet established; one decided on the "
            + "resolution's day or after is recorded")
    void an_exemption_is_not_older_than_the_zones_resolution() {
        services.resolutionDate = RESOLVED;
        fixture.givenNoPriorActivity().when(signed(exemption(LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 1)), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-before-zone", "decidedOn", "003 art. 23.4, 6.1")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(exemption(RESOLVED.minusDays(1), RESOLVED.plusDays(5)), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-before-zone", "decidedOn", "003 art. 23.4, 6.1")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(exemption(RESOLVED, RESOLVED), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(RESOLVED, RESOLVED));
    }

    @Test
    @DisplayName("ADR 0035 item 31: a zone recorded without its resolution's date (before this release) keeps the earlier rules: an old "
            + "decision is recorded")
    void a_zone_without_its_resolutions_date_keeps_the_earlier_rules() {
        services.resolutionDate = null;
        fixture.givenNoPriorActivity().when(signed(exemption(LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 1)), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 1)));
    }
}
