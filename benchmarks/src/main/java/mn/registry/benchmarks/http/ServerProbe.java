package mn.registry.benchmarks.http;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads figures inside the registry's JVM over JMX (attaching to its process, same user): round trips to MongoDB
 * by kind (the registry counts them when started with {@code -Dregistry.mongo.roundTrips=true}) and bytes allocated
 * by all its threads. Both are counts, so they hold whatever else loads the machine. Figures are null when the
 * registry cannot be reached this way (then the benchmark prints "n/a").
 */
public final class ServerProbe implements AutoCloseable {

    private static final String ROUND_TRIPS = "mn.registry:type=MongoRoundTrips";
    private static final String FILE_COMMITS = "mn.registry:type=EmbeddedFileCommits";

    /** A reading: round trips in all and by kind, nanoseconds by kind, bytes allocated, GC pauses. */
    public record Reading(long roundTrips, Map<String, Long> counts, Map<String, Long> nanos, long allocated, long gcCount, long gcMillis,
                          FileReading file) {
    }

    /** The embedded server's file commits (EmbeddedFileCommits; null against a server of its own): counts so far and the file now. */
    public record FileReading(long commits, long commitNanos, long commitCpuNanos, long housekeepingPasses, long housekeepingNanos, Map<String, String> info,
                              Map<String, Long> dirtyMaps) {

        long bytesWritten() {
            return number("info.FILE_WRITE_BYTES");
        }

        long number(String key) {
            return Long.parseLong(info.getOrDefault(key, "-1"));
        }
    }

    private final JMXConnector connector;
    private final MBeanServerConnection server;

    private ServerProbe(JMXConnector connector) throws Exception {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
    }

    /** Attaches to the process, or returns null (with a line saying why) when it cannot. */
    public static ServerProbe attach(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            return new ServerProbe(JMXConnectorFactory.connect(new JMXServiceURL(address)));
        } catch (Exception | LinkageError e) {
            System.out.println("cannot read the registry's JVM over JMX (" + e + "): round trips and allocation not shown");
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    public Reading read() {
        try {
            ObjectName trips = new ObjectName(ROUND_TRIPS);
            boolean counting = server.isRegistered(trips);
            long total = counting ? (Long) server.getAttribute(trips, "Total") : -1;
            Map<String, Long> counts = counting ? (Map<String, Long>) server.getAttribute(trips, "Counts") : Map.of();
            Map<String, Long> nanos = counting ? (Map<String, Long>) server.getAttribute(trips, "Nanos") : Map.of();
            long allocated = (Long) server.getAttribute(new ObjectName("java.lang:type=Threading"), "TotalThreadAllocatedBytes");
            long gcCount = 0;
            long gcMillis = 0;
            for (ObjectName gc : server.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null)) {
                gcCount += (Long) server.getAttribute(gc, "CollectionCount");
                gcMillis += (Long) server.getAttribute(gc, "CollectionTime");
            }
            return new Reading(total, counts, nanos, allocated, gcCount, gcMillis, readFile(server));
        } catch (Exception e) {
            throw new IllegalStateException("reading the registry's JVM over JMX failed", e);
        }
    }

