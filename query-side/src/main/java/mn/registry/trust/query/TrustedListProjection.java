package mn.registry.trust.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.PermitExtendedAfterExpiry;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.trust.TrustStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * One document per issued permit in {@value #COLLECTION}: permit number and the service's status history (status,
 * starting time, provider as of then, the deciding event). Issued: granted; suspended: suspended; restored or an upheld complaint (002 art. 29.6): granted
 * again; revoked or expired: withdrawn; transferred: same status, new provider. Reads and writes by {@code _id} only;
 * idempotent by the event's sequence number, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(TrustedListProjection.PROCESSING_GROUP)
class TrustedListProjection {

    static final String PROCESSING_GROUP = "trusted-list";
    static final String COLLECTION = "trusted_list";

    private final MongoCollection<Document> services;

    TrustedListProjection(MongoDatabase database) {
        this.services = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(PermitIssued e, @SequenceNumber long sequence) {
        String id = e.applicationId().value();
        if (!seen(id, sequence)) {
            services.updateOne(eq("_id", id), Updates.combine(Updates.set("permitNumber", e.permitNumber().value()),
                    Updates.push("history", entry(sequence, TrustStatus.GRANTED, e.issuedAt(), e.holder(), "PermitIssued", "002 art. 26.2"))),
                    new UpdateOptions().upsert(true));
        }
    }

    @EventHandler
    void on(PermitSuspended e, @SequenceNumber long sequence) {
        change(e.applicationId().value(), sequence, TrustStatus.SUSPENDED, e.suspendedAt(), null, "PermitSuspended", "002 art. 28.2");
    }

    @EventHandler
    void on(PermitRestored e, @SequenceNumber long sequence) {
        change(e.applicationId().value(), sequence, TrustStatus.GRANTED, e.restoredAt(), null, "PermitRestored", e.article());
    }

    @EventHandler
    void on(PermitRevoked e, @SequenceNumber long sequence) {
        change(e.applicationId().value(), sequence, TrustStatus.WITHDRAWN, e.revokedAt(), null, "PermitRevoked", "002 art. 29.1");
    }

    // 002 art. 29.2: withdrawn from the end of the term, however late the expiry was recorded (ADR 0013 §3)
    @EventHandler
    void on(PermitExpired e, @SequenceNumber long sequence) {
        Instant termEnded = e.validUntil().plusDays(1).atStartOfDay(UlaanbaatarTime.ZONE).toInstant();
        change(e.applicationId().value(), sequence, TrustStatus.WITHDRAWN, termEnded.isBefore(e.expiredAt()) ? termEnded : e.expiredAt(), null,
                "PermitExpired", e.article());
    }

    // 002 art. 27.4, 29.2: an extension granted after expiry puts the service in force again from the decision
    @EventHandler
    void on(PermitExtendedAfterExpiry e, @SequenceNumber long sequence) {
        change(e.applicationId().value(), sequence, TrustStatus.GRANTED, e.decidedAt(), null, "PermitExtendedAfterExpiry", e.article());
    }

    @EventHandler
    void on(PermitTransferred e, @SequenceNumber long sequence) {
        change(e.applicationId().value(), sequence, null, e.transferredAt(), e.successor(), "PermitTransferred", "002 art. 23.3");
    }

    @EventHandler
    void on(RevocationComplaintDecided e, @SequenceNumber long sequence) {
        if (e.upheld()) {
            change(e.applicationId().value(), sequence, TrustStatus.GRANTED, e.decidedAt(), null, "RevocationComplaintDecided", "002 art. 29.6");
        }
    }

    @ResetHandler
    void reset() {
        services.drop();
    }

    /** A new history entry: {@code status} null keeps the current one, {@code provider} null keeps the current one. */
    private void change(String id, long sequence, TrustStatus status, Instant at, Company provider, String event, String article) {
        Document current = services.find(eq("_id", id)).first();
        if (current == null) {
            return; // not an issued permit: nothing on the trusted list
        }
        List<Document> history = current.getList("history", Document.class, List.of());
        if (history.stream().anyMatch(h -> h.get("sequence", Number.class).longValue() == sequence)) {
            return;
        }
        Document last = history.get(history.size() - 1);
        Document entry = new Document("sequence", sequence)
                .append("status", (status == null ? TrustStatus.valueOf(last.getString("status")) : status).name())
                .append("startingTime", at.toString())
                .append("providerName", provider == null ? last.getString("providerName") : provider.name())
                .append("providerRegistrationNumber", provider == null ? last.getString("providerRegistrationNumber") : provider.registrationNumber())
                .append("event", event)
                .append("article", article);
        services.updateOne(eq("_id", id), Updates.push("history", entry));
    }

    private boolean seen(String id, long sequence) {
        Document current = services.find(eq("_id", id)).first();
        return current != null && current.getList("history", Document.class, List.of()).stream()
                .anyMatch(h -> h.get("sequence", Number.class).longValue() == sequence);
    }

    private static Document entry(long sequence, TrustStatus status, Instant at, Company provider, String event, String article) {
        return new Document("sequence", sequence).append("status", status.name()).append("startingTime", at.toString())
                .append("providerName", provider.name()).append("providerRegistrationNumber", provider.registrationNumber())
                .append("event", event).append("article", article);
    }
}
