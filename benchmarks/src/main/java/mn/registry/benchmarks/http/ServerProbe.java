package mn.registry.benchmarks.http;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
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
final class ServerProbe implements AutoCloseable {

    private static final String ROUND_TRIPS = "mn.registry:type=MongoRoundTrips";

    /** A reading: round trips in all and by kind, nanoseconds by kind, bytes allocated, GC pauses. */
    public record Reading(long roundTrips, Map<String, Long> counts, Map<String, Long> nanos, long allocated, long gcCount, long gcMillis) {
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
            return new Reading(total, counts, nanos, allocated, gcCount, gcMillis);
        } catch (Exception e) {
            throw new IllegalStateException("reading the registry's JVM over JMX failed", e);
        }
    }

    /** Per command between two readings: round trips, KiB allocated, GC; and the kinds of round trip, most time first. */
    public static String perCommand(Reading before, Reading after, int commands, int topKinds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "per command in the registry: %s round trips to MongoDB, %.0f KiB allocated; GC %d collections, %d ms",
                before.roundTrips() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", (after.roundTrips() - before.roundTrips()) / (double) commands),
                (after.allocated() - before.allocated()) / 1024.0 / commands, after.gcCount() - before.gcCount(), after.gcMillis() - before.gcMillis()));
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
