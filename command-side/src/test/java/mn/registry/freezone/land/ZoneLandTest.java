package mn.registry.freezone.land;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.Money;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneLandTest {

    static final ZoneId ZONE = ZoneId.of("altanbulag");
    static final GeoPolygon BOUNDARY = GeoPolygon.of(106.40, 50.30, 106.46, 50.30, 106.46, 50.34, 106.40, 50.34);
    static final BigDecimal ZONE_AREA = new BigDecimal("500");
    static final RegistrationId HOLDER = RegistrationId.of(ZONE, new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));
    static final RegistrationId OTHER = RegistrationId.of(ZONE, new LegalEntity("Orkhon Foods LLC", Jurisdiction.MONGOLIAN, null, "6009876"));
    static final PersonId GOVERNOR = new PersonId("governor-altanbulag");
    static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");
    static final GeoPolygon PARCEL_A = GeoPolygon.of(106.41, 50.31, 106.42, 50.31, 106.42, 50.32, 106.41, 50.32);
    static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    static final LocalDate UNTIL = LocalDate.of(2036, 12, 31);

    private AggregateTestFixture<ZoneLand> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ZoneLand.class);
    }

    static LandCommands.GrantLandRights grant(RegistrationId holder, GeoPolygon parcel, LocalDate from, LocalDate until) {
        return new LandCommands.GrantLandRights(ZONE, holder, "parcel", parcel, "warehouse", from, until, LandCommands.AllocationMethod.AUCTION,
                Money.mnt(120_000_000), "Governor decision 2026/44");
    }

    static LandStreamCommands.Grant command(LandCommands.GrantLandRights body, BigDecimal zoneArea, boolean open) {
        return new LandStreamCommands.Grant(body, BOUNDARY, zoneArea, open, AT, GOVERNOR);
    }

    static LandEvents.LandRightsGranted granted(int n, RegistrationId holder, GeoPolygon parcel, LocalDate from, LocalDate until) {
        LandCommands.GrantLandRights b = grant(holder, parcel, from, until);
        return new LandEvents.LandRightsGranted(ZONE, LandLicenceId.of(ZONE, n), holder, b.parcelName(), parcel,
                ParcelGeometry.hectares(ParcelGeometry.polygon(parcel)), b.purpose(), from, until, b.method(), b.nominalValue(), b.decision(), AT, GOVERNOR);
    }

    @Test
    @DisplayName("003 art. 22.2: a parcel inside the zone is granted with its area computed from the polygon")
    void parcel_inside_the_zone_is_granted() {
        fixture.givenNoPriorActivity()
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL), ZONE_AREA, true))
                .expectEvents(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .expectResultMessagePayload(LandLicenceId.of(ZONE, 1));
        // 0.01° x 0.01° at 50.3° N: about 711 m x 1106 m
        assertThat(ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A)).doubleValue()).isBetween(78.0, 79.5);
    }

    @Test
    @DisplayName("003 art. 6.1, 22.2: a parcel reaching outside the zone's boundary is refused")
    void parcel_outside_is_refused() {
        GeoPolygon across = GeoPolygon.of(106.45, 50.31, 106.47, 50.31, 106.47, 50.32, 106.45, 50.32);
        fixture.givenNoPriorActivity()
                .when(command(grant(HOLDER, across, FROM, UNTIL), ZONE_AREA, true))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The parcel does not lie inside the zone's boundary.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.4: a temporarily closed zone takes no new land licence")
    void closed_zone_takes_no_licence() {
        fixture.givenNoPriorActivity()
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL), ZONE_AREA, false))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.2: overlapping ground for an overlapping period is refused; after the first period ends it may be licensed again")
    void overlapping_parcel_and_period_is_refused() {
        GeoPolygon shifted = GeoPolygon.of(106.415, 50.315, 106.425, 50.315, 106.425, 50.325, 106.415, 50.325);
        fixture.given(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(OTHER, shifted, LocalDate.of(2036, 12, 31), LocalDate.of(2040, 1, 1)), ZONE_AREA, true))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The parcel overlaps licence altanbulag-L1 (2027-01-01 to 2036-12-31).")
                .expectNoEvents();
        fixture.given(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(OTHER, shifted, LocalDate.of(2037, 1, 1), LocalDate.of(2040, 1, 1)), ZONE_AREA, true))
                .expectEvents(granted(2, OTHER, shifted, LocalDate.of(2037, 1, 1), LocalDate.of(2040, 1, 1)));
        GeoPolygon neighbour = GeoPolygon.of(106.42, 50.31, 106.43, 50.31, 106.43, 50.32, 106.42, 50.32);
        fixture.given(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(OTHER, neighbour, FROM, UNTIL), ZONE_AREA, true))
                .expectEvents(granted(2, OTHER, neighbour, FROM, UNTIL));
    }

    @Test
    @DisplayName("003 art. 6.1: licensed area never exceeds the zone's area on any day")
    void licensed_area_never_exceeds_the_zone() {
        GeoPolygon neighbour = GeoPolygon.of(106.42, 50.31, 106.43, 50.31, 106.43, 50.32, 106.42, 50.32);
        fixture.given(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(OTHER, neighbour, LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)), new BigDecimal("150"), true))
                .expectException(RegistryProblem.class)
                .expectNoEvents();
        fixture.given(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(OTHER, neighbour, LocalDate.of(2037, 1, 1), LocalDate.of(2038, 1, 1)), new BigDecimal("150"), true))
                .expectEvents(granted(2, OTHER, neighbour, LocalDate.of(2037, 1, 1), LocalDate.of(2038, 1, 1)));
    }

    @Test
    @DisplayName("003 art. 22.5: the certificate is issued only for the one-time fee equal to the nominal value")
    void certificate_after_the_nominal_fee() {
        LandLicenceId id = LandLicenceId.of(ZONE, 1);
        fixture.given(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(new LandStreamCommands.PayFee(new LandCommands.RecordLandFeePaid(ZONE, id, Money.mnt(100_000_000), "R-1"), AT, GOVERNOR))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(granted(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(new LandStreamCommands.PayFee(new LandCommands.RecordLandFeePaid(ZONE, id, Money.mnt(120_000_000), "R-1"), AT, GOVERNOR))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, id, HOLDER, Money.mnt(120_000_000), "R-1", AT, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 22.6: deregistration on 12.5.1 revokes the holder's rights in force, once; 12.5.3 revokes none")
    void holder_rights_revoked_once() {
        GeoPolygon neighbour = GeoPolygon.of(106.42, 50.31, 106.43, 50.31, 106.43, 50.32, 106.42, 50.32);
        LandEvents.LandRightsGranted mine = granted(1, HOLDER, PARCEL_A, FROM, UNTIL);
        LandEvents.LandRightsGranted theirs = granted(2, OTHER, neighbour, FROM, UNTIL);
        LandEvents.LandRightsRevoked revoked = new LandEvents.LandRightsRevoked(ZONE, LandLicenceId.of(ZONE, 1), HOLDER,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 22.6", AT);
        fixture.given(mine, theirs)
                .when(new LandStreamCommands.RevokeHolder(ZONE, HOLDER, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 12, 1), AT))
                .expectEvents(revoked);
        fixture.given(mine, theirs, revoked)
                .when(new LandStreamCommands.RevokeHolder(ZONE, HOLDER, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 12, 1), AT))
                .expectNoEvents();
        fixture.given(mine, theirs)
                .when(new LandStreamCommands.RevokeHolder(ZONE, HOLDER, DeregistrationGround.COURT_DECISION, LocalDate.of(2027, 12, 1), AT))
                .expectNoEvents();
    }
}
