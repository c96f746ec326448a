package mn.registry.permit.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitDecisionDueRecomputed;
import mn.registry.kernel.permit.PermitDecisionOverdue;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitApplicationStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;


/**
 * Keeps one row per application in the MongoDB collection {@code reviewer_queue}, keyed by the
 * application id. Idempotent: an event delivered again (after a crash before the token was stored,
 * or in a replay) finds its row and changes nothing. Rows hold facts only; the working days left
 * are computed when the queue is read ({@link ReviewerQueue}). Written in one bulk write per batch of events.
 */
@Component
@ProcessingGroup(ReviewerQueueProjection.PROCESSING_GROUP)
public class ReviewerQueueProjection {

    static final String PROCESSING_GROUP = "reviewer-queue";
    public static final String COLLECTION = "reviewer_queue";

    private final MongoCollection<Document> rows;
    /** An application's row inserted and updated by later events of the same batch: one write of it (folded, Session 9). */
    private final BatchedWrites writes;

    public ReviewerQueueProjection(MongoDatabase database) {
        this.rows = database.getCollection(COLLECTION);
        this.writes = BatchedWrites.ordered(rows);
    }

    @EventHandler
    public void on(PermitApplicationRegistered event, @SequenceNumber long sequence) {
        Document row = new Document("receiptNumber", event.receiptNumber().value())
                .append("companyName", event.company().name())
                .append("companyRegistrationNumber", event.company().registrationNumber())
                .append("receivedAt", event.receivedAt().toString())
                .append("due", event.decisionDue().toString())
                .append("dueAt", Date.from(event.decisionDueAt()))
                .append("workingDays", event.workingDays().value())
                .append("calendarVersion", event.calendarVersion().value())
                .append("article", event.article())
                .append("status", PermitApplicationStatus.REGISTERED.name())
                .append("sequence", sequence);
        writes.createById(event.applicationId().value(), new Document("$setOnInsert", row));
    }

    // 002 art. 26.1, domain-rules §2: a calendar change moves the due date
    @EventHandler
    public void on(PermitDecisionDueRecomputed event) {
        writes.updateById(event.applicationId().value(), new Document("$set", new Document("due", event.decisionDue().toString())
                .append("dueAt", Date.from(event.decisionDueAt())).append("calendarVersion", event.calendarVersion().value())));
    }

    // 002 art. 26.1: an overdue decision is escalated to a supervisor
    @EventHandler
    public void on(PermitDecisionOverdue event) {
        writes.updateById(event.applicationId().value(), new Document("$set", new Document("escalated", true)
                .append("escalatedAt", event.escalatedAt().toString())));
    }

    @EventHandler
    public void on(PermitApplicationApproved event) {
        status(event.applicationId().value(), PermitApplicationStatus.APPROVED_PENDING_INSURANCE);
    }

    @EventHandler
    public void on(PermitApplicationRefused event) {
        status(event.applicationId().value(), PermitApplicationStatus.REFUSED);
    }

    private void status(String applicationId, PermitApplicationStatus status) {
        writes.updateById(applicationId, new Document("$set", new Document("status", status.name())));
    }

    /** A replay starts from an empty queue. */
    @ResetHandler
    public void reset() {
        rows.deleteMany(new Document());
    }
}
