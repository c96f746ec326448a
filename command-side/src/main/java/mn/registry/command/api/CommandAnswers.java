package mn.registry.command.api;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * ADR 0066: the command log's answers of carried-out commands, written off the request thread, several in one {@code update}
 * (one round trip), at most {@code delay} after the first of them was handed over. Until written, an answer is held here and
 * {@link CommandLog#find} shows it, so this node answers a resend with the first answer at once (ADR 0002). The answer was
 * never made durable before the response (ADR 0050 "Note"); after a kill -9 an answer not yet written is lost as one not yet
 * in a file commit was, and the entry, left {@code accepted}, is settled by a resend after its lease (ADR 0002's recovery).
 */
final class CommandAnswers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommandAnswers.class);

    private final MongoCollection<Document> commands;
    private final Duration delay;
    /** Answers not yet written: the command id and its {@code $set}. */
    private final Map<String, Document> held = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledThreadPoolExecutor writer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "command-log-answers");
        thread.setDaemon(true);
        return thread;
    });

    CommandAnswers(MongoCollection<Document> commands, Duration delay) {
        this.commands = commands;
        this.delay = delay;
        writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false); // close() writes what is held itself
    }

    /** Holds the answer of {@code commandId} ({@code $set} of its entry) until the next write of the held answers. */
    void hold(String commandId, Document set) {
        held.put(commandId, set);
        if (scheduled.compareAndSet(false, true)) {
            try {
                writer.schedule(this::writeScheduled, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                write(); // after close(): written at once, as before ADR 0066
            }
        }
    }

    /** The answer held for {@code commandId} and not yet written, if any. */
    Optional<Document> held(String commandId) {
        return Optional.ofNullable(held.get(commandId));
    }

    private void writeScheduled() {
        scheduled.set(false);
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("command log: {} answers not written yet ({}); trying again", held.size(), e.toString());
        }
        if (!held.isEmpty() && scheduled.compareAndSet(false, true)) {
            writer.schedule(this::writeScheduled, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Writes every held answer, in one {@code update} of the entries; an answer is let go only once written. */
    synchronized void write() {
        List<Map.Entry<String, Document>> taken = new ArrayList<>(held.entrySet());
        if (taken.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> updates = new ArrayList<>(taken.size());
        for (Map.Entry<String, Document> answer : taken) {
            updates.add(new UpdateOneModel<>(Filters.eq("_id", answer.getKey()), new Document("$set", answer.getValue())));
        }
        commands.bulkWrite(updates, new BulkWriteOptions().ordered(false));
        taken.forEach(answer -> held.remove(answer.getKey(), answer.getValue()));
    }

    /** A stop: the held answers are written before the database is closed. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write();
    }
}
