package mn.registry.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.CompanyPapers;
import mn.registry.benchmarks.http.CpuMeter;
import mn.registry.benchmarks.http.Latencies;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;
import mn.registry.store.SealingKey;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The transparency log's figures (issue 6): (1) the Ed25519 seal per event, CPU time of the signing thread, the old way
 * (key parameters rebuilt per signature) and the kept key the store now uses; (2) inclusion proofs
 * {@code GET /api/public/proof/N} and bundles served per second over HTTP by registry.jar in its own JVM, with the
 * server's CPU per answer, proofs also as an HTTP cache revalidating its copies asks for them (ADR 0018); (3) the time from a command's acknowledgement to the first served checkpoint that includes
 * its entry, under an open-loop background load of {@code ApplyForPermit} commands. Every answer is checked (status
 * 200, proof text, entry type); exit code 1 if a check fails, not if a target is missed.
 *
 * <p>Arguments: [proof seconds, default 10] [background commands/s, default 100] [latency seconds, default 40].
 */
public final class TransparencyLogBenchmark {

    private TransparencyLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int proofSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double background = args.length > 1 ? Double.parseDouble(args[1]) : 100;
        int latencySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        seal(20_000);
        boolean ok;
        try (RegistryProcess registry = RegistryProcess.start(Duration.ofMinutes(5))) {
            BenchClient client = new BenchClient(registry.base(), registry.dataDir());
            long size = awaitStableCheckpoint(client);
            System.out.printf(Locale.ROOT, "log has %d entries under its checkpoint after the demo data%n", size);
            // revalidating clients first: their warm-up also warms the server's JIT for the plain GETs after them
            ok = serve(registry, "/api/public/proof/", size, proofSeconds, 8, "c2sp.org/tlog-proof", ">= 5,000 proofs/s", true);
            ok &= serve(registry, "/api/public/proof/", size, proofSeconds, 8, "c2sp.org/tlog-proof", ">= 5,000 proofs/s", false);
            ok &= serve(registry, "/api/public/bundle/", size, Math.max(3, proofSeconds / 2), 8, "{", "none set", false);
            ok &= checkpointLatency(registry, client, size, background, latencySeconds);
            ok &= registry.noErrorsLogged();
        }
        RegistryProcess.exitWith(ok);
    }

    /** CPU time of this thread per seal, on envelopes shaped like the store's. */
    static void seal(int n) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        byte[] raw = Ed25519.generate(new SecureRandom()).privateKey();
        SealingKey kept = new SealingKey("bench-seal", raw);
        byte[][] envelopes = new byte[n][];
        for (int i = 0; i < n; i++) {
            envelopes[i] = CanonicalJson.canonicalize("{\"eventId\":\"" + i + "\",\"aggregateType\":\"PermitApplication\",\"aggregateId\":\"A-"
                    + i + "\",\"seq\":3,\"timestamp\":\"2026-11-23T08:00:00Z\",\"payloadType\":\"mn.registry.kernel.permit.PermitIssued\","
                    + "\"payloadRevision\":null,\"payload\":\"{\\\"permitNumber\\\":\\\"MN-002-" + i + "\\\",\\\"holder\\\":\\\"Bench LLC\\\"}\","
                    + "\"metaData\":\"{\\\"commandId\\\":\\\"c-" + i + "\\\"}\",\"prevHash\":\"" + "ab".repeat(32) + "\"}");
        }
        for (int round = 0; round < 3; round++) {
            long t0 = threads.getCurrentThreadCpuTime();
            for (byte[] e : envelopes) {
                Ed25519.sign(raw, e);
            }
            long rebuilt = threads.getCurrentThreadCpuTime() - t0;
            long t1 = threads.getCurrentThreadCpuTime();
            for (byte[] e : envelopes) {
                kept.sign(e);
            }
            long keptNanos = threads.getCurrentThreadCpuTime() - t1;
            long t2 = threads.getCurrentThreadCpuTime();
            for (byte[] e : envelopes) {
                Sha256.hex(e);
                kept.sign(e);
            }
            long whole = threads.getCurrentThreadCpuTime() - t2;
            if (round == 2) {
                System.out.printf(Locale.ROOT, "Ed25519 seal, CPU per event over %d events (load %s): key rebuilt per call %.1f µs; kept key %.1f µs;"
                        + " kept key + SHA-256 of the envelope %.1f µs   target: <= 100 µs%s%n", n, CpuMeter.loadAverage(), rebuilt / 1e3 / n,
                        keptNanos / 1e3 / n, whole / 1e3 / n, whole / 1e3 / n <= 100 ? "  MET" : "  MISSED");
            }
        }
    }

    static long awaitStableCheckpoint(BenchClient client) throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            long size = checkpointSize(client);
            if (size != last) {
                last = size;
                stableSince = System.nanoTime();
            } else if (size > 0 && System.nanoTime() - stableSince > 2_000_000_000L) {
                return size;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the log's checkpoint did not settle within a minute (last size " + last + ")");
    }

    /** Polls the latest checkpoint every 10 ms until {@code stop}, noting when each tree size was first seen (nanoTime). */
    static Thread checkpointPoller(BenchClient client, java.util.Map<Long, Long> firstSeen, AtomicBoolean stop) {
        Thread poller = new Thread(() -> {
            long last = -1;
            while (!stop.get()) {
                long size = checkpointSize(client);
                if (size > last) {
                    firstSeen.putIfAbsent(size, System.nanoTime());
                    last = size;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "checkpoint-poller");
        poller.start();
        return poller;
    }

    static long checkpointSize(BenchClient client) {
        BenchClient.Reply reply = client.get("/api/public/checkpoint", null);
        if (reply.status() != 200) {
            return -1;
        }
        return Long.parseLong(reply.body().split("\n")[1]);
    }

    /**
     * {@code threads} keep-alive clients GET {@code prefix + i} for i cycling over the log for {@code seconds}. With
     * {@code revalidate} each client is an HTTP cache (a browser, a CDN edge) whose copy is past its max-age: it sends
     * the ETag it holds for that URL as If-None-Match and counts a 304 as served (ADR 0018).
     */
    private static boolean serve(RegistryProcess registry, String prefix, long size, int seconds, int threads, String bodyStart,
                                 String target, boolean revalidate) throws Exception {
        CpuMeter cpu = new CpuMeter(registry.pid());
        boolean ok = true;
        for (String phase : List.of("warm-up", "measured")) {
            AtomicLong served = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> clients = new ArrayList<>();
            cpu.start();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                clients.add(pool.submit(() -> {
                    long i = offset;
                    java.util.Map<Long, String> etags = new java.util.HashMap<>();
                    try (KeepAlive http = new KeepAlive(registry.base().getHost(), registry.base().getPort())) {
                        while (!stop.get()) {
                            long key = i % size;
                            String held = revalidate ? etags.get(key) : null;
                            KeepAlive.Reply response = http.get(prefix + key, held);
                            if (revalidate && response.etag() != null) {
                                etags.put(key, response.etag());
                            }
                            if (response.status() == 304 && held != null
                                    || response.status() == 200 && response.startsWith(bodyStart)) {
                                served.incrementAndGet();
                            } else if (failed.incrementAndGet() < 3) {
                                System.out.println("    unexpected answer " + response.status() + ": " + new String(response.body(), StandardCharsets.UTF_8));
                            }
                            i += threads;
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep((phase.equals("warm-up") ? Math.max(10, seconds) : seconds) * 1000L); // the JIT of a loaded server needs it
            stop.set(true);
            for (Future<?> c : clients) {
                c.get();
            }
            long wall = System.nanoTime() - start;
            pool.shutdown();
            if (phase.equals("measured")) {
                double rate = served.get() / (wall / 1e9);
                System.out.printf(Locale.ROOT, "GET %sN%s, %d keep-alive clients, %d s: %d answers = %.0f /s, %d failed   target: %s%n    %s%n",
                        prefix, revalidate ? " revalidated (If-None-Match: 304 when unchanged)" : "", threads, seconds, served.get(), rate,
                        failed.get(), target, cpu.since((int) Math.max(1, served.get())).replace("command", "answer"));
            }
            ok &= failed.get() == 0;
        }
        return ok;
    }

    /**
     * The proof clients' HTTP/1.1: one blocking keep-alive connection, requests written and answers parsed by hand
     * (status, Content-Length or chunked body, ETag, Connection: close), as a load generator or a cache in front would.
     * The JDK's HttpClient costs as much CPU per request as the server's answer (0.1-0.5 ms in session 4), so on 2
     * shared cores it, not the registry, set the ceiling; this costs a few microseconds and leaves the cores to the server.
     */
    static final class KeepAlive implements AutoCloseable {

        /** An answer: status, ETag (or null) and body. */
        record Reply(int status, String etag, byte[] body) {
            boolean startsWith(String prefix) {
                byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
                return body.length >= p.length && java.util.Arrays.equals(body, 0, p.length, p, 0, p.length);
            }
        }

        private final String host;
        private final int port;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;

        KeepAlive(String host, int port) {
            this.host = host;
            this.port = port;
        }

        Reply get(String path, String ifNoneMatch) throws java.io.IOException {
            boolean reused = socket != null;
            try {
                return exchange(path, ifNoneMatch);
            } catch (java.io.IOException e) {
                close();
                if (!reused) {
                    throw e;
                }
                return exchange(path, ifNoneMatch); // the server closed an idle connection: once more on a new one
            }
        }

        private Reply exchange(String path, String ifNoneMatch) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 1024);
            }
            StringBuilder request = new StringBuilder(128).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ").append(host)
                    .append(':').append(port).append("\r\n");
            if (ifNoneMatch != null) {
                request.append("If-None-Match: ").append(ifNoneMatch).append("\r\n");
            }
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = 0;
            String etag = null;
            boolean close = false;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon);
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("ETag")) {
                    etag = value;
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            byte[] body;
            if (chunked) {
                java.io.ByteArrayOutputStream chunks = new java.io.ByteArrayOutputStream();
                for (int n = Integer.parseInt(line().split(";")[0].trim(), 16); n > 0; n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    chunks.write(in.readNBytes(n));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                body = chunks.toByteArray();
            } else {
                body = in.readNBytes(length);
            }
            if (close) {
                close(); // Tomcat ends a keep-alive connection after maxKeepAliveRequests: the next request opens another
            }
            return new Reply(status, etag, body);
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder(64);
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new java.io.EOFException("connection closed mid-answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws java.io.IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    /**
     * Background: {@code perSecond} ApplyForPermit commands, open loop. Foreground, one at a time every 500 ms: a signed
     * DeclareWorkingDay (a public event, so one log entry each) for successive Saturdays; the k-th is entry
     * {@code base + k}. A poller reads the served checkpoint every 10 ms; latency = first time a checkpoint of size
     * {@code > base + k} is served, minus the time the command was acknowledged.
     */
    private static boolean checkpointLatency(RegistryProcess registry, BenchClient client, long base, double perSecond, int seconds)
            throws Exception {
        List<String> load;
        try (CompanyPapers documents = CompanyPapers.of(registry, "log " + registry.pid())) {
            load = client.signApplications(documents, "log-bench", (int) (perSecond * (seconds + 5)));
        }
        ConcurrentSkipListMap<Long, Long> firstSeen = new ConcurrentSkipListMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread poller = checkpointPoller(client, firstSeen, stop);
        CpuMeter cpu = new CpuMeter(registry.pid());
        cpu.start();
        ExecutorService backgroundPool = Executors.newSingleThreadExecutor();
        Future<Load.Round> backgroundRound = backgroundPool.submit(() -> Load.openLoop("background ApplyForPermit", client, load, perSecond));
        CommandSigner signer = new CommandSigner();
        List<Long> acknowledged = new ArrayList<>();
        boolean ok = true;
        LocalDate saturday = LocalDate.of(2027, 1, 2);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread.sleep(2_000);
        while (System.nanoTime() < end) {
            while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY) {
                saturday = saturday.plusDays(1);
            }
            ObjectNode body = CanonicalJson.mapper().createObjectNode().put("date", saturday.toString())
                    .put("decisionReference", "Benchmark decision " + acknowledged.size());
            body.putNull("replacesDate");
            String jws = signer.sign(CommandEnvelope.fresh("DeclareWorkingDay", body, Clock.systemUTC()), client.person("cabinet-1"));
            BenchClient.Reply reply = client.command(jws);
            long ackAt = System.nanoTime();
            if (reply.status() != 200) {
                System.out.println("CHECK FAILED: DeclareWorkingDay " + saturday + " answered " + reply.status() + ": " + reply.body());
                ok = false;
                break;
            }
            acknowledged.add(ackAt);
            saturday = saturday.plusDays(7);
            Thread.sleep(500);
        }
        Load.Round round = backgroundRound.get();
        backgroundPool.shutdown();
        long waitUntil = System.nanoTime() + 10_000_000_000L;
        while (firstSeen.isEmpty() || firstSeen.lastKey() < base + acknowledged.size()) {
            if (System.nanoTime() > waitUntil) {
                break;
            }
            Thread.sleep(50);
        }
        stop.set(true);
        poller.join();
        Latencies latencies = new Latencies();
        int missing = 0;
        for (int k = 0; k < acknowledged.size(); k++) {
            var seen = firstSeen.ceilingEntry(base + k + 1);
            if (seen == null) {
                missing++;
            } else {
                latencies.add(Math.max(0, seen.getValue() - acknowledged.get(k)));
            }
        }
        long finalSize = checkpointSize(client);
        BenchClient.Reply lastEntry = client.get("/api/public/bundle/" + (finalSize - 1), null);
        boolean lastIsOurs = lastEntry.status() == 200 && lastEntry.body().contains("WorkingDayDeclared");
        Latencies.Summary s = latencies.summary();
        System.out.println("    " + round.line("(background)"));
        System.out.printf(Locale.ROOT, "acknowledged -> in a served checkpoint, %d public commands among %.0f commands/s: %s  never seen %d"
                        + "   target: p50 <= 1.5 s, p99 <= 3 s%s%n    %s%n", acknowledged.size(), round.perSecond(), s, missing,
                s.p50() <= 1500 && s.p99() <= 3000 && missing == 0 ? "  MET" : "  MISSED", cpu.since(load.size()));
        if (finalSize != base + acknowledged.size() || !lastIsOurs) {
            System.out.println("CHECK FAILED: the log grew to " + finalSize + ", expected " + (base + acknowledged.size())
                    + " with a WorkingDayDeclared last; the entry index assumption does not hold");
            ok = false;
        }
        ok &= round.errors() == 0 && missing == 0;
        return ok;
    }
}
