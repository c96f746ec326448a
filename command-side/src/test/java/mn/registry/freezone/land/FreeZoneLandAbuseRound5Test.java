package mn.registry.freezone.land;

import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.problem.RegistryProblem;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static org.assertj.core.api.Assertions.assertThat;
import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FIRST_HALF;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.OTHER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;

/**
 * Session 10's abuse audit of a zone's land register (docs/abuse-audit.md F80-F99): a governor deciding the land application
 * they signed as the entity's representative, one fee receipt for two certificates, a parcel too small to publish.
 */
class FreeZoneLandAbuseRound5Test extends ZoneLandAbuseFixture {

    static final GeoPolygon PARCEL_B = GeoPolygon.of(106.43, 50.31, 106.44, 50.31, 106.44, 50.32, 106.43, 50.32);

    static Matcher<RegistryProblem> problem(String code, String field, String article) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code()) && field.equals(problem.field()) && article.equals(problem.article());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem " + code + " on " + field + " citing " + article);
            }
        };
    }

    @Test
    @DisplayName("003 art. 8.7.7, 22.2 (F83): a governor does not grant or refuse the land application they signed as the entity's representative")
    void governor_does_not_decide_their_own_land_application() {
        LandCommands.GrantLandRights grant = ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, A1);
        for (Object decision : new Object[]{grant, new LandCommands.RefuseLandUse(ZONE, A1, List.of("parcel reserved for roads"))}) {
            fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                    .when(signed(decision, REPRESENTATIVE, AT, Set.of(Role.ZONE_GOVERNOR, Role.APPLICANT), Set.of(ZONE.value())))
                    .expectException(problem("freezone.decider-is-applicant", "applicationId", "003 art. 8.7.7, 22.2"))
                    .expectNoEvents();
        }
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), ZoneLandTest.selected(1))
                .when(byGovernor(grant, GOVERNOR, ZONE, AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.5 (F84): one payment's receipt issues one certificate: the receipt of licence 1 (any spelling) is refused for licence 2")
    void one_receipt_issues_one_certificate() {
        LandLicenceId first = LandLicenceId.of(ZONE, 1);
        LandLicenceId second = LandLicenceId.of(ZONE, 2);
        Object[] given = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), applied(2, OTHER, PARCEL_B, FROM, UNTIL),
                granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL), granted(2, 2, OTHER, PARCEL_B, FROM, UNTIL),
                new LandEvents.LandLicenceIssued(ZONE, first, HOLDER, Money.mnt(120_000_000), "TDB-2026-000451", AT, GOVERNOR, ZoneLandTest.receiptDocument("TDB-2026-000451"))};
        for (String receipt : new String[]{"TDB-2026-000451", " tdb-2026-000451 ", "ＴＤＢ－２０２６－０００４５１", "TDB-2026-\u200b000451", "tdb 2026 000451", "TDB/2026/000451"}) {
            fixture.given(given)
                    .when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, second, Money.mnt(120_000_000), receipt, ZoneLandTest.receiptDocument(receipt)), GOVERNOR, ZONE, AT))
                    .expectException(problem("freezone.receipt-used-already", "receipt", "003 art. 22.5"))
                    .expectNoEvents();
        }
        fixture.given(given)
                .when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, second, Money.mnt(120_000_000), "TDB-2026-000452", ZoneLandTest.receiptDocument("TDB-2026-000452")), GOVERNOR, ZONE, AT))
                .expectEvents(new LandEvents.LandLicenceIssued(ZONE, second, OTHER, Money.mnt(120_000_000), "TDB-2026-000452", AT, GOVERNOR, ZoneLandTest.receiptDocument("TDB-2026-000452")));
    }

    @Test
    @DisplayName("003 art. 22.2 (F85): a parcel of less than a square metre, published as 0.0000 ha, is refused at the application and the grant")
    void parcel_has_an_area_the_register_can_publish() {
        GeoPolygon speck = GeoPolygon.of(106.41, 50.31, 106.410001, 50.31, 106.410001, 50.310001, 106.41, 50.310001);
        services.standing = ZoneLandTest.registered(HOLDER);
        fixture.givenNoPriorActivity()
                .when(signed(ZoneLandTest.application(HOLDER, speck, FROM, UNTIL), REPRESENTATIVE, AT, Role.APPLICANT))
                .expectException(problem("freezone.parcel-too-small", "parcel", "003 art. 22.2"))
                .expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(byGovernor(ZoneLandTest.grant(HOLDER, speck, FROM, FIRST_HALF, A1), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.parcel-too-small", "parcel", "003 art. 22.2"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(signed(ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), REPRESENTATIVE, AT, Role.APPLICANT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.2 (F87): a land purpose, parcel name or decision reference with bidirectional overrides or control characters is refused")
    void land_texts_have_no_control_characters() {
        services.standing = ZoneLandTest.registered(HOLDER);
        LandCommands.ApplyForLandUse plain = ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL);
        LandCommands.ApplyForLandUse purpose = new LandCommands.ApplyForLandUse(ZONE, HOLDER, "parcel", PARCEL_A, "ware\u202ehouse", FROM, UNTIL,
                LandCommands.AllocationMethod.AUCTION);
        LandCommands.ApplyForLandUse name = new LandCommands.ApplyForLandUse(ZONE, HOLDER, "parcel\u0007 7", PARCEL_A, "warehouse", FROM, UNTIL,
                LandCommands.AllocationMethod.AUCTION);
        fixture.givenNoPriorActivity().when(signed(purpose, REPRESENTATIVE, AT, Role.APPLICANT))
                .expectException(problem("privacy.published-text-has-control-characters", "purpose", "003 art. 22.2")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(name, REPRESENTATIVE, AT, Role.APPLICANT))
                .expectException(problem("privacy.published-text-has-control-characters", "parcelName", "003 art. 22.2")).expectNoEvents();
        LandCommands.GrantLandRights g = ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, A1);
        LandCommands.GrantLandRights decision = new LandCommands.GrantLandRights(ZONE, HOLDER, "parcel", PARCEL_A, "warehouse", FROM, UNTIL,
                g.method(), g.nominalValue(), "Governor decision \u202e44/6202", A1);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL)).when(byGovernor(decision, GOVERNOR, ZONE, AT))
                .expectException(problem("privacy.published-text-has-control-characters", "decision", "003 art. 22.2")).expectNoEvents();
        fixture.givenNoPriorActivity().when(signed(plain, REPRESENTATIVE, AT, Role.APPLICANT)).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 6.1, 22.2 (held): a self-intersecting parcel, one of zero area, an open ring, huge coordinates, or one reaching past the zone's boundary is refused; nothing stored")
    void malformed_parcels_are_refused() {
        services.standing = ZoneLandTest.registered(HOLDER);
        GeoPolygon bowtie = GeoPolygon.of(106.41, 50.31, 106.42, 50.32, 106.42, 50.31, 106.41, 50.32);
        GeoPolygon line = GeoPolygon.of(106.41, 50.31, 106.42, 50.31, 106.43, 50.31, 106.415, 50.31);
        GeoPolygon huge = GeoPolygon.of(1e300, 1e300, 2e300, 1e300, 2e300, 2e300, 1e300, 2e300);
        GeoPolygon across = GeoPolygon.of(106.45, 50.31, 106.47, 50.31, 106.47, 50.32, 106.45, 50.32);
        for (GeoPolygon parcel : new GeoPolygon[]{bowtie, line}) {
            fixture.givenNoPriorActivity()
                    .when(signed(ZoneLandTest.application(HOLDER, parcel, FROM, UNTIL), REPRESENTATIVE, AT, Role.APPLICANT))
                    .expectException(problem("freezone.parcel-invalid", "parcel", "003 art. 22.2")).expectNoEvents();
        }
        for (GeoPolygon parcel : new GeoPolygon[]{huge, across}) {
            fixture.givenNoPriorActivity()
                    .when(signed(ZoneLandTest.application(HOLDER, parcel, FROM, UNTIL), REPRESENTATIVE, AT, Role.APPLICANT))
                    .expectException(problem("freezone.parcel-outside-zone", "parcel", "003 art. 6.1, 22.2")).expectNoEvents();
        }
    }

    @Test
    @DisplayName("003 art. 12.5, 22.6 (F91): an entity whose 12.5.1 or 12.5.2 ground is raised gets no land: no application, no grant, no certificate; without the ground each goes through")
    void no_land_while_a_ground_for_losing_it_is_raised() {
        LandHolders.Holder due = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, true);
        services.standing = due;
        fixture.givenNoPriorActivity()
                .when(signed(ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), REPRESENTATIVE, AT, Role.APPLICANT))
                .expectException(problem("freezone.holder-ground-raised", "applicant", "003 art. 12.5, 22.6")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.holder-ground-raised", "holder", "003 art. 12.5, 22.6")).expectNoEvents();
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, LandLicenceId.of(ZONE, 1), Money.mnt(120_000_000), "TDB-2026-000460", ZoneLandTest.receiptDocument("TDB-2026-000460")),
                        GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.holder-ground-raised", "licenceId", "003 art. 12.5, 22.6")).expectNoEvents();
        services.standing = ZoneLandTest.registered(HOLDER);
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, LandLicenceId.of(ZONE, 1), Money.mnt(120_000_000), "TDB-2026-000460", ZoneLandTest.receiptDocument("TDB-2026-000460")),
                        GOVERNOR, ZONE, AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.6, 22.7 (F91, F120): the holder's standing reads a raised 12.5 ground from the registration's events, and a new application clears it")
    void standing_reads_the_raised_ground() {
        org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine engine =
                new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine();
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store =
                org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder().storageEngine(engine).build();
        LandHolders holders = new LandHolders(store);
        String stream = HOLDER.stream();
        java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
        java.util.function.Consumer<Object> append = e -> store.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("ZoneRegistration",
                stream, seq.getAndIncrement(), e));
        append.accept(LandHoldersTest.applied(HOLDER));
        append.accept(LandHoldersTest.registered(HOLDER));
        assertThat(holders.standing(HOLDER).landGroundRaised()).isFalse();
        append.accept(new mn.registry.kernel.freezone.RegistrationEvents.DeregistrationGroundRaised(HOLDER,
                mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", FROM, AT, null));
        assertThat(holders.standing(HOLDER).landGroundRaised()).as("a court's dissolution ends the land rights too (22.7, ADR 0035 item 16)").isTrue();
        append.accept(new mn.registry.kernel.freezone.RegistrationEvents.DeregistrationGroundRaised(HOLDER,
                mn.registry.kernel.freezone.DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", FROM, AT, null));
        assertThat(holders.standing(HOLDER).landGroundRaised()).isTrue();
        assertThat(holders.standing(HOLDER).registered()).isTrue();
        append.accept(LandHoldersTest.applied(HOLDER));
        assertThat(holders.standing(HOLDER).landGroundRaised()).as("a new application is a new registration").isFalse();
    }

    @Test
    @DisplayName("003 art. 22.5, 23.4 (F93): the governor who signed the land application does not record its fee (issuing the certificate), and the Cabinet member who represents the holder does not record its exemption")
    void no_fee_or_exemption_recorded_by_the_holders_representative() {
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        fixture.given(land)
                .when(signed(new LandCommands.RecordLandFeePaid(ZONE, LandLicenceId.of(ZONE, 1), Money.mnt(120_000_000), "TDB-2026-000470", ZoneLandTest.receiptDocument("TDB-2026-000470")),
                        REPRESENTATIVE, AT, Set.of(Role.ZONE_GOVERNOR, Role.APPLICANT), Set.of(ZONE.value())))
                .expectException(problem("freezone.decider-is-applicant", "licenceId", "003 art. 8.7.7, 22.5")).expectNoEvents();
        java.time.LocalDate decided = java.time.LocalDate.of(2026, 12, 1); // the rights' grant (F173)
        fixture.given(land)
                .when(signed(ZoneLandTest.exemption(HOLDER, null, 30, FROM, 3, decided), REPRESENTATIVE, AT, Role.CABINET_MEMBER, Role.APPLICANT))
                .expectException(problem("freezone.decider-is-applicant", "holder", "003 art. 23.4")).expectNoEvents();
        fixture.given(land)
                .when(signed(ZoneLandTest.exemption(HOLDER, null, 30, FROM, 3, decided), ZoneLandTest.CABINET, AT, Role.CABINET_MEMBER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 23.3-23.4 (F94): the Government's exemption by name goes to a holder registered in the zone whose land rights run in the exemption's period: not to one deregistered or dissolved, nor for land whose period ended")
    void exemption_goes_to_a_registered_holder_of_land_in_force() {
        java.time.LocalDate decided = java.time.LocalDate.of(2026, 12, 1); // the rights' grant (F173)
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, FIRST_HALF), granted(1, 1, HOLDER, PARCEL_A, FROM, FIRST_HALF)};
        services.standing = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        fixture.given(land)
                .when(signed(ZoneLandTest.exemption(HOLDER, null, 30, FROM, 3, decided), ZoneLandTest.CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.holder-not-registered", "holder", "003 art. 12.2, 22.2")).expectNoEvents();
        services.standing = ZoneLandTest.registered(HOLDER);
        fixture.given(land)
                .when(signed(ZoneLandTest.exemption(HOLDER, null, 30, FIRST_HALF.plusDays(1), 3, decided), ZoneLandTest.CABINET, AT, Role.CABINET_MEMBER))
                .expectException(problem("freezone.exemption-holder-without-land", "holder", "003 art. 23.3")).expectNoEvents();
        fixture.given(land)
                .when(signed(ZoneLandTest.exemption(HOLDER, null, 30, FIRST_HALF, 3, decided), ZoneLandTest.CABINET, AT, Role.CABINET_MEMBER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 22.2, 22.5 (held): an application or licence id of another zone (zamyn-uud-A1, zamyn-uud-L1) in Altanbulag's register is unknown there; nothing stored")
    void ids_of_another_zone_are_unknown() {
        mn.registry.kernel.freezone.ZoneId zamynUud = mn.registry.kernel.freezone.ZoneId.of("zamyn-uud");
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        fixture.given(land)
                .when(byGovernor(ZoneLandTest.grant(HOLDER, PARCEL_A, FROM, UNTIL, mn.registry.kernel.freezone.LandApplicationId.of(zamynUud, 1)),
                        GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.land-application-unknown", "applicationId", "003 art. 22.2, 8.7.7")).expectNoEvents();
        fixture.given(land)
                .when(byGovernor(new LandCommands.RecordLandFeePaid(ZONE, LandLicenceId.of(zamynUud, 1), Money.mnt(120_000_000), "TDB-2026-000480", ZoneLandTest.receiptDocument("TDB-2026-000480")),
                        GOVERNOR, ZONE, AT))
                .expectException(problem("freezone.licence-unknown", "licenceId", "003 art. 22.5")).expectNoEvents();
    }
}
