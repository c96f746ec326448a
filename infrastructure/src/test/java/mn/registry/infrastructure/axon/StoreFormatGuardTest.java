package mn.registry.infrastructure.axon;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.store.StoreFormat;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0068 (abuse audit O227): the store's format as one node reads, raises and watches it; the registry's start is StoreFormatEndToEndTest's. */
@ExtendWith(EmbeddedMongoExtension.class)
class StoreFormatGuardTest {

    private static final Duration NO_WAIT = Duration.ZERO;

    @Test
    @DisplayName("ADR 0068 (O227): a store of a higher format refuses the start, naming both numbers and docs/production.md, unless that exact "
            + "number is accepted; accepted, the number is never lowered")
    void a_newer_format_refuses_the_start_unless_that_number_is_accepted(MongoDatabase database) {
        record(database, 3);

        assertThatThrownBy(() -> StoreFormatGuard.check(database, 2, 0, "node-a", NO_WAIT)).isInstanceOf(NewerStoreFormat.class)
                .hasMessageContaining("format is 3, newer than this release's 2").hasMessageContaining("docs/production.md");
        assertThatThrownBy(() -> StoreFormatGuard.check(database, 2, 4, "node-a", NO_WAIT)).as("another number accepted")
                .isInstanceOf(NewerStoreFormat.class);

        StoreFormatGuard accepted = StoreFormatGuard.check(database, 2, 3, "node-a", NO_WAIT);
        accepted.started(() -> {
        });
        accepted.beforeAppend();
        accepted.close();
        assertThat(accepted.recorded()).isEqualTo(3);
    }

    @Test
    @DisplayName("ADR 0068 (O227): a lower format is raised once the node has started, not at the check; none recorded reads as the "
            + "format before ADR 0068 and is recorded")
    void a_lower_format_is_raised_once_started(MongoDatabase database) {
        StoreFormatGuard unrecorded = StoreFormatGuard.check(database, StoreFormat.CURRENT, 0, "node-a", NO_WAIT);
        assertThat(unrecorded.recorded()).as("nothing written at the check").isNull();
        unrecorded.started(() -> {
        });
        unrecorded.close();
        assertThat(unrecorded.recorded()).isEqualTo(StoreFormat.CURRENT);

        StoreFormatGuard newer = StoreFormatGuard.check(database, StoreFormat.CURRENT + 1, 0, "node-b", NO_WAIT);
        assertThat(newer.recorded()).isEqualTo(StoreFormat.CURRENT);
        newer.started(() -> {
        });
        newer.close();
        assertThat(newer.recorded()).isEqualTo(StoreFormat.CURRENT + 1);
    }

    @Test
    @DisplayName("ADR 0068 (O227): a node that stores an event before its start has finished raises the number first, so that no event is "
            + "stored under a lower one; raising a recorded number, it waits for the older nodes to stop")
    void the_first_event_raises_the_number_first(MongoDatabase database) {
        record(database, 1);
        StoreFormatGuard guard = StoreFormatGuard.check(database, 2, 0, "node-a", Duration.ofMillis(300));
        assertThat(guard.recorded()).isEqualTo(1);

        long started = System.nanoTime();
        guard.beforeAppend();
        assertThat(guard.recorded()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        started = System.nanoTime();
        guard.beforeAppend();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("once").isLessThan(Duration.ofMillis(300));
    }

    @Test
    @DisplayName("ADR 0068 (O227, ADR 0016): two nodes of one release raising together write the number once; a node of the earlier release "
            + "still running sees a newer node's number, stores no more events and stops")
    void two_nodes(MongoDatabase database) throws Exception {
        record(database, 1);
        StoreFormatGuard a = StoreFormatGuard.check(database, 2, 0, "node-a", NO_WAIT);
        StoreFormatGuard b = StoreFormatGuard.check(database, 2, 0, "node-b", NO_WAIT);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> both = new ArrayList<>();
            for (StoreFormatGuard node : List.of(a, b)) {
                both.add(pool.submit((Callable<Object>) () -> {
                    node.beforeAppend();
                    return null;
                }));
            }
            for (Future<Object> f : both) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(a.recorded()).isEqualTo(2);

        AtomicInteger stops = new AtomicInteger();
        assertThat(a.look(stops::incrementAndGet)).as("its own number").isFalse();
        StoreFormatGuard newer = StoreFormatGuard.check(database, 3, 0, "node-of-a-newer-release", NO_WAIT);
        newer.beforeAppend();

        assertThat(a.look(stops::incrementAndGet)).isTrue();
        assertThat(stops).hasValue(1);
        assertThatThrownBy(a::beforeAppend).isInstanceOf(RegistryProblem.class).hasMessageContaining("format 3")
                .extracting(e -> ((RegistryProblem) e).code()).isEqualTo("registry.store-format-newer");
        assertThat(a.look(stops::incrementAndGet)).as("stopped once").isFalse();
        assertThat(stops).hasValue(1);
    }

    private static void record(MongoDatabase database, int format) {
        database.getCollection(StoreFormatGuard.COLLECTION).insertOne(new Document("_id", StoreFormatGuard.ID).append("format", format));
    }
}
