package mn.registry.publicregister;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import mn.registry.benchmarks.store.Timer;
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
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.store.mongo.RegistryMongo;

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
 * Public search (issue 15 target 3, ADR 0017): 50 concurrent readers over a register of 10,000 Free Zone entities and
 * 2,000 permits (with their providers, 1,000 land licences and suspensions), in one run and on the same register:
 * <ol>
 *   <li>the baseline: the earlier scan ({@link PublicRegister#scan}, numbers exact) with the earlier query mix;</li>
 *   <li>the same query mix through the index ({@link PublicRegister#search});</li>
 *   <li>the public search box through the index ({@link PublicRegister#find}): every kind, parts of names and numbers
 *   in Cyrillic and Latin, filters, counts.</li>
 * </ol>
 * Each phase prints p50/p99/max latency (search + JSON written, in process) and process CPU per search. Run with
 * {@code benchmarks/run.sh search [seconds per phase, default 10] [readers, default 50] [interleaved rounds, default 0]}
 * (a round: the search box with no gate, one search per core, two per core, one after the other, ADR 0029).
 */
final class SearchBenchmark {

    private static final String[] WORDS = {"Хан", "Алтан", "Говь", "Тэнгэр", "Өлзий", "Мөнх", "Номин", "Khan", "Steppe", "Blue Sky", "Gobi",
            "Орхон", "Selenge", "Түшиг", "Эрдэнэ", "Bayan"};
    private static final String[] SUFFIX = {"ХХК", "LLC", "Трейд", "Group", "Үйлдвэр", "Logistics"};
    /** What people type: parts of names (Cyrillic for Latin and back), numbers whole, by their serial or a part. */
    private static final String[] PARTS = {"хан", "khan", "алт", "altan", "gobi", "говь", "steppe", "тэнгэр", "tenger", "олзий", "mönkh",
            "nomin", "logist", "үйлдв", "trade", "bayan sky", "selenge group", "эрдэнэ ххк"};
    private static final int ENTITIES = 10_000;
    private static final int PERMITS = 2_000;
    private static final int LAND = 1_000;

    private SearchBenchmark() {
    }

    static void run(int seconds, int readers, int rounds) throws Exception {
        Path dir = Files.createTempDirectory("search-bench");
        try (RegistryMongo mongo = RegistryMongo.open(null, dir)) {
            MongoDatabase db = mongo.client().getDatabase("registry");
            long t0 = System.nanoTime();
            int size = prefill(db);
            System.out.printf(Locale.ROOT, "prefilled %d log entries: %d entities, %d permits, %d land licences in %.1f s (not measured)%n", size,
                    ENTITIES, PERMITS, LAND, (System.nanoTime() - t0) / 1e9);
            PublicRegister register = new PublicRegister(db, Duration.ofMillis(100));
            long c0 = Timer.cpuNanos();
            long t1 = System.nanoTime();
            register.catchUp();
            Timer.print("register folded and indexed from the log (in memory)", register.logSize(), System.nanoTime() - t1, Timer.cpuNanos() - c0,
                    "(start-up)");
            List<RegisterEntry> entries = Arrays.stream(RegisterKind.values()).flatMap(k -> register.all(k).stream()).toList();
            long c2 = Timer.cpuNanos();
            long t2 = System.nanoTime();
            RegisterIndex.of(entries).close();
            Timer.print("search index built from the register's entries alone", entries.size(), System.nanoTime() - t2,
                    Timer.cpuNanos() - c2, "(at start and at a rebuild's switch)");
            System.out.printf(Locale.ROOT, "   index in memory: %.1f MB for %d entries; heap used %.0f MB%n", register.indexBytes() / 1048576.0,
                    entries.size(), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0);

            // warm both paths equally before measuring
            Random warm = new Random(7);
            for (int i = 0; i < 2_000; i++) {
                register.scan(PublicRegisterBenchmark.query(warm));
                register.search(PublicRegisterBenchmark.query(warm));
                register.find(box(warm));
            }
            // the CPU one search-box search costs on one thread, alone: the machine baselines below burn the same
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            ObjectMapper json = CanonicalJson.mapper();
            long s0 = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < 2_000; i++) {
                json.writeValueAsBytes(register.find(box(warm)));
            }
            long searchCpu = (threads.getCurrentThreadCpuTime() - s0) / 2_000;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "   one search-box search + its JSON alone on one thread: %.3f ms CPU; %d cores; %d readers need %.1f ms of CPU "
                    + "per round, so a closed loop's MEAN latency cannot be under %.1f ms (readers x cpu / cores) however they are scheduled%n",
                    searchCpu / 1e6, cores, readers, readers * searchCpu / 1e6, readers * searchCpu / 1e6 / cores);
            for (int c = 0; c < CASES.length; c++) {
                long k0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 1_000; i++) {
                    json.writeValueAsBytes(register.find(box(warm, 1 + warm.nextInt(PERMITS), c)));
                }
                System.out.printf(Locale.ROOT, "     of which %-34s %.3f ms CPU (one thread, alone)%n", CASES[c] + ":",
                        (threads.getCurrentThreadCpuTime() - k0) / 1_000 / 1e6);
            }
            List<String> ids = register.all(RegisterKind.ENTITY).stream().map(RegisterEntry::id).toList();
            SearchGate machineGate = SearchGate.twoPerCore();
            phase("machine: a trivial in-memory lookup (register.entry)", readers, seconds,
                    r -> register.entry(RegisterKind.ENTITY, ids.get(r.nextInt(ids.size()))).orElseThrow().id());
            phase("machine: busy CPU as long as one search, all at once", readers, seconds, r -> burn(threads, searchCpu));
            phase("machine: busy CPU as long as one search, fair queue of " + machineGate.size(), readers, seconds, r -> machineGate.run(() -> burn(threads, searchCpu)));
            phase("baseline: scan, earlier query mix (numbers exact)", readers, seconds, r -> register.scan(PublicRegisterBenchmark.query(r)));
            phase("index: the same query mix (numbers whole/start/part), ADR 0029", readers, seconds, r -> register.search(PublicRegisterBenchmark.query(r)));
            register.searchConcurrency(Integer.MAX_VALUE);
            register.sharedQueryCache(true);
            phase("index: search box, shared query cache, all at once (before ADR 0029)", readers, seconds, r -> register.find(box(r)));
            register.sharedQueryCache(false);
            phase("index: search box, no query cache, all at once", readers, seconds, r -> register.find(box(r)));
            register.searchConcurrency(cores);
            phase("index: search box, " + register.searchConcurrency() + " at once, fair queue (1 per core)", readers, seconds, r -> register.find(box(r)));
            register.searchConcurrency(0);
            phase("index: search box, " + register.searchConcurrency() + " at once, fair queue (ADR 0029: 2 per core)", readers, seconds, r -> register.find(box(r)));
            // on a noisy machine the load changes from one phase to the next: the same three settings again, interleaved
            for (int round = 1; round <= rounds; round++) {
                for (int gate : new int[] {Integer.MAX_VALUE, cores, 2 * cores}) {
                    register.searchConcurrency(gate);
                    phase("round " + round + ": search box, no query cache, " + (gate == Integer.MAX_VALUE ? "all" : Integer.toString(gate)) + " at once",
                            readers, seconds, r -> register.find(box(r)));
                }
                register.searchConcurrency(0);
            }
        } finally {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A search as typed into the box, with a filter now and then. */
    static RegisterSearch box(Random random) {
        int serial = 1 + random.nextInt(PERMITS);
        return box(random, serial, random.nextInt(8));
    }

    /** What each case of {@link #box} searches for (its number in the switch). */
    private static final String[] CASES = {"serial 000001", "receipt SP-2026-000001", "entity FZ-1001234", "part of a number 1234",
            "name part, 4 filters with counts", "dates only, pages", "name part, pages"};

    static RegisterSearch box(Random random, int serial, int which) {
        return switch (which) {
            case 0 -> new RegisterSearch(String.format(Locale.ROOT, "%06d", serial), null, null, null, null, null, null, 0, 20);
            case 1 -> new RegisterSearch(String.format(Locale.ROOT, "SP-2026-%06d", serial), null, null, null, null, null, null, 0, 20);
            case 2 -> new RegisterSearch("FZ-" + (1_000_000 + random.nextInt(ENTITIES)), null, null, null, null, null, null, 0, 20);
            case 3 -> new RegisterSearch(Integer.toString(1_000 + random.nextInt(9_000)), null, null, null, null, null, null, 0, 20);
            case 4 -> new RegisterSearch(PARTS[random.nextInt(PARTS.length)], RegisterKind.ENTITY, "REGISTERED",
                    random.nextBoolean() ? "altanbulag" : "zamyn-uud", Activity.values()[random.nextInt(5)].name(), null, null, random.nextInt(5) * 20, 20);
            case 5 -> new RegisterSearch(null, null, null, null, null, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)), LocalDate.of(2026, 12, 31),
                    random.nextInt(10) * 20, 20);
            default -> new RegisterSearch(PARTS[random.nextInt(PARTS.length)], null, null, null, null, null, null, random.nextInt(3) * 20, 20);
        };
    }

    /** Burns this thread's CPU for {@code nanos} (CPU time, not wall: a preempted thread burns no less). */
    private static Object burn(java.lang.management.ThreadMXBean threads, long nanos) {
        long start = threads.getCurrentThreadCpuTime();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            x++;
        }
        return x;
    }

    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static void phase(String what, int readers, int seconds, Function<Random, Object> search) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        ObjectMapper json = CanonicalJson.mapper();
        System.gc();
        long[] gc0 = gc();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long c0 = Timer.cpuNanos();
        long t0 = System.nanoTime();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            int seed = r;
            futures.add(pool.submit(() -> {
                Random random = new Random(seed);
                long[] latencies = new long[1 << 19];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                    long s = System.nanoTime();
                    json.writeValueAsBytes(search.apply(random));
                    latencies[n++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        int count = 0;
        for (Future<long[]> f : futures) {
            long[] l = f.get();
            parts.add(l);
            count += l.length;
        }
        long wall = System.nanoTime() - t0;
        long cpu = Timer.cpuNanos() - c0;
        long[] gc1 = gc();
        pool.shutdown();
        long[] all = new long[count];
        int at = 0;
        for (long[] l : parts) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        Timer.print(what + ", " + readers + " readers", all.length, wall, cpu, "p99 <= 50 ms");
        double p99 = all[(int) (all.length * 0.99)] / 1e6;
        System.out.printf(Locale.ROOT, "   latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; cpu per search %.3f ms   target: p99 <= 50 ms at 50 readers  %s%n",
                all[all.length / 2] / 1e6, p99, all[all.length - 1] / 1e6, cpu / 1e6 / all.length, p99 <= 50 ? "MET" : "MISSED");
        double mean = Arrays.stream(all).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT, "   mean %.2f ms (closed loop: readers / rate = %.2f ms); p99.9 %.2f ms; GC meanwhile: %d collections, %d ms in all%n",
                mean, readers * 1e3 / (all.length / (wall / 1e9)), all[(int) (all.length * 0.999)] / 1e6, gc1[0] - gc0[0], gc1[1] - gc0[1]);
    }

    /** Two open zones, 10,000 entities, 2,000 permits (P-2026-000001..., found by receipt numbers SP-2026-... too), 1,000 land licences and 500 suspensions, in a shuffled order. */
    private static int prefill(MongoDatabase db) {
        return prefill(new PrefilledLog(db));
    }

    /** The same register, written into {@code log} (raw entries or through the registry's log writer); returns the entries written. */
    static int prefill(PrefilledLog log) {
        Random random = new Random(42);
        List<ZoneId> zones = log.openTwoZones();
        Function<Object, Void> add = log::add;
        int entities = 0;
        int permits = 0;
        int land = 0;
        int suspended = 0;
        while (entities < ENTITIES || permits < PERMITS || land < LAND) {
            int kind = random.nextInt(13);
            String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + SUFFIX[random.nextInt(SUFFIX.length)];
            if (kind < 8 && entities < ENTITIES) {
                ZoneId zone = zones.get(entities % 2);
                String reg = Integer.toString(1_000_000 + entities);
                RegistrationId id = new RegistrationId(zone.value() + ":mn-" + reg);
                add.apply(new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("FZ-" + reg, id, new LegalEntity(name, Jurisdiction.MONGOLIAN,
                        null, reg), Activity.values()[entities % 5], LocalDate.of(2026, 1, 1).plusDays(entities % 360), zone), T, OFFICIAL));
                entities++;
            } else if (kind < 9 && entities > 0 && land < LAND) {
                ZoneId zone = zones.get(land % 2);
                String holder = Integer.toString(1_000_000 + (random.nextInt(entities) / 2) * 2 + land % 2);
                LandLicenceId licence = LandLicenceId.of(zone, ++land);
                add.apply(new LandEvents.LandRightsGranted(zone, licence, new RegistrationId(zone.value() + ":mn-" + holder), "Parcel " + land, SQUARE,
                        new BigDecimal("1.5"), "warehouse", LocalDate.of(2026, 3, 1), LocalDate.of(2056, 3, 1), LandCommands.AllocationMethod.TENDER,
                        new Money(new BigDecimal("1000"), "MNT"), "decision", T, OFFICIAL, null));
            } else if (permits < PERMITS) {
                permits++;
                ApplicationId app = ApplicationId.of(new UUID(1, permits));
                LocalDate from = LocalDate.of(2026, 1, 1).plusDays(permits % 300);
                add.apply(new PermitIssued(app, new PermitNumber(String.format(Locale.ROOT, "P-2026-%06d", permits)), "Ministry",
                        new Company(name, Integer.toString(5_000_000 + permits), true, "Ulaanbaatar"), "ISSUE_CERTIFICATES", from, from.plusYears(5),
                        List.of("condition"), T, OFFICIAL, "ab".repeat(32)));
                if (permits % 4 == 0 && suspended < 500) {
                    suspended++;
                    add.apply(new PermitSuspended(ApplicationId.of(new UUID(1, 1 + random.nextInt(permits))), SuspensionGround.INSPECTOR_OPINION,
                            "cd".repeat(32), 0, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 1), T, OFFICIAL));
                }
            }
        }
        log.flush();
        return (int) log.size();
    }
}
