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
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.OTHER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;

/** Session 18's abuse audit of a zone's land register (docs/abuse-audit.md F168 on; ADR 0035 items 28 on). */
class FreeZoneLandAbuseRound10Test extends ZoneLandAbuseFixture {

    /** The day the tests' rights are granted (AT): a decision by name is not older than the holder's agreement (F173). */
    static final LocalDate DECIDED = LocalDate.of(2026, 12, 1);
    static final String DECISION = "ef".repeat(32);
    static final mn.registry.kernel.freezone.GeoPolygon PARCEL_B = mn.registry.kernel.freezone.GeoPolygon.of(106.43, 50.31, 106.44, 50.31, 106.44,
            50.32, 106.43, 50.32);

    private static LandCommands.GrantLandFeeExemption exemption(mn.registry.kernel.freezone.RegistrationId holder, Activity activity, int percent,
                                                                LocalDate from, int years, String decisionSha256) {
        return new LandCommands.GrantLandFeeExemption(ZONE, holder, activity, percent, from, years, "Government resolution 2026/412", DECIDED, decisionSha256);
    }

    private static LandEvents.LandFeeExemptionGranted recorded(int number, mn.registry.kernel.freezone.RegistrationId holder, Activity activity,
                                                              int percent, LocalDate from, int years, String decisionSha256) {
        return new LandEvents.LandFeeExemptionGranted(ZONE, number, holder, activity, percent, from, from.plusYears(years).minusDays(1),
                "Government resolution 2026/412", DECIDED, decisionSha256, "003 art. 23.3-23.4", AT, CABINET);
    }

    @Test
    @DisplayName("003 art. 23.4 (choice, ADR 0035 item 28, F168, was O100): one Government decision exempts several holders and activities, "
            + "and one by stages, but never one beneficiary twice on a day: the same decision recorded again for days it already exempts is refused")
    void one_decision_exempts_a_beneficiary_once_a_day() {
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL),
                applied(2, OTHER, PARCEL_B, FROM, UNTIL), granted(2, 2, OTHER, PARCEL_B, FROM, UNTIL),
                recorded(1, HOLDER, null, 100, FROM, 5, DECISION), recorded(2, null, Activity.PRODUCTION, 50, FROM, 3, DECISION)};
        // the same holder again, over a day the decision exempts already (its last day), at another percentage
        fixture.given(given).when(signed(exemption(HOLDER, null, 50, FROM.plusYears(5).minusDays(1), 3, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-recorded-already", "decisionSha256", "003 art. 23.4")).expectNoEvents();
        fixture.given(given).when(signed(exemption(null, Activity.PRODUCTION, 50, DECIDED, 10, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-recorded-already", "decisionSha256", "003 art. 23.4")).expectNoEvents();
        // the next stage of the holder's exemption, another holder, another activity: the same decision grounds each once
        fixture.given(given).when(signed(exemption(HOLDER, null, 50, FROM.plusYears(5), 3, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(3, HOLDER, null, 50, FROM.plusYears(5), 3, DECISION));
        fixture.given(given).when(signed(exemption(OTHER, null, 100, FROM, 5, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(3, OTHER, null, 100, FROM, 5, DECISION));
        fixture.given(given).when(signed(exemption(null, Activity.TRADE, 100, FROM, 5, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(3, null, Activity.TRADE, 100, FROM, 5, DECISION));
        // another decision of the Government for the same holder and days is its own act (a later decision may change the first)
        fixture.given(given).when(signed(exemption(HOLDER, null, 50, FROM, 3, "fe".repeat(32)), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(3, HOLDER, null, 50, FROM, 3, "fe".repeat(32)));
    }

    @Test
    @DisplayName("003 art. 6.1, 23.4 (ADR 0035 item 30, F169): an exemption for an activity the zone's resolution does not allow exempts no one "
            + "and is refused; one for an activity it allows is recorded")
    void an_exemption_is_for_an_activity_the_zone_allows() {
        services.activities = java.util.EnumSet.of(Activity.TRADE, Activity.PRODUCTION, Activity.INFRASTRUCTURE); // as Zamyn-Uud's resolution
        fixture.givenNoPriorActivity().when(signed(exemption(null, Activity.HOTEL, 100, DECIDED, 5, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-activity-not-allowed", "activity", "003 art. 6.1, 23.4")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(exemption(null, Activity.TRADE, 100, DECIDED, 5, DECISION), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(recorded(1, null, Activity.TRADE, 100, DECIDED, 5, DECISION));
    }
}
