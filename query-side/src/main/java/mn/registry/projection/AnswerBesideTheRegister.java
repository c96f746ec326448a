package mn.registry.projection;

import mn.registry.kernel.look.Folded;
import org.springframework.stereotype.Component;

import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * ADR 0071 item 15 (abuse audit O285): a page that shows the command side's answer on an aggregate beside the register's record of it reads
 * the two at one position. It asks first, waits for the register to reach the position the answer folded (item 10) and reads the register.
 * If an act on the aggregate was stored after the look, the record just read may show it beside a form judged before it: the page then asks
 * the command side again, once, waits for the new answer's position (bounded, as before) and reads the register again. So no form judged
 * before an act is offered beside a record that shows the act, unless a second act lands in the few milliseconds of the second reading
 * (then, as before, the form is judged again when sent).
 */
@Component
public class AnswerBesideTheRegister {

    /** What a page shows: the command side's answer, the register read beside it, and whether the register had reached the answer. */
    public record Shown<A, R>(A answer, R register, boolean caughtUp) {
    }

    private final RegisterCatchUp catchUp;

    AnswerBesideTheRegister(RegisterCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    /**
     * The answer of {@code ask} (the look on {@code stream}) and the register's {@code register} read at its position; {@code caughtUpTo} waits,
     * bounded, for the register to reach a position ({@link RegisterCatchUp#caughtUpTo} with the page's groups).
     */
    public <A, R> Shown<A, R> read(String stream, Supplier<Folded<A>> ask, LongPredicate caughtUpTo, Supplier<R> register) {
        return atOnePosition(ask, caughtUpTo, register, () -> catchUp.lastPositionOf(java.util.List.of(stream)));
    }

    /** The rule over its sources: {@code streamAt} is the global position of the stream's last event stored (a test gives its own). */
    static <A, R> Shown<A, R> atOnePosition(Supplier<Folded<A>> ask, LongPredicate caughtUpTo, Supplier<R> register, LongSupplier streamAt) {
        Folded<A> folded = ask.get();
        boolean caughtUp = caughtUpTo.test(folded.position());
        R read = register.get();
        if (actStoredAfterTheLook(folded.position(), streamAt)) {
            folded = ask.get();
            caughtUp = caughtUpTo.test(folded.position());
            read = register.get();
        }
        return new Shown<>(folded.answer(), read, caughtUp);
    }

    /**
     * ADR 0071 item 15 (O285): read after the register, the stream's last stored event is past the one the answer folded: an act was stored
     * after the look, and the record just read may show it. An answer that folded no position (no such aggregate, or a store that gives none)
     * is not compared, as it is not waited for (item 10).
     */
    static boolean actStoredAfterTheLook(long answersPosition, LongSupplier streamAt) {
        return answersPosition > 0 && streamAt.getAsLong() > answersPosition;
    }
}
