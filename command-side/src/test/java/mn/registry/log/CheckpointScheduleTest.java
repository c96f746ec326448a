package mn.registry.log;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0004: the sequencer's nudge publishes a checkpoint at once after a quiet interval, never two within one interval. */
class CheckpointScheduleTest {

    private static void await(AtomicInteger runs, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (runs.get() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        assertThat(runs.get()).isEqualTo(count);
    }

    @Test
    @DisplayName("ADR 0004: a burst of nudges right after a checkpoint waits for the interval and shares one run")
    void nudges_within_the_interval_share_one_later_run() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CheckpointSchedule schedule = new CheckpointSchedule(runs::incrementAndGet, Duration.ofHours(1));
        schedule.start();
        try {
            await(runs, 1); // the first run at start
            for (int i = 0; i < 100; i++) {
                schedule.nudge();
            }
            assertThat(schedule.nanosToNextRun()).as("the next run keeps the interval after the last").isGreaterThan(TimeUnit.MINUTES.toNanos(59));
            assertThat(runs.get()).isEqualTo(1);
        } finally {
            schedule.stop();
        }
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    @DisplayName("ADR 0004: a nudge after a quiet interval publishes at once, not at the next poll")
    void a_nudge_after_a_quiet_interval_runs_at_once() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CheckpointSchedule schedule = new CheckpointSchedule(runs::incrementAndGet, Duration.ofMillis(300));
        schedule.start();
        try {
            await(runs, 1);
            schedule.postpone(Duration.ofHours(1)); // the poll far away: only the nudge can run it
            TimeUnit.MILLISECONDS.sleep(400); // quieter than the interval
            schedule.nudge();
            await(runs, 2);
        } finally {
            schedule.stop();
        }
    }

    @Test
    @DisplayName("ADR 0004: an Error thrown by one publication (not only a RuntimeException) does not stop later checkpoints")
    void an_error_in_one_run_keeps_the_schedule() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CheckpointSchedule schedule = new CheckpointSchedule(() -> {
            if (runs.incrementAndGet() == 1) {
                throw new AssertionError("the publisher failed with an Error");
            }
        }, Duration.ofMillis(50));
        schedule.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (runs.get() < 2 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertThat(runs.get()).as("the poll after the failed run still comes").isGreaterThanOrEqualTo(2);
        } finally {
            schedule.stop();
        }
    }
}
