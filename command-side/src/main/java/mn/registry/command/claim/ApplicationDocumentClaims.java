package mn.registry.command.claim;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitDocumentsReceived;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * ADR 0057, session 23, Free Zone round 20 (abuse audit F357; ADR 0035 item 74; 003 art. 12.1): the documents of a Free Zone application
 * stored before ADR 0035 item 73 were claimed by nothing, so an act of another registration or register could still rest on them (O197).
 * Once per registry, in {@link DocumentClaimsBackfill}'s pass over the store, this claims each document a stored
 * {@code ZoneRegistrationApplied} names, its fee receipt apart (claimed as {@code zone-registration-fee} already), as
 * {@code zone-application-document}, grounded on the registration of the first stored application naming it, held for ever (its command
 * id {@code backfill:adr-0057:<kind>}). A document already claimed (a command since the release, another node's pass, or an act of another
 * kind stored on it before) is left as it is and counted: inserts under the unique {@code _id}, so two nodes or a start run again claim
 * nothing twice. Session 24 (abuse audit F374, was O209): the same step, under a marker of its own ({@link #PERMIT_MARKER}), claims each
 * document a stored {@code PermitApplicationRegistered} or {@code PermitDocumentsReceived} names as {@code permit-application-document},
 * grounded on its permit.
 */
final class ApplicationDocumentClaims {

    private static final Logger log = LoggerFactory.getLogger(ApplicationDocumentClaims.class);
    /** The Free Zone step's marker's id in {@value DocumentClaims#COLLECTION}: never a SHA-256, so never a claim. */
    static final String MARKER = "backfill:adr-0057:application-documents";
    /** The permit step's marker (session 24): a registry whose Free Zone step ran runs this one alone. */
    static final String PERMIT_MARKER = "backfill:adr-0057:permit-application-documents";

    private final DocumentKind kind;
    /** Reads one stored event: the documents an application names, each with the grounds of the record it applies for. */
    private final BiConsumer<Object, BiConsumer<String, String>> named;
    /** The grounds of the record of the first stored application naming each document. */
    private final Map<String, String> applied = new LinkedHashMap<>();

    private ApplicationDocumentClaims(DocumentKind kind, BiConsumer<Object, BiConsumer<String, String>> named) {
        this.kind = kind;
        this.named = named;
    }

    /** The Free Zone's applications (003 art. 12.1): their documents but the fee receipt, on the registration applied for. */
    static ApplicationDocumentClaims zone() {
        return new ApplicationDocumentClaims(DocumentKind.ZONE_APPLICATION_DOCUMENT, (payload, document) -> {
            if (payload instanceof RegistrationEvents.ZoneRegistrationApplied application && application.registrationId() != null
                    && application.documents() != null) {
                String grounds = DocumentClaims.Grounds.REGISTRATION.of(application.registrationId().stream());
                for (SubmittedZoneDocument d : application.documents()) {
                    if (d != null && d.kind() != ZoneDocument.REGISTRATION_FEE_RECEIPT) {
                        document.accept(d.sha256(), grounds);
                    }
                }
            }
        });
    }

    /** The permit applications (002 art. 25.1): their documents, named with them or recorded received in review, on the permit applied for (session 24). */
    static ApplicationDocumentClaims permit() {
        return new ApplicationDocumentClaims(DocumentKind.PERMIT_APPLICATION_DOCUMENT, (payload, document) -> {
            java.util.List<DocumentRef> named = payload instanceof PermitApplicationRegistered application ? application.documents()
                    : payload instanceof PermitDocumentsReceived received ? received.documents() : null;
            Object permit = named == null ? null : mn.registry.command.api.TargetByRecordComponent.read(payload, "applicationId");
            if (permit instanceof mn.registry.kernel.permit.ApplicationId id) {
                for (DocumentRef d : named) {
                    if (d != null) {
                        document.accept(d.sha256(), DocumentClaims.Grounds.PERMIT.of(id.value()));
                    }
                }
            }
        });
    }

    /** Reads one stored event: an application names its documents. */
    void accept(Object payload) {
        named.accept(payload, (sha256, grounds) -> {
            if (DocumentRef.isSha256Hex(sha256)) {
                applied.putIfAbsent(sha256.toLowerCase(Locale.ROOT), grounds);
            }
        });
    }

    /** Claims each stored application's document no claim holds; answers the counts for the marker. */
    Document claim(MongoCollection<Document> claims, Instant at) {
        String command = DocumentClaims.BACKFILL + ":" + kind.code();
        int claimed = 0;
        for (Map.Entry<String, String> document : applied.entrySet()) {
            try {
                claims.insertOne(DocumentClaims.claimOf(document.getKey(), kind, Claimant.grounding(document.getValue()), command, at).append("backfilled", true));
                claimed++;
            } catch (MongoException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        log.info("application documents' claims (ADR 0057, sessions 23-24): {} of {} stored applications' documents claimed as {}, {} held already",
                claimed, applied.size(), kind.code(), applied.size() - claimed);
        return new Document("claimed", claimed).append("storedDocuments", applied.size());
    }
}
