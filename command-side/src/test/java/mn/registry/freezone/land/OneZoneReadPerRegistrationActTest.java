package mn.registry.freezone.land;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static mn.registry.freezone.land.ZoneLandTest.BOUNDARY;
import static mn.registry.freezone.land.ZoneLandTest.CABINET;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Session 30, the entity's file and its readers (abuse audit O403, closed with no F number: no behaviour changed): an entity's application and
 * its registration read the zone's stream once per act through {@code RegistrationServices.zone} ({@link Zones#require}, then
 * {@link Zones#openOrRefused} and the zone's activities), where main asked {@code requireOpen} and {@code allowedActivities}, each a read of the
 * stream; counted in round trips ({@link CountedRoundTrips}) on the registry's engine, with the same answers, and with no cache.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class OneZoneReadPerRegistrationActTest {

    @Test
    @DisplayName("003 art. 6.1, 6.4, 12.2 (abuse audit O403): a registration act reads the zone's stream once, whether it is open and the "
            + "activities its resolution allows together, one read fewer than main, with the same answers; a closure recorded through another "
            + "node's store is seen by the next act (no cache)")
    void a_registration_act_reads_the_zone_once(ConnectionString server, MongoDatabase database) {
        CountedRoundTrips counted = new CountedRoundTrips();
        try (MongoClient client = CountedRoundTrips.client(server, counted)) {
            EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(CountedRoundTrips.engine(client.getDatabase(database.getName()))).build();
            EmbeddedEventStore otherNode = EmbeddedEventStore.builder().storageEngine(CountedRoundTrips.engine(database)).build();
            try {
                events.publish(new GenericDomainEventMessage<>("Zone", ZONE.stream(), 0, new ZoneEvents.ZoneEstablished(ZONE, "Altanbulag", "Selenge",
                                new BigDecimal("500"), BOUNDARY, List.of(Activity.TRADE, Activity.PRODUCTION), false, "State Great Khural resolution 2026/1",
                                Instant.parse("2026-11-01T00:00:00Z"), CABINET)),
                        new GenericDomainEventMessage<>("Zone", ZONE.stream(), 1, new ZoneEvents.ZoneOpened(ZONE, "opened",
                                Instant.parse("2026-11-02T00:00:00Z"), CABINET, null)));
                Zones zones = new Zones(events);
                List<Set<Activity>> answers = new java.util.ArrayList<>(List.of(Set.of(), Set.of()));
                // main (8116a949): the application's and the registration's handlers asked requireOpen, then allowedActivities
                Map<String, Integer> before = counted.during(() -> {
                    zones.requireOpen(ZONE);
                    answers.set(0, zones.allowedActivities(ZONE));
                });
                // now: RegistryRegistrationServices.zone (Zones.require), the handler's Zones.openOrRefused and the zone's activities
                Map<String, Integer> after = counted.during(() -> answers.set(1, Zones.openOrRefused(zones.require(ZONE)).activities()));
                System.out.println("O403 round trips: before " + before + ", after " + after);
                assertThat(answers.get(1)).isEqualTo(answers.get(0)).containsExactlyInAnyOrder(Activity.TRADE, Activity.PRODUCTION);
                int oneRead = 2; // a stream's read (its events in one commit here) is two finds: its commit, and the next one asked, none
                assertThat(after.get("find events")).as("one read of the zone fewer").isEqualTo(before.get("find events") - oneRead)
                        .isEqualTo(oneRead);

                // no cache: the zone closed through another node's store is closed to the next act here
                otherNode.publish(new GenericDomainEventMessage<>("Zone", ZONE.stream(), 2,
                        new ZoneEvents.ZoneTemporarilyClosed(ZONE, "closed", Instant.parse("2026-12-09T00:00:00Z"), CABINET, null)));
                Zones.Zone closed = zones.require(ZONE);
                assertThat(closed.closures()).extracting(FreeZoneTerms.Closure::reopenedOn).containsExactly((java.time.LocalDate) null);
                assertThat(catchThrowableOfType(() -> Zones.openOrRefused(closed), RegistryProblem.class).code()).isEqualTo("freezone.zone-closed");
            } finally {
                events.shutDown();
                otherNode.shutDown();
            }
        }
    }
}
