package mn.registry.projection;

import mn.registry.kernel.look.Folded;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0071 item 15 (abuse audit O285): a page's answer and the register beside it at one position. The aggregate's stream is a position that a
 * hook of the test moves (an act stored) between the look and the register's read; the register shows what was stored when it is read.
 */
class AnswerBesideTheRegisterTest {

    /** The aggregate's stream: the global position of its last event, moved by the test's acts. */
    private final AtomicLong stream = new AtomicLong(10);
    private final AtomicInteger looks = new AtomicInteger();
    private final List<Long> waitedFor = new ArrayList<>();

    /** The command side's answer: what it folded, at the stream's position when it looks. */
    private final Supplier<Folded<String>> look = () -> {
        looks.incrementAndGet();
        long at = stream.get();
        return new Folded<>("form judged at " + at, at);
    };

    private boolean waitFor(long position) {
        waitedFor.add(position);
        return true;
    }

    /** The register's read: it shows the acts stored when it is read, after {@code hook} ran (an act landing after the look). */
    private Supplier<String> registerAfter(Runnable hook) {
        return () -> {
            hook.run();
            return "record at " + stream.get();
        };
    }

    @Test
    @DisplayName("ADR 0071 item 15 (O285): an act stored between the look and the register's read: the page asks the command side again and "
            + "shows the answer judged on the act beside the record that shows it, having waited for the new answer's position")
    void an_act_between_the_look_and_the_register_is_asked_about_again() {
        AtomicInteger reads = new AtomicInteger();
        var shown = AnswerBesideTheRegister.atOnePosition(look, this::waitFor, registerAfter(() -> {
            if (reads.incrementAndGet() == 1) {
                stream.set(12); // the hook: another official's act stored after the look, before the register is read
            }
        }), stream::get);

        assertThat(shown.register()).isEqualTo("record at 12");
        assertThat(shown.answer()).as("the form beside the record is judged on the act the record shows").isEqualTo("form judged at 12");
        assertThat(looks).hasValue(2);
        assertThat(waitedFor).containsExactly(10L, 12L);
        assertThat(shown.caughtUp()).isTrue();
    }

    @Test
    @DisplayName("ADR 0071 item 15 (O285): with no act after the look the page asks once and reads the register once, as before")
    void with_no_act_after_the_look_the_page_asks_once() {
        AtomicInteger reads = new AtomicInteger();
        var shown = AnswerBesideTheRegister.atOnePosition(look, this::waitFor, registerAfter(reads::incrementAndGet), stream::get);

        assertThat(shown.answer()).isEqualTo("form judged at 10");
        assertThat(shown.register()).isEqualTo("record at 10");
        assertThat(looks).hasValue(1);
        assertThat(reads).hasValue(1);
        assertThat(waitedFor).containsExactly(10L);
    }

    @Test
    @DisplayName("ADR 0071 item 15 (O285): acts landing at every read: the page asks again once only (bounded), and says whether the register "
            + "reached the second answer (here: not within the bound)")
    void the_page_asks_again_once_only() {
        AtomicInteger reads = new AtomicInteger();
        var shown = AnswerBesideTheRegister.atOnePosition(look, position -> waitFor(position) && position < 11, registerAfter(() -> stream.addAndGet(reads.incrementAndGet())),
                stream::get);

        assertThat(looks).hasValue(2);
        assertThat(reads).hasValue(2);
        assertThat(shown.answer()).isEqualTo("form judged at 11");
        assertThat(shown.register()).isEqualTo("record at 13");
        assertThat(waitedFor).containsExactly(10L, 11L);
        assertThat(shown.caughtUp()).as("the second wait's outcome, which the page's line says").isFalse();
    }

    @Test
    @DisplayName("ADR 0071 item 15 (O285): an answer that folded no position (no such aggregate, a store that gives none) is not compared: "
            + "the stream is not read")
    void an_answer_without_a_position_reads_no_stream() {
        AtomicInteger streamReads = new AtomicInteger();
        var shown = AnswerBesideTheRegister.atOnePosition(() -> new Folded<>("none", 0), this::waitFor, () -> "not found", () -> {
            streamReads.incrementAndGet();
            return 5;
        });

        assertThat(shown.answer()).isEqualTo("none");
        assertThat(streamReads).hasValue(0);
    }
}
