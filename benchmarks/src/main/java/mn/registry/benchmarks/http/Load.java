package mn.registry.benchmarks.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends pre-signed commands and records every answer and latency. Closed loop: {@code threads} clients, each sends
 * its next command as soon as the previous is answered. Open loop: commands leave on a fixed schedule whatever the
 * answers do, and each latency counts from the scheduled time (so a stalled server is not hidden by a stalled client).
 */
public final class Load {

    /** One round: what was sent, what came back, how long it all took. Status -1 is a transport failure. */
    public record Round(String name, int sent, long wallNanos, Latencies.Summary latency, Map<Integer, Integer> statuses,
                        List<String> firstErrors, List<String> bodies, long maxDispatchLagNanos) {

        public int ok() {
            return statuses.getOrDefault(200, 0);
        }

        public int errors() {
            return sent - ok();
        }

        public double perSecond() {
            return sent / (wallNanos / 1e9);
        }

        public String line(String target) {
            return String.format(Locale.ROOT, "%-34s %6d in %6.2f s = %6.0f commands/s  %s  errors %d%s   target: %s",
                    name, sent, wallNanos / 1e9, perSecond(), latency, errors(), errors() == 0 ? "" : " " + statuses, target);
        }
    }

    private Load() {
    }

    public static Round closedLoop(String name, BenchClient client, List<String> signed, int threads) throws Exception {
        return closedLoop(name, List.of(client), signed, threads);
    }

    /** As {@link #closedLoop(String, BenchClient, List, int)}, command {@code i} sent to {@code nodes[i % size]} (several registry nodes on one database). */
    public static Round closedLoop(String name, List<BenchClient> nodes, List<String> signed, int threads) throws Exception {
        Recorder recorder = new Recorder(signed.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger named = new AtomicInteger();
        // named for ThreadCpu's reading of the client's CPU by thread group (session 31)
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "client-" + named.incrementAndGet()));
        long start = System.nanoTime();
        List<Future<?>> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            clients.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < signed.size()) {
                    long sent = System.nanoTime();
                    BenchClient.Reply reply;
                    try {
                        reply = nodes.get(i % nodes.size()).command(signed.get(i));
                    } catch (RuntimeException e) {
                        reply = new BenchClient.Reply(-1, String.valueOf(e));
                    }
                    recorder.record(i, reply, System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> c : clients) {
            c.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        return recorder.round(name, wall, 0);
    }

    /** Parks until {@code due} (nanoTime); answers how late it woke, in nanoseconds. */
    public static long awaitDue(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return System.nanoTime() - due;
    }

    public static Round openLoop(String name, BenchClient client, List<String> signed, double perSecond) throws Exception {
        Recorder recorder = new Recorder(signed.size());
        long period = (long) (1e9 / perSecond);
        List<CompletableFuture<Void>> pending = new ArrayList<>(signed.size());
        AtomicLong lastAnswer = new AtomicLong();
        long maxLag = 0;
        long start = System.nanoTime();
        for (int i = 0; i < signed.size(); i++) {
            long due = start + i * period;
            maxLag = Math.max(maxLag, awaitDue(due));
            int index = i;
            pending.add(client.commandAsync(signed.get(i))
                    .exceptionally(e -> new BenchClient.Reply(-1, String.valueOf(e)))
                    .thenAccept(reply -> {
                        long now = System.nanoTime();
                        lastAnswer.accumulateAndGet(now, Math::max);
                        recorder.record(index, reply, now - due);
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        return recorder.round(name, lastAnswer.get() - start, maxLag);
    }

    private static final class Recorder {
        private final Latencies latencies = new Latencies();
        private final AtomicReferenceArray<BenchClient.Reply> replies;

        Recorder(int size) {
            replies = new AtomicReferenceArray<>(size);
        }

        void record(int index, BenchClient.Reply reply, long nanos) {
            latencies.add(nanos);
            replies.set(index, reply);
        }

        Round round(String name, long wall, long maxLag) {
            Map<Integer, Integer> statuses = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            List<String> bodies = new ArrayList<>(replies.length());
            for (int i = 0; i < replies.length(); i++) {
                BenchClient.Reply reply = replies.get(i);
                int status = reply == null ? -2 : reply.status();
                statuses.merge(status, 1, Integer::sum);
                if (status != 200 && errors.size() < 5) {
                    errors.add(status + " " + (reply == null ? "no answer" : reply.body()));
                }
                bodies.add(reply == null ? null : reply.body());
            }
            return new Round(name, replies.length(), wall, latencies.summary(), statuses, errors, bodies, maxLag);
        }
    }
}
