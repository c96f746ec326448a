package mn.registry.store.mongo;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * ADR 0019 "No full scans": which commits a signed command left, found by one exact key instead of a scan of the
 * events' metadata. A commit made while the signed command itself is being carried out ({@link #during}, bound to the
 * thread that carries it out) whose events carry that command's id in their metadata ({@value #METADATA_KEY}) gets the
 * top-level key {@value #FIELD} = {@code commandId#n}, {@code n} counting that run's stored commits from 0 (a command
 * may dispatch several commands, each its own commit). The key has a sparse unique index (MongoIndexes), so commits
 * without it carry nothing and commits written before it are simply not indexed.
 *
 * <p>Only the command's own run keys its commits. Events its handlers cause LATER carry the same command id in their
 * metadata through Axon's correlation data (the deadline processor firing a deadline of the application, a saga's next
 * step, after a restart too) but are made on other threads or after the run, so they take no key: they cannot collide
 * with {@code #0} (the E11000 that made session 4's per-process count fail), and they are not what ADR 0002 asks for
 * (did the command itself store its events before the crash?).
 *
 * <p>The count goes up only after a commit is stored, so commit {@code n} exists only if commit {@code n - 1} does:
 * {@link #commitsOf} reads {@code #0}, {@code #1}, ... until one is missing, each an index lookup on both servers.
 * A command taken over after a crash is carried out again only when {@code #0} is missing (ADR 0002), so the new run
 * starts at 0 again without collision; should two runs of one command ever both store, the index refuses the second.
 */
public final class CommandCommits {

    /** The commit's top-level key. */
    public static final String FIELD = "command";
    /**
     * ADR 0061 item 12 (abuse audit F258, was O147): the registry's time of receipt of the signed command whose run made the commit,
     * in epoch milliseconds, beside {@value #FIELD} (not sealed: the store's own record, as the key). An end of authority is stored
     * in force from after the latest receipt of the commits before it, whichever node's clock timed them.
     */
    public static final String RECEIVED = "received";
    /** The metadata key of a signed command's id (AxonStorageConfiguration.COMMAND_ID). */
    static final String METADATA_KEY = "commandId";

    /** The signed command being carried out on this thread and how many commits it stored so far. */
    private static final class Run {
        private final String commandId;
        private final java.time.Instant receivedAt;
        private int stored;

        private Run(String commandId, java.time.Instant receivedAt) {
            this.commandId = commandId;
            this.receivedAt = receivedAt;
        }
    }

    private static final ThreadLocal<Run> RUNNING = new ThreadLocal<>();

    private CommandCommits() {
    }

    /**
     * Carries out {@code work} as the run of signed command {@code commandId} on this thread: the commits it makes
     * that carry the command's id get their key. A nested call for the same command continues its count.
     */
    public static <T> T during(String commandId, Supplier<T> work) {
        return during(commandId, null, work);
    }

    /**
     * As {@link #during(String, Supplier)}, the command received at {@code receivedAt} (the registry's time of receipt, ADR 0013): its
     * commits also record it ({@value #RECEIVED}, ADR 0061 item 12). Null: none recorded.
     */
    public static <T> T during(String commandId, java.time.Instant receivedAt, Supplier<T> work) {
        Run previous = RUNNING.get();
        RUNNING.set(previous != null && previous.commandId.equals(commandId) ? previous : new Run(commandId, receivedAt));
        try {
            return work.get();
        } finally {
            if (previous == null) {
                RUNNING.remove();
            } else {
                RUNNING.set(previous);
            }
        }
    }

    static String key(String commandId, int ordinal) {
        return commandId + "#" + ordinal;
    }

    /** The command id the messages of a commit carry (the first that carries one), or null. */
    static String commandIdOf(List<? extends EventMessage<?>> messages) {
        for (EventMessage<?> m : messages) {
            Object id = m.getMetaData().get(METADATA_KEY);
            if (id != null) {
                return id.toString();
            }
        }
        return null;
    }

    /** The key a commit of these messages gets: only while their signed command runs on this thread; null otherwise. */
    static String keyFor(List<? extends EventMessage<?>> messages) {
        Run run = RUNNING.get();
        return run != null && run.commandId.equals(commandIdOf(messages)) ? key(run.commandId, run.stored) : null;
    }

    /** The receipt a commit of these messages records: that of their signed command, only while it runs on this thread; null otherwise. */
    static java.time.Instant receiptFor(List<? extends EventMessage<?>> messages) {
        Run run = RUNNING.get();
        return run != null && run.commandId.equals(commandIdOf(messages)) ? run.receivedAt : null;
    }

    /** The commit that got {@code key} (from {@link #keyFor}, on this thread) is stored; null is nothing. */
    static void stored(String key) {
        Run run = RUNNING.get();
        if (key != null && run != null && key.equals(key(run.commandId, run.stored))) {
            run.stored++;
        }
    }

    /** The commits the command left, in the order they were stored; empty if it left none (or only commits from before this key). */
    public static List<Document> commitsOf(MongoCollection<Document> events, String commandId) {
        List<Document> found = new ArrayList<>();
        for (int n = 0; ; n++) {
            Document commit = events.find(new Document(FIELD, key(commandId, n))).first();
            if (commit == null) {
                return found;
            }
            found.add(commit);
        }
    }
}
