package mn.registry.infrastructure.mongo;

/**
 * Makes writes durable in groups: a caller that has finished a write calls {@link #await()}, which
 * returns once a durability step (e.g. the embedded server's file commit) that <em>started after</em>
 * the call has completed. The first waiter runs the step for everyone who arrived before it started
 * (leader/follower), so under load one file commit covers many commands instead of one each.
 */
public final class GroupCommit {

    private final Runnable durabilityStep;
    private long requested;
    private long completed;
    private boolean running;
    private long steps;

    public GroupCommit(Runnable durabilityStep) {
        this.durabilityStep = durabilityStep;
    }

    /** Returns when everything written before this call is durable; rethrows the step's failure. */
    public void await() {
        long ticket;
        synchronized (this) {
            ticket = ++requested;
        }
        while (true) {
            long upTo;
            synchronized (this) {
                while (running && completed < ticket) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a durable commit", e);
                    }
                }
                if (completed >= ticket) {
                    return;
                }
                running = true;
                upTo = requested;
            }
            boolean done = false;
            try {
                durabilityStep.run();
                done = true;
            } finally {
                synchronized (this) {
                    running = false;
                    if (done) {
                        completed = Math.max(completed, upTo);
                        steps++;
                    }
                    notifyAll();
                }
            }
        }
    }

    /** How many durability steps have run (for tests and metrics). */
    public synchronized long steps() {
        return steps;
    }
}
