package mn.registry.freezone.land;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.land.ZoneLandTest.A2;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.OTHER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 26, Free Zone round 25 (abuse audit F415, was O240; ADR 0035 item 87): the land desk offers a grant only on an application some part
 * of whose parcel is free for some part of its period on which a grant may start, as the land register answers
 * ({@link ZoneLand#someOfTheAppliedGroundIsFree}, called by the grant's handler through {@link ZoneLand#applicationIsGrantable}).
 */
class FreeZoneAbuseRound24Test extends ZoneLandAbuseFixture {

    static final GeoPolygon WEST_HALF = GeoPolygon.of(106.41, 50.31, 106.415, 50.31, 106.415, 50.32, 106.41, 50.32);
    static final GeoPolygon EAST_HALF = GeoPolygon.of(106.415, 50.31, 106.42, 50.31, 106.42, 50.32, 106.415, 50.32);
    static final GeoPolygon A_AND_A_STRIP = GeoPolygon.of(106.41, 50.31, 106.425, 50.31, 106.425, 50.32, 106.41, 50.32);
    static final GeoPolygon THE_STRIP = GeoPolygon.of(106.42, 50.31, 106.425, 50.31, 106.425, 50.32, 106.42, 50.32);

    /** The register's answer on the grant of application 2 (HOLDER's, {@code parcel} from {@code from} to {@code until}) after {@code licensed}. */
    private LandActs.Verdict grantOfTheSecond(GeoPolygon parcel, LocalDate from, LocalDate until, Object... licensed) {
        Object[] given = java.util.stream.Stream.concat(java.util.Arrays.stream(licensed), java.util.stream.Stream.of(applied(2, HOLDER, parcel, from, until),
                ZoneLandTest.selected(2)))
                .toArray();
        LandActs.Decision decision = actsAt(AT, GOVERNOR, given).on(A2).orElseThrow();
        assertThat(decision.refusal()).as("its refusal is offered").isEqualTo(LandActs.Verdict.ACCEPTED);
        if (!decision.grant().accepted()) { // the whole grant applied for is refused with the answer's code
            agrees(decision.grant(), given, byGovernor(ZoneLandTest.grant(HOLDER, parcel, from, until, A2), GOVERNOR, ZONE, AT));
        }
        return decision.grant();
    }

    @Test
    @DisplayName("003 art. 6.1, 22.2 (ADR 0035 item 87; F415, was O240): the land desk is answered that no grant can be recorded on an application "
            + "whose whole parcel is licensed to another holder for its whole period, however the licences cover it, and offers its refusal only; "
            + "a grant is still offered where some ground or some day is free, as the register records or refuses the grant itself")
    void a_grant_is_offered_only_where_some_applied_ground_is_free_for_some_applied_day() {
        Object[] aLicensed = {applied(1, OTHER, PARCEL_A, FROM, UNTIL), granted(1, 1, OTHER, PARCEL_A, FROM, UNTIL)};
        assertThat(grantOfTheSecond(PARCEL_A, FROM, UNTIL, aLicensed).refusedWith()).isEqualTo("freezone.applied-ground-licensed");
        assertThat(grantOfTheSecond(WEST_HALF, FROM, UNTIL, aLicensed).refusedWith()).as("a part of it").isEqualTo("freezone.applied-ground-licensed");
        assertThat(grantOfTheSecond(PARCEL_A, FROM.plusYears(1), UNTIL.minusYears(1), aLicensed).refusedWith()).as("a shorter period")
                .isEqualTo("freezone.applied-ground-licensed");
        Object[] halves = {applied(1, OTHER, WEST_HALF, FROM, UNTIL), granted(1, 1, OTHER, WEST_HALF, FROM, UNTIL),
                applied(3, OTHER, EAST_HALF, FROM, UNTIL), granted(2, 3, OTHER, EAST_HALF, FROM, UNTIL)};
        assertThat(grantOfTheSecond(PARCEL_A, FROM, UNTIL, halves).refusedWith()).as("two licences covering it").isEqualTo("freezone.applied-ground-licensed");
        // some ground free: the strip beside the licence, granted alone
        assertThat(grantOfTheSecond(A_AND_A_STRIP, FROM, UNTIL, aLicensed)).isEqualTo(LandActs.Verdict.ACCEPTED);
        Object[] stripApplied = {aLicensed[0], aLicensed[1], applied(2, HOLDER, A_AND_A_STRIP, FROM, UNTIL), ZoneLandTest.selected(2)};
        fixture.given(stripApplied).when(byGovernor(ZoneLandTest.grant(HOLDER, THE_STRIP, FROM, UNTIL, A2), GOVERNOR, ZONE, AT))
                .expectSuccessfulHandlerExecution();
        // some days free: the licence ends before the period applied for does, within a year of the decision
        LocalDate shortEnd = FROM.plusMonths(6);
        Object[] endsSoon = {applied(1, OTHER, PARCEL_A, FROM, shortEnd), granted(1, 1, OTHER, PARCEL_A, FROM, shortEnd)};
        assertThat(grantOfTheSecond(PARCEL_A, FROM, UNTIL, endsSoon)).isEqualTo(LandActs.Verdict.ACCEPTED);
        fixture.given(endsSoon[0], endsSoon[1], applied(2, HOLDER, PARCEL_A, FROM, UNTIL), ZoneLandTest.selected(2))
                .when(byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, shortEnd.plusDays(1), UNTIL, A2), GOVERNOR, ZONE, AT))
                .expectSuccessfulHandlerExecution();
        // free days more than a year after the decision only: no grant may start on them (F49), so none is offered
        Object[] endsLate = {applied(1, OTHER, PARCEL_A, FROM, UNTIL.minusYears(1)), granted(1, 1, OTHER, PARCEL_A, FROM, UNTIL.minusYears(1))};
        assertThat(grantOfTheSecond(PARCEL_A, FROM, UNTIL, endsLate).refusedWith()).isEqualTo("freezone.applied-ground-licensed");
        // the ground is free again once the licence is revoked
        Object[] revoked = {aLicensed[0], aLicensed[1], new LandEvents.LandRightsRevoked(ZONE, LandLicenceId.of(ZONE, 1), OTHER,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 22.6", AT)};
        assertThat(actsAt(AT, GOVERNOR, revoked[0], revoked[1], revoked[2], applied(2, HOLDER, PARCEL_A, FROM, UNTIL),
                ZoneLandTest.selected(2)).on(A2).orElseThrow().grant())
                .isEqualTo(LandActs.Verdict.ACCEPTED);
    }

    private static org.axonframework.commandhandling.CommandMessage<Object> withdrawn(mn.registry.kernel.identity.PersonId by) {
        return mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.WithdrawLandApplication(ZONE, ZoneLandTest.A1), by, AT,
                mn.registry.kernel.identity.Role.APPLICANT);
    }

    private static void refusedWith(org.axonframework.test.aggregate.ResultValidator<ZoneLand> result, String code) {
        result.expectException(new org.hamcrest.FeatureMatcher<mn.registry.kernel.problem.RegistryProblem, String>(org.hamcrest.Matchers.equalTo(code),
                "a problem with code", "code") {
            @Override
            protected String featureValueOf(mn.registry.kernel.problem.RegistryProblem problem) {
                return problem.code();
            }
        }).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.2 (ADR 0035 item 86; F416, was O244): the entity's representative withdraws its own pending application, and the "
            + "holder's page is answered so; a withdrawal by anybody else, after the governor's decision, or a second time is refused and stores "
            + "nothing, and no grant or refusal is recorded or offered on a withdrawn application")
    void a_pending_land_application_is_withdrawn_by_its_applicant_only() {
        Object[] pending = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL)};
        LandActs.Verdict byTheRepresentative = actsAt(AT, ZoneLandTest.REPRESENTATIVE, pending).withdrawalOf(ZoneLandTest.A1).orElseThrow();
        assertThat(byTheRepresentative).isEqualTo(LandActs.Verdict.ACCEPTED);
        agrees(byTheRepresentative, pending, withdrawn(ZoneLandTest.REPRESENTATIVE));
        fixture.given(pending).when(withdrawn(ZoneLandTest.REPRESENTATIVE)).expectEvents(new LandEvents.LandApplicationWithdrawn(ZONE, ZoneLandTest.A1,
                HOLDER, AT, ZoneLandTest.REPRESENTATIVE));
        LandActs.Verdict bySomebodyElse = actsAt(AT, GOVERNOR, pending).withdrawalOf(ZoneLandTest.A1).orElseThrow();
        assertThat(bySomebodyElse.refusedWith()).isEqualTo("freezone.not-representative");
        agrees(bySomebodyElse, pending, withdrawn(GOVERNOR));
        // after the decision: nothing pending to withdraw
        Object[] granted = {pending[0], granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        assertThat(actsAt(AT, ZoneLandTest.REPRESENTATIVE, granted).withdrawalOf(ZoneLandTest.A1)).isEmpty();
        refusedWith(fixture.given(granted).when(withdrawn(ZoneLandTest.REPRESENTATIVE)), "freezone.land-application-decided");
        Object[] refused = {pending[0], new LandEvents.LandUseRefused(ZONE, ZoneLandTest.A1, HOLDER, java.util.List.of("no"), "003 art. 22.2", AT, GOVERNOR)};
        refusedWith(fixture.given(refused).when(withdrawn(ZoneLandTest.REPRESENTATIVE)), "freezone.land-application-decided");
        // withdrawn: not again, and no decision on it, offered or recorded
        Object[] withdrawnAlready = {pending[0], new LandEvents.LandApplicationWithdrawn(ZONE, ZoneLandTest.A1, HOLDER, AT, ZoneLandTest.REPRESENTATIVE)};
        refusedWith(fixture.given(withdrawnAlready).when(withdrawn(ZoneLandTest.REPRESENTATIVE)), "freezone.land-application-withdrawn");
        LandActs afterwards = actsAt(AT, GOVERNOR, withdrawnAlready);
        assertThat(afterwards.on(ZoneLandTest.A1)).as("the desk offers no decision").isEmpty();
        assertThat(afterwards.withdrawalOf(ZoneLandTest.A1)).isEmpty();
        refusedWith(fixture.given(withdrawnAlready).when(byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, ZoneLandTest.A1), GOVERNOR, ZONE, AT)),
                "freezone.land-application-withdrawn");
        refusedWith(fixture.given(withdrawnAlready).when(byGovernor(new LandCommands.RefuseLandUse(ZONE, ZoneLandTest.A1, java.util.List.of("late")),
                GOVERNOR, ZONE, AT)), "freezone.land-application-withdrawn");
    }
}
