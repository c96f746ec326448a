package mn.registry.store.mongo;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 (abuse audit F493, was O322): the embedded server this process runs has netty's leak tracker off (it records a stack trace for a
 * sample of the server's buffers, a debugging aid), unless the operator asked for it ({@code io.netty.leakDetection.level}).
 */
class NettyLeakTrackingTest {

    @Test
    @DisplayName("Issue 15 (F493, was O322): an embedded server started in this process turns netty's leak tracker off (netty's default: simple)")
    void an_embedded_server_turns_the_leak_tracker_off() {
        String asked = System.getProperty(EmbeddedMongo.LEAK_DETECTION);
        try (EmbeddedMongo server = EmbeddedMongo.inMemory()) {
            assertThat(ResourceLeakDetector.getLevel()).isEqualTo(asked == null ? ResourceLeakDetector.Level.DISABLED
                    : ResourceLeakDetector.Level.valueOf(asked.toUpperCase(java.util.Locale.ROOT)));
            assertThat(server.port()).isPositive();
        }
    }

    @Test
    @DisplayName("Issue 15 (F493): a level the operator set is left as it is")
    void a_level_set_by_the_operator_is_kept() {
        String before = System.getProperty(EmbeddedMongo.LEAK_DETECTION);
        System.setProperty(EmbeddedMongo.LEAK_DETECTION, "paranoid");
        try {
            EmbeddedMongo.leakTrackingOffUnlessAsked();
            assertThat(System.getProperty(EmbeddedMongo.LEAK_DETECTION)).isEqualTo("paranoid");
        } finally {
            if (before == null) {
                System.clearProperty(EmbeddedMongo.LEAK_DETECTION);
            } else {
                System.setProperty(EmbeddedMongo.LEAK_DETECTION, before);
            }
        }
    }
}
