package mn.registry.infrastructure.mongo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCommitTest {

    @Test
    @DisplayName("every caller returns only after a durability step that began after its write finished")
    void each_write_is_covered_by_a_later_step() throws Exception {
        AtomicLong writes = new AtomicLong();
        AtomicLong durableUpTo = new AtomicLong();
        GroupCommit group = new GroupCommit(() -> {
            long seen = writes.get();
            sleep(2);
            durableUpTo.set(seen);
        });
        ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
        int threads = 8;
        int perThread = 200;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    long mine = writes.incrementAndGet();
                    group.await();
                    if (durableUpTo.get() < mine) {
                        violations.add("write " + mine + " returned while durable only up to " + durableUpTo.get());
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        assertThat(violations).isEmpty();
        assertThat(group.steps()).as("steps are shared under load").isLessThan((long) threads * perThread);
        assertThat(group.steps()).isPositive();
    }

    @Test
    @DisplayName("a failing durability step fails the callers it was for, and the next caller tries again")
    void failure_reaches_the_caller() {
        AtomicInteger calls = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        });
        assertThatThrownBy(group::await).hasMessage("disk full");
        group.await();
        assertThat(calls.get()).isEqualTo(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
