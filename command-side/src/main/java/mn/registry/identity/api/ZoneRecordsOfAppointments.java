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
     * ADR 0061 item 77 (<b>choice</b>, the lead's reading; abuse audit F596, was O432; 003 art. 8.2): {@code governor}'s appointments on the
     * records of {@code zones} that name their decision's document, each with its number on the zone's stream, the registry's time it took
     * effect and its signer, as the staff's list of a person's grants and ends shows them (item 69). The default knows the documents only
     * ({@link #appointmentDocuments}: number -1, no time or signer).
     */
    default java.util.List<RecordedAppointment> appointmentsOnTheRecords(PersonId governor, Set<String> zones) {
        return zones.stream().sorted().flatMap(zone -> appointmentDocuments(governor, Set.of(zone)).stream().sorted()
                .map(decision -> new RecordedAppointment(zone, -1, null, null, decision))).toList();
    }

    /**
     * An appointment on a zone's record naming its decision's document.
     *
     * @param number         its number on the zone's stream (-1: not known)
     * @param at             the registry's time it took effect (null: not known)
     * @param by             the Cabinet member who signed it (null: not known)
     * @param decisionSha256 the decision's document
     */
    record RecordedAppointment(String zone, long number, java.time.Instant at, PersonId by, String decisionSha256) {
    }

    /**
     * An appointment or dismissal on a zone's record naming no decision's document.
     *
     * @param act {@code grant} (an appointment) or {@code end} (a dismissal), as a statement names it
     * @param at  the registry's time it took effect
     * @param by  the Cabinet member who signed it ({@code appointedBy}, {@code dismissedBy}; ADR 0061 item 83, null where the record names none)
     */
    record RecordNamingNoDocument(String act, java.time.Instant at, PersonId by) {

        /** A record whose signer is not given (tests of the statement's rules, which do not read it). */
        public RecordNamingNoDocument(String act, java.time.Instant at) {
            this(act, at, null);
        }
    }
}
