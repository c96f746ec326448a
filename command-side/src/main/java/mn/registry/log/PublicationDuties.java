package mn.registry.log;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitExtended;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.permit.api.PublishedByCheckpoint;
import mn.registry.tlog.LogWriter;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The registry's own publication duties (002 art. 26.4 grant, 27.6 extension) are discharged by the time-stamped
 * checkpoint that publishes the record, not by anyone marking them done (ADR 0013 §4).
 * <p>
 * When the sequencer appends the entry of a {@link PermitIssued} or {@link PermitExtended}, it leaves a notice in
 * {@value #NOTICES} ({@code _id} = event id, so a redelivered event leaves one notice). After each checkpoint tick,
 * every notice whose entry index lies below a published checkpoint's size is sent to the permit as a
 * {@link PublishedByCheckpoint} carrying the first covering checkpoint's time and the SHA-256 of its signed note, then
 * removed. The notices are stored, so a restart sends what a crash left; a notice sent twice is a no-op at the
 * aggregate (the duty is no longer open).
 */
class PublicationDuties {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublicationDuties.class);

    static final String NOTICES = "log_publication_notices";

    private final MongoCollection<Document> notices;
    private final LogWriter writer;
    private final Consumer<Object> send;

    PublicationDuties(MongoDatabase database, LogWriter writer, Consumer<Object> send) {
        this.notices = database.getCollection(NOTICES);
        this.writer = writer;
        this.send = send;
    }

    /** The publication duty that the public record of {@code payload} discharges once a checkpoint covers it. */
    static Optional<Notice> noticeFor(Object payload) {
        if (payload instanceof PermitIssued e) {
            return Optional.of(new Notice(e.applicationId(), PermitDuty.PUBLISH_GRANT));
        }
        if (payload instanceof PermitExtended e) {
            return Optional.of(new Notice(e.applicationId(), PermitDuty.PUBLISH_EXTENSION));
        }
        return Optional.empty();
    }

    record Notice(ApplicationId applicationId, PermitDuty duty) {
    }

    /** Called by the sequencer once the entry is in the log at {@code index}. */
    void entryAppended(String eventId, long index, Object payload) {
        entriesAppended(List.of(new Appended(eventId, index, payload)));
    }

    /** One entry the sequencer appended: its event's id, its index in the log, the event's payload. */
    record Appended(String eventId, long index, Object payload) {
    }

    /**
     * Called by the sequencer once a batch's entries are in the log (ADR 0053): the notices of the batch in one unordered
     * insert, where each was one round trip (20,000 in the first start over the 100,000-event fill, one per permit
     * issued). A notice already there (the batch handled again after a crash) is left as it is, as one insert did.
     */
    void entriesAppended(List<Appended> appended) {
        List<Document> batch = new ArrayList<>();
        for (Appended a : appended) {
            noticeFor(a.payload()).ifPresent(n -> batch.add(new Document("_id", a.eventId()).append("index", a.index())
                    .append("applicationId", n.applicationId().value()).append("duty", n.duty().name())));
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            notices.insertMany(batch, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) != ErrorCategory.DUPLICATE_KEY)
                    || e.getWriteConcernError() != null) {
                throw e;
            }
        }
    }

    /** Sends the publication of every notice a published checkpoint covers; returns how many were sent. */
    int dischargeCovered() {
        List<Document> pending = new ArrayList<>();
        notices.find().into(pending); // only notices not yet covered: a handful at a time
        int sent = 0;
        for (Document notice : pending) {
            long index = notice.get("index", Number.class).longValue();
            LogWriter.Stored checkpoint = writer.firstCheckpointCovering(index).orElse(null);
            if (checkpoint == null) {
                continue; // not published yet
            }
            try {
                send.accept(new PublishedByCheckpoint(new ApplicationId(notice.getString("applicationId")),
                        PermitDuty.valueOf(notice.getString("duty")), checkpoint.size(), sha256(checkpoint.note()), checkpoint.publishedAt()));
            } catch (RuntimeException e) {
                log.warn("Could not record the publication of {} (will retry): {}", notice.getString("_id"), e.toString());
                continue; // one permit's failure does not hold back the others
            }
            notices.deleteOne(Filters.eq("_id", notice.getString("_id")));
            sent++;
        }
        return sent;
    }

    private static String sha256(String note) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(note.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
