package mn.registry.freezone.land;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import mn.registry.freezone.FreeZoneSigned;
import mn.registry.freezone.entity.CourtDecisionsElsewhereOn;
import mn.registry.freezone.zone.EstablishedZones;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.identity.Role;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static mn.registry.freezone.land.ZoneLandTest.BOUNDARY;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
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
 * Session 30, one home, the second round (abuse audit O389): a land act and the land desk's answer read the zone's stream once, the zone and
 * its closures (and activities) together, where main read it for the zone and again for the closures that move 12.5's periods (F501) and
 * the exemption's activities; counted in round trips ({@link CountedRoundTrips}) on the registry's engine, with the same outcome, and with
 * no cache: a closure recorded through another node's store is seen by the next act.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class OneZoneReadPerLandActTest {

    /** After the registration's certificate (2026-12-02), within the year to start: no ground due. */
    static final Instant AT = Instant.parse("2026-12-10T03:00:00Z");

    @Test
    @DisplayName("003 art. 6.4, 12.5.1, 22.2, 22.6, 23.3 (abuse audit O389, F501): an application for land, the land desk's answer and an "
            + "exemption read the zone's stream once, its closures and activities with the zone, one read fewer than main, with the same outcome; "
            + "a closure recorded through another node's store is seen by the next act (no cache)")
    void a_land_act_reads_the_zone_once(ConnectionString server, MongoDatabase database) {
        CountedRoundTrips counted = new CountedRoundTrips();
        try (MongoClient client = CountedRoundTrips.client(server, counted)) {
            MongoDatabase same = client.getDatabase(database.getName());
            EmbeddedEventStore events = store(same);
            EmbeddedEventStore otherNode = store(database);
            try {
                // the zone established and opened, closed for ten days and reopened (one closure that moves 12.5's periods), and the
                // entity registered in it with its certificate: its year to start runs, so its standing asks the zone's closures
                publish(events, ZONE.stream(), new ZoneEvents.ZoneEstablished(ZONE, "Altanbulag", "Selenge", new BigDecimal("500"), BOUNDARY,
                                List.of(Activity.TRADE, Activity.PRODUCTION), false, "State Great Khural resolution 2026/1", Instant.parse("2026-11-01T00:00:00Z"),
                                CABINET),
                        new ZoneEvents.ZoneOpened(ZONE, "opened", Instant.parse("2026-11-02T00:00:00Z"), CABINET, null),
                        new ZoneEvents.ZoneTemporarilyClosed(ZONE, "closed", Instant.parse("2026-11-20T00:00:00Z"), CABINET, null),
                        new ZoneEvents.ZoneOpened(ZONE, "reopened", Instant.parse("2026-11-30T00:00:00Z"), CABINET, null));
                publish(events, HOLDER.stream(), LandHoldersTest.applied(HOLDER), LandHoldersTest.registered(HOLDER));
                Zones zones = new Zones(events);
                assertThat(zones.require(ZONE).closures()).as("the closure read with the zone").hasSize(1);
                mn.registry.freezone.entity.CourtDecisionsElsewhere elsewhere = CourtDecisionsElsewhereOn.store(events, EstablishedZones.of(same, ZONE),
                        CountedRoundTrips.engine(same));
                LandServices registry = new Received(zones, events, elsewhere);
                LandServices asOnMain = new AsOnMain(zones, events, elsewhere);

                CommandMessage<Object> application = FreeZoneSigned.signed(ZoneLandTest.application(HOLDER, PARCEL_A, FROM, UNTIL), REPRESENTATIVE, AT,
                        Role.APPLICANT);
                Map<String, Integer> applyBefore = counted.during(() -> accepted(asOnMain, application));
                Map<String, Integer> applyAfter = counted.during(() -> accepted(registry, application));

                LandActs[] desk = new LandActs[2];
                Map<String, Integer> deskBefore = counted.during(() -> desk[0] = deskAt(asOnMain, appliedNow()));
                Map<String, Integer> deskAfter = counted.during(() -> desk[1] = deskAt(registry, appliedNow()));
                assertThat(desk[1]).isEqualTo(desk[0]);
                // judged on the standing (which passes), then on the auction's result (none recorded here: F541, judged last)
                assertThat(desk[1].on(LandApplicationId.of(ZONE, 1)).orElseThrow().grant().refusedWith()).as("the grant judged on the standing")
                        .isEqualTo("freezone.selection-unknown");

                CommandMessage<Object> exemption = FreeZoneSigned.signed(ZoneLandTest.exemption(null, Activity.TRADE, 30, FROM, 3, LocalDate.of(2026, 12, 5)),
                        CABINET, AT, Role.CABINET_MEMBER);
                Map<String, Integer> exemptBefore = counted.during(() -> accepted(asOnMain, exemption));
                Map<String, Integer> exemptAfter = counted.during(() -> accepted(registry, exemption));

                System.out.println("O389 round trips: application before " + applyBefore + ", after " + applyAfter + "; desk before " + deskBefore
                        + ", after " + deskAfter + "; exemption before " + exemptBefore + ", after " + exemptAfter);
                // a stream's read (its events in one commit here) is two finds: its commit, and the next one asked, none (as O257's count)
                int oneRead = 2;
                assertThat(applyAfter.get("find events")).as("the application: one read of the zone fewer").isEqualTo(applyBefore.get("find events") - oneRead);
                assertThat(deskAfter.get("find events")).as("the desk's answer: one read of the zone fewer").isEqualTo(deskBefore.get("find events") - oneRead);
                assertThat(exemptAfter.get("find events")).as("the exemption: the zone's activities read with it").isEqualTo(exemptBefore.get("find events") - oneRead);
                // after: the zone's stream once and the registration's once; the exemption names no holder: the zone's only. The application,
                // signed by the person who signed the registration on a grant naming no company, reads their own stream too (F590, ADR 0035
                // item 154: whether their grant naming the entity ended), empty here: one find
                assertThat(applyAfter.get("find events")).isEqualTo(2 * oneRead + 1);
                assertThat(deskAfter.get("find events")).isEqualTo(2 * oneRead);
                assertThat(exemptAfter.get("find events")).isEqualTo(oneRead);

                // no cache: the zone closed through another node's store is closed to the next application here
                otherNode.publish(new GenericDomainEventMessage<>("Zone", ZONE.stream(), 4,
                        new ZoneEvents.ZoneTemporarilyClosed(ZONE, "closed again", Instant.parse("2026-12-09T00:00:00Z"), CABINET, null)));
                assertThat(ZoneLandTest.refusal(ZoneLandTest.fixture(registry).givenNoPriorActivity().when(application)).code())
                        .isEqualTo("freezone.zone-closed");
                assertThat(zones.require(ZONE).closures()).as("its closures read with it").hasSize(2);
            } finally {
                events.shutDown();
                otherNode.shutDown();
            }
        }
    }

    /** The entity's application, received at {@link #AT} (in its current registration). */
    private static LandEvents.LandUseApplied appliedNow() {
        LandEvents.LandUseApplied applied = applied(1, HOLDER, PARCEL_A, FROM, UNTIL);
        return new LandEvents.LandUseApplied(ZONE, applied.applicationId(), HOLDER, applied.parcelName(), PARCEL_A, applied.areaHectares(),
                applied.purpose(), FROM, UNTIL, applied.method(), AT, REPRESENTATIVE);
    }

    private static EmbeddedEventStore store(MongoDatabase database) {
        return EmbeddedEventStore.builder().storageEngine(CountedRoundTrips.engine(database)).build();
    }

    private static void publish(EmbeddedEventStore events, String stream, Object... payloads) {
        GenericDomainEventMessage<?>[] messages = new GenericDomainEventMessage<?>[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            messages[i] = new GenericDomainEventMessage<>("Stream", stream, i, payloads[i]);
        }
        events.publish(messages);
    }

    /** The act, on a land register with no event yet, is recorded. */
    private static void accepted(LandServices services, CommandMessage<Object> act) {
        ZoneLandTest.fixture(services).givenNoPriorActivity().when(act).expectSuccessfulHandlerExecution();
    }

    /** The land desk's answer at {@link #AT} for the governor, on the register's events, read as the registry reads it. */
    private static LandActs deskAt(LandServices services, Object... events) {
        Configuration axon = ZoneLandAbuseFixture.landRegisters(services);
        try {
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneLand", ZONE.landStream(), i, events[i]));
            }
            Supplier<org.axonframework.modelling.command.Repository<ZoneLand>> registers = () -> axon.repository(ZoneLand.class);
            return new LandActsNow(Clock.fixed(AT, ZoneOffset.UTC), services, axon.eventStore(), registers).now(ZONE, GOVERNOR).orElseThrow();
        } finally {
            axon.shutdown();
        }
    }

    /** The registry's services, the government's decisions received (the test has no document store). */
    private static class Received extends RegistryLandServices {

        Received(Zones zones, EmbeddedEventStore events, mn.registry.freezone.entity.CourtDecisionsElsewhere elsewhere) {
            super(zones, events, null, elsewhere, 60, null, null); // no permit register: no company ended
        }

        @Override
        public boolean documentReceived(String sha256) {
            return true;
        }
    }

    /**
     * The registry's services as main (13e78a82) asked them: the standing's closures read from the zone's stream again (through
     * {@code Zones.closures}) beside the act's read of the zone, the exemption's activities read a third time.
     */
    private static final class AsOnMain extends Received {
        private final Zones zones;

        AsOnMain(Zones zones, EmbeddedEventStore events, mn.registry.freezone.entity.CourtDecisionsElsewhere elsewhere) {
            super(zones, events, elsewhere);
            this.zones = zones;
        }

        @Override
        public LandHolders.Holder standing(RegistrationId registration, Zones.Zone zone) {
            return standing(registration);
        }

        @Override
        public Map<RegistrationId, LandHolders.Holder> standings(Collection<RegistrationId> registrations, Zones.Zone zone) {
            return standings(registrations);
        }

        @Override
        public Set<Activity> allowedActivities(Zones.Zone zone) {
            return zones.allowedActivities(zone.zoneId());
        }
    }
}
