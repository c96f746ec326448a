package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 69; abuse audit F535, was O401): for the staff pages (the supervisor's desk, the Cabinet
 * member's page), every grant and end of a person with the order it rests on and the persons that order's claim says its first citation
 * stated it concerns: the enrolments', ends' and certificate revocations' orders (named by their events), those read from the archive or
 * stated since, and a governor's appointments and dismissals recorded on a governed zone's stream alone. Read-only: a second official sees
 * whom each order was stated to concern (the stored acts' list shows only the acts naming no order, item 60).
 */
public interface GrantsAndEndsOfAPerson {

    /** The person's grants and ends, oldest first on their stream, then the zones' records; empty when no person has the id. */
    Optional<List<GrantOrEnd>> of(PersonId person);

    /** Where the order of a grant or end comes from. */
    enum OrderFrom {
        /** the act's own event names it (an enrolment's, an end's, a revocation's document, a governor's decision) */
        NAMED,
        /** read from the act's archived signed command by the start's pass (ADR 0061 item 23) */
        ARCHIVE,
        /** stated since by an official ({@code StateStoredActOrder}, item 31) */
        STATED,
        /** none the registry can read: not yet stated, or the registry's own start-up enrolment */
        NONE
    }

    /**
     * A grant or end.
     *
     * @param sequence         its number on the person's stream, or on the zone's for an act recorded there alone ({@code onTheZonesStream})
     * @param act              {@code grant}, {@code end} or {@code certificate-revoked}
     * @param role             the role granted or ended; null for a certificate's revocation
     * @param zoneId           a governor's zone, or null
     * @param at               when it took effect, on the registry's clock; null where the zone's record does not say
     * @param by               who signed it; null for the registry itself (a start-up enrolment) or where not known
     * @param order            the SHA-256 of its order, or null
     * @param orderFrom        where the order comes from
     * @param concerns         the persons the order's claim says its first citation stated it concerns; null where not stated or not known
     * @param onTheZonesStream the zone's stream for an act recorded there alone, else null
     */
    record GrantOrEnd(long sequence, String act, Role role, String zoneId, Instant at, PersonId by, String order, OrderFrom orderFrom,
                      List<String> concerns, String onTheZonesStream) {
    }
}
