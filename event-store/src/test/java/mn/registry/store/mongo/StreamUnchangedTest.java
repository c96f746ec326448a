package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.StreamChangedException;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static mn.registry.store.mongo.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0061: a commit stored under a precondition on another stream ("the signer's stream still ends where the identity read found
 * it") is refused when an event of that stream was stored after the read and before the commit, on this node or another, alone or
 * in the same group insert; refused, it is not stored and takes no position. Unmoved, it is stored as any commit.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class StreamUnchangedTest {

    private static final String SIGNER = "person-reviewer-61";

    private MongoDatabase database;

    @BeforeEach
    void setUp(MongoDatabase freshDatabase) {
        this.database = freshDatabase;
    }

    /** What the registry's identity read does: how far the engine knows the store first, then the stream's head. */
    private static StreamUnchanged read(GaplessEventStorageEngine engine, String stream) {
        long storedUpTo = engine.storedUpTo();
        return new StreamUnchanged(stream, engine.lastSequenceNumberFor(stream).orElse(-1L), storedUpTo);
    }

    private static void appendUnder(StreamUnchanged precondition, GaplessEventStorageEngine engine, List<? extends EventMessage<?>> events) {
        StreamUnchanged.during(precondition, () -> {
            engine.appendEvents(events);
            return null;
        });
    }

    private static List<String> stored(GaplessEventStorageEngine engine) {
        return readAll(engine, null).stream()
                .map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier() + "@" + StoreFixtures.position(m)).toList();
    }

    private void verifiesWithoutHoles(int events) {
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify())
                .satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.events()).isEqualTo(events))
                .satisfies(r -> assertThat(r.tombstones()).isZero());
    }

    @Test
    @DisplayName("ADR 0061: the signer's stream moved on this node after the read (its role ended): the act's commit is refused, takes no "
            + "position, the next commit closes up")
    void a_commit_after_the_stream_moved_on_this_node_is_refused() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events(SIGNER, 0, 2));
        engine.appendEvents(event("permit-1", 0));
        StreamUnchanged read = read(engine, SIGNER);
        assertThat(read.lastSequence()).isEqualTo(1);
        engine.appendEvents(event("permit-9", 0)); // another act meanwhile: not the signer's stream
        engine.appendEvents(event(SIGNER, 2)); // the end of the signer's role, stored after the read

        assertThatThrownBy(() -> appendUnder(read, engine, List.of(event("permit-1", 1)))).isInstanceOf(StreamChangedException.class);

        engine.appendEvents(event("permit-2", 0));
        assertThat(stored(engine)).containsExactly(SIGNER + "@1", SIGNER + "@2", "permit-1@3", "permit-9@4", SIGNER + "@5", "permit-2@6");
        assertThat(engine.lastSequenceNumberFor("permit-1")).contains(0L);
        verifiesWithoutHoles(6);
    }

    @Test
    @DisplayName("ADR 0061, several nodes: the signer's stream moved on another node after the read: refused, though this node stored "
            + "commits of its own since; another node's commit on other streams only does not refuse it")
    void a_commit_after_the_stream_moved_on_another_node_is_refused() {
        GaplessEventStorageEngine nodeA = engine(database).build();
        GaplessEventStorageEngine nodeB = engine(database).build();
        nodeA.appendEvents(event(SIGNER, 0));
        StreamUnchanged read = read(nodeA, SIGNER);
        nodeB.appendEvents(event("permit-8", 0)); // another node's commit, not the signer's: the act still stands
        nodeA.appendEvents(event("permit-7", 0));
        appendUnder(read, nodeA, List.of(event("permit-1", 0)));

        StreamUnchanged again = read(nodeA, SIGNER);
        nodeA.appendEvents(event("permit-6", 0));
        nodeB.appendEvents(event(SIGNER, 1)); // the certificate revoked through node B
        assertThatThrownBy(() -> appendUnder(again, nodeA, List.of(event("permit-1", 1)))).isInstanceOf(StreamChangedException.class);

        assertThat(stored(nodeA)).containsExactly(SIGNER + "@1", "permit-8@2", "permit-7@3", "permit-1@4", "permit-6@5", SIGNER + "@6");
        verifiesWithoutHoles(6);
    }

    @Test
    @DisplayName("ADR 0061: once the work's first commit is stored the act has its place; its next commits follow it though the stream "
            + "moved meanwhile (an act is never stored in part), and the precondition ends with the first commit and with the work")
    void the_first_stored_commit_places_the_act() {
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(event(SIGNER, 0));
        StreamUnchanged read = read(engine, SIGNER);
        StreamUnchanged.during(read, () -> {
            engine.appendEvents(event("permit-1", 0));
            assertThat(StreamUnchanged.current()).isNull();
            CompletableFuture.runAsync(() -> engine.appendEvents(event(SIGNER, 1))).join(); // another command, on another thread
            engine.appendEvents(event("zone-1", 0));
            return null;
        });
        assertThat(StreamUnchanged.current()).isNull();
        assertThat(stored(engine)).containsExactly(SIGNER + "@1", "permit-1@2", SIGNER + "@3", "zone-1@4");
    }

    @Test
    @DisplayName("ADR 0061, one group insert: the stream's event queued before the guarded commit refuses it; queued after it, both are "
            + "stored in that order")
    void in_one_group_the_order_of_the_queue_decides() throws Exception {
        GaplessEventStorageEngine engine = engine(database).reservationHook((first, count) -> stallOnce()).build();
        engine.appendEvents(event(SIGNER, 0));

        StreamUnchanged read = read(engine, SIGNER);
        List<CompletableFuture<Void>> queued = oneGroupAfterAStalledLeader(engine, "leader-1",
                () -> engine.appendEvents(event(SIGNER, 1)), () -> appendUnder(read, engine, List.of(event("permit-1", 0))));
        queued.get(0).get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> queued.get(1).get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StreamChangedException.class);

        StreamUnchanged again = read(engine, SIGNER);
        List<CompletableFuture<Void>> reversed = oneGroupAfterAStalledLeader(engine, "leader-2",
                () -> appendUnder(again, engine, List.of(event("permit-2", 0))), () -> engine.appendEvents(event(SIGNER, 2)));
        for (CompletableFuture<Void> commit : reversed) {
            commit.get(10, TimeUnit.SECONDS);
        }

        assertThat(stored(engine)).containsExactly(SIGNER + "@1", "leader-1@2", SIGNER + "@3", "leader-2@4", "permit-2@5", SIGNER + "@6");
        verifiesWithoutHoles(6);
    }

    private final AtomicBoolean stall = new AtomicBoolean();
    private volatile CountDownLatch stalled = new CountDownLatch(1);
    private volatile CountDownLatch release = new CountDownLatch(1);

    private void stallOnce() {
        if (stall.getAndSet(false)) {
            stalled.countDown();
            await(release);
        }
    }

    /** A leader stalled in its insert while two commits queue, in this order, behind it; then released: the two are one group. */
    private List<CompletableFuture<Void>> oneGroupAfterAStalledLeader(GaplessEventStorageEngine engine, String leader, Runnable first,
                                                                     Runnable second) throws Exception {
        stalled = new CountDownLatch(1);
        release = new CountDownLatch(1);
        stall.set(true);
        CompletableFuture<Void> leading = CompletableFuture.runAsync(() -> engine.appendEvents(event(leader, 0)));
        assertThat(stalled.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> one = CompletableFuture.runAsync(first);
        awaitWaiting(engine, 1);
        CompletableFuture<Void> two = CompletableFuture.runAsync(second);
        awaitWaiting(engine, 2);
        release.countDown();
        leading.get(10, TimeUnit.SECONDS);
        return List.of(one, two);
    }
}
