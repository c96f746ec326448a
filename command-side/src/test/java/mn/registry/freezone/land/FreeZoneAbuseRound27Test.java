package mn.registry.freezone.land;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import mn.registry.freezone.FreeZoneSigned;
import mn.registry.freezone.entity.CourtDecisionsElsewhereOn;
import mn.registry.freezone.zone.EstablishedZones;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import static mn.registry.freezone.land.ZoneLandTest.A1;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 27, Free Zone round 27 on the land register: the land desk's answer reads the zones' list once and asks which other zones' streams
 * exist in one query (abuse audit O257; ADR 0035 item 91), counted in round trips on the registry's engine; and the refusal of a withdrawal
 * by anybody but the entity's representative names the act refused (review of session 26).
 */
@ExtendWith(EmbeddedMongoExtension.class)
class FreeZoneAbuseRound27Test extends ZoneLandAbuseFixture {

    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final ZoneId TSAGAANNUUR = ZoneId.of("tsagaannuur");
    private static RegistrationId entity(int n) {
        return RegistrationId.of(ZONE, new LegalEntity("Selenge Trade " + n + " LLC", Jurisdiction.MONGOLIAN, null, "60012" + (30 + n)));
    }

    @Test
    @DisplayName("003 art. 12.5.3, 22.2 (ADR 0035 item 91; O257): the land desk's answer reads the zones' list once, not once per entity it "
            + "judges, and asks in one query which of the entities' registrations in the other zones have a stream, reading only those; its "
            + "verdicts are those of the entity-by-entity reads, a dissolution recorded elsewhere included")
    void the_land_desks_answer_reads_the_zones_once(ConnectionString server, MongoDatabase database) {
        CountedRoundTrips counted = new CountedRoundTrips();
        try (MongoClient client = CountedRoundTrips.client(server, counted)) {
            MongoDatabase same = client.getDatabase(database.getName());
            GaplessEventStorageEngine engine = CountedRoundTrips.engine(same);
            EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                // four entities registered here with an application pending each; the first registered in Zamyn-Uud too, the second in
                // Tsagaannuur too, where a court's dissolution of it was recorded after its certificate here
                List<Object> land = new ArrayList<>();
                for (int n = 1; n <= 4; n++) {
                    RegistrationId here = entity(n);
                    events.publish(registration(here, 0));
                    land.add(applied(n, here, PARCEL_A, FROM, UNTIL));
                }
                events.publish(registration(entity(1).inZone(ZAMYN_UUD), 0));
                RegistrationId dissolvedThere = entity(2).inZone(TSAGAANNUUR);
                events.publish(registration(dissolvedThere, 0));
                events.publish(new GenericDomainEventMessage<>("ZoneRegistration", dissolvedThere.stream(), 2, new RegistrationEvents.CourtDissolutionRecorded(
                        dissolvedThere, "Khuvsgul civil court 2026/5", LandHoldersTest.registered(dissolvedThere).certificate().issuedOn(), false,
                        new PersonId("governor-tsagaannuur"), null)));
                mn.registry.freezone.zone.ZoneBoundaries zones = EstablishedZones.of(same, ZONE, ZAMYN_UUD, TSAGAANNUUR);
                LandHolders asTheBaseRead = new LandHolders(events, CourtDecisionsElsewhereOn.readingEveryStream(events, zones)::ofEach);
                LandHolders holders = new LandHolders(events, CourtDecisionsElsewhereOn.store(events, zones, engine)::ofEach);

                services = new StandingsRead(asTheBaseRead, false);
                LandActs[] oneByOne = new LandActs[1];
                Map<String, Integer> before = counted.during(() -> oneByOne[0] = actsAt(AT, GOVERNOR, land.toArray()));
                services = new StandingsRead(holders, true);
                LandActs[] together = new LandActs[1];
                Map<String, Integer> after = counted.during(() -> together[0] = actsAt(AT, GOVERNOR, land.toArray()));

                assertThat(together[0]).isEqualTo(oneByOne[0]);
                assertThat(together[0].on(LandApplicationId.of(ZONE, 2)).orElseThrow().grant().refusedWith()).as("dissolved in Tsagaannuur")
                        .isEqualTo("freezone.holder-ground-raised");
                assertThat(together[0].on(LandApplicationId.of(ZONE, 1)).orElseThrow().grant().refusedWith()).as("registered in Zamyn-Uud only")
                        .isNotEqualTo("freezone.holder-ground-raised");
                System.out.println("O257 round trips of the land desk's answer, four entities, three zones: before " + before + ", after " + after);
                assertThat(before.get("find freezone_zone_boundaries")).as("before: the zones' list once per entity").isEqualTo(4);
                assertThat(after.get("find freezone_zone_boundaries")).as("the zones' list once per answer").isEqualTo(1);
                // the store's finds: each entity's own stream (one commit: 2), the two streams elsewhere that exist (2 and 3: one and two
                // commits); before, each of the six empty ones once more (1 each); after, one $in instead
                assertThat(before.get("find events")).isEqualTo(4 * 2 + 2 + 3 + 6);
                assertThat(after.get("find events")).isEqualTo(4 * 2 + 2 + 3 + 1);
                // ADR 0069 item 8 (session 28, F484): a reader beside the aggregate reads from the first event and asks no snapshot (Axon's
                // one-argument read asked one per stream read: 4 + 8 before, 4 + 2 after)
                assertThat(before.get("find snapshots")).as("no snapshot asked").isNull();
                assertThat(after.get("find snapshots")).as("no snapshot asked").isNull();
            } finally {
                events.shutDown();
            }
        }
    }

    /** The entity applied and registered here, its two events in one commit, from {@code seq}. */
    private static GenericDomainEventMessage<?>[] registration(RegistrationId id, long seq) {
        return new GenericDomainEventMessage<?>[] {new GenericDomainEventMessage<>("ZoneRegistration", id.stream(), seq, LandHoldersTest.applied(id)),
                new GenericDomainEventMessage<>("ZoneRegistration", id.stream(), seq + 1, LandHoldersTest.registered(id))};
    }

    /** The test's zone, with the entities' standings read from the store as the registry reads them: one by one, or together. */
    private static final class StandingsRead extends ZoneLandTest.Services {
        private final LandHolders holders;
        private final boolean together;

        StandingsRead(LandHolders holders, boolean together) {
            this.holders = holders;
            this.together = together;
        }

        @Override
        public LandHolders.Holder standing(RegistrationId registration) {
            return holders.standing(registration);
        }

        @Override
        public Map<RegistrationId, LandHolders.Holder> standings(Collection<RegistrationId> registrations) {
            return together ? holders.standings(registrations) : super.standings(registrations);
        }
    }

    @Test
    @DisplayName("003 art. 12.1, 22.2 (ADR 0035 item 86; review of session 26): a withdrawal signed by anybody but the entity's representative "
            + "is refused with a message naming the withdrawal, not an application; the application's refusal still names the application")
    void the_withdrawals_refusal_names_the_withdrawal() {
        RegistryProblem withdrawal = ZoneLandTest.refusal(fixture.given(applied(1, HOLDER, PARCEL_A, FROM, UNTIL))
                .when(FreeZoneSigned.signed(new LandCommands.WithdrawLandApplication(ZONE, A1), GOVERNOR, AT, Role.APPLICANT)));
        assertThat(withdrawal.code()).isEqualTo("freezone.not-representative");
        assertThat(withdrawal.getMessage()).contains("may withdraw its land application in its name").doesNotContain("apply");
        RegistryProblem application = ZoneLandTest.refusal(fixture.given().when(FreeZoneSigned.signed(ZoneLandTest.application(HOLDER, PARCEL_A, FROM,
                UNTIL), GOVERNOR, AT, Role.APPLICANT)));
        assertThat(application.code()).isEqualTo("freezone.not-representative");
        assertThat(application.getMessage()).contains("may apply for land in its name");
        assertThat(REPRESENTATIVE).isNotEqualTo(GOVERNOR);
    }
}
