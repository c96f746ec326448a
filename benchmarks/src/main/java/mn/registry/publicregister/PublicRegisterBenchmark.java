package mn.registry.publicregister;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import mn.registry.benchmarks.store.Timer;
import mn.registry.feed.FeedPage;
import mn.registry.feed.PublicFeed;
import mn.registry.feed.PublicFeedAccess;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.tlog.LogCollections;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.projection.RebuildProgress;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import static mn.registry.publicregister.PrefilledLog.OFFICIAL;
import static mn.registry.publicregister.PrefilledLog.SQUARE;
import static mn.registry.publicregister.PrefilledLog.T;

/**
 * Public register figures on the embedded H2-backed server (issue 7): a rebuild of the register from a log of
 * 100,000 public records (10,000 registered entities, permits with suspensions and restorations, land licences),
 * public search latency at 50 concurrent readers, and feed pages per second. In the register's package (split
 * across modules, for the benchmark only) to drive its rebuild directly. Arguments: [log size, default 100000]
 * [seconds per load phase, default 10]. {@code search [seconds] [readers] [interleaved rounds]} runs {@link SearchBenchmark} instead (the
 * search index beside the earlier scan, ADR 0017).
 */
public final class PublicRegisterBenchmark {

    private static final String[] WORDS = {"Хан", "Алтан", "Говь", "Тэнгэр", "Өлзий", "Мөнх", "Номин", "Khan", "Steppe", "Blue Sky", "Gobi",
            "Орхон", "Selenge", "Түшиг", "Эрдэнэ", "Bayan"};
    private static final String[] SUFFIX = {"ХХК", "LLC", "Трейд", "Group", "Үйлдвэр", "Logistics"};

