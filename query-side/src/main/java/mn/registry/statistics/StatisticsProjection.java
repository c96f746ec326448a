package mn.registry.statistics;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.permit.CertificatesIssuedReported;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitDecisionDueRecomputed;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.PermitExtended;
import mn.registry.kernel.permit.PermitExtendedAfterExpiry;
import mn.registry.kernel.permit.PermitExtensionRefused;
import mn.registry.kernel.permit.PermitExtensionRequested;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * Keeps the facts behind the statistics in {@code stat_facts}, one document per fact with an id derived from the
 * event, written by {@code _id} only (so a redelivered event rewrites the same document): a count fact
 * ({@code count/{what}/{subject}/{instant}}) or a decision under a legal deadline
 * ({@code decision/{deadline}/{subject}/{received instant}}: received on, due, allowed working days, decided on).
 * Ids of applications and registrations stay in here; only aggregates are published.
 */
@Component
@ProcessingGroup(StatisticsProjection.PROCESSING_GROUP)
public class StatisticsProjection {

    static final String PROCESSING_GROUP = "public-statistics";
    public static final String FACTS = "stat_facts";
    static final String PERMIT_DECISION = "permit-decision";
    static final String EXTENSION = "permit-extension";
    static final String ZONE_REGISTRATION = "zone-registration";
    /** The facts of a revocation on an extension request's row (item 114): the revocation's day, its ground, the complaint's course. */
    static final String REVOKED_ON = "revokedOn";
    static final String REVOCATION_GROUND = "revocationGround";
    static final String COMPLAINT_FILED = "complaintFiled";
    static final String COMPLAINT_REJECTED = "complaintRejected";
    private static final ZoneId MONGOLIA = mn.registry.kernel.calendar.UlaanbaatarTime.ZONE;

    private final MongoCollection<Document> facts;
    /** In order: a decision and its pointer are written and then moved or decided by later events of the batch. */
    private final BatchedWrites writes;

    public StatisticsProjection(MongoDatabase database) {
        this.facts = database.getCollection(FACTS);
        this.writes = BatchedWrites.ordered(facts);
    }

    // --- counts (002 art. 22.1.2) -----------------------------------------------------------------------------

    @EventHandler
    public void on(PermitIssued e) {
        count("issued", e.applicationId().value(), e.issuedAt(), 1);
    }

    @EventHandler
    public void on(PermitExtended e) {
        count("extended", e.applicationId().value(), e.decidedAt(), 1);
        decided(EXTENSION, e.applicationId().value(), e.decidedAt());
    }

    @EventHandler
    public void on(PermitExtendedAfterExpiry e) {
        count("extended", e.applicationId().value(), e.decidedAt(), 1);
        decided(EXTENSION, e.applicationId().value(), e.decidedAt());
    }

    // 002 art. 22.1.2 (choice, the lead's reading of O273, ADR 0046 item 123, abuse audit F468): a decision to suspend counts once, on its
    // day. An upheld complaint applies the suspension at the revocation again (item 56) as it stood: its ground, evidence and days, received
    // on the complaint's decision; that is no decision of the ministry on that day. The fact is named by the decision (the permit, the
    // suspension's first day, its evidence: one opinion or one request of the tax authority grounds one suspension) and counted on its
    // first day, which is the day of its receipt for every suspension the ministry decides (never back-dated), so the suspension applied
    // again rewrites the same fact, on whichever day the complaint was decided
    @EventHandler
    public void on(PermitSuspended e) {
        String subject = e.applicationId().value();
        fact("count/suspended/" + subject + "/" + e.from() + "/" + e.evidenceSha256(), "suspended", e.from(), 1);
    }

    @EventHandler
    public void on(PermitRestored e) {
        count("restored", e.applicationId().value(), e.restoredAt(), 1);
    }

    @EventHandler
    public void on(PermitRevoked e) {
        count("revoked", e.applicationId().value(), e.revokedAt(), 1);
        revocationOfTheRequest(e.applicationId().value(), new Document("$set", new Document(REVOKED_ON, date(e.revokedAt()).toString())
                .append(REVOCATION_GROUND, e.ground().name())).append("$unset", new Document(COMPLAINT_FILED, "").append(COMPLAINT_REJECTED, "")));
    }

