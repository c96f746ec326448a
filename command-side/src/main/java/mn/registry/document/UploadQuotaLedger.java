package mn.registry.document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes of new documents each person uploaded, by hour, for the upload quota (ADR 0014; ADR 0070 items 16-19, abuse audit F514, was
 * O336): one small record per person and day ({@value #COLLECTION}, {@code _id} "person|yyyy-mm-dd", one counter per hour {@code h00} to
 * {@code h23}), so an upload adds its size with one {@code $inc} and the quota reads the window's days by {@code $in} on {@code _id} (at most
 * the retention's days and two more, whatever the person uploaded before: the embedded server finds them by its {@code _id} index, with no
 * range scan). Session 28's ledger ({@value #EARLIER_COLLECTION}) kept one document per person listing every upload of the window, read and
 * rewritten whole by each upload: work that grew with the square of a person's uploads.
 *
 * <p>ADR 0070 item 16 (choice): the window is counted by whole hours: an upload counts until its hour's end is more than the retention ago
 * (at most an hour longer than its document is kept: the safe side).
 */
final class UploadQuotaLedger {

    static final String COLLECTION = "document_uploads_by_person_day";
    static final String EARLIER_COLLECTION = "document_uploads_by_person";

    private final MongoCollection<Document> days;
    private final Duration window;

    UploadQuotaLedger(MongoDatabase database, Duration window) {
        this.days = database.getCollection(COLLECTION);
        this.window = window;
    }

    /** Adds {@code size} bytes to the person's hour of {@code at}: one {@code $inc}, atomic, so concurrent uploads are each counted once. */
    void add(PersonId person, long size, Instant at) {
        addAnswering(person, size, at);
    }

