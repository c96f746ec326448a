package mn.registry.command.claim;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.permit.DocumentRef;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ADR 0057, session 22, Free Zone round 18 (abuse audit F301, was O167; 003 art. 12.5.3, 26.2; ADR 0035 item 62): a court decision
 * recorded before session 22's round 16 was claimed as an act of the registration that recorded it ({@code zone-registration-act}), so
 * the governor of the dissolved entity's other zone could not record the same decision on its document. Once per registry, in
 * {@link DocumentClaimsBackfill}'s pass over the store, this re-kinds the claim of each stored {@code CourtDissolutionRecorded}'s document
 * to {@code zone-court-decision}, nothing else: the claim keeps its command, its time and its grounds (the registration that recorded
 * it, as item 62's claims name it). Each write is conditional on the claim still being the old kind with those grounds, so a second node
 * running it at once, or a start run again, changes nothing twice; a document claimed by another registration or another kind is left
 * as it is (counted).
 */
final class CourtDecisionClaims {

    private static final Logger log = LoggerFactory.getLogger(CourtDecisionClaims.class);
    /** The marker's id in {@value DocumentClaims#COLLECTION}: never a SHA-256, so never a claim. */
    static final String MARKER = "backfill:adr-0057:court-decisions";

    /** The grounds of the registration that recorded each stored court decision, by its document (the first stored). */
    private final Map<String, String> recorded = new LinkedHashMap<>();

    /** Reads one stored event: a court's dissolution recorded on a document names that document's registration. */
    void accept(Object payload) {
        if (payload instanceof RegistrationEvents.CourtDissolutionRecorded decision && decision.registrationId() != null
                && DocumentRef.isSha256Hex(decision.documentSha256())) {
            recorded.putIfAbsent(decision.documentSha256().toLowerCase(Locale.ROOT),
                    DocumentClaims.Grounds.REGISTRATION.of(decision.registrationId().stream()));
        }
    }

    /** Re-kinds each stored decision's claim of the old kind; answers the counts for the marker. */
    Document rekind(MongoCollection<Document> claims) {
        int rekinded = 0;
        for (Map.Entry<String, String> decision : recorded.entrySet()) {
            rekinded += (int) claims.updateOne(Filters.and(Filters.eq("_id", decision.getKey()),
                            Filters.eq("kind", DocumentKind.ZONE_REGISTRATION_ACT.code()), Filters.eq(DocumentClaims.GROUNDS, decision.getValue())),
                    new Document("$set", new Document("kind", DocumentKind.ZONE_COURT_DECISION.code()))).getModifiedCount();
        }
        log.info("court decisions' claims (ADR 0057, session 22, O167): {} of {} stored decisions' claims re-kinded to {}", rekinded,
                recorded.size(), DocumentKind.ZONE_COURT_DECISION.code());
        return new Document("rekinded", rekinded).append("storedDecisions", recorded.size());
    }
}