    @EventHandler
    public void on(RevocationComplaintFiled e) {
        revocationOfTheRequest(e.applicationId().value(), new Document("$set", new Document(COMPLAINT_FILED, true)));
    }

    // upheld, the revocation is annulled and the request waits for its decision again; rejected, the revocation stands
    @EventHandler
    public void on(RevocationComplaintDecided e) {
        revocationOfTheRequest(e.applicationId().value(), e.upheld()
                ? new Document("$unset", new Document(REVOKED_ON, "").append(REVOCATION_GROUND, "").append(COMPLAINT_FILED, "").append(COMPLAINT_REJECTED, ""))
                : new Document("$set", new Document(COMPLAINT_REJECTED, true)));
    }

    @EventHandler
    public void on(PermitExpired e) {
        count("expired", e.applicationId().value(), e.expiredAt(), 1);
    }

    @EventHandler
    public void on(CertificatesIssuedReported e) {
        count("certificatesReported", e.applicationId().value(), e.reportedAt(), e.count());
    }

    // --- decisions under a legal deadline ----------------------------------------------------------------------

    // 002 art. 26.1: decided within 17 working days of receipt
    @EventHandler
    public void on(PermitApplicationRegistered e) {
        received(PERMIT_DECISION, e.applicationId().value(), e.receivedAt(), e.decisionDue(), e.workingDays().value(), e.article());
    }

    @EventHandler
    public void on(PermitDecisionDueRecomputed e) {
        dueMoved(PERMIT_DECISION, e.applicationId().value(), e.decisionDue());
    }

    @EventHandler
    public void on(PermitApplicationApproved e) {
        decided(PERMIT_DECISION, e.applicationId().value(), e.approvedAt());
    }

    @EventHandler
    public void on(PermitApplicationRefused e) {
        decided(PERMIT_DECISION, e.applicationId().value(), e.refusedAt());
    }

    // 002 art. 27.5: an extension without a violation found is decided within 3 working days
    @EventHandler
    public void on(PermitExtensionRequested e) {
        if (e.fastPathDue() != null) {
            received(EXTENSION, e.applicationId().value(), e.requestedAt(), e.fastPathDue(), 3, "002 art. 27.5");
        }
    }

    @EventHandler
    public void on(PermitExtensionRefused e) {
        decided(EXTENSION, e.applicationId().value(), e.decidedAt());
    }

    /**
     * 002 art. 27.3, 29.6 (the lead's reading of O269, ADR 0046 item 114): the facts of a revocation on the permit's open extension request
     * (a request on a revoked permit waits for the revocation's outcome, item 51, and is closed once the revocation stands, item 111). No
     * event marks the moment "the complaint period over with none filed": the row keeps the revocation's day, its ground and the
     * complaint's course, and the answer ({@link Statistics}) judges the standing at its own clock ({@code RevocationStanding}), so the
     * facts, and a rebuild's hash, are the same whenever they are folded. Written on a decided row too, where the answer does not read them.
     */
    private void revocationOfTheRequest(String subject, Document update) {
        open(EXTENSION, subject).ifPresent(id -> writes.updateById(id, update));
    }

    // 003 art. 12.2: a registration is reviewed within 5 business days
    @EventHandler
    public void on(RegistrationEvents.ZoneRegistrationApplied e) {
        received(ZONE_REGISTRATION, e.registrationId().value(), e.receivedAt(), e.reviewDue(), e.workingDays().value(), e.article());
    }

    @EventHandler
    public void on(RegistrationEvents.ZoneRegistrationReviewDueRecomputed e) {
        dueMoved(ZONE_REGISTRATION, e.registrationId().value(), e.reviewDue());
    }

    @EventHandler
    public void on(RegistrationEvents.EntityRegistered e) {
        decided(ZONE_REGISTRATION, e.registrationId().value(), e.registeredAt());
    }

    @EventHandler
    public void on(RegistrationEvents.ZoneRegistrationRejected e) {
        decided(ZONE_REGISTRATION, e.registrationId().value(), e.rejectedAt());
    }

    // --- writes by _id, one bulk write per batch of events -----------------------------------------------------------------------------------------

    private void count(String what, String subject, Instant at, int n) {
        fact("count/" + what + "/" + subject + "/" + at, what, date(at), n);
    }

