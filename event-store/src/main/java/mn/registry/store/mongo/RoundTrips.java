package mn.registry.store.mongo;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonValue;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the registry's round trips to MongoDB, by command, collection and the top-level keys of its filter
 * (e.g. {@code update deadlines {$and}}), with the time each kind took: what the benchmarks print per signed
 * command. The filter's keys matter on the embedded server, which uses an index only when the filter's keys
 * are exactly the index's keys ({@code {_id}}), and scans the whole collection otherwise.
 *
 * <p>Off unless the JVM runs with {@code -Dregistry.mongo.roundTrips=true}; then every client made by
 * {@link RegistryMongo#client} reports here, and the figures are readable over JMX as
 * {@value #OBJECT_NAME} (the benchmarks attach to the registry's process to read them).
 */
public final class RoundTrips implements CommandListener, RoundTripsMBean {

    public static final String OBJECT_NAME = "mn.registry:type=MongoRoundTrips";
    static final boolean ENABLED = Boolean.getBoolean("registry.mongo.roundTrips");
    private static final RoundTrips INSTANCE = new RoundTrips();

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final Map<Long, Kind> running = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    private RoundTrips() {
    }

    /** The JVM's counter, registered over JMX on first use; null when counting is off. */
    static RoundTrips ifEnabled() {
        if (!ENABLED) {
            return null;
        }
        synchronized (INSTANCE) {
            try {
                ManagementFactory.getPlatformMBeanServer().registerMBean(INSTANCE, new ObjectName(OBJECT_NAME));
            } catch (InstanceAlreadyExistsException alreadyRegistered) {
                // a second client in the same JVM reports to the same counter
            } catch (JMException e) {
                throw new IllegalStateException("cannot register " + OBJECT_NAME, e);
            }
        }
        return INSTANCE;
    }

    private static final class Kind {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        Kind kind = kinds.computeIfAbsent(describe(event.getCommandName(), event.getCommand()), k -> new Kind());
        kind.count.increment();
        total.increment();
        running.put(key(event.getConnectionDescription().getConnectionId().getLocalValue(), event.getRequestId()), kind);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        finished(event.getConnectionDescription().getConnectionId().getLocalValue(), event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        finished(event.getConnectionDescription().getConnectionId().getLocalValue(), event.getRequestId(), event.getElapsedTime(TimeUnit.NANOSECONDS));
    }

    private void finished(long connection, int requestId, long nanos) {
        Kind kind = running.remove(key(connection, requestId));
        if (kind != null) {
            kind.nanos.add(nanos);
        }
    }

    private static long key(long connection, int requestId) {
        return (connection << 32) ^ (requestId & 0xffffffffL);
    }

    /** {@code update deadlines {$and}}: the command, its collection and the top-level keys of its filter. */
    static String describe(String commandName, BsonDocument command) {
        BsonValue target = command.get(commandName);
        String collection = target != null && target.isString() ? target.asString().getValue() : "";
        BsonDocument filter = switch (commandName) {
            case "find", "count", "delete" -> firstOf(command, "filter");
            case "findAndModify" -> firstOf(command, "query");
            default -> null;
        };
        if ("update".equals(commandName)) {
            filter = statementFilter(command, "updates");
        } else if ("delete".equals(commandName)) {
            filter = statementFilter(command, "deletes");
        }
        return filter == null ? commandName + " " + collection : commandName + " " + collection + " " + filter.keySet();
    }

    private static BsonDocument firstOf(BsonDocument command, String field) {
        BsonValue value = command.get(field);
        return value != null && value.isDocument() ? value.asDocument() : null;
    }

    private static BsonDocument statementFilter(BsonDocument command, String field) {
        BsonValue statements = command.get(field);
        if (statements instanceof BsonArray array && !array.isEmpty() && array.get(0).isDocument()) {
            return firstOf(array.get(0).asDocument(), "q");
        }
        return null;
    }

    @Override
    public long getTotal() {
        return total.sum();
    }

    @Override
    public Map<String, Long> getCounts() {
        Map<String, Long> counts = new TreeMap<>();
        kinds.forEach((k, v) -> counts.put(k, v.count.sum()));
        return counts;
    }

    @Override
    public Map<String, Long> getNanos() {
        Map<String, Long> nanos = new TreeMap<>();
        kinds.forEach((k, v) -> nanos.put(k, v.nanos.sum()));
        return nanos;
    }
}
