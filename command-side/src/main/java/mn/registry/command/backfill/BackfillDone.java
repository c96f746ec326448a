package mn.registry.command.backfill;

import mn.registry.kernel.problem.RegistryProblem;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Whether a {@link StartupBackfill}'s pass (or its marker) is done on this node: the web server may take requests while the store is
 * still read, and a check that reads what the backfill writes waits for it, answering 503 (a retry is safe) after a minute.
 */
public final class BackfillDone {

    private final CountDownLatch done = new CountDownLatch(1);

    /** The pass wrote its marker, or the marker was found. */
    public void done() {
        done.countDown();
    }

    /** Whether the pass is done, asked without waiting (a page that says "not yet" instead of holding its reader a minute). */
    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits up to a minute for the pass; then {@code notReady}'s refusal. */
    public void await(Supplier<RegistryProblem> notReady) {
        try {
            if (done.await(60, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw notReady.get();
    }
}