    private void fact(String id, String what, LocalDate on, int n) {
        // $set with upsert rather than a replace: the driver sends a run of updates as one command but splits it at
        // every change between update and replace; these documents only ever hold these fields, so the result is the same
        // a fact per event: the event creates it (ADR 0060)
        writes.createById(id, new Document("$set", new Document("kind", "count").append("what", what).append("on", on.toString()).append("n", n)));
    }

    /** ADR 0046 item 123: the release whose stored counts changed rebuilds the facts from the first event (its marker, ProjectionRebuild). */
    @org.axonframework.eventhandling.ResetHandler
    public void reset() {
        facts.deleteMany(new Document());
    }

    /** A request under a deadline; the open one per subject is pointed to by {@code open/{deadline}/{subject}}. */
    private void received(String deadline, String subject, Instant receivedAt, LocalDate due, int workingDays, String article) {
        String id = "decision/" + deadline + "/" + subject + "/" + receivedAt;
        writes.createById(id, new Document("$set", new Document("kind", "decision").append("deadline", deadline)
                .append("article", article).append("receivedOn", date(receivedAt).toString()).append("due", due.toString())
                .append("workingDays", workingDays)));
        String pointer = "open/" + deadline + "/" + subject;
        Document points = new Document("$set", new Document("kind", "pointer").append("decision", id));
        if (EXTENSION.equals(deadline)) {
            writes.upsertById(pointer, points); // a permit's later extension request points its pointer elsewhere
        } else {
            writes.createById(pointer, points); // one application, one registration: one request, its pointer created once
        }
        InBatch batch = InBatch.current();
        if (batch != null) {
            batch.pointers.put(pointer, id);
            batch.received.add(id);
        }
    }

    private void dueMoved(String deadline, String subject, LocalDate due) {
        open(deadline, subject).ifPresent(id -> writes.updateById(id, new Document("$set", new Document("due", due.toString()))));
    }

    /**
     * The first decision on a request counts; a later one (a repeat, another request's) does not move it. Within a
     * batch (ADR 0030) the decisions it made and the requests it received are known without a read: a request received
     * in this batch has no decision but one made from this batch's events (its id carries its receipt instant, and an
     * event is only seen again with everything after the stored token, so a decision already stored for it is the one
     * this batch makes again, on the same day). Otherwise the row is read as the batch found it: only this method
     * writes {@code decidedOn}.
     */
    private void decided(String deadline, String subject, Instant at) {
        open(deadline, subject).ifPresent(id -> {
            InBatch batch = InBatch.current();
            if (batch != null && batch.decided.contains(id)) {
                return;
            }
            boolean undecided;
            if (batch != null && batch.received.contains(id)) {
                undecided = true;
            } else {
                Document row = facts.find(eq("_id", id)).first();
                undecided = row != null && !row.containsKey("decidedOn");
            }
            if (undecided) {
                writes.updateById(id, new Document("$set", new Document("decidedOn", date(at).toString())));
                if (batch != null) {
                    batch.decided.add(id);
                }
            }
        });
    }

    /**
     * The open decision of a subject. A pointer is only written by {@link #received}, which remembers it for the rest
     * of the batch ({@link InBatch}); one not written in this batch is in the collection as it was before the batch,
     * so the batch's queued writes need not be sent before it is read (ADR 0030).
     */
    private java.util.Optional<String> open(String deadline, String subject) {
        String pointer = "open/" + deadline + "/" + subject;
        InBatch batch = InBatch.current();
        String inBatch = batch == null ? null : batch.pointers.get(pointer);
        if (inBatch != null) {
            return java.util.Optional.of(inBatch);
        }
        Document found = facts.find(eq("_id", pointer)).first();
        return found == null ? java.util.Optional.empty() : java.util.Optional.of(found.getString("decision"));
    }

    /** What the current unit of work (a processor's batch) wrote, as its queued writes will leave it; none outside one. */
    private static final class InBatch {
        private static final String RESOURCE = InBatch.class.getName();

        final Map<String, String> pointers = new HashMap<>();
        final Set<String> received = new HashSet<>();
        final Set<String> decided = new HashSet<>();

        static InBatch current() {
            return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE, k -> new InBatch()) : null;
        }
    }

    private static LocalDate date(Instant at) {
        return at.atZone(MONGOLIA).toLocalDate();
    }
}
