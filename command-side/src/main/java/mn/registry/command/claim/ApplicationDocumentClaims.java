package mn.registry.command.claim;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.permit.DocumentRef;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ADR 0057, session 23, Free Zone round 20 (abuse audit F357; ADR 0035 item 74; 003 art. 12.1): the documents of a Free Zone application
 * stored before ADR 0035 item 73 were claimed by nothing, so an act of another registration or register could still rest on them (O197).
 * Once per registry, in {@link DocumentClaimsBackfill}'s pass over the store, this claims each document a stored
 * {@code ZoneRegistrationApplied} names, its fee receipt apart (claimed as {@code zone-registration-fee} already), as
 * {@code zone-application-document}, grounded on the registration of the first stored application naming it, held for ever (its command
 * id {@value #COMMAND}). A document already claimed (a command since the release, another node's pass, or an act of another kind stored on
 * it before) is left as it is and counted: inserts under the unique {@code _id}, so two nodes or a start run again claim nothing twice.
 */
final class ApplicationDocumentClaims {

    private static final Logger log = LoggerFactory.getLogger(ApplicationDocumentClaims.class);
    /** The marker's id in {@value DocumentClaims#COLLECTION}: never a SHA-256, so never a claim. */
    static final String MARKER = "backfill:adr-0057:application-documents";
    /** The command id of the claims this step writes (a backfilled claim, held for ever). */
    static final String COMMAND = DocumentClaims.BACKFILL + ":" + DocumentKind.ZONE_APPLICATION_DOCUMENT.code();

    /** The grounds of the registration of the first stored application naming each document. */
    private final Map<String, String> applied = new LinkedHashMap<>();

    /** Reads one stored event: an application names its documents. */
    void accept(Object payload) {
        if (payload instanceof RegistrationEvents.ZoneRegistrationApplied application && application.registrationId() != null
                && application.documents() != null) {
            String grounds = DocumentClaims.Grounds.REGISTRATION.of(application.registrationId().stream());
            for (SubmittedZoneDocument d : application.documents()) {
                if (d != null && d.kind() != ZoneDocument.REGISTRATION_FEE_RECEIPT && DocumentRef.isSha256Hex(d.sha256())) {
                    applied.putIfAbsent(d.sha256().toLowerCase(Locale.ROOT), grounds);
                }
            }
        }
    }

    /** Claims each stored application's document no claim holds; answers the counts for the marker. */
    Document claim(MongoCollection<Document> claims, Instant at) {
        int claimed = 0;
        for (Map.Entry<String, String> document : applied.entrySet()) {
            try {
                claims.insertOne(DocumentClaims.claimOf(document.getKey(), DocumentKind.ZONE_APPLICATION_DOCUMENT, document.getValue(), COMMAND, at)
                        .append("backfilled", true));
                claimed++;
            } catch (MongoException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        log.info("application documents' claims (ADR 0057, session 23, O197): {} of {} stored applications' documents claimed as {}, {} held already",
                claimed, applied.size(), DocumentKind.ZONE_APPLICATION_DOCUMENT.code(), applied.size() - claimed);
        return new Document("claimed", claimed).append("storedDocuments", applied.size());
    }
}
