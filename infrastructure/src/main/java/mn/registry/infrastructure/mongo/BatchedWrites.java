package mn.registry.infrastructure.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateManyModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A projection's writes to one collection, sent as one {@code bulkWrite} per batch of events (ADR 0019, Session 5):
 * inside an event processor's unit of work they are queued and sent by {@link #flushInterceptor()} after the
 * batch's last event was handled, which is before the processor stores its token (the token is stored in the
 * unit of work's prepare-commit phase, and a write that fails fails the batch, which is then handled again).
 * Outside a unit of work (unit tests, a direct call) every write is sent at once, as a bulk of one: the per-event
 * path. Writes stay idempotent, since a batch that failed half-way is handled again from its first event.
 * A projection that reads its own collection while handling calls {@link #flushPending()} first, so that it reads
 * what the earlier events of its batch wrote.
 */
public final class BatchedWrites {

    private static final Logger log = LoggerFactory.getLogger(BatchedWrites.class);
    private static final String RESOURCE = BatchedWrites.class.getName() + ".pending";
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);
    private static final ReplaceOptions REPLACE_UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<Document> collection;
    /** The same collection, sending documents already encoded ({@link #createById}'s inserts) as they are. */
    private final MongoCollection<RawBsonDocument> raw;
    private final boolean ordered;
    /** The first buffer size for encoding a folded update: about the last one's size (one thread sends a processor's batch). */
    private int sizeHint = 1024;

    private BatchedWrites(MongoCollection<Document> collection, boolean ordered) {
        this.collection = collection;
        this.raw = collection.withDocumentClass(RawBsonDocument.class);
        this.ordered = ordered;
    }

    /** Writes sent in the order they were queued: where two writes of a batch may touch the same document. */
    public static BatchedWrites ordered(MongoCollection<Document> collection) {
        return new BatchedWrites(collection, true);
    }

    /** Writes that never touch the same document twice in a batch, or commute: the server may apply them in any order. */
    public static BatchedWrites unordered(MongoCollection<Document> collection) {
        return new BatchedWrites(collection, false);
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    public void updateOne(Bson filter, Bson update) {
        write(new UpdateOneModel<>(filter, update));
    }

    public void upsert(Bson filter, Bson update) {
        write(new UpdateOneModel<>(filter, update, UPSERT));
    }

    public void replaceOrInsert(Bson filter, Document replacement) {
        write(new ReplaceOneModel<>(filter, replacement, REPLACE_UPSERT));
    }

    /** As {@link MongoCollection#updateOne(Bson, Bson, UpdateOptions)}, sent with the batch. */
    public void updateOne(Bson filter, Bson update, UpdateOptions options) {
        write(new UpdateOneModel<>(filter, update, options));
    }

    /** As {@link MongoCollection#replaceOne(Bson, Object, ReplaceOptions)}, sent with the batch. */
    public void replaceOne(Bson filter, Document replacement, ReplaceOptions options) {
        write(new ReplaceOneModel<>(filter, replacement, options));
    }

    public void updateMany(Bson filter, Bson update) {
        write(new UpdateManyModel<>(filter, update));
    }

    /** Inserts {@code document}; if a document with its {@code _id} is there already, applies {@code otherwise} instead. */
    public void insertOrElse(Document document, WriteModel<Document> otherwise) {
        queue(new Queued(new InsertOneModel<>(document), otherwise, null));
    }

    public void write(WriteModel<Document> model) {
        queue(new Queued(model, null, null));
    }

    /**
     * Upserts the document {@code _id = id} with {@code update} (operators to plain values, {@code {$set: {...}, ...}}),
     * folded into this batch's earlier update of the same document where the result is the same as both in order
     * ({@link CoalescedUpdate}, Session 9): a document touched by several events of a batch is written once. The
     * update is the batch's after this call: the caller must not change it. Outside a unit of work it is sent at once.
     */
    public void upsertById(Object id, Document update) {
        coalesce(id, update, true, false);
    }

    /** As {@link #upsertById}, without inserting a document that is not there. */
    public void updateById(Object id, Document update) {
        coalesce(id, update, false, false);
    }

    /**
     * As {@link #upsertById}, for the event that creates the document (its first): the batch's folded update is sent as
     * the insert of the document it makes from nothing ({@link CoalescedUpdate#created}), and as the update itself where
     * a document with this {@code _id} is there already (the event handled again after a crash). The same documents as
     * {@link #upsertById}; the embedded server stores an insert as it comes, where it applies an upsert field by field
     * (ADR 0060).
     */
    public void createById(Object id, Document update) {
        coalesce(id, update, true, true);
    }

    private void coalesce(Object id, Document update, boolean upsert, boolean creates) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(List.of(new Queued(null, null, new CoalescedUpdate(id, update, upsert, creates))));
            return;
        }
        Queue queue = pending().byCollection.computeIfAbsent(this, k -> new Queue());
        CoalescedUpdate open = queue.open.get(id);
        if (open != null && open.fold(update, upsert)) {
            return;
        }
        CoalescedUpdate next = new CoalescedUpdate(id, update, upsert, creates);
        queue.writes.add(new Queued(null, null, next));
        queue.open.put(id, next);
    }

    private static Pending pending() {
        return CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> Pending.register(CurrentUnitOfWork.get().root()));
    }

    private void queue(Queued write) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(List.of(write));
            return;
        }
        Queue queue = pending().byCollection.computeIfAbsent(this, k -> new Queue());
        queue.writes.add(write);
        // a later update of a document must not move before this write (it may filter on anything, or insert)
        queue.open.clear();
    }

    /**
     * Fixes the order in which the current unit of work sends these collections' queued writes (by default, the order
     * each was first written in since the last send): call it before each write of a projection whose crash safety
     * depends on one collection being written before another (ADR 0053: the deadlines are written before their open
     * sets, so an id never leaves its open set before its deadline is ended). A collection already queued keeps its place;
     * the others follow in the order given. Outside a unit of work nothing is queued, and nothing happens.
     */
    public static void sendInThisOrder(BatchedWrites... writes) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        Pending pending = pending();
        for (BatchedWrites w : writes) {
            pending.byCollection.computeIfAbsent(w, k -> new Queue());
        }
    }

    /**
     * How many times the current unit of work has sent its queued writes so far (0 outside one, or before its first
     * write): a caller that keeps a queued write to change it before it is sent (ADR 0056) checks that this has not moved.
     */
    public static long sends() {
        if (!CurrentUnitOfWork.isStarted()) {
            return 0;
        }
        Pending pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        return pending == null ? 0 : pending.sends;
    }

    /** Sends what the current unit of work has queued so far (every collection), so that a read sees it. */
    public static void flushPending() {
        if (CurrentUnitOfWork.isStarted()) {
            Pending pending = CurrentUnitOfWork.get().root().getResource(RESOURCE);
            if (pending != null) {
                pending.flush();
            }
        }
    }

    /**
     * Sends the queued writes of the batch after its last event was handled (before the token is stored), and after
     * each event when the unit of work is not a batch. Register it on every event processor.
     */
    public static MessageHandlerInterceptor<Message<?>> flushInterceptor() {
        return BatchedWrites::handleThenFlush;
    }

    private static Object handleThenFlush(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
            Pending pending = unitOfWork.root().getResource(RESOURCE);
            if (pending != null) {
                pending.flush();
            }
        }
        return result;
    }

    /**
     * One bulk write of {@code writes}, in order when this collection's writes need it; a duplicate insert falls back.
     * Folded updates of distinct documents and nothing else: unordered (no two of them touch the same document).
     */
    private void send(List<Queued> writes) {
        boolean byDistinctIds = writes.stream().allMatch(q -> q.coalesced() != null)
                && writes.stream().map(q -> q.coalesced().id()).distinct().count() == writes.size();
        List<Queued> rest = new ArrayList<>(writes.size());
        for (Queued q : writes) {
            if (q.coalesced() == null) {
                rest.add(q);
            } else {
                // a document its event creates: inserted, its update encoded only if the document is there already
                RawBsonDocument created = q.coalesced().created(collection.getCodecRegistry(), sizeHint);
                rest.add(created != null ? new Queued(insertOf(created), null, q.coalesced())
                        : new Queued(q.coalesced().model(collection.getCodecRegistry(), sizeHint), null, null));
                // the next update's buffer starts at about the size this collection's updates have
                sizeHint = Math.min(1 << 20, q.coalesced().encodedSize() + q.coalesced().encodedSize() / 4);
            }
        }
        if (byDistinctIds) {
            sendDistinct(rest);
        } else {
            sendModels(rest, ordered);
        }
    }

    /** An insert of encoded bytes, sent as they are ({@link #bulkWrite}). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WriteModel<Document> insertOf(RawBsonDocument document) {
        return (WriteModel<Document>) (WriteModel) new InsertOneModel<>(document);
    }

    /**
     * One write per document, no two of one document: sent in any order (the driver sends the inserts in one command and
     * the updates in another), then, in one more bulk write, the fallback of each insert that found its document there.
     */
    private void sendDistinct(List<Queued> writes) {
        List<WriteModel<Document>> models = new ArrayList<>(writes.size());
        writes.forEach(q -> models.add(q.model()));
        try {
            bulkWrite(models, false);
        } catch (MongoBulkWriteException e) {
            List<Queued> again = new ArrayList<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                Queued failed = writes.get(error.getIndex());
                if (!failed.fallsBack() || ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                again.add(new Queued(fallback(failed), null, null));
            }
            sendDistinct(again);
        }
    }

    /**
     * The collection's bulk write; where every write is an update, a delete, or an insert or replacement of encoded
     * bytes, through a view of the collection that sends those bytes as they are (the collection's own would take such
     * an insert for a {@code Document}); otherwise through the collection, the encoded inserts decoded first.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bulkWrite(List<WriteModel<Document>> models, boolean inOrder) {
        BulkWriteOptions options = new BulkWriteOptions().ordered(inOrder);
        if (models.stream().noneMatch(BatchedWrites::encodedInsert)) {
            collection.bulkWrite(models, options);
        } else if (models.stream().allMatch(m -> encodedInsert(m) || !(m instanceof InsertOneModel<?> || m instanceof ReplaceOneModel<?>))) {
            raw.bulkWrite((List) models, options);
        } else {
            List<WriteModel<Document>> decoded = new ArrayList<>(models.size());
            for (WriteModel<Document> m : models) {
                decoded.add(encodedInsert(m) ? new InsertOneModel<>(decoded(((InsertOneModel<?>) m).getDocument())) : m);
            }
            collection.bulkWrite(decoded, options);
        }
    }

    private static boolean encodedInsert(WriteModel<?> model) {
        return model instanceof InsertOneModel<?> insert && insert.getDocument() instanceof RawBsonDocument;
    }

    private Document decoded(Object encoded) {
        return collection.getCodecRegistry().get(Document.class).decode(((RawBsonDocument) encoded).asBsonReader(),
                org.bson.codecs.DecoderContext.builder().build());
    }

    private void sendModels(List<Queued> writes, boolean inOrder) {
        List<Queued> rest = writes;
        while (!rest.isEmpty()) {
            List<WriteModel<Document>> models = new ArrayList<>(rest.size());
            rest.forEach(q -> models.add(q.model()));
            try {
                bulkWrite(models, inOrder || rest.stream().anyMatch(Queued::fallsBack));
                return;
            } catch (MongoBulkWriteException e) {
                // ordered: the first error stopped the bulk at its index; a duplicate insert with a fallback goes on from there
                BulkWriteError error = e.getWriteErrors().get(0);
                Queued failed = rest.get(error.getIndex());
                if (e.getWriteErrors().size() != 1 || !failed.fallsBack() || ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                List<Queued> next = new ArrayList<>(rest.size() - error.getIndex());
                next.add(new Queued(fallback(failed), null, null));
                next.addAll(rest.subList(error.getIndex() + 1, rest.size()));
                rest = next;
            }
        }
    }

    /** The write applied instead of an insert that found its document there. */
    private WriteModel<Document> fallback(Queued failed) {
        return failed.otherwise() != null ? failed.otherwise() : failed.coalesced().model(collection.getCodecRegistry(), sizeHint);
    }

    /**
     * A write, or an update still open to folding ({@code model} null, {@code coalesced} encoded when sent); an insert
     * with what to apply instead where its document is there already: {@code otherwise}, or {@code coalesced}'s update
     * (the insert of the document it creates, ADR 0060).
     */
    private record Queued(WriteModel<Document> model, WriteModel<Document> otherwise, CoalescedUpdate coalesced) {
        boolean fallsBack() {
            return model != null && (otherwise != null || coalesced != null);
        }
    }

    /** One collection's queued writes, and the folded update of each document a later update may still join. */
    private static final class Queue {
        private final List<Queued> writes = new ArrayList<>();
        private final Map<Object, CoalescedUpdate> open = new HashMap<>();
    }

    /** The writes a unit of work queued, by collection, in the order each collection was first written. */
    private static final class Pending {
        private final Map<BatchedWrites, Queue> byCollection = new LinkedHashMap<>();
        private long sends;

        static Pending register(UnitOfWork<?> root) {
            Pending pending = new Pending();
            // a safety net only: the interceptor sends them before the token; a processor without it would send them here
            root.onPrepareCommit(u -> {
                if (pending.size() > 0) {
                    log.warn("{} projection writes were still queued at commit (no flush interceptor on this processor?); sending them now", pending.size());
                    pending.flush();
                }
            });
            return pending;
        }

        int size() {
            return byCollection.values().stream().mapToInt(q -> q.writes.size()).sum();
        }

        void flush() {
            sends++;
            Map<BatchedWrites, Queue> now = new IdentityHashMap<>(byCollection);
            List<BatchedWrites> order = new ArrayList<>(byCollection.keySet());
            byCollection.clear();
            for (BatchedWrites writes : order) {
                List<Queued> queued = now.get(writes).writes;
                if (!queued.isEmpty()) { // a place kept by sendInThisOrder that nothing was written to
                    writes.send(queued);
                }
            }
        }
    }
}
