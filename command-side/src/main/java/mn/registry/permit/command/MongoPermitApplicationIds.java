package mn.registry.permit.command;

import com.mongodb.MongoException;
import com.mongodb.ErrorCategory;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import mn.registry.command.api.CommandContext;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ReceiptNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Application ids and receipt numbers. The application id is a name-based UUID of the signer and
 * their command id, so a signed command that reaches the aggregate twice meets its own application
 * and is refused by the event store instead of registering a second one.
 *
 * <p>Receipt numbers count per year in {@code permit_receipt_counters}, shared by every node. A number
 * is taken by compare-and-set ({@code last == v} -> {@code v + 1}), not by {@code findOneAndUpdate $inc}:
 * the embedded server may return the same {@code $inc} result to two concurrent callers (see the event
 * store's position counter), which would give two applications one receipt number. A number taken by
 * a command that then fails stays unused: serials are unique and increasing, and may have gaps.
 *
 * <p>Session 27 (issue 15, ADR 0070 item 7): the applications of a node that wait for the lock get their numbers from the one holding it,
 * in one compare-and-set for all of them, instead of one round trip each in turn (at 8 clients the request threads parked here 6-10 ms
 * per application). Numbers stay unique and increasing in the order the applications asked on the node.
 */
@Component
class MongoPermitApplicationIds implements PermitApplicationIds {

    static final String COLLECTION = "permit_receipt_counters";
    private static final String LAST = "last";

    private final MongoCollection<Document> counters;
    private final ReentrantLock lock = new ReentrantLock();
    /** The last number this node took per counter: the compare-and-set tries it before reading (guarded by lock). */
    private final java.util.Map<String, Long> lastSeen = new java.util.HashMap<>();
    /** The applications waiting for a number, in the order they asked: the one holding the lock takes theirs with its own. */
    private final Queue<Taking> waiting = new ConcurrentLinkedQueue<>();

    MongoPermitApplicationIds(MongoDatabase database) {
        this.counters = database.getCollection(COLLECTION);
    }

    @Override
    public ApplicationId applicationId(CommandContext context) {
        String name = "ApplyForPermit\n" + context.actor().value() + "\n" + context.commandId();
        return ApplicationId.of(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public ReceiptNumber nextReceiptNumber(int year) {
        Taking taking = new Taking("SP-" + year);
        waiting.add(taking);
        lock.lock();
        try {
            if (taking.last == 0) { // no one took it for us while we waited for the lock
                take(taking);
            }
            return ReceiptNumber.of(year, taking.last);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Session 27 (issue 15, ADR 0070 item 7): the numbers of {@code first} and of every application of its counter waiting for the lock, in
     * one compare-and-set ({@code last == v} -> {@code v + n}), handed out in the order they asked. Guarded by lock (the queue is read
     * and emptied only under it).
     */
    private void take(Taking first) {
        List<Taking> group = new ArrayList<>();
        for (java.util.Iterator<Taking> it = waiting.iterator(); it.hasNext(); ) {
            Taking next = it.next();
            if (next.counter.equals(first.counter)) {
                group.add(next);
                it.remove();
            }
        }
        if (!group.contains(first)) {
            group.add(0, first); // taken from the queue by a holder whose round trip failed: it asked before every one still there
        }
        Long remembered = lastSeen.get(first.counter);
        long last = remembered != null ? remembered : lastTaken(first.counter);
        // another node may have taken numbers since: then the compare-and-set fails and the counter is read again
        while (counters.updateOne(Filters.and(Filters.eq("_id", first.counter), Filters.eq(LAST, last)), Updates.set(LAST, last + group.size()))
                .getModifiedCount() != 1) {
            last = lastTaken(first.counter);
        }
        lastSeen.put(first.counter, last + group.size());
        for (Taking taking : group) {
            taking.last = ++last;
        }
    }

    /** One application's number under a counter: 0 until taken (written under lock, read by its own thread after taking the lock). */
    private static final class Taking {
        final String counter;
        long last;

        Taking(String counter) {
            this.counter = counter;
        }
    }

    private long lastTaken(String counter) {
        Document row = counters.find(Filters.eq("_id", counter)).first();
        if (row != null) {
            return row.get(LAST, Number.class).longValue();
        }
        try {
            counters.insertOne(new Document("_id", counter).append(LAST, 0L));
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        return lastTaken(counter);
    }
}
