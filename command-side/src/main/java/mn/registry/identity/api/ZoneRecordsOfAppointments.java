package mn.registry.identity.api;

import mn.registry.kernel.identity.PersonId;

import java.util.Set;

/**
 * ADR 0061 item 32 (abuse audit F421, was O243; 001 art. 23.1.1, 003 art. 8.2): what the zones' public records say of a governor's
 * appointments. An appointment of a person who held the role already (enrolled with it at the registry's first start) is
 * recorded on the zone alone (item 30), so the person's stream, where a certificate's revocation is judged, has no grant naming its
 * decision. Implemented by Free Zone's {@code GovernorAppointmentTypes}, which reads the same records for its own rule.
 */
@FunctionalInterface
public interface ZoneRecordsOfAppointments {

    /** The documents (SHA-256) of the decisions the records of {@code zones} name for {@code governor}'s appointments. */
    Set<String> appointmentDocuments(PersonId governor, Set<String> zones);

    /**
     * ADR 0061 item 36 (abuse audit F442, was O260; 003 art. 8.2): {@code governor}'s appointments and dismissals on the record of {@code zone}
     * that name no decision's document (stored before item 27), by their number on the zone's stream, whose decision a statement may give.
     * The default reads no zone and knows none (a registry with no Free Zone side).
     */
    default java.util.Map<Long, RecordNamingNoDocument> recordsNamingNoDocument(PersonId governor, String zone) {
        return java.util.Map.of();
    }

    /**
     * An appointment or dismissal on a zone's record naming no decision's document.
     *
     * @param act {@code grant} (an appointment) or {@code end} (a dismissal), as a statement names it
     * @param at  the registry's time it took effect
     */
    record RecordNamingNoDocument(String act, java.time.Instant at) {
    }
}