    private PublicRegisterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && "search".equals(args[0]) && "http".equals(args[1])) {
            SearchOverHttpBenchmark.main(Arrays.copyOfRange(args, 2, args.length));
            return;
        }
        if (args.length > 0 && "search".equals(args[0])) {
            SearchBenchmark.run(args.length > 1 ? Integer.parseInt(args[1]) : 10, args.length > 2 ? Integer.parseInt(args[2]) : 50, args.length > 3 ? Integer.parseInt(args[3]) : 0);
            return;
        }
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path dir = Files.createTempDirectory("register-bench");
        try (RegistryMongo mongo = RegistryMongo.open(null, dir)) {
            MongoDatabase db = mongo.client().getDatabase("registry");
            long t0 = System.nanoTime();
            int entities = prefill(db, size);
            System.out.printf(Locale.ROOT, "prefilled %d log entries (%d registered entities) in %.1f s (not measured)%n", size, entities,
                    (System.nanoTime() - t0) / 1e9);

            PublicRegister register = new PublicRegister(db, Duration.ofMillis(100));
            RegisterRebuilds rebuilds = new RegisterRebuilds(db, register);
            long c0 = Timer.cpuNanos();
            long t1 = System.nanoTime();
            register.catchUp();
            Timer.print("register folded at start (sorted cursor, in memory)", register.logSize(), System.nanoTime() - t1, Timer.cpuNanos() - c0,
                    "(start-up)");

            java.util.List<String> hashes = new java.util.ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                long c1 = Timer.cpuNanos();
                long t2 = System.nanoTime();
                rebuilds.rebuild(null, true);
                RebuildProgress done;
                while ("RUNNING".equals((done = rebuilds.progress()).state())) {
                    Thread.sleep(20);
                }
                Timer.print("rebuild #" + round + " from 0 into a new generation + switch", done.processed(), System.nanoTime() - t2,
                        Timer.cpuNanos() - c1, ">= 10,000 events/s");
                System.out.printf(Locale.ROOT, "   state %s, generation %d, serving %s, hash %s%n", done.state(), done.generation(), done.serving(), done.hash());
                hashes.add(done.hash());
            }
            // the prefill is deterministic, so the hash is also the same in every run of the same size (compare the lines of two runs)
            System.out.printf(Locale.ROOT, "rebuild hashes over %d log entries: %s   target: same hash every run  %s%n", size, hashes,
                    hashes.get(0) != null && hashes.stream().distinct().count() == 1 ? "MET (equal)" : "MISSED (differ)");

            steps(rebuilds, db, register.logSize());

            search(register, seconds, "public search, earlier scan (baseline)", register::scan);
            search(register, seconds, "public search, through the index", register::search);
            feed(db, size, seconds);
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A rebuild's steps one at a time on this thread (session 19), with what each costs per log entry independently of
     * the machine's load: the process's CPU, this thread's CPU and the bytes it allocated (the index is built by as many
     * threads as cores: its other threads' CPU is in the process's). The steps: the fold (one cursor over the log, each
     * record parsed and applied), the generation's chunks written (into a spare collection, dropped) and the content hash,
     * the search index built.
     */
    private static void steps(RegisterRebuilds rebuilds, MongoDatabase db, long logSize) {
        RegisterModel[] model = new RegisterModel[1];
        step("step: fold (read, parse, apply)", logSize, () -> model[0] = rebuilds.fold(logSize, null));
        String[] hash = new String[1];
        step("step: generation written (chunks of 1,000 entries) and hashed", logSize, () -> hash[0] = rebuilds.writeAndHash(model[0], 999_999));
        String spare = mn.registry.projection.Generations.collection(RegisterRebuilds.NAME, 999_999);
        long documents = 0;
        long bytes = 0;
        for (org.bson.RawBsonDocument d : db.getCollection(spare, org.bson.RawBsonDocument.class).find()) {
            documents++;
            bytes += d.getByteBuffer().remaining();
        }
        System.out.printf(Locale.ROOT, "   %d entries in %d documents written, %.1f KiB of BSON%n", model[0].size(), documents, bytes / 1024.0);
        db.getCollection(spare).drop();
        step("step: search index built (" + model[0].size() + " entries)", logSize, () -> RegisterIndex.of(model[0].entries()).discard());
        System.out.println("   hash of the steps' fold: " + hash[0]);
    }

    private static void step(String what, long logEntries, Runnable step) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = Timer.cpuNanos();
        long mine0 = threads.getCurrentThreadCpuTime();
        long allocated0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        step.run();
        long nanos = System.nanoTime() - t0;
        Timer.print(what, logEntries, nanos, Timer.cpuNanos() - c0, "(per log entry)");
        System.out.printf(Locale.ROOT, "   per log entry: CPU %.1f us the process, %.1f us this thread; %.0f B allocated by this thread%n",
                (Timer.cpuNanos() - c0) / 1e3 / logEntries, (threads.getCurrentThreadCpuTime() - mine0) / 1e3 / logEntries,
                (threads.getCurrentThreadAllocatedBytes() - allocated0) / (double) logEntries);
    }

    private static void search(PublicRegister register, int seconds, String what,
                               java.util.function.Function<RegisterQuery, RegisterPage> searcher) throws Exception {
        int readers = 50;
        long gc0 = Heap.settled();
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long c0 = Timer.cpuNanos();
        long t0 = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        ObjectMapper json = CanonicalJson.mapper();
        for (int r = 0; r < readers; r++) {
            int seed = r;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed);
                // grown as needed: 50 readers each allocating 32 MB up front filled the heap with humongous arrays,
                // and the phases after this one measured the collector reclaiming them (session 20)
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    RegisterPage page = searcher.apply(query(random));
                    json.writeValueAsBytes(page);
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            for (long l : f.get()) {
                all.add(l);
            }
        }
        long wall = System.nanoTime() - t0;
        long cpu = Timer.cpuNanos() - c0;
        pool.shutdown();
        all.sort(null);
        Timer.print(what + ", 50 readers (in process, JSON written)", all.size(), wall, cpu, "p99 <= 50 ms");
        System.out.printf(Locale.ROOT, "   latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; cpu per search %.3f ms; %s%n",
                all.get(all.size() / 2) / 1e6, all.get((int) (all.size() * 0.99)) / 1e6, all.get(all.size() - 1) / 1e6, cpu / 1e6 / all.size(),
                Heap.since(gc0));
    }

    /** The query mix of the register's search (issue 7), the same for the scan and the index. */
    static RegisterQuery query(Random random) {
        String word = WORDS[random.nextInt(WORDS.length)];
        return switch (random.nextInt(5)) {
            case 0 -> new RegisterQuery(RegisterKind.ENTITY, word, null, null, null, null, null, null, random.nextInt(3) * 20, 20);
            case 1 -> new RegisterQuery(RegisterKind.ENTITY, null, null, "REGISTERED", random.nextBoolean() ? "altanbulag" : "zamyn-uud",
                    Activity.values()[random.nextInt(5)].name(), null, null, random.nextInt(10) * 20, 20);
            case 2 -> new RegisterQuery(RegisterKind.PERMIT, word + " " + SUFFIX[random.nextInt(SUFFIX.length)], null, null, null, null, null, null, 0, 20);
            case 3 -> new RegisterQuery(RegisterKind.ENTITY, null, "FZ-" + (1_000_000 + random.nextInt(10_000)), null, null, null, null, null, 0, 20);
            default -> new RegisterQuery(RegisterKind.ENTITY, word.toLowerCase(Locale.ROOT), null, null, null, null,
                    LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)), LocalDate.of(2026, 12, 31), 0, 20);
        };
    }

    private static void feed(MongoDatabase db, int size, int seconds) throws Exception {
        db.getCollection(LogCollections.STATE).insertOne(new Document("_id", "checkpoint").append(LogCollections.SIZE, (long) size));
        PublicFeed feed = PublicFeedAccess.open(db);
        ObjectMapper json = CanonicalJson.mapper();
        for (int clients : new int[]{8, 50}) {
            for (String mode : new String[]{"head", "anywhere"}) {
                long gc0 = Heap.settled();
                ExecutorService pool = Executors.newFixedThreadPool(clients);
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                long c0 = Timer.cpuNanos();
                long t0 = System.nanoTime();
                List<Future<long[]>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int seed = c;
                    futures.add(pool.submit(() -> {
                        Random random = new Random(seed);
                        long pages = 0;
                        long bytes = 0;
                        while (System.nanoTime() < end) {
                            long after = "head".equals(mode) ? size - 1 - random.nextInt(5_000) : random.nextInt(size) - 1;
                            FeedPage page = feed.after(after, 100);
                            bytes += json.writeValueAsBytes(page).length;
                            pages++;
                        }
                        return new long[]{pages, bytes};
                    }));
                }
                long pages = 0;
                long bytes = 0;
                for (Future<long[]> f : futures) {
                    long[] r = f.get();
                    pages += r[0];
                    bytes += r[1];
                }
                pool.shutdown();
                Timer.print("feed pages of up to 100, " + clients + " clients, cursors " + ("head".equals(mode) ? "in the last 5,000" : "anywhere"),
                        pages, System.nanoTime() - t0, Timer.cpuNanos() - c0, ">= 2,000 requests/s");
                System.out.printf(Locale.ROOT, "   %.1f KB a page on average; %s%n", bytes / 1024.0 / Math.max(1, pages), Heap.since(gc0));
            }
        }
    }

    /**
     * Appends the same {@code size} public records as this benchmark's prefill through the registry's own log writer (entries,
     * tiles, tree size), e.g. offline into a stopped registry's database; returns the number of entities registered.
     */
    public static int writeThrough(mn.registry.tlog.LogWriter writer, MongoDatabase db, int size) {
        return prefill(new PrefilledLog(db, writer, PrefilledLog.T), size);
    }

    /** Writes {@code size} public records as the log sequencer would; returns the number of entities registered. */
    private static int prefill(MongoDatabase db, int size) {
        return prefill(new PrefilledLog(db), size);
    }

    private static int prefill(PrefilledLog log, int size) {
        Random random = new Random(42);
        List<ZoneId> zones = log.openTwoZones();
        Function<Object, Void> add = log::add;
        int entities = 0;
        int permits = 0;
        int land = 0;
        while (log.size() < size) {
            int kind = random.nextInt(10);
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + SUFFIX[random.nextInt(SUFFIX.length)];
            if (kind < 3 && entities < 10_000) {
                ZoneId zone = zones.get(entities % 2);
                String reg = Integer.toString(1_000_000 + entities);
                RegistrationId id = new RegistrationId(zone.value() + ":mn-" + reg);
                add.apply(new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("FZ-" + reg, id, new LegalEntity(name, Jurisdiction.MONGOLIAN,
                        null, reg), Activity.values()[entities % 5], LocalDate.of(2026, 1, 1).plusDays(entities % 360), zone), T, OFFICIAL));
                entities++;
            } else if (kind < 5 && entities > 0) {
                ZoneId zone = zones.get(land % 2);
                String holder = Integer.toString(1_000_000 + random.nextInt(entities));
                LandLicenceId licence = LandLicenceId.of(zone, ++land);
                add.apply(new LandEvents.LandRightsGranted(zone, licence, new RegistrationId(zone.value() + ":mn-" + holder), "Parcel " + land, SQUARE,
                        new BigDecimal("1.5"), "warehouse", LocalDate.of(2026, 3, 1), LocalDate.of(2056, 3, 1), LandCommands.AllocationMethod.TENDER,
                        new Money(new BigDecimal("1000"), "MNT"), "decision", T, OFFICIAL, null));
                add.apply(new LandEvents.LandLicenceIssued(zone, licence, new RegistrationId(zone.value() + ":mn-" + holder),
                        new Money(new BigDecimal("1000"), "MNT"), null, T, OFFICIAL, null));
            } else if (kind < 7 || permits == 0) {
                permits++;
                ApplicationId app = ApplicationId.of(new UUID(1, permits));
                LocalDate from = LocalDate.of(2026, 1, 1).plusDays(permits % 300);
                add.apply(new PermitIssued(app, new PermitNumber(String.format("P-2026-%06d", permits)), "Ministry",
                        new Company(name, Integer.toString(5_000_000 + permits), true, "Ulaanbaatar"), "ISSUE_CERTIFICATES", from, from.plusYears(5),
                        List.of("condition"), T, OFFICIAL, "ab".repeat(32)));
            } else {
                ApplicationId app = ApplicationId.of(new UUID(1, 1 + random.nextInt(permits)));
                add.apply(new PermitSuspended(app, SuspensionGround.INSPECTOR_OPINION, "cd".repeat(32), 0, LocalDate.of(2026, 6, 1),
                        LocalDate.of(2026, 9, 1), T, OFFICIAL));
                add.apply(new PermitRestored(app, "remedied", T, OFFICIAL, "002 art. 28.4"));
            }
        }
        log.flush();
        return entities;
    }

    /**
     * The collector's share of a measured phase. Each phase starts after a full collection, so it does not pay for the
     * garbage of the phase before it (session 20: the feed phase ran at 2.3k or 20k pages/s on the same build, depending on
     * how much of the search phase's heap was still to be reclaimed).
     */
    static final class Heap {

        private Heap() {
        }

        /** A full collection now; returns the collectors' total time so far, in ms. */
        static long settled() {
            System.gc();
            return millis();
        }

        static String since(long millis0) {
            long count = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
            }
            return String.format(Locale.ROOT, "collectors %d ms in the phase (%d collections so far)", millis() - millis0, count);
        }

        private static long millis() {
            long total = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                total += Math.max(0, gc.getCollectionTime());
            }
            return total;
        }
    }
}
