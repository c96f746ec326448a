package mn.registry.store.mongo;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the embedded server's file commits cost and write ({@link EmbeddedH2Backend#commit()}): commits, their time,
 * bytes written, housekeeping, the chunks the file holds, and (if asked) which maps each commit found changed. What the
 * benchmarks print per signed command beside the round trips (ADR 0067).
 *
 * <p>Off unless the JVM runs with {@code -Dregistry.mongo.roundTrips=true}, as {@link RoundTrips}; then readable over
 * JMX as {@value #OBJECT_NAME}. The map census before each commit ({@code -Dregistry.h2.dirtyMaps=true}) reads H2's
 * list of maps, so it is a switch of its own.
 */
final class FileCommits implements FileCommitsMBean {

    static final String OBJECT_NAME = "mn.registry:type=EmbeddedFileCommits";
    private static final boolean DIRTY_MAPS = Boolean.getBoolean("registry.h2.dirtyMaps");

    private final MVStore store;
    private final LongAdder commits = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final LongAdder commitCpuNanos = new LongAdder();
    private final LongAdder housekeepingPasses = new LongAdder();
    private final LongAdder housekeepingNanos = new LongAdder();
    private final Map<String, LongAdder> dirtyMaps = new ConcurrentHashMap<>();

    private FileCommits(MVStore store) {
        this.store = store;
    }

    /**
     * A counter for {@code store}, registered over JMX (replacing the one of a store closed before); null when counting is off
     * (on with the round trips, or alone with {@code -Dregistry.h2.commits=true}: the server alone's rounds).
     */
    static FileCommits ifEnabled(MVStore store) {
        if (!RoundTrips.ENABLED && !Boolean.getBoolean("registry.h2.commits")) {
            return null;
        }
        FileCommits counter = new FileCommits(store);
        try {
            ObjectName name = new ObjectName(OBJECT_NAME);
            var server = ManagementFactory.getPlatformMBeanServer();
            synchronized (FileCommits.class) {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(counter, name);
            }
        } catch (InstanceAlreadyExistsException raced) {
            // another store of this JVM registered meanwhile: this one is not shown
        } catch (JMException e) {
            throw new IllegalStateException("cannot register " + OBJECT_NAME, e);
        }
        return counter;
    }

    /** Before a commit, under the consistency lock: notes each open map with unsaved changes (its root not yet written). */
    void beforeCommit() {
        if (!DIRTY_MAPS) {
            return;
        }
        MVMap<String, String> meta = store.getMetaMap();
        for (String name : store.getMapNames()) {
            String id = meta.get(DataUtils.META_NAME + name);
            MVMap<?, ?> map = id == null ? null : store.getMap(DataUtils.parseHexInt(id));
            // a root not yet written that holds keys: what H2's commit writes (an empty map's root is never written)
            if (map != null && !map.isClosed() && map.getRootPage().getPos() == 0 && map.getRootPage().getTotalCount() > 0) {
                dirtyMaps.computeIfAbsent(name, n -> new LongAdder()).increment();
            }
        }
    }

    /** A commit that wrote (its version moved), its time and the committing thread's CPU time. */
    void committed(long nanos, long cpuNanos) {
        commits.increment();
        commitNanos.add(nanos);
        commitCpuNanos.add(cpuNanos);
    }

    /** This thread's CPU time, ns. */
    static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    void housekept(long nanos) {
        housekeepingPasses.increment();
        housekeepingNanos.add(nanos);
    }

    @Override
    public long getCommits() {
        return commits.sum();
    }

    @Override
    public long getCommitNanos() {
        return commitNanos.sum();
    }

    @Override
    public long getCommitCpuNanos() {
        return commitCpuNanos.sum();
    }

    @Override
    public long getHousekeepingPasses() {
        return housekeepingPasses.sum();
    }

    @Override
    public long getHousekeepingNanos() {
        return housekeepingNanos.sum();
    }

    @Override
    public Map<String, String> getInfo() {
        Map<String, String> info = new TreeMap<>();
        if (!store.isClosed()) {
            store.populateInfo(info::put);
        }
        return info;
    }

    @Override
    public Map<String, Long> getDirtyMaps() {
        Map<String, Long> out = new TreeMap<>();
        dirtyMaps.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
