package mn.registry.store.mongo;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ADR 0019 "No full scans": which commits a signed command left, found by one exact key instead of a scan of the
 * events' metadata. A commit whose events carry a command id in their metadata ({@value #METADATA_KEY}) gets the
 * top-level key {@value #FIELD} = {@code commandId#n}, {@code n} counting that command's stored commits from 0 in this
 * process (a command may dispatch several commands, each its own commit); the key has a sparse unique index
 * (MongoIndexes), so commits without a command carry nothing and commits written before it are simply not indexed.
 *
 * <p>The count goes up only after a commit is stored, so commit {@code n} exists only if commit {@code n - 1} does:
 * {@link #commitsOf} reads {@code #0}, {@code #1}, ... until one is missing, each an index lookup on both servers.
 * A crash loses the count with the process; a command taken over after a crash is carried out again only when
 * {@code #0} is missing (ADR 0002), so it starts at 0 again without collision. {@link #finished} forgets a command
 * once its answer is recorded.
 */
public final class CommandCommits {

    /** The commit's top-level key. */
    public static final String FIELD = "command";
    /** The metadata key of a signed command's id (AxonStorageConfiguration.COMMAND_ID). */
    static final String METADATA_KEY = "commandId";

    private static final ConcurrentHashMap<String, Integer> NEXT = new ConcurrentHashMap<>();

    private CommandCommits() {
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

    /** The number the command's next commit gets. */
    static int next(String commandId) {
        return NEXT.getOrDefault(commandId, 0);
    }

    /** The command's commit {@code ordinal} is stored. */
    static void stored(String commandId, int ordinal) {
        NEXT.merge(commandId, ordinal + 1, Math::max);
    }

    /** The command's answer is recorded: no commit of it follows in this process. */
    public static void finished(String commandId) {
        NEXT.remove(commandId);
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
