package mn.registry.store.mongo;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredTimestampsTest {

    @Test
    @DisplayName("A stored event's time reads back as the instant it was stored, whatever the digits of its fraction")
    void every_stored_form_reads_back_exactly() {
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-2_000_000_000L, 8_000_000_000L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            assertThat(StoredTimestamps.parse(instant.toString())).as(instant.toString()).isEqualTo(instant);
        }
        assertThat(StoredTimestamps.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
    }

    @Test
    @DisplayName("A time in another form is read by Instant.parse, and a damaged one is refused, never read as another instant")
    void other_forms_fall_back_and_damage_is_refused() {
        assertThat(StoredTimestamps.parse("+12026-01-01T00:00:00Z")).isEqualTo(Instant.parse("+12026-01-01T00:00:00Z"));
        assertThat(StoredTimestamps.parse("2026-01-01T08:00:00+08:00")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-02-30T00:00:00Z")).isInstanceOf(DateTimeException.class);
        assertThat(StoredTimestamps.parse("2026-01-01T24:00:00Z")).as("as Instant.parse reads it").isEqualTo(Instant.parse("2026-01-01T24:00:00Z"));
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-01-01T00:00:00.1234567890Z")).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> StoredTimestamps.parse("2026-01-01T00:0a:00Z")).isInstanceOf(DateTimeException.class);
    }
}
