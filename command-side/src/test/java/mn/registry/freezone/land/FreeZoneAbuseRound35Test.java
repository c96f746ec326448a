package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.governor;

/**
 * Session 31, the Free Zone's red team (docs/abuse-audit.md F571; ADR 0035 item 138), the land register's part (the zone registration's is
 * {@code mn.registry.freezone.entity.FreeZoneAbuseRound35RegistrationTest}): a careless governor writes a person's civil registration number,
 * phone or e-mail into the reasons of a land refusal, withheld from the public but kept in clear in the land register's event.
 */
class FreeZoneAbuseRound35Test extends ZoneLandAbuseFixture {

    static final String CODE = "privacy.personal-details-in-land-refusal-reasons";
    static final String ARTICLE = "003 art. 22.2; 002 art. 15.3, 30.1";

    @Test
    @DisplayName("003 art. 22.2; 002 art. 15.3, 30.1 (ADR 0035 item 138; F571): abuse: a land refusal's reasons holding a person's e-mail, "
            + "phone or civil registration number, in one item or split across two, are refused 400 on reasons[i] or reasons, no event; "
            + "reasons without them are recorded")
    void a_land_refusals_reasons_hold_no_persons_details() {
        LandEvents.LandUseApplied pending = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        fixture.given(pending).when(governor(new LandCommands.RefuseLandUse(ZONE, A1, List.of("The owner bat.erdene@gmail.com did not answer"))))
                .expectException(problem(CODE, "reasons[0]", ARTICLE)).expectNoEvents();
        fixture.given(pending).when(governor(new LandCommands.RefuseLandUse(ZONE, A1, List.of("Reserved", "the neighbour УБ90010112 objects"))))
                .expectException(problem(CODE, "reasons[1]", ARTICLE)).expectNoEvents();
        fixture.given(pending).when(governor(new LandCommands.RefuseLandUse(ZONE, A1, List.of("Call the office on 9911", "2233"))))
                .expectException(problem(CODE, "reasons", ARTICLE)).expectNoEvents();
        fixture.given(pending).when(governor(new LandCommands.RefuseLandUse(ZONE, A1, List.of("The parcel is reserved for the rail terminal"))))
                .expectEvents(new LandEvents.LandUseRefused(ZONE, A1, HOLDER, List.of("The parcel is reserved for the rail terminal"), "003 art. 22.2",
                        AT, GOVERNOR));
    }
}
