package mn.registry.freezone.zone;

import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@org.junit.jupiter.api.extension.ExtendWith(mn.registry.store.testing.EmbeddedMongoExtension.class)
class ZoneBoundariesTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final GeoPolygon ALTANBULAG_GROUND = GeoPolygon.of(106.43, 50.31, 106.47, 50.31, 106.47, 50.33, 106.43, 50.33);
    static final List<ZoneBoundaries.Established> ESTABLISHED = List.of(new ZoneBoundaries.Established(ALTANBULAG, ALTANBULAG_GROUND),
            new ZoneBoundaries.Established(ZoneId.of("zamyn-uud"), GeoPolygon.of(111.88, 43.70, 111.92, 43.70, 111.92, 43.73, 111.88, 43.73)));

    @Test
    @DisplayName("003 art. 6.1, 22.2 (choice, ADR 0035 item 24, F161): a zone is not established over part of another zone's ground, nor over "
            + "all of it, nor inside it; the problem names the field, the article and the other zone")
    void a_zone_over_another_zones_ground_is_refused() {
        for (GeoPolygon over : List.of(GeoPolygon.of(106.40, 50.30, 106.46, 50.30, 106.46, 50.33, 106.40, 50.33), // the cabinet form's old sample
                ALTANBULAG_GROUND, // the same ground under a second id
                GeoPolygon.of(106.44, 50.315, 106.45, 50.315, 106.45, 50.32, 106.44, 50.32), // a zone inside it
                GeoPolygon.of(106.0, 50.0, 107.0, 50.0, 107.0, 51.0, 106.0, 51.0))) { // a zone around it
            RegistryProblem refused = catchThrowableOfType(() -> ZoneBoundaries.boundaryOverlapsNoOtherZone(ZoneId.of("altanbulag-2"), over,
                    ESTABLISHED), RegistryProblem.class);
            assertThat(refused).as(over.toString()).isNotNull();
            assertThat(refused.code()).isEqualTo("freezone.zone-overlaps");
            assertThat(refused.field()).isEqualTo("boundary");
            assertThat(refused.article()).isEqualTo("003 art. 6.1, 22.2");
            assertThat(refused.getMessage()).contains("altanbulag");
        }
    }

    @Test
    @DisplayName("003 art. 6.1 (F161): a zone sharing a border with another, or far from every other, is established; the same id is left to "
            + "'established already', and a boundary that is no polygon to the zone's own check")
    void a_neighbour_or_a_distant_zone_is_established() {
        assertThatCode(() -> ZoneBoundaries.boundaryOverlapsNoOtherZone(ZoneId.of("altanbulag-east"),
                GeoPolygon.of(106.47, 50.31, 106.50, 50.31, 106.50, 50.33, 106.47, 50.33), ESTABLISHED)).doesNotThrowAnyException();
        assertThatCode(() -> ZoneBoundaries.boundaryOverlapsNoOtherZone(ZoneId.of("tsagaannuur"),
                GeoPolygon.of(89.0, 49.5, 89.1, 49.5, 89.1, 49.6, 89.0, 49.6), ESTABLISHED)).doesNotThrowAnyException();
        assertThatCode(() -> ZoneBoundaries.boundaryOverlapsNoOtherZone(ALTANBULAG, ALTANBULAG_GROUND, ESTABLISHED)).doesNotThrowAnyException();
        assertThatCode(() -> ZoneBoundaries.boundaryOverlapsNoOtherZone(ZoneId.of("bow-tie"),
                GeoPolygon.of(106.43, 50.31, 106.47, 50.33, 106.47, 50.31, 106.43, 50.33), ESTABLISHED)).doesNotThrowAnyException();
        assertThatCode(() -> ZoneBoundaries.boundaryOverlapsNoOtherZone(ZoneId.of("none"), null, ESTABLISHED)).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("ADR 0035 item 24 (F161): the zones established before the rule are read once from the store at start, then the marker; an "
            + "establishment after it is written by the command type; both then refuse a zone over their ground")
    void zones_established_before_the_rule_are_read_once(com.mongodb.client.MongoDatabase database) {
        ZoneBoundaries boundaries = new ZoneBoundaries(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC()));
        assertThat(boundaries.due()).isTrue();
        mn.registry.command.backfill.StartupBackfill.Pass pass = boundaries.begin();
        pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null, org.axonframework.eventhandling.GenericEventMessage
                .asEventMessage(new mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished(ALTANBULAG, "Altanbulag Free Trade Zone", "Selenge",
                        new java.math.BigDecimal("500"), ALTANBULAG_GROUND, List.of(mn.registry.kernel.freezone.Activity.TRADE), false,
                        "resolution 2002/15", java.time.Instant.parse("2026-01-01T00:00:00Z"), new mn.registry.kernel.identity.PersonId("cabinet-1")))));
        pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null, org.axonframework.eventhandling.GenericEventMessage
                .asEventMessage("another event")));
        pass.finish(2);
        assertThat(boundaries.due()).isFalse();
        boundaries.record(ZoneId.of("zamyn-uud"), ESTABLISHED.get(1).boundary());
        assertThat(boundaries.all()).extracting(ZoneBoundaries.Established::zoneId).containsExactlyInAnyOrder(ALTANBULAG, ZoneId.of("zamyn-uud"));
        RegistryProblem refused = catchThrowableOfType(() -> boundaries.requireNoOverlap(ZoneId.of("altanbulag-2"), ALTANBULAG_GROUND),
                RegistryProblem.class);
        assertThat(refused.code()).isEqualTo("freezone.zone-overlaps");
        assertThat(new ZoneBoundaries(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC())).due()).isFalse(); // the next start does not read the store again
    }

    @Test
    @DisplayName("003 art. 6.1, 12.5.3 (ADR 0035 items 67, 72; F338, was O181): every zone established is listed, one established before F161 "
            + "without a boundary too, also on a registry whose first pass (boundaries only) ran; such a zone is no ground an establishment overlaps")
    void every_zone_established_is_listed_with_or_without_a_boundary(com.mongodb.client.MongoDatabase database) {
        // the registry as the earlier release left it: its pass ran and wrote the zones with a boundary, then its marker
        database.getCollection(ZoneBoundaries.COLLECTION).insertOne(new org.bson.Document("_id", "backfill:adr-0035-24").append("zones", 1));
        database.getCollection(ZoneBoundaries.COLLECTION).insertOne(new org.bson.Document("_id", "zamyn-uud")
                .append("coordinates", ESTABLISHED.get(1).boundary().coordinates()));
        ZoneBoundaries boundaries = new ZoneBoundaries(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC()));
        assertThat(boundaries.due()).as("the zones established without a boundary are read once more").isTrue();
        mn.registry.command.backfill.StartupBackfill.Pass pass = boundaries.begin();
        for (mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished established : List.of(
                new mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished(ZoneId.of("khankh"), "Khankh Free Zone", "Khovsgol", new java.math.BigDecimal("300"),
                        null, List.of(mn.registry.kernel.freezone.Activity.TRADE), false, "resolution 2010/3", java.time.Instant.parse("2020-01-01T00:00:00Z"),
                        new mn.registry.kernel.identity.PersonId("cabinet-1")),
                new mn.registry.kernel.freezone.ZoneEvents.ZoneEstablished(ZoneId.of("zamyn-uud"), "Zamyn-Uud Free Economic Zone", "Dornogovi",
                        new java.math.BigDecimal("900"), ESTABLISHED.get(1).boundary(), List.of(mn.registry.kernel.freezone.Activity.TRADE), false,
                        "resolution 2004/12", java.time.Instant.parse("2020-01-02T00:00:00Z"), new mn.registry.kernel.identity.PersonId("cabinet-1")))) {
            pass.accept(new org.axonframework.eventhandling.GenericTrackedEventMessage<>(null,
                    org.axonframework.eventhandling.GenericEventMessage.asEventMessage(established)));
        }
        pass.finish(2);
        assertThat(boundaries.established()).containsExactlyInAnyOrder(ZoneId.of("khankh"), ZoneId.of("zamyn-uud"));
        assertThatCode(() -> boundaries.requireNoOverlap(ZoneId.of("khankh-2"), GeoPolygon.of(100.0, 51.0, 100.1, 51.0, 100.1, 51.1, 100.0, 51.1)))
                .doesNotThrowAnyException();
        assertThat(new ZoneBoundaries(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC())).due()).isFalse();
    }

    @Test
    @DisplayName("003 art. 6.1, 22.2 (choice, ADR 0035 item 25, F165, was O98): two establishments of overlapping zones received at the same "
            + "instant on two nodes are serialised by one registry-wide key: the second waits for the first, then is refused as overlapping")
    void two_overlapping_establishments_on_two_nodes_are_serialised(com.mongodb.client.MongoDatabase database) throws Exception {
        mn.registry.command.api.CommandLog log = new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC());
        ZoneBoundaries nodeA = new ZoneBoundaries(database, log);
        ZoneBoundaries nodeB = new ZoneBoundaries(database, log);
        for (ZoneBoundaries node : List.of(nodeA, nodeB)) {
            node.skipped(); // no zone stored before the rule
        }
        java.time.Instant at = java.time.Instant.parse("2026-06-01T02:00:00Z");
        log.claim("establish-north", "sha-north", "jws", "EstablishZone", "cabinet-1");
        log.claim("establish-south", "sha-south", "jws", "EstablishZone", "cabinet-1");
        GeoPolygon north = GeoPolygon.of(106.43, 50.31, 106.47, 50.31, 106.47, 50.33, 106.43, 50.33);
        GeoPolygon over = GeoPolygon.of(106.45, 50.30, 106.49, 50.30, 106.49, 50.32, 106.45, 50.32);
        java.util.concurrent.ExecutorService node = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.atomic.AtomicReference<java.util.concurrent.Future<String>> second = new java.util.concurrent.atomic.AtomicReference<>();
            String first = nodeA.establishAlone(ZoneId.of("selenge-north"), north, "establish-north", at, () -> {
                // while the first is being established (its boundary not yet recorded), the second arrives on the other node
                second.set(node.submit(() -> nodeB.establishAlone(ZoneId.of("selenge-south"), over, "establish-south", at, () -> "ESTABLISHED")));
                try {
                    second.get().get(2, java.util.concurrent.TimeUnit.SECONDS); // without the key it runs to its end meanwhile
                } catch (java.util.concurrent.TimeoutException waiting) {
                    // with the key it waits for this establishment to finish
                } catch (Exception e) {
                    // refused: judged below
                }
                return "ESTABLISHED";
            });
            assertThat(first).isEqualTo("ESTABLISHED");
            java.util.concurrent.ExecutionException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    () -> second.get().get(30, java.util.concurrent.TimeUnit.SECONDS), java.util.concurrent.ExecutionException.class);
            assertThat(refused).as("the second establishment over the first's ground").isNotNull();
            assertThat(refused.getCause()).isInstanceOf(RegistryProblem.class);
            assertThat(((RegistryProblem) refused.getCause()).code()).isEqualTo("freezone.zone-overlaps");
            assertThat(nodeB.all()).extracting(ZoneBoundaries.Established::zoneId).containsExactly(ZoneId.of("selenge-north"));
        } finally {
            node.shutdownNow();
        }
        // the key was released: a later, distant establishment goes ahead; a key left by an answered command is taken over
        log.claim("establish-far", "sha-far", "jws", "EstablishZone", "cabinet-1");
        database.getCollection(ZoneBoundaries.ESTABLISHING).insertOne(new org.bson.Document("_id", ZoneBoundaries.ESTABLISHING_KEY)
                .append("commandId", "establish-north"));
        log.done("establish-north", "{}", 200);
        assertThat(nodeB.establishAlone(ZoneId.of("tsagaannuur"), GeoPolygon.of(89.0, 49.5, 89.1, 49.5, 89.1, 49.6, 89.0, 49.6),
                "establish-far", at, () -> "ESTABLISHED")).isEqualTo("ESTABLISHED");
    }
}
