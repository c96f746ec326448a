package mn.registry.infrastructure.mongo;

/**
 * Makes writes durable in groups: a caller that has finished a write calls {@link #await()}, which
 * returns once a durability step (e.g. the embedded server's file commit) that <em>started after</em>
 * the call has completed. The first waiter runs the step for everyone who arrived before it started
 * (leader/follower), so under load one file commit covers many commands instead of one each.
 * <p>
 * Steps are numbered as they start. A writer that finished its write earlier, on another thread, may take
 * {@link #mark()} there and hand it to the caller, which then waits with {@link #awaitStepAfter(long)} for any step
 * that started after the mark: the event store takes the mark once its group insert has returned, so every commit of
 * a group is covered by one step, instead of one step for the first caller back and a second for the callers that
 * come back while it runs (session 9).
 */
public final class GroupCommit {

    private static final java.util.concurrent.atomic.AtomicLong INSTANCES = new java.util.concurrent.atomic.AtomicLong();
    /** A mark carries its group commit's number in its high bits, so a mark of another group commit is never trusted. */
    private static final int STEP_BITS = 40;

    private final Runnable durabilityStep;
    private final long instance = INSTANCES.incrementAndGet() << STEP_BITS;
    /** Steps started so far; the number of the step running or last run. */
    private long started;
    /** The number of the last step that completed (steps run one at a time, so in order). */
    private long completedStep;
    private boolean running;
    private long steps;

    public GroupCommit(Runnable durabilityStep) {
        this.durabilityStep = durabilityStep;
    }

    /** Returns when everything written before this call is durable; rethrows the step's failure. */
    public void await() {
        awaitSteps(started());
    }

    private synchronized long started() {
        return started;
    }

    /**
     * The steps started so far. A write that completed before this call is durable once a step numbered above the mark
     * has completed ({@link #awaitStepAfter(long)}): such a step started after the write had completed.
     */
    public synchronized long mark() {
        return instance | started;
    }

    /**
     * Returns once a step that started after {@code mark} (see {@link #mark()}) has completed, running one if none is
     * running; rethrows the step's failure to the caller that ran it (the others wait for the next one).
     */
    public void awaitStepAfter(long mark) {
        if (mark < 0 || (mark & -(1L << STEP_BITS)) != instance) {
            await(); // not a mark of this group commit: a step started after now
            return;
        }
        awaitSteps(mark & ((1L << STEP_BITS) - 1));
    }

    private void awaitSteps(long mark) {
        long number;
        synchronized (this) {
            while (running && completedStep <= mark) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a durable commit", e);
                }
            }
            if (completedStep > mark) {
                return;
            }
            running = true;
            number = ++started;
        }
        boolean done = false;
        try {
            durabilityStep.run();
            done = true;
        } finally {
            synchronized (this) {
                running = false;
                if (done) {
                    completedStep = number;
                    steps++;
                }
                notifyAll();
            }
        }
    }

    /** How many durability steps have run (for tests and metrics). */
    public synchronized long steps() {
        return steps;
    }
}
