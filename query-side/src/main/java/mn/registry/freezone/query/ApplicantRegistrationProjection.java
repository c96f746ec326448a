package mn.registry.freezone.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * The applicant's view of a Free Zone registration (ADR 0013 §5; 003 art. 12.1-12.2, 12.5, 22.2): collection
 * {@value #COLLECTION}, one document per registration with the persons who signed an application for it
 * ({@code applicants}) and the history of every act on it and on its land-use applications, each with its legal time
 * (the instant the event states, the registry's time of receipt), its signer and its full content. The governor's desk
 * ({@link GovernorDeskProjection}) keeps only the current round; the applicant is told of every decision, so this
 * projection keeps them all. An event delivered again is recognised by its identifier and changes nothing.
 */
@Component
@ProcessingGroup(ApplicantRegistrationProjection.PROCESSING_GROUP)
class ApplicantRegistrationProjection {

    static final String PROCESSING_GROUP = "freezone-applicant-registrations";
    static final String COLLECTION = "fz_applicant_registrations";

    private final MongoCollection<Document> registrations;

    ApplicantRegistrationProjection(MongoDatabase database) {
        this.registrations = database.getCollection(COLLECTION);
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        Instant at = null;
        RegistrationId id = null;
        List<Bson> changes = new ArrayList<>();
        if (event instanceof RegistrationEvents.ZoneRegistrationApplied e) {
            id = e.registrationId();
            at = e.receivedAt();
            changes.add(Updates.set("zoneId", e.zoneId().value()));
            changes.add(Updates.set("entity", asDocument(e.entity())));
            changes.add(Updates.set("activity", e.activity().name()));
            changes.add(Updates.set("status", "APPLIED"));
            changes.add(Updates.set("receivedAt", e.receivedAt().toString()));
            changes.add(Updates.set("reviewDue", e.reviewDue().toString()));
            if (e.signedBy() != null) {
                changes.add(Updates.addToSet("applicants", e.signedBy().value()));
            }
        } else if (event instanceof RegistrationEvents.EntityRegistered e) {
            id = e.registrationId();
            at = e.registeredAt();
            changes.add(Updates.set("status", "REGISTERED"));
            changes.add(Updates.set("certificateNumber", e.certificate().number()));
            changes.add(Updates.set("certificateIssuedOn", e.certificate().issuedOn().toString()));
        } else if (event instanceof RegistrationEvents.ZoneRegistrationRejected e) {
            id = e.registrationId();
            at = e.rejectedAt();
            changes.add(Updates.set("status", "REJECTED"));
        } else if (event instanceof RegistrationEvents.EntityDeregistered e) {
            id = e.registrationId();
            at = e.deregisteredAt();
            changes.add(Updates.set("status", "DEREGISTERED"));
        } else if (event instanceof RegistrationEvents.DeregistrationGroundRaised e) {
            id = e.registrationId();
            at = e.raisedAt();
        } else if (event instanceof RegistrationEvents.ZoneRegistrationReviewOverdue e) {
            id = e.registrationId();
            at = e.escalatedAt();
        } else if (event instanceof RegistrationEvents.ZoneRegistrationReviewDueRecomputed e) {
            id = e.registrationId();
            changes.add(Updates.set("reviewDue", e.reviewDue().toString()));
        } else if (event instanceof RegistrationEvents.InvestmentAgreementRecorded e) {
            id = e.registrationId();
        } else if (event instanceof RegistrationEvents.OperationsStarted e) {
            id = e.registrationId();
        } else if (event instanceof RegistrationEvents.OperationsInterrupted e) {
            id = e.registrationId();
        } else if (event instanceof RegistrationEvents.OperationsResumed e) {
            id = e.registrationId();
        } else if (event instanceof RegistrationEvents.CourtDissolutionRecorded e) {
            id = e.registrationId();
        } else if (event instanceof LandEvents.LandUseApplied e) {
            id = e.applicant();
            at = e.receivedAt();
        } else if (event instanceof LandEvents.LandUseRefused e) {
            id = e.applicant();
            at = e.refusedAt();
        } else if (event instanceof LandEvents.LandApplicationWithdrawn e) {
            id = e.applicant();
            at = e.withdrawnAt();
        } else if (event instanceof LandEvents.LandRightsGranted e) {
            id = e.holder();
            at = e.grantedAt();
        } else if (event instanceof LandEvents.LandLicenceIssued e) {
            id = e.holder();
            at = e.issuedAt();
        } else if (event instanceof LandEvents.LandRightsRevoked e) {
            id = e.holder();
            at = e.revokedAt();
        } else if (event instanceof LandEvents.LandRightsLapsed e) {
            id = e.holder();
            at = e.lapsedAt();
        } else if (event instanceof LandEvents.LandFeePaymentReported e) {
            id = e.holder();
            at = e.reportedAt();
        } else if (event instanceof LandEvents.LandFeeExemptionGranted e && e.holder() != null) {
            id = e.holder();
            at = e.grantedAt();
        }
        if (id == null) {
            return;
        }
        // one array per aggregate: the registration's own events arrive in order, and so do the zone land's, but the
        // two streams are processed in separate segments, so one array for both would be ordered differently on a replay
        String array = event.getClass().getEnclosingClass() == LandEvents.class ? "landHistory" : "history";
        String eventId = message.getIdentifier();
        Document current = registrations.find(eq("_id", id.value())).projection(new Document(array + ".eventId", 1)).first();
        boolean seen = current != null && current.getList(array, Document.class, List.of()).stream()
                .anyMatch(h -> eventId.equals(h.getString("eventId")));
        if (seen) {
            return;
        }
        Object signer = message.getMetaData().get(AxonStorageConfiguration.SIGNED_BY);
        Document entry = new Document("eventId", eventId).append("type", event.getClass().getSimpleName())
                .append("at", (at == null ? message.getTimestamp() : at).toString())
                .append("signedBy", signer == null ? null : signer.toString())
                .append("event", asDocument(event));
        // one update: the entry (which marks the event as seen) and its changes together
        changes.add(0, Updates.push(array, entry));
        registrations.updateOne(eq("_id", id.value()), Updates.combine(changes), new UpdateOptions().upsert(true));
    }

    @ResetHandler
    void reset() {
        registrations.deleteMany(new Document());
    }

    private static Document asDocument(Object value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = CanonicalJson.mapper().convertValue(value, Map.class);
        return new Document(map);
    }
}
