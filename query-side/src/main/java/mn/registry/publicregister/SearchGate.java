package mn.registry.publicregister;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code permits} searches of the index run at once; the others wait for their turn in the order they came
 * (ADR 0029). A search is a few hundred microseconds of CPU and nothing else, so running more of them at once than
 * there are cores (a few more, so that one preempted by another process does not stall the queue) only makes the
 * operating system time-slice them: most finish within their thread's slice and a few,
 * preempted, wait for every other runnable thread's slice (p50 under 1 ms, p99 of hundreds). In a fair queue every
 * search waits about as long as the others ahead of it take, which is the same mean and a short tail.
 */
final class SearchGate {

    private final Semaphore permits;
    private final int size;

    SearchGate(int permits) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one search at a time: " + permits);
        }
        this.size = permits;
        this.permits = new Semaphore(permits, true);
    }

    /**
     * Two permits per core of this machine: with one per core a permit holder preempted by another process stalls the
     * whole queue (interleaved noisy runs: 2 at once on 2 cores p99 300-800 ms, 4 at once 96-311 ms, all at once
     * 677-922 ms; docs/benchmarks.md, "Session 6: search p99").
     */
    static SearchGate twoPerCore() {
        return new SearchGate(2 * Runtime.getRuntime().availableProcessors());
    }

    int size() {
        return size;
    }

    /** Runs the search when its turn comes (waiting uninterruptibly: a search is short and the queue is bounded by the callers). */
    <T> T run(Supplier<T> search) {
        permits.acquireUninterruptibly();
        try {
            return search.get();
        } finally {
            permits.release();
        }
    }

    /** Searches waiting for a turn now (an estimate, for the benchmark). */
    int waiting() {
        return permits.getQueueLength();
    }
}
