package mn.registry.document;

import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Who may read a document's content (domain-rules §5: never public; each read is logged by the controller). Ministry staff
 * read any document but a Free Zone entity's application papers ({@link #ministryReadsNoEntitysApplicationPaper}, F587), unless the permit
 * application named ({@code ?application=}) cites it too. Outside the Ministry a document is read through the case that cites it, named with the request
 * ({@code ?registration=}): the registration's own events (its applications' documents) decide, as of the request, so
 * a zone governor reads the documents an entity of the zone they govern at that moment cited (003 art. 8.2, 8.7: own
 * zone, appointed and not dismissed, as {@link Actor#zones()} says at the request), and the person who signed the
 * application reads its own while their grant in force names no other company ({@link #signerReadsTheirOwn}, F568). Everyone else
 * is refused (403), whether or not the document exists.
 */
@Component
class DocumentReaders {

    static final Set<Role> MINISTRY = Set.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR, Role.COMMUNICATIONS_INSPECTOR);

    /**
     * The kinds of claim (ADR 0057) of a Free Zone entity's application papers (003 art. 12.1: its application, state registration
     * certificate or incorporation document, power of attorney, charter; its fee receipt): the Ministry's roles read none of them
     * ({@link #ministryReadsNoEntitysApplicationPaper}, F587).
     */
    static final Set<DocumentKind> ENTITYS_APPLICATION_PAPERS = java.util.EnumSet.of(DocumentKind.ZONE_APPLICATION_DOCUMENT,
            DocumentKind.ZONE_REGISTRATION_FEE);

    /** The code of a Ministry role's read of a Free Zone entity's application paper (ADR 0035 item 151; abuse audit F587). */
    static final String NOT_THE_MINISTRYS = "document.free-zone-paper-not-the-ministrys";

    private final EventStore events;
    /** The kind of the act whose claim holds a document (ADR 0057, {@code document_claims}), by its SHA-256; null: none holds it. */
    private final java.util.function.Function<String, String> claimedAs;

    @org.springframework.beans.factory.annotation.Autowired
    DocumentReaders(EventStore events, com.mongodb.client.MongoDatabase database) {
        this(events, claimsOf(database.getCollection(DocumentClaims.COLLECTION)));
    }

    /** Readers on a registry that holds no document's claim (the registration readers' tests of other packages): every paper the Ministry's. */
    DocumentReaders(EventStore events) {
        this(events, sha256 -> null);
    }

    private DocumentReaders(EventStore events, java.util.function.Function<String, String> claimedAs) {
        this.events = events;
        this.claimedAs = claimedAs;
    }

    private static java.util.function.Function<String, String> claimsOf(com.mongodb.client.MongoCollection<org.bson.Document> claims) {
        return sha256 -> {
            org.bson.Document claim = claims.find(com.mongodb.client.model.Filters.eq("_id", sha256))
                    .projection(com.mongodb.client.model.Projections.include("kind")).first();
            return claim == null ? null : claim.getString("kind");
        };
    }

    /** Returns when {@code reader} may read the document {@code sha256} cited by the registration named; else a 403 problem. */
    void admit(Actor reader, String sha256, String registration) {
        admit(reader, sha256, registration, null);
    }

    /**
     * Returns when {@code reader} may read the document {@code sha256} cited by the registration named, or (a Ministry role) by the permit
     * application named ({@code ?application=}); else a 403 problem. A document cited by both is read by whoever either admits.
     */
    void admit(Actor reader, String sha256, String registration, String application) {
        boolean ministry = reader.roles().stream().anyMatch(MINISTRY::contains);
        if (ministry && (!ministryReadsNoEntitysApplicationPaper(sha256) || permitApplicationCites(application, sha256))) {
            return;
        }
        RegistrationId id = registration(registration);
        if (id != null) {
            for (Object e : WholeStream.payloads(events, id.stream()).toList()) {
                if (e instanceof RegistrationEvents.ZoneRegistrationApplied applied && cites(applied, sha256)
                        && (governsTheZoneNow(reader, applied) || cabinetMemberReadsItAtTheirDesk(reader)
                        || signerReadsTheirOwn(reader, applied, id))) {
                    return;
                }
            }
        }
        if (ministry) {
            throw RegistryProblem.forbidden(NOT_THE_MINISTRYS, reader.person() + " may not read document " + sha256 + ": it is a paper of a "
                    + "Free Zone entity's application, which the zone's governor reviews (003 art. 8.7, 12.2), not the Ministry of the special "
                    + "permits; the Ministry reads the papers of a permit application that cites it (?application=).", "003 art. 8.2, 8.7, 12.1, 12.2");
        }
        throw RegistryProblem.forbidden("document.reader-not-admitted", reader.person() + " may not read document " + sha256
                + (id == null ? "" : " through registration " + id) + ": a Free Zone entity's paper is read by the governor of the zone whose "
                + "entity cited it, by a Cabinet member, or by the applicant who cited it while their grant names no other company; a permit's "
                + "by the Ministry.", "003 art. 8.2, 8.7, 12.1");
    }

    /**
     * 003 art. 8.2, 8.7, 12.1, 12.2 (ADR 0035 item 151, the lead's reading, <b>choice</b>; abuse audit F587, was O443): law 003 gives the
     * special permits' Ministry no part in an entity's registration (the zone's governor reviews it, 12.2): a paper whose claim (ADR 0057,
     * the first act that cited it, as the store holds it at the request) is a Free Zone entity's application's ({@link #ENTITYS_APPLICATION_PAPERS})
     * is not the Ministry's to read, unless a permit application cites it too ({@link #permitApplicationCites}). Every other document (a
     * permit's, one no act cited yet) the Ministry reads as before.
     */
    boolean ministryReadsNoEntitysApplicationPaper(String sha256) {
        String kind = claimedAs.apply(sha256);
        return kind != null && ENTITYS_APPLICATION_PAPERS.stream().anyMatch(k -> k.code().equals(kind));
    }

    /**
     * 002 art. 20.3.3, 25.1.1, 26.2 (ADR 0035 item 151; ADR 0057's shared pairs): a company's state registration certificate is the paper of
     * its permit application and its Free Zone application alike, and its change report may cite its application's copy: the permit
     * application named with the request ({@code ?application=}, the reviewer's desk) whose stream cites the document (its registration's
     * papers, those recorded received, a change reported on it) is the Ministry's to read, whichever act claimed it first.
     */
    private boolean permitApplicationCites(String application, String sha256) {
        if (application == null || application.isBlank()) {
            return false;
        }
        try {
            new mn.registry.kernel.permit.ApplicationId(application);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return WholeStream.payloads(events, application).anyMatch(e -> e instanceof mn.registry.kernel.permit.PermitApplicationRegistered registered
                ? names(registered.documents(), sha256) : e instanceof mn.registry.kernel.permit.PermitDocumentsReceived received
                ? names(received.documents(), sha256) : e instanceof mn.registry.kernel.permit.PermitChangeReported reported
                && sha256.equals(reported.documentSha256()));
    }

    private static boolean names(java.util.List<mn.registry.kernel.permit.DocumentRef> documents, String sha256) {
        return documents != null && documents.stream().anyMatch(d -> d != null && sha256.equals(d.sha256()));
    }

    // 003 art. 6.4, 8.2, 22.3, 23.4 (ADR 0035 item 151, the lead's reading, choice; F587): the Cabinet members read an entity's application
    // papers at their desk, the Government deciding on the zones (the role in force at the request, as the session gives it)
    private static boolean cabinetMemberReadsItAtTheirDesk(Actor reader) {
        return reader.roles().contains(Role.CABINET_MEMBER);
    }

    private static boolean cites(RegistrationEvents.ZoneRegistrationApplied applied, String sha256) {
        return applied.documents().stream().anyMatch(d -> d.sha256().equals(sha256));
    }

    /**
     * 003 art. 12.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0035 item 139, the lead's reading, <b>choice</b>; abuse audit F568, was O445): the
     * person who signed the application reads the documents it cited, unless their grant of the applicant's role in force now
     * ({@link Actor#company()}, judged at each request) names a company other than the entity's Mongolian number (a foreign entity has none,
     * so any company named is another): they have ceased to represent it, and read nothing of its file (F554, item 122), its documents
     * included. A grant naming the entity, or none (ended, never granted), reads as before. The rule of F554's query
     * ({@code ApplicantRegistrations.representsAnotherCompanyNow}), asked through the kernel's one comparison ({@link Company#grantNamesAnother}).
     */
    static boolean signerReadsTheirOwn(Actor reader, RegistrationEvents.ZoneRegistrationApplied applied, RegistrationId registration) {
        return reader.person().equals(applied.signedBy())
                && !Company.grantNamesAnother(reader.company(), registration.mongolianRegistrationNumber());
    }

    // 003 art. 8.2, 8.7: a governor acts for the zone of their appointment, during it (the roles and zones at the request)
    private static boolean governsTheZoneNow(Actor reader, RegistrationEvents.ZoneRegistrationApplied applied) {
        return reader.roles().contains(Role.ZONE_GOVERNOR) && reader.zones().contains(applied.zoneId().value());
    }

    private static RegistrationId registration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new RegistrationId(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
