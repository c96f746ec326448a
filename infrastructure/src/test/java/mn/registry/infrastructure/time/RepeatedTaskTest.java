package mn.registry.infrastructure.time;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatedTaskTest {

    @Test
    @DisplayName("a failed run is logged and the next goes ahead after the pause; once closed, no run starts")
    void runs_again_after_a_failure_and_stops_when_closed() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(3);
        RepeatedTask task = RepeatedTask.start("repeated-task-test", Duration.ZERO, Duration.ofMillis(5), () -> {
            runs.incrementAndGet();
            third.countDown();
            if (runs.get() == 1) {
                throw new IllegalStateException("the first run fails");
            }
        }, LoggerFactory.getLogger(RepeatedTaskTest.class), "The test's task");

        assertThat(third.await(10, TimeUnit.SECONDS)).as("three runs, the first of them failed").isTrue();
        task.closeAndWait(Duration.ofSeconds(5));
        int afterClose = runs.get();
        Thread.sleep(50);
        assertThat(runs.get()).isEqualTo(afterClose);
    }
}