    /** The file commits of an embedded server in this JVM (the server alone's rounds), or null. */
    public static FileReading readFileHere() {
        try {
            return readFile(ManagementFactory.getPlatformMBeanServer());
        } catch (Exception e) {
            throw new IllegalStateException("reading this JVM's " + FILE_COMMITS + " failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static FileReading readFile(MBeanServerConnection server) throws Exception {
        ObjectName commits = new ObjectName(FILE_COMMITS);
        if (!server.isRegistered(commits)) {
            return null;
        }
        List<Object> values = server.getAttributes(commits, new String[]{"Commits", "CommitNanos", "CommitCpuNanos", "HousekeepingPasses",
                "HousekeepingNanos", "Info", "DirtyMaps"}).asList().stream()
                .map(javax.management.Attribute::getValue).toList();
        return new FileReading((Long) values.get(0), (Long) values.get(1), (Long) values.get(2), (Long) values.get(3), (Long) values.get(4),
                (Map<String, String>) values.get(5), (Map<String, Long>) values.get(6));
    }

    /**
     * The file's line between two readings: commits per command and the ms and KiB of each (the durability steps and the 1 s
     * committer's), housekeeping, the chunks and the file now; with the map census on, the maps changed in most commits.
     */
    public static String fileLine(FileReading before, FileReading after, int commands) {
        if (before == null || after == null) {
            return "";
        }
        long commits = Math.max(1, after.commits() - before.commits());
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%n    H2 file: %.2f commits per command, %.3f ms (CPU %.3f ms) and %.0f KiB written each (%.1f KiB per command, housekeeping included); "
                        + "housekeeping %d passes, %.1f ms in all; now %d chunks (%d of %d pages live), %d %% of the chunks' bytes live (%d %% of the old ones), "
                        + "file %.0f MiB, cache hits %d %%",
                (after.commits() - before.commits()) / (double) commands, (after.commitNanos() - before.commitNanos()) / 1e6 / commits,
                (after.commitCpuNanos() - before.commitCpuNanos()) / 1e6 / commits,
                (after.bytesWritten() - before.bytesWritten()) / 1024.0 / commits, (after.bytesWritten() - before.bytesWritten()) / 1024.0 / commands,
                after.housekeepingPasses() - before.housekeepingPasses(), (after.housekeepingNanos() - before.housekeepingNanos()) / 1e6,
                after.number("info.CHUNK_COUNT"), after.number("info.PAGE_COUNT_LIVE"), after.number("info.PAGE_COUNT"),
                after.number("info.CHUNKS_FILL_RATE"), after.number("info.CHUNKS_FILL_RATE_RW"), after.number("info.FILE_SIZE") / 1048576.0,
                after.number("info.CACHE_HIT_RATIO")));
        if (!after.dirtyMaps().isEmpty()) {
            List<Map.Entry<String, Long>> maps = new ArrayList<>();
            after.dirtyMaps().forEach((k, v) -> maps.add(Map.entry(k, v - before.dirtyMaps().getOrDefault(k, 0L))));
            maps.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
            double sum = maps.stream().mapToLong(Map.Entry::getValue).sum();
            out.append(String.format(Locale.ROOT, "%n    maps changed per commit: %.1f; in most commits:", sum / commits));
            for (Map.Entry<String, Long> e : maps.subList(0, Math.min(40, maps.size()))) {
                out.append(String.format(Locale.ROOT, " %s %.2f;", e.getKey(), e.getValue() / (double) commits));
            }
        }
        return out.toString();
    }

    /** Per command between two readings: round trips, KiB allocated, GC; and the kinds of round trip, most time first. */
    public static String perCommand(Reading before, Reading after, int commands, int topKinds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "per command in the registry: %s round trips to MongoDB, %.0f KiB allocated; GC %d collections, %d ms",
                before.roundTrips() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (after.roundTrips() - before.roundTrips()) / (double) commands),
                (after.allocated() - before.allocated()) / 1024.0 / commands, after.gcCount() - before.gcCount(), after.gcMillis() - before.gcMillis()));
        out.append(fileLine(before.file(), after.file(), commands));
        if (topKinds > 0 && before.roundTrips() >= 0) {
            Map<String, long[]> kinds = new HashMap<>();
            after.counts().forEach((k, v) -> kinds.put(k, new long[]{v - before.counts().getOrDefault(k, 0L),
                    after.nanos().getOrDefault(k, 0L) - before.nanos().getOrDefault(k, 0L)}));
            List<Map.Entry<String, long[]>> sorted = new ArrayList<>(kinds.entrySet());
            sorted.removeIf(e -> e.getValue()[0] == 0);
            sorted.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
            for (Map.Entry<String, long[]> e : sorted.subList(0, Math.min(topKinds, sorted.size()))) {
                out.append(String.format(Locale.ROOT, "%n        %6.2f per command, %7.2f ms each   %s",
                        e.getValue()[0] / (double) commands, e.getValue()[1] / 1e6 / e.getValue()[0], e.getKey()));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (Exception e) {
            // the registry is being stopped anyway
        }
    }
}
