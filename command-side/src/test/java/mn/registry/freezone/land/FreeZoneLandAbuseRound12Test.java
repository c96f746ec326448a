package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandCommands;
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
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;

/** Session 22, Free Zone round 16 (helper "freezone"; docs/abuse-audit.md F275; ADR 0035 item 66). */
class FreeZoneLandAbuseRound12Test extends ZoneLandAbuseFixture {

    private static LandCommands.GrantLandFeeExemption exemption() {
        LocalDate decidedOn = LocalDate.of(2026, 12, 1); // on the rights' grant (F173), its period reaching them (F171)
        return new LandCommands.GrantLandFeeExemption(ZONE, HOLDER, null, 100, decidedOn, 5, "Government resolution 2026/901", decidedOn,
                "c5".repeat(32));
    }

    @Test
    @DisplayName("003 art. 12.5, 22.6, 23.3 (ADR 0035 item 66, F275): an exemption by name for a holder whose ground of 12.5 is raised (the "
            + "year to start or the 12 months ran out, or a court dissolved it), not yet removed, is refused, nothing stored: its land rights "
            + "end in those circumstances, as no land is granted or certified to it (F91, F162); with no ground raised, recorded")
    void no_exemption_for_a_holder_whose_ground_for_losing_land_is_raised() {
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        services.standing = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, true);
        fixture.given(land).when(signed(exemption(), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.holder-ground-raised", "holder", "003 art. 12.5, 22.6")).expectNoEvents();
        services.standing = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, false);
        fixture.given(land).when(signed(exemption(), CABINET, AT, Role.CABINET_MEMBER)).expectSuccessfulHandlerExecution();
    }
}
