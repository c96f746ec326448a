package mn.registry.deadline;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The MongoDB collection {@value #COLLECTION}: one document per deadline, keyed by its deterministic id, with its
 * state and its claim. A claim is taken by compare-and-set on the {@code claim} counter ({@code claim == seen} ->
 * {@code seen + 1}), atomic on both the embedded server and MongoDB; a JVM-wide lock also keeps the threads of one
 * process from racing each other (see the event store's position counter: the embedded server does not make
 * {@code findOneAndUpdate $inc} atomic across threads).
 */
public class MongoDeadlines {

    public static final String COLLECTION = "deadlines";
    /**
     * ADR 0019 "No full scans": one document per aggregate and kind ({@code _id: aggregateId|kind}) listing the ids of the
     * deadlines started on it ({@code ids}), so that {@link #end} finds them by {@code _id}; an id leaves the list when it
     * is ended (or found no longer open). Written before the deadline itself, so no open deadline is ever missing from it.
     */
    public static final String OPEN_SETS = "open_deadlines";
    /**
     * ADR 0019 "No full scans" for the poller: one document per day ({@code _id: yyyy-MM-dd}, the UTC day of {@code dueAt})
     * listing the ids of the deadlines due that day, and one {@value #FLOOR} document holding the earliest day that may
     * still hold an open deadline (its {@code v} counts the starts, so the poller moves the floor up by compare-and-set
     * only if no deadline was started meanwhile). The poller reads the days from the floor to today by {@code _id $in},
     * then their deadlines by {@code _id $in}: index lookups on both servers, growing with the days and the due
     * deadlines, not with the collection. A fired or ended id leaves its day; a moved one stays listed in its old day
     * too (harmless: the due date is checked on the deadline itself) until it fires or ends.
     * <p>
     * A day is spread over {@value #DAY_SHARDS} bucket documents ({@code _id: yyyy-MM-dd/k}, {@code k} from the id's
     * {@code String.hashCode}, the same on every node), so no document grows with the day's load: the embedded server
     * re-encodes a whole document on every update (its size check and its H2 page), and one bucket per day made each
     * start cost as much as the day's deadlines so far (ADR 0019, amended in session 9). Buckets written before that
     * ({@code _id: yyyy-MM-dd}) are still read, and drain as their deadlines fire or end.
     */
    public static final String DAYS = "deadline_days";
    /** How many bucket documents one day's deadlines are spread over (see {@value #DAYS}). */
    static final int DAY_SHARDS = 32;
    static final String FLOOR = "floor";
    /** Marks that the open deadlines written before the day buckets are in them (one pass, once). */
    static final String DAYS_MIGRATED = "migrated";
    static final String DAY = "day";
    static final String STARTS = "v";
    private static final int IN_CHUNK = 500;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MongoDeadlines.class);
    private static final ReentrantLock CLAIM_LOCK = new ReentrantLock();

    static final String ID = "_id";
    static final String AGGREGATE_ID = "aggregateId";
    static final String KIND = "kind";
    static final String DUE = "due";
    static final String DUE_AT = "dueAt";
    /** {@code dueAt} to the nanosecond (a BSON date keeps milliseconds only; it is what queries use). */
    static final String DUE_AT_EXACT = "dueAtExact";
    static final String RULE = "rule";
    static final String ARTICLE = "article";
    static final String CALENDAR_VERSION = "calendarVersion";
    static final String STARTED_ON = "startedOn";
    static final String WORKING_DAYS = "workingDays";
    static final String STATE = "state";
    static final String CLAIM = "claim";
    static final String CLAIMED_BY = "claimedBy";
    static final String CLAIMED_UNTIL = "claimedUntil";
    static final String FIRED_AT = "firedAt";
    /** The state as one uniquely indexed key ({@code id|STATE}): compare-and-set on the state by one key, an index lookup on both servers. */
    static final String STATE_KEY = "stateKey";
    static final String IDS = "ids";
    /**
     * ADR 0053: in an open set, the store position of the event that started each listed id ({@code "<position> <id>"},
     * one per start or move of it), so that an end handled again after a crash ends only what was started before it.
     */
    static final String STARTED_AT = "at";
    static final long UNKNOWN_POSITION = -1;

    /** A claim held on one deadline: the counter value it set, so only its holder can complete or release it. */
    public record Claim(ScheduledDeadline deadline, long claim, String node) {
    }

    private final MongoCollection<Document> deadlines;
    private final MongoCollection<Document> openSets;
    /**
     * The projection's writes ({@link #start}, {@link #end}): inside an event processor's batch, one ordered bulk write
     * per collection per batch, sent before its token (ADR 0019, Session 5); at once otherwise. Reads send the batch's writes first, but {@link #end}'s (ADR 0053).
     */
    private final BatchedWrites writes;
    private final BatchedWrites openSetWrites;
    private final MongoCollection<Document> days;
    private final BatchedWrites dayWrites;
    /** The floor's write (ADR 0053: one per batch, sent after the batch's day buckets). */
    private final BatchedWrites floorWrites;

    public MongoDeadlines(MongoDatabase database) {
        this.deadlines = database.getCollection(COLLECTION);
        this.openSets = database.getCollection(OPEN_SETS);
        this.writes = BatchedWrites.ordered(deadlines);
        this.openSetWrites = BatchedWrites.ordered(openSets);
        this.days = database.getCollection(DAYS);
        this.dayWrites = BatchedWrites.ordered(days);
        this.floorWrites = BatchedWrites.ordered(days);
    }

    static String day(Instant dueAt) {
        return LocalDate.ofInstant(dueAt, java.time.ZoneOffset.UTC).toString();
    }

    /** The bucket of {@code day} that lists {@code id}: {@code yyyy-MM-dd/k} (see {@value #DAYS}). */
    static String bucket(String day, String id) {
        return day + "/" + Math.floorMod(id.hashCode(), DAY_SHARDS);
    }

    /** Every bucket a day's deadlines may be listed in: the day's shards and the one bucket of before session 9. */
    private static List<String> buckets(String day) {
        List<String> all = new ArrayList<>(DAY_SHARDS + 1);
        all.add(day);
        for (int k = 0; k < DAY_SHARDS; k++) {
            all.add(day + "/" + k);
        }
        return all;
    }

    /** Lists the deadline in its day, then lowers the floor to that day (in this order: the floor never passes a listed day). */
    private void listInDay(BatchedWrites to, String id, Instant dueAt) {
        String day = day(dueAt);
        to.upsert(new Document(ID, bucket(day, id)), Updates.addToSet(IDS, id));
        FloorOfTheBatch batch = FloorOfTheBatch.current();
        if (batch == null) {
            to.upsert(new Document(ID, FLOOR), Updates.combine(Updates.min(DAY, day), Updates.inc(STARTS, 1L)));
        } else {
            batch.lower(day, floorWrites);
        }
    }

    /**
     * ADR 0053: a batch lowers the floor once, to its earliest day, counting its starts, where each start wrote the floor
     * document (one update of one document per deadline started, the embedded server re-encoding it each time). The
     * write is queued at the batch's first start and encoded when sent, so the batch's later starts still lower it; a
     * start after it was sent (a read in the batch sent the queued writes) queues another. It is sent after the batch's
     * day buckets ({@link #sendInOrder}): the floor never passes a listed day, as before.
     */
    static final class FloorOfTheBatch implements Bson {
        private static final String RESOURCE = FloorOfTheBatch.class.getName();
        private String day;
        private long starts;
        private boolean sent;

        static FloorOfTheBatch current() {
            if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
                return null;
            }
            return org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new FloorOfTheBatch());
        }

        void lower(String startedDay, BatchedWrites floorWrites) {
            FloorOfTheBatch open = this;
            if (sent) { // sent already: the batch's later starts lower the floor with a write of their own
                open = new FloorOfTheBatch();
                org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root().resources().put(RESOURCE, open);
            }
            if (open.starts == 0) {
                floorWrites.upsert(new Document(ID, FLOOR), open);
            }
            open.starts++;
            open.day = open.day == null || startedDay.compareTo(open.day) < 0 ? startedDay : open.day;
        }

        @Override
        public <T> org.bson.BsonDocument toBsonDocument(Class<T> documentClass, org.bson.codecs.configuration.CodecRegistry registry) {
            sent = true;
            return Updates.combine(Updates.min(DAY, day), Updates.inc(STARTS, starts)).toBsonDocument(documentClass, registry);
        }
    }

    static String stateKey(String id, DeadlineState state) {
        return id + "|" + state.name();
    }

    static String setId(String aggregateId, String kind) {
        return aggregateId + "|" + kind;
    }

    /**
     * Starts a deadline, or moves an open one with the same id to its new due date; a fired or ended one stays so.
     * Sent with the batch of events being handled (an insert, and the update instead when the id is there already).
     */
    public void start(ScheduledDeadline deadline) {
        start(deadline, UNKNOWN_POSITION);
    }

    /**
     * As {@link #start(ScheduledDeadline)}, by the event at {@code position} in the store (-1 when not known): its open
     * set records it, so that an end handled again after a crash does not end it if it came before (ADR 0053).
     */
    public void start(ScheduledDeadline deadline, long position) {
        sendInOrder();
        String setId = setId(deadline.aggregateId(), deadline.kind());
        Bson add = Updates.addToSet(IDS, deadline.id());
        if (position >= 0) {
            add = Updates.combine(add, Updates.addToSet(STARTED_AT, startedAt(position, deadline.id())));
        }
        openSetWrites.upsert(new Document(ID, setId), add);
        OpenSetsOfTheBatch batch = OpenSetsOfTheBatch.current();
        if (batch != null) {
            batch.started(setId, deadline.id(), position);
        }
        listInDay(dayWrites, deadline.id(), deadline.dueAt());
        InsertsOfTheBatch inserts = InsertsOfTheBatch.current();
        InsertOfTheBatch queued = inserts == null ? null : inserts.unsent(deadline.id());
        if (queued != null) {
            queued.moveTo(fields(deadline));
            return;
        }
        InsertOfTheBatch insert = new InsertOfTheBatch(deadline.id(), fields(deadline));
        writes.insertOrElse(insert.document, new UpdateOneModel<>(new Document(STATE_KEY, stateKey(deadline.id(), DeadlineState.OPEN)), insert));
        if (inserts != null) {
            inserts.queued(insert);
        }
    }

    /**
     * ADR 0056: one deadline's insert, queued in this batch and not sent yet, into which the batch's later starts (a move)
     * and end of the same deadline are folded, so that the deadline is written once per batch where a registration, its
     * due date moved and its decision in one batch wrote it three times (and the move's insert failed on the duplicate key,
     * which cost a bulk write of its own). Both halves of the queued write change: the insert's document, and its
     * fallback (the update of a deadline already stored, encoded when sent), so the result is the writes' in order,
     * whichever of the two applies: a move sets the fields of a deadline still open; an end makes an open one cancelled;
     * a deadline the batch ended stays ended whatever the batch starts of it later (the fallback's filter: only an open
     * deadline is changed, a fired one stays fired).
     */
    static final class InsertOfTheBatch implements Bson {
        private final String id;
        private final Document document;
        private Document fields;
        private boolean ended;

        InsertOfTheBatch(String id, Document fields) {
            this.id = id;
            this.fields = fields;
            this.document = new Document(fields).append(ID, id).append(STATE, DeadlineState.OPEN.name())
                    .append(STATE_KEY, stateKey(id, DeadlineState.OPEN)).append(CLAIM, 0L);
        }

        void moveTo(Document moved) {
            if (ended) {
                return;
            }
            fields = moved;
            document.putAll(moved);
        }

        void end() {
            ended = true;
            document.put(STATE, DeadlineState.CANCELLED.name());
            document.put(STATE_KEY, stateKey(id, DeadlineState.CANCELLED));
        }

        /** The fallback's update, applied where the deadline is stored and open: its fields, and its end if the batch ended it. */
        @Override
        public <T> org.bson.BsonDocument toBsonDocument(Class<T> documentClass, org.bson.codecs.configuration.CodecRegistry registry) {
            List<Bson> sets = new ArrayList<>();
            fields.forEach((k, v) -> sets.add(Updates.set(k, v)));
            if (ended) {
                sets.add(Updates.set(STATE, DeadlineState.CANCELLED.name()));
                sets.add(Updates.set(STATE_KEY, stateKey(id, DeadlineState.CANCELLED)));
            }
            return Updates.combine(sets).toBsonDocument(documentClass, registry);
        }
    }

    /** ADR 0056: the deadlines' inserts this batch queued, while not sent ({@link BatchedWrites#sends()} has not moved since). */
    static final class InsertsOfTheBatch {
        private static final String RESOURCE = InsertsOfTheBatch.class.getName();
        private final java.util.Map<String, InsertOfTheBatch> byId = new java.util.HashMap<>();
        private long sends = -1;

        static InsertsOfTheBatch current() {
            if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
                return null;
            }
            return org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new InsertsOfTheBatch());
        }

        InsertOfTheBatch unsent(String id) {
            if (sends != BatchedWrites.sends()) {
                byId.clear(); // sent: a later write of the same deadline is a write of its own
                return null;
            }
            return byId.get(id);
        }

        void queued(InsertOfTheBatch insert) {
            long now = BatchedWrites.sends();
            if (sends != now) {
                byId.clear();
                sends = now;
            }
            byId.put(insert.id, insert);
        }
    }

    /** Ends every open deadline of {@code kind} on {@code aggregateId}. */
    public void end(String aggregateId, String kind) {
        end(aggregateId, kind, List.of());
    }

    /** Ends every open deadline of {@code kind} on {@code aggregateId} but those in {@code keep}; see {@link #end(String, String, java.util.Collection, long)}. */
    public void end(String aggregateId, String kind, java.util.Collection<String> keep) {
        end(aggregateId, kind, keep, UNKNOWN_POSITION);
    }

    /**
     * Ends every open deadline of {@code kind} on {@code aggregateId} but those in {@code keep} and those started by the
     * event at {@code position} or a later one (-1: position not known, every one), by one key each (sent with the
     * batch, see {@link #start}; in a batch, the open set is read once, from the store plus the ids the batch started in
     * it, without sending the batch's writes first: {@link OpenSetsOfTheBatch}, ADR 0048 and 0053).
     * <p>
     * ADR 0053: the event is handled again after a crash that came after the batch's writes but before its token (the
     * token moves after the writes); by then its open set also lists what the later events of the batch started, which a
     * rebuild's same end never saw. Each id's starting position (kept in the set, {@value #STARTED_AT}) tells them apart;
     * an id without one was started before the positions were kept (and long before any batch handled again).
     */
    public void end(String aggregateId, String kind, java.util.Collection<String> keep, long position) {
        sendInOrder();
        String setId = setId(aggregateId, kind);
        OpenSetsOfTheBatch batch = OpenSetsOfTheBatch.current();
        OpenSet open = batch != null ? batch.open(setId, this::storedOpenSet) : storedOpenSet(setId);
        if (open.isEmpty()) {
            return;
        }
        InsertsOfTheBatch inserts = InsertsOfTheBatch.current();
        List<String> gone = new ArrayList<>();
        List<String> goneAt = new ArrayList<>();
        for (String id : List.copyOf(open.ids())) {
            if (keep.contains(id) || position >= 0 && open.firstStart(id) >= position) {
                continue;
            }
            InsertOfTheBatch queued = inserts == null ? null : inserts.unsent(id);
            if (queued != null) {
                queued.end(); // ADR 0056: folded into the batch's insert of it, not sent yet
            } else {
                // compare-and-set on the one key: only an open deadline is ended; a fired one stays fired
                writes.updateOne(new Document(STATE_KEY, stateKey(id, DeadlineState.OPEN)),
                        Updates.combine(Updates.set(STATE, DeadlineState.CANCELLED.name()), Updates.set(STATE_KEY, stateKey(id, DeadlineState.CANCELLED))));
            }
            gone.add(id);
            open.startsOf(id).forEach(at -> goneAt.add(startedAt(at, id)));
        }
        if (!gone.isEmpty()) {
            Bson pull = Updates.pullAll(IDS, gone);
            if (!goneAt.isEmpty()) {
                pull = Updates.combine(pull, Updates.pullAll(STARTED_AT, goneAt));
            }
            openSetWrites.updateOne(new Document(ID, setId), pull);
            if (batch != null) {
                gone.forEach(open::remove);
            }
        }
    }

    /**
     * ADR 0053: a batch's writes are sent day buckets first (then the floor), then the deadlines, then the open sets, whatever the batch
     * wrote first. The open sets are read from the store at a batch's first end of a case (without its writes not sent
     * yet), so an id must never leave its stored open set before its deadline is ended: sent the other way (the order
     * each collection was first written in: open sets first when the batch began with a start), a kill -9 between the
     * two bulk writes left the pull without the end, and the batch handled again no longer saw that open deadline, which
     * stayed open (ADR 0048's amendment: KillNineUnderLoadTest's deadlines equal in number, not in content). Added ids
     * are safe after their deadline: the batch handled again adds them before it reads their set. Day buckets stay
     * before the deadlines (the poller never misses an open deadline; a listed one not yet written stays listed).
     */
    private void sendInOrder() {
        BatchedWrites.sendInThisOrder(dayWrites, floorWrites, writes, openSetWrites);
    }

    /** An entry of {@value #STARTED_AT}: the store position of the event that started (or moved) {@code id}, a space, the id. */
    static String startedAt(long position, String id) {
        return position + " " + id;
    }

    /**
     * ADR 0056: reads, with one query, the stored open sets that this batch's ends will read (the sets of {@code ends},
     * each an aggregate id and kind), so that each end finds its set in memory instead of reading it with a round trip
     * of its own: one read per batch where there was one per case and kind ended. Reads only sets this batch has not
     * read yet; the stored sets do not change while a batch runs but by its own writes, which {@link OpenSetsOfTheBatch}
     * adds to what was read, as it does to a set read at its first end. Outside a unit of work, nothing.
     */
    public void prefetchOpenSets(java.util.Collection<String> setIds) {
        OpenSetsOfTheBatch batch = OpenSetsOfTheBatch.current();
        if (batch == null) {
            return;
        }
        List<String> unread = setIds.stream().distinct().filter(batch::unread).toList();
        for (List<String> chunk : chunks(unread)) {
            java.util.Map<String, Document> found = new java.util.HashMap<>();
            for (Document set : openSets.find(Filters.in(ID, chunk))) {
                found.put(set.getString(ID), set);
            }
            chunk.forEach(setId -> batch.prefetched(setId, openSet(found.get(setId))));
        }
    }

    /** The stored open set (without the batch's writes not sent yet). */
    private OpenSet storedOpenSet(String setId) {
        return openSet(openSets.find(new Document(ID, setId)).first());
    }

    /** An open set as stored ({@code null}: none stored). */
    private static OpenSet openSet(Document set) {
        OpenSet open = new OpenSet();
        if (set != null) {
            set.getList(IDS, String.class, List.of()).forEach(id -> open.add(id, UNKNOWN_POSITION));
            for (String entry : set.getList(STARTED_AT, String.class, List.of())) {
                int space = entry.indexOf(' ');
                String id = entry.substring(space + 1);
                if (open.ids().contains(id)) { // both lists change in one update; an entry without its id is not open
                    open.add(id, Long.parseLong(entry.substring(0, space)));
                }
            }
        }
        return open;
    }

    /** One open set as {@link #end} reads it: its ids in their stored order, and the positions each was started at. */
    static final class OpenSet {
        private final java.util.Map<String, java.util.TreeSet<Long>> starts = new java.util.LinkedHashMap<>();

        void add(String id, long position) {
            java.util.TreeSet<Long> at = starts.computeIfAbsent(id, k -> new java.util.TreeSet<>());
            if (position >= 0) {
                at.add(position);
            }
        }

        boolean isEmpty() {
            return starts.isEmpty();
        }

        java.util.Set<String> ids() {
            return starts.keySet();
        }

        /** The first position {@code id} was started at; -1 when not known (started before the positions were kept). */
        long firstStart(String id) {
            java.util.TreeSet<Long> at = starts.get(id);
            return at == null || at.isEmpty() ? UNKNOWN_POSITION : at.first();
        }

        java.util.Set<Long> startsOf(String id) {
            return starts.getOrDefault(id, new java.util.TreeSet<>());
        }

        void remove(String id) {
            starts.remove(id);
        }
    }

    /**
     * ADR 0048 and 0053: the open sets of one event processor's batch, kept in memory from their first read in the batch,
     * so that {@link #end} neither sends the batch's writes before each read (as it did: a few round trips per event
     * while catching up) nor reads a set twice. A set read for the first time is the stored one plus the ids the batch
     * started in it (its only writes not sent yet: once read, every later start and end of the batch changes the kept
     * copy too). Safe across a crash only because the batch sends its deadlines before its open sets ({@link #sendInOrder}).
     * Outside a unit of work there is no batch: every write is sent at once and each end reads the stored set.
     */
    static final class OpenSetsOfTheBatch {
        private static final String RESOURCE = OpenSetsOfTheBatch.class.getName();
        private final java.util.Map<String, OpenSet> read = new java.util.HashMap<>();
        private final java.util.Map<String, OpenSet> startedUnread = new java.util.HashMap<>();

        static OpenSetsOfTheBatch current() {
            if (!org.axonframework.messaging.unitofwork.CurrentUnitOfWork.isStarted()) {
                return null;
            }
            return org.axonframework.messaging.unitofwork.CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, key -> new OpenSetsOfTheBatch());
        }

        /** Stored sets read ahead of their first end ({@link #prefetchOpenSets}). */
        private final java.util.Map<String, OpenSet> prefetched = new java.util.HashMap<>();

        boolean unread(String setId) {
            return !read.containsKey(setId) && !prefetched.containsKey(setId);
        }

        void prefetched(String setId, OpenSet stored) {
            prefetched.put(setId, stored);
        }

        void started(String setId, String id, long position) {
            OpenSet known = read.get(setId);
            (known != null ? known : startedUnread.computeIfAbsent(setId, k -> new OpenSet())).add(id, position);
        }

        OpenSet open(String setId, java.util.function.Function<String, OpenSet> stored) {
            return read.computeIfAbsent(setId, k -> {
                OpenSet ahead = prefetched.remove(k);
                OpenSet open = ahead != null ? ahead : stored.apply(k);
                OpenSet started = startedUnread.remove(k);
                if (started != null) {
                    started.starts.forEach((id, at) -> {
                        open.add(id, UNKNOWN_POSITION);
                        at.forEach(position -> open.add(id, position));
                    });
                }
                return open;
            });
        }
    }

    /**
     * Start-up: gives deadlines written before ADR 0019 their {@value #STATE_KEY} and puts the open ones in their
     * aggregate's and kind's {@value #OPEN_SETS} document (idempotent, logged; one pass over the documents lacking the
     * key), then creates the indexes (MongoIndexes; the unique one needs the key on every document first).
     */
    public void ensureIndexes() {
        long migrated = 0;
        for (Document d : deadlines.find(Filters.exists(STATE_KEY, false))) {
            String id = d.getString(ID);
            DeadlineState state = DeadlineState.valueOf(d.getString(STATE));
            if (state == DeadlineState.OPEN) {
                openSets.updateOne(new Document(ID, setId(d.getString(AGGREGATE_ID), d.getString(KIND))), Updates.addToSet(IDS, id),
                        new UpdateOptions().upsert(true));
            }
            migrated += deadlines.updateOne(new Document(ID, id), Updates.set(STATE_KEY, stateKey(id, state))).getModifiedCount();
        }
        if (migrated > 0) {
            log.info("deadlines: gave {} deadlines written before ADR 0019 their state key (and the open ones their {} entry)", migrated, OPEN_SETS);
        }
        mn.registry.store.mongo.MongoIndexes.ensure(deadlines);
        if (days.find(new Document(ID, DAYS_MIGRATED)).first() == null) {
            long listed = 0;
            for (Document d : deadlines.find(Filters.eq(STATE, DeadlineState.OPEN.name()))) {
                listInDay(dayWrites, d.getString(ID), Instant.parse(d.getString(DUE_AT_EXACT)));
                listed++;
            }
            days.updateOne(new Document(ID, DAYS_MIGRATED), Updates.set(DAY, Date.from(Instant.now())), new UpdateOptions().upsert(true));
            log.info("deadlines: listed {} open deadlines written before the day buckets in {}", listed, DAYS);
        }
    }

    public Optional<ScheduledDeadline> find(String id) {
        BatchedWrites.flushPending();
        return Optional.ofNullable(deadlines.find(Filters.eq(ID, id)).first()).map(MongoDeadlines::deadline);
    }

    public Optional<DeadlineState> state(String id) {
        BatchedWrites.flushPending();
        return Optional.ofNullable(deadlines.find(Filters.eq(ID, id)).first()).map(d -> DeadlineState.valueOf(d.getString(STATE)));
    }

    /** Open deadlines of one case, soonest first. */
    public List<ScheduledDeadline> openOf(String aggregateId) {
        BatchedWrites.flushPending();
        return deadlines.find(Filters.and(Filters.eq(AGGREGATE_ID, aggregateId), Filters.eq(STATE, DeadlineState.OPEN.name())))
                .sort(Sorts.ascending(DUE_AT)).map(MongoDeadlines::deadline).into(new ArrayList<>());
    }

    /** Every open deadline counted in working days: what a calendar change may move. */
    public List<ScheduledDeadline> openWorkingDayDeadlines() {
        BatchedWrites.flushPending();
        return deadlines.find(Filters.and(Filters.eq(STATE, DeadlineState.OPEN.name()), Filters.ne(WORKING_DAYS, null)))
                .map(MongoDeadlines::deadline).into(new ArrayList<>());
    }

    /**
     * Open deadlines past their end at {@code now} whose claim is free or older than {@code claimsBefore}, soonest first:
     * read through the day buckets from the floor to the day of {@code now} (see {@value #DAYS}), never a scan. Ids of
     * fired or ended deadlines leave their day, and the floor moves up past the days left empty.
     */
    List<Document> dueAndUnclaimed(Instant now, Instant claimsBefore, int limit) {
        return dueAndUnclaimed(now, claimsBefore, limit, java.util.Set.of());
    }

    /** As {@link #dueAndUnclaimed(Instant, Instant, int)}, leaving out the deadlines in {@code skip} (tried already in this pass). */
    List<Document> dueAndUnclaimed(Instant now, Instant claimsBefore, int limit, java.util.Set<String> skip) {
        Document floorDoc = days.find(new Document(ID, FLOOR)).first();
        if (floorDoc == null || floorDoc.getString(DAY) == null) {
            return List.of();
        }
        LocalDate floor = LocalDate.parse(floorDoc.getString(DAY));
        LocalDate today = LocalDate.parse(day(now));
        List<String> dayIds = new ArrayList<>();
        for (LocalDate d = floor; !d.isAfter(today); d = d.plusDays(1)) {
            dayIds.add(d.toString());
        }
        List<String> bucketIds = new ArrayList<>();
        dayIds.forEach(d -> bucketIds.addAll(buckets(d)));
        java.util.Map<String, List<String>> listed = new java.util.HashMap<>();
        for (List<String> chunk : chunks(bucketIds)) {
            for (Document bucket : days.find(Filters.in(ID, chunk))) {
                listed.put(bucket.getString(ID), bucket.getList(IDS, String.class, List.of()));
            }
        }
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        listed.values().forEach(ids::addAll);
        java.util.Map<String, Document> byId = new java.util.HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            for (Document d : deadlines.find(Filters.in(ID, chunk))) {
                byId.put(d.getString(ID), d);
            }
        }
        String firstListed = null;
        for (String dayId : dayIds) {
            for (String bucketId : buckets(dayId)) {
                List<String> gone = new ArrayList<>();
                List<String> inBucket = listed.getOrDefault(bucketId, List.of());
                for (String id : inBucket) {
                    Document d = byId.get(id);
                    // a missing deadline is not yet written (another collection's batch): it stays listed
                    if (d != null && !DeadlineState.OPEN.name().equals(d.getString(STATE))) {
                        gone.add(id);
                    }
                }
                if (!gone.isEmpty()) {
                    days.updateOne(new Document(ID, bucketId), Updates.pullAll(IDS, gone));
                }
                if (firstListed == null && inBucket.size() > gone.size()) {
                    firstListed = dayId;
                }
            }
        }
        String newFloor = firstListed != null ? firstListed : today.toString();
        if (newFloor.compareTo(floor.toString()) > 0) {
            // compare-and-set on the count of starts: a deadline started meanwhile (perhaps in a day already read) keeps the floor
            days.updateOne(Filters.and(Filters.eq(ID, FLOOR), Filters.eq(STARTS, floorDoc.get(STARTS))), Updates.set(DAY, newFloor));
        }
        Date nowDate = Date.from(now);
        Date claimsBeforeDate = Date.from(claimsBefore);
        return byId.values().stream()
                .filter(d -> DeadlineState.OPEN.name().equals(d.getString(STATE)))
                .filter(d -> !skip.contains(d.getString(ID)))
                .filter(d -> d.getDate(DUE_AT).before(nowDate))
                .filter(d -> d.getDate(CLAIMED_UNTIL) == null || d.getDate(CLAIMED_UNTIL).before(claimsBeforeDate))
                .sorted(java.util.Comparator.comparing((Document d) -> d.getDate(DUE_AT)).thenComparing(d -> d.getString(ID)))
                .limit(limit)
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    /**
     * Claims a deadline read by {@link #dueAndUnclaimed}: succeeds only if nobody claimed, fired or ended it since it
     * was read. The claim lasts until {@code until} (real time); after that another node may take it over.
     */
    Optional<Claim> claim(Document seen, String node, Instant until) {
        long claim = seen.get(CLAIM, Number.class).longValue();
        CLAIM_LOCK.lock();
        try {
            long modified = deadlines.updateOne(Filters.and(Filters.eq(ID, seen.getString(ID)), Filters.eq(CLAIM, claim),
                            Filters.eq(STATE, DeadlineState.OPEN.name())),
                    Updates.combine(Updates.set(CLAIM, claim + 1), Updates.set(CLAIMED_BY, node), Updates.set(CLAIMED_UNTIL, Date.from(until))))
                    .getModifiedCount();
            return modified == 1 ? Optional.of(new Claim(deadline(seen), claim + 1, node)) : Optional.empty();
        } finally {
            CLAIM_LOCK.unlock();
        }
    }

    /**
     * Records that the claimed deadline fired at {@code firedAt}. Returns false, leaving it open and releasing the
     * claim, when its due date moved while it was claimed (a recomputation): it fires again when the new date passes.
     */
    boolean fired(Claim claim, Instant firedAt) {
        long modified = deadlines.updateOne(Filters.and(Filters.eq(ID, claim.deadline().id()), Filters.eq(CLAIM, claim.claim()),
                        Filters.eq(DUE_AT_EXACT, claim.deadline().dueAt().toString())),
                Updates.combine(Updates.set(STATE, DeadlineState.FIRED.name()), Updates.set(STATE_KEY, stateKey(claim.deadline().id(), DeadlineState.FIRED)),
                        Updates.set(FIRED_AT, Date.from(firedAt)),
                        Updates.set(CLAIMED_UNTIL, null))).getModifiedCount();
        if (modified == 0) {
            release(claim);
        }
        return modified == 1;
    }

    /** Gives a claim back so that the next poll (of any node) tries again. */
    void release(Claim claim) {
        deadlines.updateOne(Filters.and(Filters.eq(ID, claim.deadline().id()), Filters.eq(CLAIM, claim.claim())),
                Updates.set(CLAIMED_UNTIL, null));
    }

    /** A replay of the processing group starts from no deadlines. */
    void clear() {
        deadlines.deleteMany(new Document());
        openSets.deleteMany(new Document());
        days.deleteMany(new Document());
        days.updateOne(new Document(ID, DAYS_MIGRATED), Updates.set(DAY, Date.from(Instant.now())), new UpdateOptions().upsert(true));
    }

    private static Document fields(ScheduledDeadline d) {
        return new Document(AGGREGATE_ID, d.aggregateId())
                .append(KIND, d.kind())
                .append(DUE, d.due().toString())
                .append(DUE_AT, Date.from(d.dueAt()))
                .append(DUE_AT_EXACT, d.dueAt().toString())
                .append(RULE, d.rule())
                .append(ARTICLE, d.article())
                .append(CALENDAR_VERSION, d.calendarVersion() == null ? null : d.calendarVersion().value())
                .append(STARTED_ON, d.startedOn() == null ? null : d.startedOn().toString())
                .append(WORKING_DAYS, d.workingDays() == null ? null : d.workingDays().value());
    }

    static ScheduledDeadline deadline(Document d) {
        String version = d.getString(CALENDAR_VERSION);
        String startedOn = d.getString(STARTED_ON);
        Number workingDays = d.get(WORKING_DAYS, Number.class);
        return new ScheduledDeadline(d.getString(ID), d.getString(AGGREGATE_ID), d.getString(KIND), LocalDate.parse(d.getString(DUE)),
                Instant.parse(d.getString(DUE_AT_EXACT)), d.getString(RULE), d.getString(ARTICLE), version == null ? null : new CalendarVersion(version),
                startedOn == null ? null : LocalDate.parse(startedOn), workingDays == null ? null : WorkingDays.of(workingDays.intValue()));
    }
}
