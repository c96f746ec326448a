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
import java.util.UUID;
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
 */
@Component
class MongoPermitApplicationIds implements PermitApplicationIds {

    static final String COLLECTION = "permit_receipt_counters";
    private static final String LAST = "last";

    private final MongoCollection<Document> counters;
    private final ReentrantLock lock = new ReentrantLock();
    /** The last number this node took per counter: the compare-and-set tries it before reading (guarded by lock). */
    private final java.util.Map<String, Long> lastSeen = new java.util.HashMap<>();

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
        String counter = "SP-" + year;
        lock.lock();
        try {
            Long remembered = lastSeen.get(counter);
            long last = remembered != null ? remembered : lastTaken(counter);
            // another node may have taken numbers since: then the compare-and-set fails and the counter is read again
            while (counters.updateOne(Filters.and(Filters.eq("_id", counter), Filters.eq(LAST, last)), Updates.set(LAST, last + 1))
                    .getModifiedCount() != 1) {
                last = lastTaken(counter);
            }
            lastSeen.put(counter, last + 1);
            return ReceiptNumber.of(year, last + 1);
        } finally {
            lock.unlock();
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
