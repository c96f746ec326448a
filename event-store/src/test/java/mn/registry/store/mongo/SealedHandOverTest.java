package mn.registry.store.mongo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0053 "not done", session 17: a full hand-over keeps what its consumer, reading in global order, needs next. */
class SealedHandOverTest {

    private static StoredEvent event(long position) {
        return new StoredEvent("event-" + position, true, "PermitApplication", "app-" + position, 0, "2026-12-06T00:00:00Z", "PermitIssued", null,
                "{}", "{}", null, "hash-" + position, "key", "seal", null, null, null);
    }

    private static SealedHandOver handOver(int capacity) {
        SealedHandOver handOver = new SealedHandOver(capacity);
        handOver.keepWhen(type -> true);
        return handOver;
    }

    @Test
    @DisplayName("readers far ahead of the consumer do not push out the events it needs next (a first start's catch-up)")
    void readers_ahead_do_not_push_out_what_the_consumer_needs_next() {
        SealedHandOver handOver = handOver(3);
        LongStream.rangeClosed(1, 10).forEach(p -> handOver.offer(p, event(p))); // nine other processors' readers, ahead

        for (long p = 1; p <= 3; p++) {
            long position = p;
            assertThat(handOver.take("event-" + p)).as("position " + p).hasValueSatisfying(h -> assertThat(h.position()).isEqualTo(position));
        }
        handOver.offer(4, event(4)); // the consumer's own reader, just before it takes the event
        LongStream.rangeClosed(5, 20).forEach(p -> handOver.offer(p, event(p)));
        assertThat(handOver.take("event-4")).isPresent();
        assertThat(handOver.take("event-5")).isPresent();
        assertThat(handOver.missed()).isZero();
        assertThat(handOver.take("event-20")).as("too far ahead: read from the store").isEmpty();
        assertThat(handOver.missed()).isOne();
    }

    @Test
    @DisplayName("a full hand-over drops what lies below the last event taken first, and keeps one copy of an event offered twice")
    void what_lies_behind_the_consumer_goes_first() {
        SealedHandOver handOver = handOver(3);
        handOver.offer(1, event(1));
        handOver.offer(2, event(2));
        handOver.offer(5, event(5));
        handOver.offer(5, event(5)); // offered again by another reader
        assertThat(handOver.size()).isEqualTo(3);
        assertThat(handOver.take("event-5")).isPresent(); // the consumer is past 1 and 2 (a batch handled again may still ask)
        handOver.offer(6, event(6));
        handOver.offer(7, event(7));

        assertThat(handOver.take("event-1")).as("below the last taken: dropped first").isEmpty();
        assertThat(handOver.take("event-6")).isPresent();
        assertThat(handOver.take("event-7")).isPresent();
    }
}
