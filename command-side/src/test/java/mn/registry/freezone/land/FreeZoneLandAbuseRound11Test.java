package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.identity.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
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

/** Session 19, Free Zone round 11 (s19-freezone; docs/abuse-audit.md F173, was O104; ADR 0035 item 34). */
class FreeZoneLandAbuseRound11Test extends ZoneLandAbuseFixture {

    /** The day {@link ZoneLandTest#AT} falls on in Ulaanbaatar: the rights' grant, the holder's land use agreement concluded. */
    static final LocalDate CONCLUDED = LocalDate.of(2026, 12, 1);

    private static LandCommands.GrantLandFeeExemption exemption(LocalDate decidedOn, LocalDate from) {
        return new LandCommands.GrantLandFeeExemption(ZONE, HOLDER, null, 50, from, 3, "Government resolution 2026/77", decidedOn, "c4".repeat(32));
    }

    @Test
    @DisplayName("003 art. 23.3 (ADR 0035 item 34, F173, was O104): an exemption by name decided before the holder concluded any land use "
            + "agreement in the zone (its first rights granted) is refused, even for a period inside the rights; one decided on the day of the "
            + "grant is recorded, though the period of use begins later")
    void an_exemption_by_name_considers_an_agreement_already_concluded() {
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        // decided the day before the grant, exempting from the rights' first day: F171 is satisfied, the agreement was not yet concluded
        fixture.given(land).when(signed(exemption(CONCLUDED.minusDays(1), FROM), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-before-land-agreement", "decidedOn", "003 art. 23.3")).expectNoEvents();
        // decided years back
        fixture.given(land).when(signed(exemption(LocalDate.of(2019, 3, 1), FROM), CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-before-land-agreement", "decidedOn", "003 art. 23.3")).expectNoEvents();
        // decided on the grant's day, before the period of use begins (2027-01-01): the agreement is concluded
        fixture.given(land).when(signed(exemption(CONCLUDED, FROM), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandFeeExemptionGranted(ZONE, 1, HOLDER, null, 50, FROM, FROM.plusYears(3).minusDays(1),
                        "Government resolution 2026/77", CONCLUDED, "c4".repeat(32), "003 art. 23.3-23.4", AT, CABINET));
    }

    @Test
    @DisplayName("003 art. 23.3 (F173): the holder's first agreement counts, whatever became of its rights since: a decision after the first "
            + "grant and before a second one is recorded for the days of the second")
    void the_first_agreement_in_the_zone_counts() {
        Instant later = Instant.parse("2027-03-01T03:00:00Z");
        LandEvents.LandRightsGranted first = granted(1, 1, HOLDER, PARCEL_A, FROM, FROM.plusMonths(1));
        LandEvents.LandRightsGranted second = new LandEvents.LandRightsGranted(ZONE, mn.registry.kernel.freezone.LandLicenceId.of(ZONE, 2), HOLDER,
                first.parcelName(), first.parcel(), first.areaHectares(), first.purpose(), LocalDate.of(2027, 3, 1), UNTIL, first.method(),
                first.nominalValue(), first.decision(), later, first.grantedBy(), null, first.feeDueBy());
        LocalDate between = LocalDate.of(2027, 2, 15);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, FROM.plusMonths(1)), first, second)
                .when(signed(exemption(between, LocalDate.of(2027, 3, 1)), CABINET, later, Role.CABINET_MEMBER))
                .expectSuccessfulHandlerExecution();
    }
}
