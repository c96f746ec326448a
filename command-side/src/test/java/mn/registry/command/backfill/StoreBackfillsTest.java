package mn.registry.command.backfill;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** D2 of the session 9 review (ADR 0044): the start-up backfills share one pass of the store. */
class StoreBackfillsTest {

    private EmbeddedEventStore store;
    private final AtomicInteger passes = new AtomicInteger();
    private EventStore counted;

    @BeforeEach
    void store() {
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        for (int i = 0; i < 25; i++) {
            store.publish(GenericEventMessage.asEventMessage("event " + i));
        }
        counted = (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class}, (proxy, method, args) -> {
            if (method.getName().equals("openStream")) {
                passes.incrementAndGet();
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @AfterEach
    void close() {
        store.shutDown();
    }

    /** A backfill that records what it was given. */
    static final class Recording implements StartupBackfill {
        final boolean due;
        final List<Object> seen = new ArrayList<>();
        long finishedAfter = -1;
        boolean skipped;

        Recording(boolean due) {
            this.due = due;
        }

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public boolean due() {
            return due;
        }

        @Override
        public void skipped() {
            skipped = true;
        }

        @Override
        public Pass begin() {
            return new Pass() {
                @Override
                public void accept(TrackedEventMessage<?> event) {
                    seen.add(event.getPayload());
                }

                @Override
                public void finish(long read) {
                    finishedAfter = read;
                }
            };
        }
    }

    @Test
    @DisplayName("ADR 0044: with both markers missing, one pass of the store feeds every event to both backfills, in order")
    void one_pass_feeds_both() {
        Recording claims = new Recording(true);
        Recording years = new Recording(true);
        assertThat(StoreBackfills.run(counted, List.of(claims, years))).isEqualTo(2);
        assertThat(passes).hasValue(1);
        assertThat(claims.seen).hasSize(25).startsWith("event 0", "event 1").endsWith("event 24");
        assertThat(years.seen).isEqualTo(claims.seen);
        assertThat(claims.finishedAfter).isEqualTo(25);
        assertThat(years.finishedAfter).isEqualTo(25);
    }

    @Test
    @DisplayName("ADR 0044: a registry where one marker is written and the other not runs only the missing backfill")
    void only_the_missing_one_runs() {
        Recording written = new Recording(false);
        Recording missing = new Recording(true);
        assertThat(StoreBackfills.run(counted, List.of(written, missing))).isEqualTo(1);
        assertThat(passes).hasValue(1);
        assertThat(written.seen).isEmpty();
        assertThat(written.finishedAfter).isEqualTo(-1);
        assertThat(written.skipped).isTrue();
        assertThat(missing.seen).hasSize(25);
        assertThat(missing.skipped).isFalse();
    }

    @Test
    @DisplayName("ADR 0044: with both markers written the store is not read at all")
    void none_missing_reads_nothing() {
        Recording a = new Recording(false);
        Recording b = new Recording(false);
        assertThat(StoreBackfills.run(counted, List.of(a, b))).isZero();
        assertThat(passes).hasValue(0);
        assertThat(a.skipped && b.skipped).isTrue();
    }
}
