package mn.registry.benchmarks;

import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.CompanyPapers;
import mn.registry.benchmarks.http.CpuMeter;
import mn.registry.benchmarks.http.Latencies;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.pki.SigningIdentity;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The knee under a realistic mix, with public readers reading all the while. Signed commands leave on a fixed schedule
 * (open loop, latency from the scheduled time) at rising rates, in a mix per ten commands of
 * 5 {@code ApplyForPermit} (applicant), 2 {@code RefusePermitApplication} of an earlier application (reviewer; it
 * ends the application's decision deadline), 2 {@code ApplyForZoneRegistration} (applicant, two zones) and
 * 1 {@code RegisterEntity} of an earlier registration (that zone's governor). Meanwhile {@code readers} threads each
 * read, wait {@code thinkMs}, read again: public checkpoint, inclusion proof, feed page, register searches
 * (permits, entities by name), the reviewer's permit case page, the governor's zone queue and, rarely, the whole
 * (unpaged) reviewer queue. Prints per step and per kind p50/p99, CPU, round trips and allocation per command;
 * stops at the first step whose commands' p99 passes 100 ms or that has an error (unless {@code -Dbench.allSteps=true}).
 *
 * <p>Arguments: [seconds per step, default 10] [rates, default 25,50,100,150,200,300] [readers, default 50]
 * [reader think time in ms, default 1000].
 */
public final class MixedLoadBenchmark {

    private static final ZoneId[] ZONES = {ZoneId.of("altanbulag"), ZoneId.of("zamyn-uud")};

    private MixedLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int[] rates = Arrays.stream((args.length > 1 ? args[1] : "25,50,100,150,200,300").split(",")).mapToInt(r -> Integer.parseInt(r.trim())).toArray();
        int readers = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        long thinkMs = args.length > 3 ? Long.parseLong(args[3]) : 1000;
        boolean ok;
        try (RegistryProcess registry = RegistryProcess.start(Duration.ofMinutes(5))) {
            ok = new MixedLoadBenchmark.Run(registry, readers, thinkMs).run(seconds, rates);
            ok &= registry.noErrorsLogged();
        }
        RegistryProcess.exitWith(ok);
    }

    /** One signed command of the mix: its kind, its JWS, and (for registrations) the id it will create. */
    private record Signed(String kind, String jws, RegistrationId registration) {
    }

    private static final class Run {
        private final RegistryProcess registry;
        private final BenchClient client;
        private final int readers;
        private final long thinkMs;
        private final SigningIdentity applicant;
        private final SigningIdentity reviewer;
        private final Map<ZoneId, SigningIdentity> governors = new LinkedHashMap<>();
        private final Deque<String> undecided = new ArrayDeque<>();
        private final Deque<RegistrationId> unregistered = new ArrayDeque<>();
        private final List<String> decided = new ArrayList<>();
        /**
         * Each permit application's company's own papers (ADR 0057 item 8, session 28), and each zone application's entity's (item 13,
         * session 29), written while the step's commands are signed.
         */
        private CompanyPapers papers;
        private long serial;

        Run(RegistryProcess registry, int readers, long thinkMs) {
            this.registry = registry;
            this.client = new BenchClient(registry.base(), registry.dataDir());
            this.readers = readers;
            this.thinkMs = thinkMs;
            this.applicant = client.person("applicant-1");
            this.reviewer = client.person("reviewer-1");
            for (ZoneId zone : ZONES) {
                governors.put(zone, client.person("governor-" + zone.value()));
            }
        }

        boolean run(int seconds, int[] rates) throws Exception {
            papers = CompanyPapers.of(registry, "mixed " + registry.pid());
            boolean ok = true;
            // warm-up: fills the pools of applications to decide and registrations to register, and warms the JIT
            ok &= step("warm-up, 8 clients (not counted)", 400, 0, false).ok;

            Readers reading = new Readers();
            reading.start();
            CpuMeter cpu = new CpuMeter(registry.pid());
            int knee = 0;
            boolean allHeld = true;
            for (int rate : rates) {
                cpu.start();
                reading.newStep();
                Step step = step(String.format(Locale.ROOT, "offered %d/s for %d s", rate, seconds), rate * seconds, rate, true);
                System.out.println("    " + cpu.since(rate * seconds, 8));
                System.out.println("    " + reading.summary());
                ok &= step.ok;
                boolean held = step.ok && step.p99 <= CommandThroughputBenchmark.TARGET_P99_MS;
                if (held && allHeld) {
                    knee = rate;
                }
                allHeld &= held;
                if (!held && !Boolean.getBoolean("bench.allSteps")) {
                    break;
                }
            }
            reading.stop();
            ok &= reading.failures.get() == 0;
            System.out.printf(Locale.ROOT, "readers: %d reads in all, %d failed%n", reading.reads.get(), reading.failures.get());
            System.out.println(knee > 0
                    ? "knee: the highest offered rate held with p99 <= 100 ms (mixed commands, " + readers + " readers) is " + knee + " commands/s   target: >= 300 commands/s"
                    + (knee >= 300 ? "  MET" : "  MISSED")
                    : "knee: even the lowest offered rate passed p99 100 ms   target: >= 300 commands/s  MISSED");
            papers.close();
            return ok;
        }

        private record Step(boolean ok, double p99) {
        }

        /**
         * Signs {@code count} commands of the mix, sends them at {@code rate} per second (or, at rate 0, closed loop with
         * 8 commands in flight), prints the figures.
         */
        private Step step(String name, int count, int rate, boolean print) throws Exception {
            List<Signed> signed = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                signed.add(next(i));
            }
            Thread.sleep(1_000);
            Map<String, Latencies> byKind = new ConcurrentHashMap<>();
            Latencies all = new Latencies();
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
            String[] answers = new String[count];
            long period = rate > 0 ? (long) (1e9 / rate) : 0;
            java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(rate > 0 ? Integer.MAX_VALUE : 8);
            AtomicLong lastAnswer = new AtomicLong();
            List<CompletableFuture<Void>> pending = new ArrayList<>(count);
            long start = System.nanoTime();
            long maxLag = 0;
            for (int i = 0; i < count; i++) {
                long due = start + i * period;
                maxLag = Math.max(maxLag, Load.awaitDue(due));
                int index = i;
                Signed command = signed.get(i);
                inFlight.acquire();
                long sent = rate > 0 ? due : System.nanoTime();
                pending.add(client.commandAsync(command.jws()).exceptionally(e -> new BenchClient.Reply(-1, String.valueOf(e))).thenAccept(reply -> {
                    inFlight.release();
                    long now = System.nanoTime();
                    lastAnswer.accumulateAndGet(now, Math::max);
                    all.add(now - sent);
                    byKind.computeIfAbsent(command.kind(), k -> new Latencies()).add(now - sent);
                    statuses.merge(reply.status(), 1, Integer::sum);
                    if (reply.status() == 200) {
                        answers[index] = reply.body();
                    } else if (firstErrors.size() < 5) {
                        firstErrors.add(command.kind() + " " + reply.status() + " " + reply.body());
                    }
                }));
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
            long wall = lastAnswer.get() - start;
            for (int i = 0; i < count; i++) {
                Signed command = signed.get(i);
                if (answers[i] == null) {
                    continue;
                }
                if (command.kind().equals("ApplyForPermit")) {
                    undecided.add(BenchClient.json(answers[i]).path("applicationId").asText());
                } else if (command.kind().equals("ApplyForZoneRegistration")) {
                    unregistered.add(command.registration());
                }
            }
            int errors = count - statuses.getOrDefault(200, 0);
            Latencies.Summary summary = all.summary();
            System.out.printf(Locale.ROOT, "%-26s %6d in %6.2f s = %6.0f commands/s  %s  errors %d%s   %s%n", name, count, wall / 1e9, count / (wall / 1e9),
                    summary, errors, errors == 0 ? "" : " " + statuses, print ? "target: p99 <= 100 ms" + (errors == 0 && summary.p99() <= 100 ? "  held" : "  PASSED 100 ms") : "");
            if (print) {
                byKind.forEach((kind, l) -> System.out.printf(Locale.ROOT, "    %-26s %s%n", kind, l.summary()));
                System.out.printf(Locale.ROOT, "    client sent up to %.1f ms late%n", maxLag / 1e6);
            }
            firstErrors.forEach(e -> System.out.println("    ERROR ANSWER: " + e));
            return new Step(errors == 0, summary.p99());
        }

        /** The i-th command of the mix (5 applications, 2 refusals, 2 zone applications, 1 zone registration per ten). */
        private Signed next(int i) {
            int slot = i % 10;
            if ((slot == 5 || slot == 6) && !undecided.isEmpty()) {
                String id = undecided.poll();
                synchronized (this) {
                    decided.add(id);
                }
                return new Signed("RefusePermitApplication", BenchClient.sign("RefusePermitApplication", new RefusePermitApplication(new ApplicationId(id),
                        List.of(new RefusalReason(PermitRequirement.FINANCIAL_HUMAN_TECHNICAL_SECURITY, "The security plan was not attached (benchmark)."))), reviewer), null);
            }
            if (slot == 7 || slot == 8) {
                long n = ++serial;
                ZoneId zone = ZONES[(int) (n % ZONES.length)];
                LegalEntity entity = new LegalEntity(String.format(Locale.ROOT, "Mix %06d LLC", n), Jurisdiction.MONGOLIAN, null, String.format(Locale.ROOT, "8%06d", n));
                // each registration pays its own fee (ADR 0035 item 19): its receipt uploaded here, while the step's commands are signed;
                // each entity names papers of its own (ADR 0057 item 13, F508), written as the permit companies' are
                String receipt = client.uploadPdf("fee.pdf", "zone fee receipt " + n + " " + registry.pid());
                List<SubmittedZoneDocument> documents = new ArrayList<>(papers.writeZonePapers(entity.name()));
                documents.add(new SubmittedZoneDocument(ZoneDocument.REGISTRATION_FEE_RECEIPT, receipt));
                return new Signed("ApplyForZoneRegistration", BenchClient.sign("ApplyForZoneRegistration",
                        new RegistrationCommands.ApplyForZoneRegistration(zone, entity, Activity.TRADE, documents), applicant), RegistrationId.of(zone, entity));
            }
            if (slot == 9 && !unregistered.isEmpty()) {
                RegistrationId registration = unregistered.poll();
                return new Signed("RegisterEntity", BenchClient.sign("RegisterEntity", new RegistrationCommands.RegisterEntity(registration),
                        governors.get(registration.zoneId())), null);
            }
            long n = ++serial;
            Company company = new Company(String.format(Locale.ROOT, "Mix permit %06d LLC", n), String.format(Locale.ROOT, "%07d", 6_000_000L + n), true,
                    "Bench street " + n + ", Khan-Uul district, Ulaanbaatar");
            List<SubmittedDocument> own = papers.write(company.name(), 1).get(0);
            return new Signed("ApplyForPermit", BenchClient.sign("ApplyForPermit", new ApplyForPermit(company, false, own), applicant), null);
        }

        /** The public and staff readers: each reads, waits, reads again, until stopped; latencies kept per kind and step. */
        private final class Readers {
            private final AtomicBoolean running = new AtomicBoolean(true);
            private final AtomicReference<Map<String, Latencies>> current = new AtomicReference<>(new ConcurrentHashMap<>());
            private final AtomicLong reads = new AtomicLong();
            private final AtomicLong failures = new AtomicLong();
            private final List<String> firstFailures = java.util.Collections.synchronizedList(new ArrayList<>());
            private final List<Thread> threads = new ArrayList<>();
            private String reviewerToken;
            private String governorToken;

            void start() {
                reviewerToken = client.signIn("reviewer-1");
                governorToken = client.signIn("governor-altanbulag");
                for (int r = 0; r < readers; r++) {
                    Random random = new Random(r);
                    Thread t = new Thread(() -> {
                        while (running.get()) {
                            readOnce(random);
                            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(thinkMs / 2 + random.nextInt((int) Math.max(1, thinkMs))));
                        }
                    }, "reader-" + r);
                    t.setDaemon(true);
                    threads.add(t);
                    t.start();
                }
            }

            void newStep() {
                current.set(new ConcurrentHashMap<>());
            }

            void stop() throws InterruptedException {
                running.set(false);
                for (Thread t : threads) {
                    t.join(TimeUnit.SECONDS.toMillis(70));
                }
                firstFailures.forEach(f -> System.out.println("    READ FAILED: " + f));
            }

            String summary() {
                StringBuilder out = new StringBuilder("reads during the step (" + readers + " readers, " + thinkMs + " ms think time):");
                Map<String, Latencies> step = current.get();
                step.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                        out.append(String.format(Locale.ROOT, "%n        %-34s %s", e.getKey(), e.getValue().summary())));
                return out.toString();
            }

            private void readOnce(Random random) {
                int pick = random.nextInt(100);
                String kind;
                String path;
                String bearer = null;
                List<String> someDecided;
                synchronized (Run.this) {
                    someDecided = decided.isEmpty() ? List.of() : List.of(decided.get(random.nextInt(decided.size())));
                }
                if (pick < 20) {
                    kind = "GET checkpoint";
                    path = "/api/public/checkpoint";
                } else if (pick < 35) {
                    kind = "GET proof";
                    path = "/api/public/proof/" + random.nextInt(500);
                } else if (pick < 55) {
                    kind = "GET feed page";
                    path = "/api/public/feed?after=" + random.nextInt(500) + "&limit=50";
                } else if (pick < 70) {
                    kind = "GET register: entities by name";
                    path = "/api/public/register/entities?name=mix+" + String.format(Locale.ROOT, "%04d", random.nextInt(200));
                } else if (pick < 80) {
                    kind = "GET register: permits";
                    path = "/api/public/register/permits?limit=20";
                } else if (pick < 90 && !someDecided.isEmpty()) {
                    kind = "GET permit case (reviewer)";
                    path = "/api/reviewer/applications/" + someDecided.get(0);
                    bearer = reviewerToken;
                } else if (pick < 98) {
                    kind = "GET zone queue (governor)";
                    path = "/api/governor/zones/altanbulag/queue";
                    bearer = governorToken;
                } else {
                    kind = "GET reviewer queue (all)";
                    path = "/api/reviewer/applications";
                    bearer = reviewerToken;
                }
                long nanos = mn.registry.benchmarks.http.PublicReaders.readOnce(client, kind, path, bearer, reads, failures, firstFailures);
                current.get().computeIfAbsent(kind, k -> new Latencies()).add(nanos);
            }
        }
    }
}
