package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static mn.registry.store.mongo.StoreFixtures.engine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 9 (issue 15 target 2): the append path inserts the commits of many writers in groups (one ordered
 * {@code insertMany}). Eight writers on two engines over one database (two nodes) append random commits, and on purpose
 * commits that must be refused, so that refusals land in the middle of groups: every writer at once races for the
 * first event of one aggregate (exactly one may win), a writer appends again the events it already stored (same
 * aggregate and sequence numbers, new event ids), a writer appends only the middle of a range it stored (session 7's
 * overlap), and a writer reuses an event id already stored. Afterwards a fresh reader and the verifier must find the
 * positions 1..N without a gap, every accepted commit stored once, no refused one, nothing tombstoned.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class GroupedAppendPropertyTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 120;

    @Test
    @DisplayName("ADR 0001/0024, session 9: appends grouped across eight writers on two nodes, with deliberate conflicts in the groups, leave gapless positions, each accepted commit stored once and each refused one never")
    void grouped_appends_with_deliberate_conflicts_stay_gapless_and_answer_each_writer(MongoDatabase database) throws Exception {
        GaplessEventStorageEngine nodeA = engine(database).build();
        GaplessEventStorageEngine nodeB = engine(database).build();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> raceWinners = new ConcurrentHashMap<>();
        AtomicInteger deliberateRefusals = new AtomicInteger();
        AtomicInteger unexpectedRefusals = new AtomicInteger();
        CyclicBarrier raceStart = new CyclicBarrier(WRITERS);

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            GaplessEventStorageEngine node = w % 2 == 0 ? nodeA : nodeB;
            writers.add(pool.submit(() -> {
                Random random = new Random(1000 + writer);
                String own = "own-" + writer;
                long nextSeq = 0;
                List<EventMessage<?>> lastStored = List.of();
                for (int round = 0; round < ROUNDS; round++) {
                    if (round % 10 == 0) { // every writer at once: one aggregate's first event, exactly one may win
                        raceStart.await(30, TimeUnit.SECONDS);
                        String race = "race-" + round;
                        raceWinners.computeIfAbsent(race, r -> new AtomicInteger());
                        List<EventMessage<?>> commit = List.of(StoreFixtures.event(race, 0));
                        if (append(node, commit, accepted, refused)) {
                            raceWinners.get(race).incrementAndGet();
                        }
                        continue;
                    }
                    int kind = random.nextInt(6);
                    if (kind == 0 && !lastStored.isEmpty()) { // the same events again, new event ids: refused
                        List<EventMessage<?>> again = new ArrayList<>();
                        for (EventMessage<?> m : lastStored) {
                            DomainEventMessage<?> d = (DomainEventMessage<?>) m;
                            again.add(StoreFixtures.event(d.getAggregateIdentifier(), d.getSequenceNumber()));
                        }
                        deliberateRefusals.incrementAndGet();
                        assertThat(append(node, again, accepted, refused)).as("a commit stored again is refused").isFalse();
                    } else if (kind == 1 && lastStored.size() == 3) { // only the middle of a stored range: refused
                        DomainEventMessage<?> middle = (DomainEventMessage<?>) lastStored.get(1);
                        deliberateRefusals.incrementAndGet();
                        assertThat(append(node, List.of(StoreFixtures.event(middle.getAggregateIdentifier(), middle.getSequenceNumber())),
                                accepted, refused)).as("an overlap in the middle of a stored range is refused").isFalse();
                    } else if (kind == 2 && !lastStored.isEmpty()) { // an event id already stored, on a fresh aggregate: refused
                        EventMessage<?> reused = new GenericDomainEventMessage<>("Permit", "reuse-" + writer + "-" + round, 0,
                                Map.of("reused", true), org.axonframework.messaging.MetaData.emptyInstance(),
                                lastStored.get(0).getIdentifier(), java.time.Instant.now());
                        deliberateRefusals.incrementAndGet();
                        assertThat(append(node, List.of(reused), accepted, refused)).as("a reused event id is refused").isFalse();
                    } else {
                        int size = 1 + random.nextInt(3);
                        List<EventMessage<?>> commit = new ArrayList<>(StoreFixtures.events(own, nextSeq, size));
                        if (!append(node, commit, accepted, refused)) {
                            unexpectedRefusals.incrementAndGet();
                        } else {
                            nextSeq += size;
                            lastStored = commit;
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(180, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(unexpectedRefusals.get()).as("a writer's own next events are never refused").isZero();
        assertThat(deliberateRefusals.get()).as("deliberate conflicts were tried").isGreaterThan(WRITERS * 10);
        assertThat(raceWinners).as("each race won exactly once").hasSize(ROUNDS / 10)
                .allSatisfy((race, winners) -> assertThat(winners.get()).as(race).isEqualTo(1));

        GaplessEventStorageEngine fresh = engine(database).build();
        List<TrackedEventMessage<?>> stored = StoreFixtures.readAll(fresh, null);
        List<String> storedIds = stored.stream().map(EventMessage::getIdentifier).toList();
        assertThat(new HashSet<>(storedIds)).as("each accepted event stored once").hasSameSizeAs(storedIds)
                .isEqualTo(accepted);
        assertThat(storedIds).as("no refused event stored").doesNotContainAnyElementsOf(refused);
        assertThat(stored.stream().map(StoreFixtures::position).toList()).as("positions 1..N, no gap")
                .containsExactlyElementsOf(LongStream.rangeClosed(1, accepted.size()).boxed().toList());
        VerificationReport report = new StoreVerifier(database, TestSealingKeys.publicKeys()).verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.events()).isEqualTo(accepted.size());
        assertThat(report.tombstones()).as("nothing tombstoned: no hole was left").isZero();
    }

    /** Appends and records the outcome; true when accepted, false when refused as a conflict. */
    private static boolean append(GaplessEventStorageEngine node, List<EventMessage<?>> commit, Set<String> accepted, Set<String> refused) {
        try {
            node.appendEvents(commit);
            commit.forEach(m -> accepted.add(m.getIdentifier()));
            return true;
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            // a reused event id keeps its first writer's event: only this commit's other ids count as refused
            commit.stream().map(EventMessage::getIdentifier).filter(id -> !accepted.contains(id)).forEach(refused::add);
            return false;
        }
    }
}
