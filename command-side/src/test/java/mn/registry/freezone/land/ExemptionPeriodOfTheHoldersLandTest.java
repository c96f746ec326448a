package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.identity.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;

/** Session 18, Free Zone round 10 (s18-freezone2; docs/abuse-audit.md F171; ADR 0035 item 32). */
class ExemptionPeriodOfTheHoldersLandTest {

    private AggregateTestFixture<ZoneLand> fixture;

    @BeforeEach
    void fixture() {
        fixture = ZoneLandTest.fixture(new ZoneLandTest.Services());
    }

    private static LandCommands.GrantLandFeeExemption exemption(LocalDate decidedOn, int years) {
        return new LandCommands.GrantLandFeeExemption(ZONE, HOLDER, null, 100, decidedOn, years, "Government resolution 2020/5", decidedOn,
                "c3".repeat(32));
    }

    @Test
    @DisplayName("003 art. 23.3-23.4 (ADR 0035 item 32, F171): an exemption by name whose whole period ends before the holder's land rights "
            + "begin exempts from no fee and is refused; one whose period reaches the rights' first day is recorded")
    void an_exemption_by_name_overlaps_the_holders_land_rights() {
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        // 2020-01-01 to 2024-12-31, the rights from 2027-01-01
        fixture.given(land).when(signed(exemption(LocalDate.of(2020, 1, 1), 5), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-holder-without-land", "holder", "003 art. 23.3")).expectNoEvents();
        // 2021-12-31 to 2026-12-30: ends the day before the rights begin
        fixture.given(land).when(signed(exemption(LocalDate.of(2021, 12, 31), 5), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-holder-without-land", "holder", "003 art. 23.3")).expectNoEvents();
        // decided on the rights' grant (F173: not before the holder's agreement), 2026-12-01 to 2027-11-30: reaches the rights' first day
        fixture.given(land).when(signed(exemption(LocalDate.of(2026, 12, 1), 1), CABINET, AT, Role.CABINET_MEMBER))
                .expectSuccessfulHandlerExecution();
    }
}