    /**
     * As {@link #add}, answering the record of {@code at}'s day after the {@code $inc} (one {@code findOneAndUpdate}: ADR 0070 item 18, was
     * O366): the counts of every upload of that day counted before this one, this one's included.
     */
    Document addAnswering(PersonId person, long size, Instant at) {
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
        var update = Updates.combine(Updates.inc(hourField(hour), size), Updates.setOnInsert("person", person.value()),
                Updates.setOnInsert("day", Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC))));
        var after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);
        try {
            return days.findOneAndUpdate(Filters.eq("_id", idOf(person, day)), update, after.upsert(true));
        } catch (MongoException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            // the day's record inserted by a concurrent upload of the same person a moment ago: now it exists, the $inc finds it
            return days.findOneAndUpdate(Filters.eq("_id", idOf(person, day)), update, after.upsert(false));
        }
    }

    private static boolean duplicateKey(MongoException e) {
        return e instanceof MongoWriteException write ? write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                : e instanceof MongoCommandException command && command.getErrorCode() == 11000;
    }

    private static String hourField(Instant hour) {
        return String.format("h%02d", hour.atOffset(ZoneOffset.UTC).getHour());
    }

    /** Takes back an upload {@link #add}ed that was refused or not stored. */
    void remove(PersonId person, long size, Instant at) {
        add(person, -size, at);
    }

    /** The bytes the person uploaded in the hours whose end is within the window before {@code now}: one find by {@code _id}s. */
    long within(PersonId person, Instant now) {
        return held(person, now).total();
    }

    /**
     * What one find by {@code _id}s reads of the person's window before {@code now}: the bytes of {@code now}'s day and of the window's
     * other days, apart, so the check after an upload's {@code $inc} reads again only what the {@code $inc}'s answer does not hold.
     */
    Held held(PersonId person, Instant now) {
        String today = idOf(person, LocalDate.ofInstant(now, ZoneOffset.UTC));
        long uploadDay = 0;
        long otherDays = 0;
        for (Document record : days.find(Filters.in("_id", windowIds(person, now, true)))) {
            if (today.equals(record.get("_id"))) {
                uploadDay += bytesWithin(record, now);
            } else {
                otherDays += bytesWithin(record, now);
            }
        }
        return new Held(uploadDay, otherDays);
    }

    /** The bytes of {@code now}'s day and of the window's other days, as {@link #held} read them. */
    record Held(long uploadDay, long otherDays) {
        long total() {
            return uploadDay + otherDays;
        }
    }

    /**
     * The bytes the person holds within the window after an upload at {@code now} was counted ({@code day}: {@link #addAnswering}'s
     * answer), {@code before} being what {@link #held} read just before the {@code $inc}. ADR 0070 item 18 (was O366): the upload's day is
     * the answer's, read in the same round trip as the {@code $inc}; the window's other days are read again only in the day's first hour
     * (00 UTC), when an upload of the same person stamped a moment before midnight (on this node or on one whose clock is a little behind)
     * may be counted on the day before concurrently. At any other hour no upload being made now is counted on another day, and a
     * take-back or the sweep only lowers them: {@code before}'s figure for them stands (the safe side). Two round trips for the quota
     * (the find and the {@code $inc}) for every upload but those of the day's first hour, which make three as before.
     */
    long heldAfter(PersonId person, Instant now, Document day, Held before) {
        long otherDays = before.otherDays();
        if (now.atOffset(ZoneOffset.UTC).getHour() == 0) {
            otherDays = 0;
            for (Document record : days.find(Filters.in("_id", windowIds(person, now, false)))) {
                otherDays += bytesWithin(record, now);
            }
        }
        return bytesWithin(day, now) + otherDays;
    }

    private List<String> windowIds(PersonId person, Instant now, boolean withToday) {
        Instant firstHour = now.minus(window).truncatedTo(ChronoUnit.HOURS);
        LocalDate first = LocalDate.ofInstant(firstHour, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (LocalDate day = first; withToday ? !day.isAfter(last) : day.isBefore(last); day = day.plusDays(1)) {
            ids.add(idOf(person, day));
        }
        return ids;
    }

    /** The bytes of a day's record in the hours whose end is within the window before {@code now}. */
    private long bytesWithin(Document record, Instant now) {
        Instant dayStart = record.getDate("day").toInstant();
        long held = 0;
        for (int hour = 0; hour < 24; hour++) {
            Object bytes = record.get(String.format("h%02d", hour));
            if (bytes != null && dayStart.plus(Duration.ofHours(hour + 1L)).isAfter(now.minus(window))) {
                held += ((Number) bytes).longValue();
            }
        }
        return held;
    }

    /** Deletes the days wholly before the window of {@code now} (the hourly sweep: one delete over this collection). */
    long prune(Instant now) {
        Instant firstDay = LocalDate.ofInstant(now.minus(window).truncatedTo(ChronoUnit.HOURS), ZoneOffset.UTC).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
        return days.deleteMany(Filters.lt("day", Date.from(firstDay))).getDeletedCount();
    }

    /**
     * ADR 0070 item 17: session 28's ledgers ({@value #EARLIER_COLLECTION}) read once, at the start, and their uploads within the window
     * added to their hours. ADR 0070 item 19 (was O365): the hours are added first and the ledger deleted after, each day's add made
     * once by a marker on the day's record (the ledger's digest in {@code folded}, set by the same atomic update that adds, the update
     * matching only a record without it): a node dying between the adds and the delete, or between two days' adds, leaves the ledger,
     * and the next start (this node's or another's) adds only the days not yet added, then deletes it. Several nodes starting together
     * each add a day at most once between them. Neither a week lost nor counted twice.
     */
    int foldEarlierLedgers(MongoDatabase database, Instant now) {
        MongoCollection<Document> earlier = database.getCollection(EARLIER_COLLECTION);
        List<Object> persons = earlier.find().projection(new Document("_id", 1)).map(row -> row.get("_id")).into(new ArrayList<>());
        int folded = 0;
        for (Object person : persons) {
            Document ledger = earlier.find(Filters.eq("_id", person)).first();
            if (ledger == null) {
                continue; // folded by another node
            }
            String marker = Sha256.hex(ledger.toJson().getBytes(StandardCharsets.UTF_8));
            Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
            for (Document upload : ledger.getList("uploads", Document.class, List.of())) {
                Instant at = upload.getDate("at").toInstant();
                if (!at.isBefore(now.minus(window))) {
                    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
                    byDay.computeIfAbsent(LocalDate.ofInstant(hour, ZoneOffset.UTC), day -> new TreeMap<>())
                            .merge(hourField(hour), ((Number) upload.get("size")).longValue(), Long::sum);
                }
            }
            PersonId of = new PersonId(person.toString());
            for (Map.Entry<LocalDate, Map<String, Long>> day : byDay.entrySet()) {
                addOnce(of, day.getKey(), day.getValue(), marker);
                fault.accept("day added");
            }
            earlier.deleteOne(Filters.eq("_id", person)); // after the adds: a node dying before this folds it again, adding nothing twice
            folded++;
        }
        return folded;
    }

    /** Adds a folded ledger's {@code hours} to the person's {@code day} unless that ledger's {@code marker} is there: one update. */
    private void addOnce(PersonId person, LocalDate day, Map<String, Long> hours, String marker) {
        List<org.bson.conversions.Bson> updates = new ArrayList<>();
        hours.forEach((field, bytes) -> updates.add(Updates.inc(field, bytes)));
        updates.add(Updates.addToSet(FOLDED, marker));
        updates.add(Updates.setOnInsert("person", person.value()));
        updates.add(Updates.setOnInsert("day", Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC))));
        var notYet = Filters.and(Filters.eq("_id", idOf(person, day)), Filters.ne(FOLDED, marker));
        try {
            days.updateOne(notYet, Updates.combine(updates), new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the record is there: with the marker (added before: nothing to do) or without (created by an upload a moment ago: add)
            days.updateOne(notYet, Updates.combine(updates));
        }
    }

    /** The digests of the session 28 ledgers whose uploads were added to a day's record (ADR 0070 item 19). */
    static final String FOLDED = "folded";

    /** A fault injected by a test at a step of the fold ({@code "day added"}): a node dying there. */
    java.util.function.Consumer<String> fault = step -> { };

    private static String idOf(PersonId person, LocalDate day) {
        return person.value() + "|" + day;
    }
}
