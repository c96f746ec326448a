package mn.registry.freezone.land;

import mn.registry.freezone.governor.StreamTarget;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.CommandMessage;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.FreeZoneSigned.signed;
import static org.assertj.core.api.Assertions.assertThat;

class ZoneLandTest {

    static final ZoneId ZONE = ZoneId.of("altanbulag");
    static final GeoPolygon BOUNDARY = GeoPolygon.of(106.40, 50.30, 106.46, 50.30, 106.46, 50.34, 106.40, 50.34);
    static final BigDecimal ZONE_AREA = new BigDecimal("500");
    static final RegistrationId HOLDER = RegistrationId.of(ZONE, new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));
    static final RegistrationId OTHER = RegistrationId.of(ZONE, new LegalEntity("Orkhon Foods LLC", Jurisdiction.MONGOLIAN, null, "6009876"));
    static final PersonId GOVERNOR = new PersonId("governor-altanbulag");
    static final PersonId REPRESENTATIVE = new PersonId("applicant-1");
    static final PersonId CABINET = new PersonId("cabinet-1");
    static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");
    static final GeoPolygon PARCEL_A = GeoPolygon.of(106.41, 50.31, 106.42, 50.31, 106.42, 50.32, 106.41, 50.32);
    static final LocalDate FROM = LocalDate.of(2027, 1, 1);
    static final LocalDate UNTIL = LocalDate.of(2036, 12, 31);
    /** A first licence that ends within the year after {@link #AT}, so a later one on the same ground starts within it (F49). */
    static final LocalDate FIRST_HALF = LocalDate.of(2027, 6, 30);
    static final LandApplicationId A1 = LandApplicationId.of(ZONE, 1);
    static final LandApplicationId A2 = LandApplicationId.of(ZONE, 2);

    private AggregateTestFixture<ZoneLand> fixture;
    /** What the registry reads at receipt of the command a helper below builds: the zone, the holder's standing. */
    private static Services services;

    @BeforeEach
    void fixture() {
        services = new Services();
        fixture = fixture(services);
    }

    /** A fixture of the land register as the registry wires it: its stream named by the body's zone, the given services. */
    static AggregateTestFixture<ZoneLand> fixture(LandServices services) {
        AggregateTestFixture<ZoneLand> fixture = new AggregateTestFixture<>(ZoneLand.class);
        fixture.registerCommandTargetResolver(new StreamTarget(LandCommandTypes::streamOf));
        fixture.registerInjectableResource(services);
        return fixture;
    }

    /** {@link LandServices} of a test: Altanbulag within {@link #BOUNDARY}, its area and state, and the standing given (else registered). */
    static class Services implements LandServices {
        BigDecimal area = ZONE_AREA;
        boolean open = true;
        LandHolders.Holder standing;
        boolean documentsReceived = true;
        int maxYears = 60;
        java.util.Set<Activity> activities = java.util.EnumSet.allOf(Activity.class);
        /** The State Great Khural resolution's date the zone was recorded with (none: recorded before ADR 0035 item 31). */
        LocalDate resolutionDate;

        @Override
        public Zones.Zone zone(ZoneId zone) {
            return new Zones.Zone(zone, "Altanbulag", area, BOUNDARY, open, resolutionDate);
        }

        @Override
        public LandHolders.Holder standing(RegistrationId registration) {
            return standing != null ? standing : registered(registration);
        }

        @Override
        public boolean documentReceived(String sha256) {
            return documentsReceived;
        }

        @Override
        public java.util.Set<Activity> allowedActivities(Zones.Zone zone) {
            return activities;
        }

        @Override
        public int maxLandYears() {
            return maxYears;
        }
    }

    /** The SHA-256 of a test receipt's document, named by its reference (F502: the fee's record names the receipt's uploaded document). */
    static String receiptDocument(String receipt) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(receipt.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A registration current in the zone, represented by the demo applicant. */
    static LandHolders.Holder registered(RegistrationId id) {
        return new LandHolders.Holder(id, true, REPRESENTATIVE);
    }

    static LandCommands.ApplyForLandUse application(RegistrationId applicant, GeoPolygon parcel, LocalDate from, LocalDate until) {
        return new LandCommands.ApplyForLandUse(ZONE, applicant, "parcel", parcel, "warehouse", from, until, LandCommands.AllocationMethod.AUCTION);
    }

    /** The application signed by {@code signer}, the applicant's registration standing as given at receipt. */
    static CommandMessage<Object> apply(LandCommands.ApplyForLandUse body, LandHolders.Holder standing, PersonId signer) {
        services.standing = standing;
        services.open = true;
        return signed(body, signer, AT, Role.APPLICANT);
    }

    static LandEvents.LandUseApplied applied(int n, RegistrationId applicant, GeoPolygon parcel, LocalDate from, LocalDate until) {
        return new LandEvents.LandUseApplied(ZONE, LandApplicationId.of(ZONE, n), applicant, "parcel", parcel,
                ParcelGeometry.hectares(ParcelGeometry.polygon(parcel)), "warehouse", from, until, LandCommands.AllocationMethod.AUCTION, AT, REPRESENTATIVE);
    }

    /** The nominal value {@link #grant} names. */
    static final Money GRANTED_VALUE = Money.mnt(120_000_000);

    /**
     * The governor's record that the tender or auction of application {@code n} (by {@link #HOLDER}, at {@link #AT}) selected it at
     * {@code value} (003 art. 22.4, 22.5; F541): the given a grant received after session 31 rests on.
     */
    static LandEvents.LandSelectionResultRecorded selected(int n, Money value) {
        return selected(n, HOLDER, value);
    }

    /** As {@link #selected(int, Money)} at {@link #GRANTED_VALUE}, the value {@link #grant} names. */
    static LandEvents.LandSelectionResultRecorded selected(int n) {
        return selected(n, HOLDER, GRANTED_VALUE);
    }

    static LandEvents.LandSelectionResultRecorded selected(int n, RegistrationId winner, Money value) {
        return new LandEvents.LandSelectionResultRecorded(ZONE, LandApplicationId.of(ZONE, n), winner, LandCommands.AllocationMethod.AUCTION, value,
                receiptDocument("auction result " + n), AT, GOVERNOR);
    }

    static LandCommands.GrantLandRights grant(RegistrationId holder, GeoPolygon parcel, LocalDate from, LocalDate until, LandApplicationId application) {
        return new LandCommands.GrantLandRights(ZONE, holder, "parcel", parcel, "warehouse", from, until, LandCommands.AllocationMethod.AUCTION,
                GRANTED_VALUE, "Governor decision 2026/44", application);
    }

    static CommandMessage<Object> command(LandCommands.GrantLandRights body, BigDecimal zoneArea, boolean open) {
        return command(body, registered(body.holder()), zoneArea, open);
    }

    /** The governor's grant, the holder's standing and the zone's area and state as given at receipt. */
    static CommandMessage<Object> command(LandCommands.GrantLandRights body, LandHolders.Holder standing, BigDecimal zoneArea, boolean open) {
        services.standing = standing;
        services.area = zoneArea;
        services.open = open;
        return governor(body);
    }

    static LandEvents.LandRightsGranted granted(int n, int application, RegistrationId holder, GeoPolygon parcel, LocalDate from, LocalDate until) {
        LandCommands.GrantLandRights b = grant(holder, parcel, from, until, LandApplicationId.of(ZONE, application));
        return new LandEvents.LandRightsGranted(ZONE, LandLicenceId.of(ZONE, n), holder, b.parcelName(), parcel,
                ParcelGeometry.hectares(ParcelGeometry.polygon(parcel)), b.purpose(), from, until, b.method(), b.nominalValue(), b.decision(), AT, GOVERNOR,
                b.applicationId(), FEE_DUE_BY);
    }

    /** The last day to pay the fee of rights granted at {@link #AT} (F125). */
    static final LocalDate FEE_DUE_BY = mn.registry.kernel.freezone.FreeZoneTerms.landFeeDueBy(mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(AT));

    /** The governor of Altanbulag's act, received at {@link #AT}. */
    static CommandMessage<Object> governor(Object body) {
        return byGovernor(body, GOVERNOR, ZONE, AT);
    }

    /** The fee paid, the holder's standing as given at receipt. */
    static CommandMessage<Object> payFee(LandCommands.RecordLandFeePaid body, LandHolders.Holder standing) {
        services.standing = standing;
        return governor(body);
    }

    @Test
    @DisplayName("003 art. 22.2: a parcel inside the zone is granted with its area computed from the polygon")
    void parcel_inside_the_zone_is_granted() {
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), selected(1))
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), ZONE_AREA, true))
                .expectEvents(granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .expectResultMessagePayload(LandLicenceId.of(ZONE, 1));
        // 0.01° x 0.01° at 50.3° N: about 711 m x 1106 m
        assertThat(ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A)).doubleValue()).isBetween(78.0, 79.5);
    }

    @Test
    @DisplayName("003 art. 6.1, 22.2: a parcel reaching outside the zone's boundary is refused")
    void parcel_outside_is_refused() {
        GeoPolygon across = GeoPolygon.of(106.45, 50.31, 106.47, 50.31, 106.47, 50.32, 106.45, 50.32);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, across, FROM, UNTIL, A1), ZONE_AREA, true))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The parcel does not lie inside the zone's boundary.")
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 6.4: a temporarily closed zone takes no new land licence")
    void closed_zone_takes_no_licence() {
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), ZONE_AREA, false))
                .expectException(RegistryProblem.class).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 22.2: overlapping ground for an overlapping period is refused; after the first period ends it may be licensed again")
    void overlapping_parcel_and_period_is_refused() {
        GeoPolygon shifted = GeoPolygon.of(106.415, 50.315, 106.425, 50.315, 106.425, 50.325, 106.415, 50.325);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, FIRST_HALF),
                        applied(2, OTHER, shifted, FIRST_HALF, LocalDate.of(2040, 1, 1)))
                .when(command(grant(OTHER, shifted, FIRST_HALF, LocalDate.of(2040, 1, 1), A2), ZONE_AREA, true))
                .expectException(RegistryProblem.class)
                .expectExceptionMessage("The parcel overlaps licence altanbulag-L1 (2027-01-01 to 2027-06-30).")
                .expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, FIRST_HALF),
                        applied(2, OTHER, shifted, FIRST_HALF, LocalDate.of(2040, 1, 1)), selected(2, OTHER, GRANTED_VALUE))
                .when(command(grant(OTHER, shifted, FIRST_HALF.plusDays(1), LocalDate.of(2040, 1, 1), A2), ZONE_AREA, true))
                .expectEvents(granted(2, 2, OTHER, shifted, FIRST_HALF.plusDays(1), LocalDate.of(2040, 1, 1)));
        GeoPolygon neighbour = GeoPolygon.of(106.42, 50.31, 106.43, 50.31, 106.43, 50.32, 106.42, 50.32);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL), applied(2, OTHER, neighbour, FROM, UNTIL),
                        selected(2, OTHER, GRANTED_VALUE))
                .when(command(grant(OTHER, neighbour, FROM, UNTIL, A2), ZONE_AREA, true))
                .expectEvents(granted(2, 2, OTHER, neighbour, FROM, UNTIL));
    }

    @Test
    @DisplayName("003 art. 6.1: licensed area never exceeds the zone's area on any day")
    void licensed_area_never_exceeds_the_zone() {
        GeoPolygon neighbour = GeoPolygon.of(106.42, 50.31, 106.43, 50.31, 106.43, 50.32, 106.42, 50.32);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, FIRST_HALF), applied(2, OTHER, neighbour, FROM, UNTIL))
                .when(command(grant(OTHER, neighbour, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 1), A2), new BigDecimal("150"), true))
                .expectException(RegistryProblem.class)
                .expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, FIRST_HALF),
                        applied(2, OTHER, neighbour, FIRST_HALF.plusDays(1), LocalDate.of(2028, 7, 1)), selected(2, OTHER, GRANTED_VALUE))
                .when(command(grant(OTHER, neighbour, FIRST_HALF.plusDays(1), LocalDate.of(2028, 7, 1), A2), new BigDecimal("150"), true))
                .expectEvents(granted(2, 2, OTHER, neighbour, FIRST_HALF.plusDays(1), LocalDate.of(2028, 7, 1)));
    }

    @Test
    @DisplayName("003 art. 22.5: the certificate is issued only for the one-time fee equal to the nominal value")
    void certificate_after_the_nominal_fee() {
        LandLicenceId id = LandLicenceId.of(ZONE, 1);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(payFee(new LandCommands.RecordLandFeePaid(ZONE, id, Money.mnt(100_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), registered(HOLDER)))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(payFee(new LandCommands.RecordLandFeePaid(ZONE, id, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), registered(HOLDER)))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, id, HOLDER, Money.mnt(120_000_000), "R-1", AT, GOVERNOR, ZoneLandTest.receiptDocument("R-1")));
    }

    @Test
    @DisplayName("003 art. 22.6, 22.7: deregistration on 12.5.1 revokes the holder's rights in force, once; on 12.5.3 (a court's dissolution) too, under 22.7 (ADR 0035 item 16)")
    void holder_rights_revoked_once() {
        GeoPolygon neighbour = GeoPolygon.of(106.42, 50.31, 106.43, 50.31, 106.43, 50.32, 106.42, 50.32);
        LandEvents.LandRightsGranted mine = granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL);
        LandEvents.LandRightsGranted theirs = granted(2, 2, OTHER, neighbour, FROM, UNTIL);
        LandEvents.LandRightsRevoked revoked = new LandEvents.LandRightsRevoked(ZONE, LandLicenceId.of(ZONE, 1), HOLDER,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 22.6", AT);
        fixture.given(mine, theirs)
                .when(new LandStreamCommands.RevokeHolder(ZONE, HOLDER, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 12, 1), AT))
                .expectEvents(revoked);
        fixture.given(mine, theirs, revoked)
                .when(new LandStreamCommands.RevokeHolder(ZONE, HOLDER, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, LocalDate.of(2027, 12, 1), AT))
                .expectNoEvents();
        // ADR 0035 item 16 (abuse audit F120, was O85): a court's dissolution (12.5.3) ends the holder's land rights too, under 22.7
        fixture.given(mine, theirs)
                .when(new LandStreamCommands.RevokeHolder(ZONE, HOLDER, DeregistrationGround.COURT_DECISION, LocalDate.of(2027, 12, 1), AT))
                .expectEvents(new LandEvents.LandRightsRevoked(ZONE, LandLicenceId.of(ZONE, 1), HOLDER,
                        DeregistrationGround.COURT_DECISION, "003 art. 22.7 (Land Law: the holder is dissolved)", AT));
    }

    // --- issue 13: land only to an entity currently registered in the zone that applied for it (003 art. 22.2, 22.4-22.5, 8.7.7)

    static RegistryProblem refusal(org.axonframework.test.aggregate.ResultValidator<ZoneLand> result) {
        java.util.concurrent.atomic.AtomicReference<RegistryProblem> problem = new java.util.concurrent.atomic.AtomicReference<>();
        result.expectException(org.hamcrest.Matchers.<Throwable>instanceOf(RegistryProblem.class)).expectNoEvents()
                .expectException(new org.hamcrest.CustomMatcher<Throwable>("a registry problem") {
                    @Override
                    public boolean matches(Object item) {
                        problem.set((RegistryProblem) item);
                        return true;
                    }
                });
        return problem.get();
    }

    @Test
    @DisplayName("003 art. 22.2, 22.4: an entity registered in the zone applies for land through its representative: parcel, area, purpose, period, route")
    void registered_entity_applies_for_land() {
        fixture.givenNoPriorActivity()
                .when(apply(application(HOLDER, PARCEL_A, FROM, UNTIL), registered(HOLDER), REPRESENTATIVE))
                .expectEvents(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .expectResultMessagePayload(A1);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(apply(application(OTHER, PARCEL_A, FROM, UNTIL), registered(OTHER), REPRESENTATIVE))
                .expectEvents(applied(2, OTHER, PARCEL_A, FROM, UNTIL));
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2: an entity never registered in the zone (registered only in another), rejected or deregistered cannot apply for its land")
    void entity_not_registered_in_the_zone_cannot_apply() {
        LandHolders.Holder notHere = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        assertThat(refusal(fixture.givenNoPriorActivity().when(apply(application(HOLDER, PARCEL_A, FROM, UNTIL), notHere, REPRESENTATIVE))).code())
                .isEqualTo("freezone.holder-not-registered");
        RegistrationId inZamynUud = RegistrationId.of(ZoneId.of("zamyn-uud"), new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));
        assertThat(refusal(fixture.givenNoPriorActivity().when(apply(application(inZamynUud, PARCEL_A, FROM, UNTIL), registered(inZamynUud),
                REPRESENTATIVE))).code()).isEqualTo("freezone.holder-other-zone");
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2: only the representative who signed the entity's registration application applies in its name")
    void someone_else_cannot_apply_in_an_entitys_name() {
        RegistryProblem problem = refusal(fixture.givenNoPriorActivity()
                .when(apply(application(HOLDER, PARCEL_A, FROM, UNTIL), registered(HOLDER), new PersonId("applicant-2"))));
        assertThat(problem.code()).isEqualTo("freezone.not-representative");
        assertThat(problem.kind()).isEqualTo(RegistryProblem.Kind.FORBIDDEN);
    }

    @Test
    @DisplayName("003 art. 22.2: a period of use that starts before the day of the application or of the grant is refused (no retroactive land rights)")
    void period_before_the_act_is_refused() {
        LocalDate yesterday = LocalDate.of(2026, 11, 30);
        assertThat(refusal(fixture.givenNoPriorActivity().when(apply(application(HOLDER, PARCEL_A, yesterday, UNTIL), registered(HOLDER), REPRESENTATIVE)))
                .field()).isEqualTo("from");
        fixture.givenNoPriorActivity()
                .when(apply(application(HOLDER, PARCEL_A, LocalDate.of(2026, 12, 1), UNTIL), registered(HOLDER), REPRESENTATIVE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.2, 8.7.7: land is not licensed to an entity that did not apply: another's application, or none at all")
    void licence_to_a_non_applicant_is_refused() {
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(OTHER, PARCEL_A, FROM, UNTIL, A1), ZONE_AREA, true))).code()).isEqualTo("freezone.holder-not-applicant");
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(OTHER, PARCEL_A, FROM, UNTIL, null), ZONE_AREA, true))).code()).isEqualTo("freezone.land-application-unknown");
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A2), ZONE_AREA, true))).code()).isEqualTo("freezone.land-application-unknown");
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2: land is not licensed to an entity registered only in another zone, nor to one deregistered since it applied")
    void licence_to_an_entity_not_registered_here_is_refused() {
        RegistrationId inZamynUud = RegistrationId.of(ZoneId.of("zamyn-uud"), new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(inZamynUud, PARCEL_A, FROM, UNTIL, A1), ZONE_AREA, true))).code()).isEqualTo("freezone.holder-other-zone");
        // registered only in Zamyn-Uud: its Altanbulag registration has no events, so it is not registered here
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), new LandHolders.Holder(HOLDER, false, null), ZONE_AREA, true))).code())
                .isEqualTo("freezone.holder-not-registered");
        // deregistered after it applied
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), new LandHolders.Holder(HOLDER, false, REPRESENTATIVE), ZONE_AREA, true)))
                .code()).isEqualTo("freezone.holder-not-registered");
        // and the certificate is not issued to a holder deregistered between grant and fee (22.5)
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(payFee(new LandCommands.RecordLandFeePaid(ZONE, LandLicenceId.of(ZONE, 1), Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), new LandHolders.Holder(HOLDER, false, REPRESENTATIVE)))).code()).isEqualTo("freezone.holder-not-registered");
    }

    @Test
    @DisplayName("003 art. 22.2: an application is decided once: a second licence, or a refusal after the grant, or a grant after the refusal, is refused")
    void application_is_decided_once() {
        GeoPolygon neighbour = GeoPolygon.of(106.42, 50.31, 106.43, 50.31, 106.43, 50.32, 106.42, 50.32);
        LandEvents.LandUseApplied big = applied(1, HOLDER, GeoPolygon.of(106.41, 50.31, 106.43, 50.31, 106.43, 50.32, 106.41, 50.32), FROM, UNTIL);
        assertThat(refusal(fixture.given(big, granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, neighbour, FROM, UNTIL, A1), ZONE_AREA, true))).code()).isEqualTo("freezone.land-application-decided");
        assertThat(refusal(fixture.given(big, granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(governor(new LandCommands.RefuseLandUse(ZONE, A1, List.of("late"))))).code())
                .isEqualTo("freezone.land-application-decided");
        LandEvents.LandUseRefused refused = new LandEvents.LandUseRefused(ZONE, A1, HOLDER, List.of("the parcel is reserved for the rail terminal"),
                "003 art. 22.2", AT, GOVERNOR);
        fixture.given(big)
                .when(governor(new LandCommands.RefuseLandUse(ZONE, A1, List.of(" the parcel is reserved for the rail terminal "))))
                .expectEvents(refused);
        assertThat(refusal(fixture.given(big, refused).when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), ZONE_AREA, true))).code())
                .isEqualTo("freezone.land-application-decided");
        assertThat(refusal(fixture.given(big).when(governor(new LandCommands.RefuseLandUse(ZONE, A1, List.of(" ")))))
                .code()).isEqualTo("freezone.reasons-missing");
    }

    @Test
    @DisplayName("003 art. 22.2, 22.4: the decision grants no more than was applied for: not a larger parcel, a longer period, another purpose or route")
    void decision_grants_no_more_than_applied() {
        GeoPolygon larger = GeoPolygon.of(106.41, 50.31, 106.425, 50.31, 106.425, 50.32, 106.41, 50.32);
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, larger, FROM, UNTIL, A1), ZONE_AREA, true))).field()).isEqualTo("parcel");
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL.plusYears(5), A1), ZONE_AREA, true))).field()).isEqualTo("until");
        LandCommands.GrantLandRights tender = new LandCommands.GrantLandRights(ZONE, HOLDER, "parcel", PARCEL_A, "warehouse", FROM, UNTIL,
                LandCommands.AllocationMethod.TENDER, Money.mnt(1), "d", A1);
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(command(tender, ZONE_AREA, true))).field()).isEqualTo("method");
        LandCommands.GrantLandRights hotel = new LandCommands.GrantLandRights(ZONE, HOLDER, "parcel", PARCEL_A, "hotel", FROM, UNTIL,
                LandCommands.AllocationMethod.AUCTION, Money.mnt(1), "d", A1);
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(command(hotel, ZONE_AREA, true))).field()).isEqualTo("purpose");
        GeoPolygon half = GeoPolygon.of(106.41, 50.31, 106.415, 50.31, 106.415, 50.32, 106.41, 50.32);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), selected(1))
                .when(command(grant(HOLDER, half, FROM.plusMonths(6), UNTIL, A1), ZONE_AREA, true))
                .expectEvents(granted(1, 1, HOLDER, half, FROM.plusMonths(6), UNTIL));
    }

    // --- 003 art. 23.3-23.4: the Government's exemptions, recorded by the Cabinet member

    @Test
    @DisplayName("003 art. 23.4, 6.4: an exemption whose Government decision was never uploaded is refused, and a closed zone takes no application")
    void exemption_without_its_decision_document_and_application_in_closed_zone_are_refused() {
        services.documentsReceived = false;
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(exemption(HOLDER, null, 30, FROM, 3, LocalDate.of(2026, 11, 27)), CABINET, AT, Role.CABINET_MEMBER))).code())
                .isEqualTo("document.unknown");
        CommandMessage<Object> application = apply(application(HOLDER, PARCEL_A, FROM, UNTIL), registered(HOLDER), REPRESENTATIVE);
        services.open = false;
        assertThat(refusal(fixture.givenNoPriorActivity().when(application)).code()).isEqualTo("freezone.zone-closed");
    }

    static LandCommands.GrantLandFeeExemption exemption(RegistrationId holder, Activity activity, int percent, LocalDate from, int years, LocalDate decidedOn) {
        return new LandCommands.GrantLandFeeExemption(ZONE, holder, activity, percent, from, years, "Government resolution 2026/412", decidedOn, "ef".repeat(32));
    }

    @Test
    @DisplayName("003 art. 23.3-23.4: the Government's exemption for a holder of land in the zone, or for an activity, with its percentage and years")
    void government_exemption_is_recorded() {
        LocalDate decided = LocalDate.of(2026, 11, 27);
        LocalDate concluded = LocalDate.of(2026, 12, 1); // the rights' grant (F173: a decision by name is not older than the holder's agreement)
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(signed(exemption(HOLDER, null, 30, FROM, 3, concluded), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandFeeExemptionGranted(ZONE, 1, HOLDER, null, 30, FROM, LocalDate.of(2029, 12, 31),
                        "Government resolution 2026/412", concluded, "ef".repeat(32), "003 art. 23.3-23.4", AT, CABINET))
                .expectResultMessagePayload(1);
        fixture.givenNoPriorActivity()
                .when(signed(exemption(null, Activity.PRODUCTION, 50, decided, 2, decided), CABINET, AT, Role.CABINET_MEMBER))
                .expectEvents(new LandEvents.LandFeeExemptionGranted(ZONE, 1, null, Activity.PRODUCTION, 50, decided, LocalDate.of(2028, 11, 26),
                        "Government resolution 2026/412", decided, "ef".repeat(32), "003 art. 23.3-23.4", AT, CABINET));
    }

    @Test
    @DisplayName("003 art. 23.3-23.4: an exemption without one beneficiary, outside 1-100 %, before its decision, for a decision not yet taken, or for an entity holding no land here is refused")
    void improper_government_exemption_is_refused() {
        LocalDate decided = LocalDate.of(2026, 11, 27);
        LandEvents.LandUseApplied app = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        LandEvents.LandRightsGranted land = granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL);
        assertThat(refusal(fixture.given(app, land).when(signed(exemption(HOLDER, Activity.HOTEL, 30, FROM, 3, decided), CABINET, AT, Role.CABINET_MEMBER))).code()).isEqualTo("freezone.exemption-beneficiary");
        assertThat(refusal(fixture.given(app, land).when(signed(exemption(HOLDER, null, 0, FROM, 3, decided), CABINET, AT, Role.CABINET_MEMBER))).code()).isEqualTo("freezone.exemption-percent");
        assertThat(refusal(fixture.given(app, land).when(signed(exemption(HOLDER, null, 101, FROM, 3, decided), CABINET, AT, Role.CABINET_MEMBER))).code()).isEqualTo("freezone.exemption-percent");
        assertThat(refusal(fixture.given(app, land).when(signed(exemption(HOLDER, null, 30, FROM, 0, decided), CABINET, AT, Role.CABINET_MEMBER))).code()).isEqualTo("freezone.exemption-years");
        assertThat(refusal(fixture.given(app, land).when(signed(exemption(HOLDER, null, 30, decided.minusDays(1), 3, decided), CABINET, AT, Role.CABINET_MEMBER))).code()).isEqualTo("freezone.exemption-retroactive");
        assertThat(refusal(fixture.given(app, land).when(signed(exemption(HOLDER, null, 30, FROM, 3, LocalDate.of(2026, 12, 2)), CABINET, AT, Role.CABINET_MEMBER))).code()).isEqualTo("freezone.decision-in-future");
        assertThat(refusal(fixture.given(app, land).when(signed(exemption(OTHER, null, 30, FROM, 3, decided), CABINET, AT, Role.CABINET_MEMBER))).code()).isEqualTo("freezone.exemption-holder-without-land");
    }

    @Test
    @DisplayName("003 art. 23.3-23.4: only the Cabinet member records the Government's exemption; a governor or a ministry supervisor cannot")
    void only_the_cabinet_member_grants_an_exemption() {
        var type = new LandCommandTypes(null).grantLandFeeExemptionType(null, null);
        assertThat(type.allowedRoles()).containsExactly(mn.registry.kernel.identity.Role.CABINET_MEMBER);
        assertThat(type.allowedRoles()).doesNotContain(mn.registry.kernel.identity.Role.ZONE_GOVERNOR, mn.registry.kernel.identity.Role.MINISTRY_SUPERVISOR);
    }

    @Test
    @DisplayName("003 art. 22.2: a licence stored before applications existed (no applicationId) still replays")
    void licence_stored_before_applications_replays() throws Exception {
        String stored = """
                {"zoneId":"altanbulag","licenceId":"altanbulag-L1","holder":"altanbulag:mn-6001234","parcelName":"parcel",
                 "parcel":{"type":"Polygon","coordinates":[[[106.41,50.31],[106.42,50.31],[106.42,50.32],[106.41,50.32],[106.41,50.31]]]},
                 "areaHectares":78.7,"purpose":"warehouse","from":"2027-01-01","until":"2036-12-31","method":"AUCTION",
                 "nominalValue":{"amount":120000000,"currency":"MNT"},"decision":"Governor decision 2026/44",
                 "grantedAt":"2026-12-01T03:00:00Z","grantedBy":"governor-altanbulag"}""";
        org.axonframework.serialization.json.JacksonSerializer serializer = org.axonframework.serialization.json.JacksonSerializer.builder()
                .objectMapper(org.springframework.http.converter.json.Jackson2ObjectMapperBuilder.json().build()).build();
        LandEvents.LandRightsGranted old = serializer.deserialize(new org.axonframework.serialization.SimpleSerializedObject<>(stored, String.class,
                LandEvents.LandRightsGranted.class.getName(), null));
        assertThat(old.applicationId()).isNull();
        assertThat(old.licenceId()).isEqualTo(LandLicenceId.of(ZONE, 1));
        fixture.given(old)
                .when(payFee(new LandCommands.RecordLandFeePaid(ZONE, old.licenceId(), Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), registered(HOLDER)))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, old.licenceId(), HOLDER, Money.mnt(120_000_000), "R-1", AT, GOVERNOR, ZoneLandTest.receiptDocument("R-1")));
    }

    @Test
    @DisplayName("003 art. 22.2, 22.7 and Land Law art. 35: land is possessed or used for at most the ministry's longest period (60 years), never until 9999")
    void land_period_is_at_most_the_longest_period() {
        LocalDate forever = LocalDate.of(9999, 12, 31);
        LocalDate sixtiethYearsLastDay = LocalDate.of(2086, 12, 31); // 60 years from 2027-01-01, its first day counted
        RegistryProblem tooLong = refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, forever))
                .when(command(grant(HOLDER, PARCEL_A, FROM, forever, A1), ZONE_AREA, true)));
        assertThat(List.of(tooLong.code(), tooLong.field(), tooLong.article()))
                .containsExactly("freezone.land-period-too-long", "until", "003 art. 22.2, 22.7; Land Law art. 35");
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, forever))
                .when(command(grant(HOLDER, PARCEL_A, FROM, sixtiethYearsLastDay.plusDays(1), A1), ZONE_AREA, true))).code())
                .isEqualTo("freezone.land-period-too-long");
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, forever), selected(1))
                .when(command(grant(HOLDER, PARCEL_A, FROM, sixtiethYearsLastDay, A1), ZONE_AREA, true))
                .expectEvents(granted(1, 1, HOLDER, PARCEL_A, FROM, sixtiethYearsLastDay));
        // the application asks for no more than can be granted
        assertThat(refusal(fixture.givenNoPriorActivity().when(apply(application(HOLDER, PARCEL_A, FROM, forever), registered(HOLDER), REPRESENTATIVE)))
                .code()).isEqualTo("freezone.land-period-too-long");
        // the longest period is the ministry's parameter (registry.freezone.land.max-years)
        services.maxYears = 30;
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, forever))
                .when(byGovernor(grant(HOLDER, PARCEL_A, FROM, LocalDate.of(2057, 1, 1), A1), GOVERNOR, ZONE, AT))).code())
                .isEqualTo("freezone.land-period-too-long");
    }

    @Test
    @DisplayName("003 art. 22.2 (choice, abuse audit F49): land is decided for use starting within a year of the act's receipt, not reserved decades ahead")
    void period_starts_within_a_year_of_receipt() {
        LocalDate aYearOn = LocalDate.of(2027, 12, 1); // AT is 2026-12-01 in Ulaanbaatar
        LocalDate decadesAhead = LocalDate.of(2080, 1, 1);
        RegistryProblem reserved = refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, decadesAhead, decadesAhead.plusYears(10), A1), ZONE_AREA, true)));
        assertThat(List.of(reserved.code(), reserved.field(), reserved.article())).containsExactly("freezone.period-starts-too-late", "from", "003 art. 22.2");
        assertThat(refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, aYearOn.plusDays(1), UNTIL, A1), ZONE_AREA, true))).code())
                .isEqualTo("freezone.period-starts-too-late");
        assertThat(refusal(fixture.givenNoPriorActivity().when(apply(application(HOLDER, PARCEL_A, decadesAhead, decadesAhead.plusYears(10)),
                registered(HOLDER), REPRESENTATIVE))).code()).isEqualTo("freezone.period-starts-too-late");
        fixture.given(applied(1, HOLDER, PARCEL_A, aYearOn, UNTIL), selected(1))
                .when(command(grant(HOLDER, PARCEL_A, aYearOn, UNTIL, A1), ZONE_AREA, true))
                .expectEvents(granted(1, 1, HOLDER, PARCEL_A, aYearOn, UNTIL));
    }

    @Test
    @DisplayName("003 art. 22.2 (choice): the decision's period of use does not start before the day the decision is received")
    void decision_is_not_back_dated() {
        LocalDate yesterday = LocalDate.of(2026, 11, 30); // AT is 2026-12-01 in Ulaanbaatar
        RegistryProblem backDated = refusal(fixture.given(applied(1, HOLDER, PARCEL_A, yesterday, UNTIL))
                .when(command(grant(HOLDER, PARCEL_A, yesterday, UNTIL, A1), ZONE_AREA, true)));
        assertThat(List.of(backDated.code(), backDated.field())).containsExactly("freezone.period-before-act", "from");
    }

    @Test
    @DisplayName("003 art. 22.5: no certificate of land rights is issued for a period of use that ended before the fee is recorded")
    void no_certificate_for_a_period_that_has_ended() {
        LandLicenceId id = LandLicenceId.of(ZONE, 1);
        LocalDate ended = LocalDate.of(2026, 11, 30); // AT is 2026-12-01 in Ulaanbaatar
        RegistryProblem late = refusal(fixture.given(applied(1, HOLDER, PARCEL_A, LocalDate.of(2026, 11, 1), ended),
                        granted(1, 1, HOLDER, PARCEL_A, LocalDate.of(2026, 11, 1), ended))
                .when(payFee(new LandCommands.RecordLandFeePaid(ZONE, id, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), registered(HOLDER))));
        assertThat(List.of(late.code(), late.field(), late.article())).containsExactly("freezone.licence-ended", "licenceId", "003 art. 22.5");
        LocalDate lastDayToday = LocalDate.of(2026, 12, 1);
        fixture.given(applied(1, HOLDER, PARCEL_A, LocalDate.of(2026, 11, 1), lastDayToday),
                        granted(1, 1, HOLDER, PARCEL_A, LocalDate.of(2026, 11, 1), lastDayToday))
                .when(payFee(new LandCommands.RecordLandFeePaid(ZONE, id, Money.mnt(120_000_000), "R-1", ZoneLandTest.receiptDocument("R-1")), registered(HOLDER)))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, id, HOLDER, Money.mnt(120_000_000), "R-1", AT, GOVERNOR, ZoneLandTest.receiptDocument("R-1")));
    }

    @Test
    @DisplayName("003 art. 22.2, 22.6: an application made under a registration that was deregistered is not granted after the entity registers in the zone again")
    void application_of_an_earlier_registration_is_not_granted() {
        Instant appliedAt = AT.minus(java.time.Duration.ofDays(500)); // applied, then deregistered on 12.5.1, then registered again a year later
        LandEvents.LandUseApplied earlier = new LandEvents.LandUseApplied(ZONE, A1, HOLDER, "parcel", PARCEL_A,
                ParcelGeometry.hectares(ParcelGeometry.polygon(PARCEL_A)), "warehouse", FROM, UNTIL, LandCommands.AllocationMethod.AUCTION, appliedAt,
                REPRESENTATIVE);
        LandHolders.Holder registeredAgain = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, AT.minus(java.time.Duration.ofDays(10)));
        RegistryProblem stale = refusal(fixture.given(earlier).when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), registeredAgain, ZONE_AREA, true)));
        assertThat(List.of(stale.code(), stale.field(), stale.article()))
                .containsExactly("freezone.land-application-of-earlier-registration", "applicationId", "003 art. 22.2, 22.6");
        // an application made under the current registration is granted
        LandHolders.Holder registeredBefore = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, appliedAt.minusSeconds(60));
        fixture.given(earlier, selected(1)).when(command(grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), registeredBefore, ZONE_AREA, true))
                .expectSuccessfulHandlerExecution();
    }
}
