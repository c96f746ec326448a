package mn.registry.document;

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
 * read any document. Outside the Ministry a document is read through the case that cites it, named with the request
 * ({@code ?registration=}): the registration's own events (its applications' documents) decide, as of the request, so
 * a zone governor reads the documents an entity of the zone they govern at that moment cited (003 art. 8.2, 8.7: own
 * zone, appointed and not dismissed, as {@link Actor#zones()} says at the request), and the person who signed the
 * application reads its own while their grant in force names no other company ({@link #signerReadsTheirOwn}, F568). Everyone else
 * is refused (403), whether or not the document exists.
 */
@Component
class DocumentReaders {

    static final Set<Role> MINISTRY = Set.of(Role.MINISTRY_REVIEWER, Role.MINISTRY_SUPERVISOR, Role.COMMUNICATIONS_INSPECTOR);

    private final EventStore events;

    DocumentReaders(EventStore events) {
        this.events = events;
    }

    /** Returns when {@code reader} may read the document {@code sha256} cited by the registration named; else a 403 problem. */
    void admit(Actor reader, String sha256, String registration) {
        if (reader.roles().stream().anyMatch(MINISTRY::contains)) {
            return;
        }
        RegistrationId id = registration(registration);
        if (id != null) {
            for (Object e : WholeStream.payloads(events, id.stream()).toList()) {
                if (e instanceof RegistrationEvents.ZoneRegistrationApplied applied && cites(applied, sha256)
                        && (governsTheZoneNow(reader, applied) || signerReadsTheirOwn(reader, applied, id))) {
                    return;
                }
            }
        }
        throw RegistryProblem.forbidden("document.reader-not-admitted", reader.person() + " may not read document " + sha256
                + (id == null ? "" : " through registration " + id) + ": a document is read by the Ministry, by the governor of the zone "
                + "whose entity cited it, or by the applicant who cited it while their grant names no other company.", "003 art. 8.2, 8.7, 12.1");
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
