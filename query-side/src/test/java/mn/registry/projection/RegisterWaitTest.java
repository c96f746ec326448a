package mn.registry.projection;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0071 item 11: the one polling wait for the register, which the public read-your-writes and a desk page's wait share. */
class RegisterWaitTest {

    @Test
    @DisplayName("ADR 0071 item 11: the wait answers the position reached once the register reaches the one asked for, asking again while it "
            + "has no position or a lower one")
    void the_wait_answers_once_the_position_is_reached() {
        AtomicInteger asked = new AtomicInteger();
        OptionalLong reached = ReadYourWrites.until(10, System.nanoTime() + Duration.ofSeconds(5).toNanos(), () -> switch (asked.incrementAndGet()) {
            case 1 -> OptionalLong.empty();
            case 2 -> OptionalLong.of(9);
            default -> OptionalLong.of(12);
        });
        assertThat(reached).hasValue(12);
        assertThat(asked).hasValue(3);
    }

    @Test
    @DisplayName("ADR 0071 item 11: past its deadline the wait answers nothing reached, having waited the bound and not much longer")
    void past_the_deadline_the_wait_answers_nothing() {
        long started = System.nanoTime();
        OptionalLong reached = ReadYourWrites.until(10, started + Duration.ofMillis(200).toNanos(), () -> OptionalLong.of(9));
        long waitedMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        assertThat(reached).isEmpty();
        assertThat(waitedMillis).isBetween(200L, 2_000L);
    }
}
