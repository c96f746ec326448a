package mn.registry.document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.identity.PersonId;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The bytes of new documents each person uploaded, by hour, for the upload quota (ADR 0014; ADR 0070 items 16-17, abuse audit F514, was
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
        Instant hour = at.truncatedTo(ChronoUnit.HOURS);
        LocalDate day = LocalDate.ofInstant(hour, ZoneOffset.UTC);
        String field = String.format("h%02d", hour.atOffset(ZoneOffset.UTC).getHour());
        var update = Updates.combine(Updates.inc(field, size), Updates.setOnInsert("person", person.value()),
                Updates.setOnInsert("day", Date.from(day.atStartOfDay().toInstant(ZoneOffset.UTC))));
        try {
            days.updateOne(Filters.eq("_id", idOf(person, day)), update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the day's record inserted by a concurrent upload of the same person a moment ago: now it exists, the $inc finds it
            days.updateOne(Filters.eq("_id", idOf(person, day)), update);
        }
    }

    /** Takes back an upload {@link #add}ed that was refused or not stored. */
    void remove(PersonId person, long size, Instant at) {
        add(person, -size, at);
    }

    /** The bytes the person uploaded in the hours whose end is within the window before {@code now}: one find by {@code _id}s. */
    long within(PersonId person, Instant now) {
        Instant firstHour = now.minus(window).truncatedTo(ChronoUnit.HOURS);
        LocalDate first = LocalDate.ofInstant(firstHour, ZoneOffset.UTC);
        LocalDate last = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            ids.add(idOf(person, day));
        }
        long held = 0;
        for (Document record : days.find(Filters.in("_id", ids))) {
            Instant dayStart = record.getDate("day").toInstant();
            for (int hour = 0; hour < 24; hour++) {
                Object bytes = record.get(String.format("h%02d", hour));
                if (bytes != null && dayStart.plus(Duration.ofHours(hour + 1L)).isAfter(now.minus(window))) {
                    held += ((Number) bytes).longValue();
                }
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
     * ADR 0070 item 17: session 28's ledgers ({@value #EARLIER_COLLECTION}) read once, at the start: each taken by one node
     * ({@code findOneAndDelete}) and its uploads within the window added to their hours, so an upgrade neither forgets a person's week
     * nor counts it twice when several nodes start together.
     */
    int foldEarlierLedgers(MongoDatabase database, Instant now) {
        MongoCollection<Document> earlier = database.getCollection(EARLIER_COLLECTION);
        List<Object> persons = earlier.find().projection(new Document("_id", 1)).map(row -> row.get("_id")).into(new ArrayList<>());
        int folded = 0;
        for (Object person : persons) {
            Document ledger = earlier.findOneAndDelete(Filters.eq("_id", person));
            if (ledger == null) {
                continue; // folded by another node
            }
            for (Document upload : ledger.getList("uploads", Document.class, List.of())) {
                Instant at = upload.getDate("at").toInstant();
                if (!at.isBefore(now.minus(window))) {
                    add(new PersonId(person.toString()), ((Number) upload.get("size")).longValue(), at);
                }
            }
            folded++;
        }
        return folded;
    }

    private static String idOf(PersonId person, LocalDate day) {
        return person.value() + "|" + day;
    }
}
