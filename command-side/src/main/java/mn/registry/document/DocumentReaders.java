package mn.registry.document;

import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandEvents;
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
            DocumentKind.ZONE_REGISTRATION_FEE,
            // 003 art. 12.5, 12.5.3, 22.4-22.5, 23.4 (ADR 0035 items 165-166, choice; F607-F608, was O462): the papers of a registration's
            // later acts and of the land acts, now read by the zone's readers through ?registration= and ?land=
            DocumentKind.ZONE_REGISTRATION_ACT, DocumentKind.ZONE_COURT_DECISION, DocumentKind.LAND_SELECTION_RESULT,
            DocumentKind.LAND_FEE_RECEIPT, DocumentKind.LAND_FEE_EXEMPTION_DECISION);

    /** The code of a Ministry role's read of a Free Zone entity's application paper (ADR 0035 item 151; abuse audit F587). */
    static final String NOT_THE_MINISTRYS = "document.free-zone-paper-not-the-ministrys";

    private final EventStore events;
    /** The kind of the act whose claim holds a document (ADR 0057, {@code document_claims}), by its SHA-256; null: none holds it. */
    private final java.util.function.Function<String, String> claimedAs;

    @org.springframework.beans.factory.annotation.Autowired
    DocumentReaders(EventStore events, DocumentClaims claims) {
        this(events, sha256 -> claims.kindOf(sha256).orElse(null));
    }

    /** Readers on a registry that holds no document's claim (the registration readers' tests of other packages): every paper the Ministry's. */
    DocumentReaders(EventStore events) {
        this(events, sha256 -> null);
    }

    private DocumentReaders(EventStore events, java.util.function.Function<String, String> claimedAs) {
        this.events = events;
        this.claimedAs = claimedAs;
    }

    /** Returns when {@code reader} may read the document {@code sha256} cited by the registration named; else a 403 problem. */
    void admit(Actor reader, String sha256, String registration) {
        admit(reader, sha256, registration, null, null);
    }

    /** As {@link #admit(Actor, String, String, String, String)} with no land application named. */
    void admit(Actor reader, String sha256, String registration, String application) {
        admit(reader, sha256, registration, application, null);
    }

    /**
     * Returns when {@code reader} may read the document {@code sha256} cited by the registration named, or (a Ministry role) by the permit
     * application named ({@code ?application=}); else a 403 problem. A document cited by both is read by whoever either admits.
     */
    void admit(Actor reader, String sha256, String registration, String application, String land) {
        boolean ministry = reader.roles().stream().anyMatch(MINISTRY::contains);
        if (ministry && (!ministryReadsNoEntitysApplicationPaper(sha256) || permitApplicationCites(application, sha256))) {
            return;
        }
        RegistrationId id = registration(registration);
        if (id != null && registrationsReadersReadItsActsPapers(reader, sha256, id)) {
            return;
        }
        LandApplicationId landApplication = landApplication(land);
        if (landApplication != null && landApplicationsReadersReadItsPapers(reader, sha256, landApplication)) {
            return;
        }
        if (ministry) {
            throw RegistryProblem.forbidden(NOT_THE_MINISTRYS, reader.person() + " may not read document " + sha256 + ": it is a paper of a "
                    + "Free Zone entity's application, which the zone's governor reviews (003 art. 8.7, 12.2), not the Ministry of the special "
                    + "permits; the Ministry reads the papers of a permit application that cites it (?application=).", "003 art. 8.2, 8.7, 12.1, 12.2");
        }
        throw RegistryProblem.forbidden("document.reader-not-admitted", reader.person() + " may not read document " + sha256
                + (id == null ? "" : " through registration " + id) + (landApplication == null ? "" : " through land application "
                + landApplication) + ": a Free Zone entity's paper is read by the governor of the zone whose "
                + "entity cited it, by a Cabinet member, or by the applicant who cited it while their grant names no other company; a permit's "
                + "by the Ministry.", "003 art. 8.2, 8.7, 12.1");
    }

    /**
     * 003 art. 8.2, 8.7, 12.1, 12.2 (F587) and 12.5, 22.4-22.5, 23.4 (ADR 0035 item 165, the lead's reading, <b>choice</b>; abuse audit
     * F607, was O462): the documents of a registration, its application's papers and those of its later acts (investment agreement, start,
     * interruption or resumption of operations, court decision, a court decision declined), are read through {@code ?registration=} by the
     * zone's governor in office, a Cabinet member and the person who signed the application (the last one before the act, their grant in
     * force naming no other company): the registration's own events decide, as of the request.
     */
    private boolean registrationsReadersReadItsActsPapers(Actor reader, String sha256, RegistrationId id) {
        RegistrationEvents.ZoneRegistrationApplied lastApplication = null;
        for (Object e : WholeStream.payloads(events, id.stream()).toList()) {
            if (e instanceof RegistrationEvents.ZoneRegistrationApplied applied) {
                lastApplication = applied;
                if (cites(applied, sha256) && (governsTheZoneNow(reader, applied.zoneId()) || cabinetMemberReadsItAtTheirDesk(reader)
                        || signerReadsTheirOwn(reader, applied, id))) {
                    return true;
                }
            } else if (sha256.equals(laterActsDocument(e)) && (governsTheZoneNow(reader, id.zoneId()) || cabinetMemberReadsItAtTheirDesk(reader)
                    || lastApplication != null && signerReadsTheirOwn(reader, lastApplication, id))) {
                return true;
            }
        }
        return false;
    }

    /** The document a registration's later act rests on (003 art. 12.5, 12.5.3; ADR 0035 items 7, 46, 56, 62), null for any other event. */
    private static String laterActsDocument(Object event) {
        if (event instanceof RegistrationEvents.InvestmentAgreementRecorded e) {
            return e.documentSha256();
        } else if (event instanceof RegistrationEvents.OperationsStarted e) {
            return e.documentSha256();
        } else if (event instanceof RegistrationEvents.OperationsInterrupted e) {
            return e.documentSha256();
        } else if (event instanceof RegistrationEvents.OperationsResumed e) {
            return e.documentSha256();
        } else if (event instanceof RegistrationEvents.CourtDissolutionRecorded e) {
            return e.documentSha256();
        } else if (event instanceof RegistrationEvents.CourtDecisionRecordingDeclined e) {
            return e.documentSha256();
        }
        return null;
    }

    /**
     * 003 art. 8.7, 22.4-22.5, 23.4 (ADR 0035 item 166, the lead's reading, <b>choice</b>; abuse audit F608, was O462): the documents of a
     * land application's acts (the tender's or auction's result recorded or annulled on it, the fee receipt of the licence granted on it,
     * reported or certified, the Government's decision exempting its applicant from the land fee, by name or by its activity) are read
     * through {@code ?land=<application>} by the governor in office of the zone whose land register holds it, a Cabinet member and the person
     * who signed the land application (their grant in force naming no other company): the zone's land register's events decide, as of the
     * request.
     */
    private boolean landApplicationsReadersReadItsPapers(Actor reader, String sha256, LandApplicationId application) {
        LandEvents.LandUseApplied applied = null;
        java.util.Set<mn.registry.kernel.freezone.LandLicenceId> licences = new java.util.HashSet<>();
        boolean cited = false;
        for (Object e : WholeStream.payloads(events, application.zoneId().landStream()).toList()) {
            if (e instanceof LandEvents.LandUseApplied a && application.equals(a.applicationId())) {
                applied = a;
            } else if (applied == null) {
                continue;
            } else if (e instanceof LandEvents.LandSelectionResultRecorded r && application.equals(r.applicationId())) {
                cited |= sha256.equals(r.resultSha256());
            } else if (e instanceof LandEvents.LandSelectionResultAnnulled r && application.equals(r.applicationId())) {
                cited |= sha256.equals(r.resultSha256());
            } else if (e instanceof LandEvents.LandRightsGranted g && application.equals(g.applicationId())) {
                licences.add(g.licenceId());
            } else if (e instanceof LandEvents.LandFeePaymentReported r && licences.contains(r.licenceId())) {
                cited |= sha256.equals(r.receiptSha256());
            } else if (e instanceof LandEvents.LandLicenceIssued i && licences.contains(i.licenceId())) {
                cited |= sha256.equals(i.receiptSha256());
            } else if (e instanceof LandEvents.LandFeeExemptionGranted x && (x.holder() == null || x.holder().equals(applied.applicant()))) {
                cited |= sha256.equals(x.decisionSha256());
            }
        }
        return applied != null && cited && (governsTheZoneNow(reader, application.zoneId()) || cabinetMemberReadsItAtTheirDesk(reader)
                || reader.person().equals(applied.signedBy()) && !Company.grantNamesAnother(reader.company(),
                applied.applicant().mongolianRegistrationNumber()));
    }

    private static LandApplicationId landApplication(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new LandApplicationId(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
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
    private static boolean governsTheZoneNow(Actor reader, mn.registry.kernel.freezone.ZoneId zone) {
        return reader.roles().contains(Role.ZONE_GOVERNOR) && reader.zones().contains(zone.value());
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
