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

    @Test
    @DisplayName("session 9: callers handed one mark taken after their writes share one step that started after it")
    void callers_with_one_mark_share_one_later_step() throws Exception {
        AtomicLong writes = new AtomicLong();
        AtomicLong durableUpTo = new AtomicLong();
        GroupCommit group = new GroupCommit(() -> {
            long seen = writes.get();
            sleep(20);
            durableUpTo.set(seen);
        });
        group.await(); // one step before: the mark below must not be covered by it
        writes.set(8); // a group of eight writes stored by one insert
        long mark = group.mark();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        ConcurrentLinkedQueue<Long> durableAtReturn = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 8; t++) {
            Thread caller = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                group.awaitStepAfter(mark);
                durableAtReturn.add(durableUpTo.get());
            });
            caller.start();
            callers.add(caller);
        }
        start.countDown();
        for (Thread caller : callers) {
            caller.join();
        }
        assertThat(durableAtReturn).hasSize(8).allSatisfy(d -> assertThat(d).as("durable up to the group's writes").isEqualTo(8));
        assertThat(group.steps()).as("the step before, then one step for the whole group").isEqualTo(2);
    }

    @Test
    @DisplayName("session 9: a mark taken while a step runs is not covered by that step; a mark of another group commit is never trusted")
    void a_mark_is_covered_only_by_a_step_that_started_after_it() throws Exception {
        AtomicLong writes = new AtomicLong();
        AtomicLong durableUpTo = new AtomicLong();
        CountDownLatch stepStarted = new CountDownLatch(1);
        CountDownLatch finishStep = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        GroupCommit group = new GroupCommit(() -> {
            long seen = writes.get();
            if (calls.incrementAndGet() == 1) {
                stepStarted.countDown();
                try {
                    finishStep.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            durableUpTo.set(seen);
        });
        Thread first = new Thread(group::await);
        first.start();
        stepStarted.await();
        writes.set(1); // written while the first step runs: that step may not have it
        long mark = group.mark();
        Thread late = new Thread(() -> group.awaitStepAfter(mark));
        late.start();
        finishStep.countDown();
        first.join();
        late.join();
        assertThat(durableUpTo.get()).isEqualTo(1);
        assertThat(calls.get()).as("a second step for the write made during the first").isEqualTo(2);

        GroupCommit other = new GroupCommit(() -> { });
        writes.set(2);
        group.awaitStepAfter(other.mark() + 1_000); // another group commit's mark: a step after now, as await()
        assertThat(durableUpTo.get()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(3);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
