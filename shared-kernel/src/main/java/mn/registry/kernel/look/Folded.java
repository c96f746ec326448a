package mn.registry.kernel.look;

import java.util.function.Function;

/**
 * ADR 0071 item 10 (abuse audit O265): the command side's answer to a page together with the global position of the last event of the aggregate's
 * stream it folded. The page waits for the register to reach that position, so that the register it shows beside the answer holds at least
 * what the answer was judged on (one read of the stream, not a position read before the look and a look after it). Never stored.
 *
 * @param answer   what the aggregate answered
 * @param position the global position of the last event it folded; 0 when the event store gives none (a test's store)
 */
public record Folded<R>(R answer, long position) {

    /** The same position with the answer turned into another. */
    public <S> Folded<S> map(Function<R, S> into) {
        return new Folded<>(into.apply(answer), position);
    }
}
