package mn.registry.freezone.land;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.freezone.zone.DeciderRepresentsTheEntity;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static mn.registry.freezone.land.FreeZoneLandAbuseRound5Test.problem;
import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.grant;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 30, the entity's own people (ADR 0035 item 110, the lead's reading, choice; abuse audit F532, was O378), the land register's part
 * (the zone registration's is {@code mn.registry.freezone.entity.FreeZoneAbuseRound31RegistrationTest}): an official whose grant of the
 * applicant's role in force at the registry's receipt names the entity's number 6001234 ({@link CommandContext#company()}, folded by
 * {@code IdentityDirectory}) represents it (ADR 0035 item 103), though the demo's applicant-1 signed its land application: as governor they
 * neither grant nor refuse its land nor certify its fee, as Cabinet member they do not record its exemption; the land desk offers none of
 * these. A grant naming another company, or one ended before the receipt, names nothing here.
 */
@org.junit.jupiter.api.extension.ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class FreeZoneAbuseRound31Test extends ZoneLandAbuseFixture {

    private static final String OWN = "6001234";
    private static final String ANOTHER = "6009876";
    private static final String RECEIPT = "TDB-2026-000471";

    /** The body signed by {@code official}, holding {@code role} and the applicant's role whose grant in force names {@code company}. */
    private static CommandMessage<Object> representing(PersonId official, Role role, String company, Object body, Instant at) {
        return SignedCommandContext.message(body, new CommandContext("command-" + official + "-" + company + "-" + at, at, at, official,
                Set.of(role, Role.APPLICANT), role == Role.ZONE_GOVERNOR ? Set.of(ZONE.value()) : Set.of(),
                mn.registry.freezone.FreeZoneSigned.JWS_SHA256, company));
    }

    private static LandCommands.RecordLandFeePaid fee() {
        return new LandCommands.RecordLandFeePaid(ZONE, LandLicenceId.of(ZONE, 1), Money.mnt(120_000_000), RECEIPT, ZoneLandTest.receiptDocument(RECEIPT));
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2; 001 art. 23.1.1 (F532, was O378; ADR 0035 item 110, choice): abuse: a governor whose grant in force "
            + "names the entity's number 6001234, who did not sign its land application, grants or refuses it, or certifies the fee; a Cabinet "
            + "member so enrolled records its exemption: refused 403 freezone.decider-represents-the-entity, no event")
    void an_official_representing_the_entity_does_not_decide_its_land() {
        for (Object decision : new Object[]{grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), new LandCommands.RefuseLandUse(ZONE, A1, List.of("roads"))}) {
            fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                    .when(representing(GOVERNOR, Role.ZONE_GOVERNOR, OWN, decision, AT))
                    .expectException(problem(DeciderRepresentsTheEntity.CODE, "applicationId", DeciderRepresentsTheEntity.ARTICLE))
                    .expectNoEvents();
        }
        Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};
        fixture.given(land)
                .when(representing(GOVERNOR, Role.ZONE_GOVERNOR, OWN, fee(), AT))
                .expectException(problem(DeciderRepresentsTheEntity.CODE, "licenceId", DeciderRepresentsTheEntity.ARTICLE))
                .expectNoEvents();
        fixture.given(land)
                .when(representing(CABINET, Role.CABINET_MEMBER, OWN, ZoneLandTest.exemption(HOLDER, null, 30, FROM, 3, java.time.LocalDate.of(2026, 12, 1)), AT))
                .expectException(problem(DeciderRepresentsTheEntity.CODE, "holder", DeciderRepresentsTheEntity.ARTICLE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2; 001 art. 23.1.1 (F532; ADR 0035 item 110): a governor whose grant names another company (6009876) "
            + "grants the entity's land and certifies its fee: recorded")
    void a_grant_naming_another_company_does_not_bar_the_decision() {
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), ZoneLandTest.selected(1))
                .when(representing(GOVERNOR, Role.ZONE_GOVERNOR, ANOTHER, grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), AT))
                .expectEvents(granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL));
        fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(representing(GOVERNOR, Role.ZONE_GOVERNOR, ANOTHER, fee(), AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2; 001 art. 23.1.1 (F532; ADR 0035 item 110): a governor whose grant naming 6001234 ended before the "
            + "registry's receipt, folded as the registry folds the signer's standing, names nothing: the grant is recorded")
    void a_grant_ended_before_the_receipt_does_not_bar_the_decision(com.mongodb.client.MongoDatabase database) {
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore events = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore
                .builder().storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        try {
            PersonId supervisor = new PersonId("supervisor-1");
            String certificate = "ab".repeat(32);
            Instant enrolled = AT.minusSeconds(86_400);
            Object[] stream = {new mn.registry.kernel.identity.PersonEnrolled(GOVERNOR, "Governor, once a representative", certificate, "AAAA", enrolled),
                    new mn.registry.kernel.identity.RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ZONE.value(), enrolled, supervisor, "appointment",
                            "0c".repeat(32), null),
                    new mn.registry.kernel.identity.RoleGranted(GOVERNOR, Role.APPLICANT, null, enrolled, supervisor, "enrolment", "0d".repeat(32), OWN),
                    new mn.registry.kernel.identity.RoleRevoked(GOVERNOR, Role.APPLICANT, null, AT.minusSeconds(60), supervisor, "power withdrawn")};
            for (int i = 0; i < stream.length; i++) {
                events.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person",
                        mn.registry.infrastructure.identity.IdentityDirectory.streamOf(GOVERNOR), i, stream[i]));
            }
            String company = new mn.registry.infrastructure.identity.IdentityDirectory(events,
                    new mn.registry.infrastructure.privacy.PersonalDataVault(database, java.time.Clock.systemUTC()))
                    .signerAt(GOVERNOR, certificate, AT).orElseThrow().actor().company();
            assertThat(company).as("the grant naming 6001234 ended before the receipt").isNull();
            fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL), ZoneLandTest.selected(1))
                    .when(representing(GOVERNOR, Role.ZONE_GOVERNOR, company, grant(HOLDER, PARCEL_A, FROM, UNTIL, A1), AT))
                    .expectEvents(granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL));
        } finally {
            events.shutDown();
        }
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2; 001 art. 23.1.1 (F532; ADR 0035 item 110): the land desk judges the governor's grant with its company "
            + "as the register does: a governor whose grant names 6001234 is offered no grant, refusal or fee of the entity's")
    void the_land_desk_offers_no_decision_to_the_entitys_representative() {
        org.axonframework.config.Configuration axon = landRegisters(services);
        try {
            Object[] land = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL),
                    new LandEvents.LandUseApplied(ZONE, ZoneLandTest.A2, HOLDER, "parcel", FreeZoneLandAbuseRound5Test.PARCEL_B,
                            ParcelGeometry.hectares(ParcelGeometry.polygon(FreeZoneLandAbuseRound5Test.PARCEL_B)), "warehouse", FROM, UNTIL,
                            LandCommands.AllocationMethod.AUCTION, AT, ZoneLandTest.REPRESENTATIVE)};
            for (int i = 0; i < land.length; i++) {
                axon.eventStore().publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("ZoneLand", ZONE.landStream(), i, land[i]));
            }
            LandActsNow desk = new LandActsNow(java.time.Clock.fixed(AT, java.time.ZoneOffset.UTC), services, axon.eventStore(),
                    () -> axon.repository(ZoneLand.class));
            mn.registry.kernel.freezone.LandActs representing = desk.foldedNow(ZONE, GOVERNOR, OWN).orElseThrow().answer();
            assertThat(representing.on(ZoneLandTest.A2).orElseThrow().grant().refusedWith()).isEqualTo(DeciderRepresentsTheEntity.CODE);
            assertThat(representing.on(ZoneLandTest.A2).orElseThrow().refusal().refusedWith()).isEqualTo(DeciderRepresentsTheEntity.CODE);
            assertThat(representing.feeOf(LandLicenceId.of(ZONE, 1)).orElseThrow().refusedWith()).isEqualTo(DeciderRepresentsTheEntity.CODE);
            mn.registry.kernel.freezone.LandActs another = desk.foldedNow(ZONE, GOVERNOR, ANOTHER).orElseThrow().answer();
            assertThat(another.on(ZoneLandTest.A2).orElseThrow().refusal().accepted()).isTrue();
            assertThat(another.feeOf(LandLicenceId.of(ZONE, 1)).orElseThrow().accepted()).isTrue();
        } finally {
            axon.shutdown();
        }
    }
}
