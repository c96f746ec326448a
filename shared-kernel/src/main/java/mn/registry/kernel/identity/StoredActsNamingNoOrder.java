package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * ADR 0061 item 33 (abuse audit F423, was O261; 001 art. 23.1.1, 003 art. 8.2): the person's stream answers the supervisor's desk and the
 * Cabinet member's page which of its stored grants and ends name no order the registry can read, the acts a {@link StateStoredActOrder}
 * names: by the rules the statement is judged by, so the page offers no act the statement would refuse as unknown or as having its order.
 * Since ADR 0061 item 40 (abuse audit F475, was O281) a governor's list adds the appointments and dismissals recorded on a governed zone's
 * stream alone, by their number there.
 */
public interface StoredActsNamingNoOrder {

    /**
     * The code of the refusal {@link #of} answers at once while the node's start-up pass has not read the archived orders and the person's
     * list needs them (abuse audit F441, was O262): the page says the list follows the start's pass, and the rest of it works.
     */
    String NOT_READY = "identity.orders-not-ready";

    /** The person's acts, oldest first; empty when no person has the id; {@link #NOT_READY} at once while the start's pass has not run. */
    Optional<List<ActNamingNoOrder>> of(PersonId person);

    /**
     * A stored grant or end naming no order the registry can read.
     *
     * @param sequence           its number on the person's stream, or on the zone's for an act recorded there alone (the statement's
     *                           {@code sequence})
     * @param act                {@code grant} or {@code end}
     * @param role               the role granted or ended
     * @param zoneId             a governor's zone, or null
     * @param at                 when it took effect, on the registry's clock
     * @param stated             its order was stated already (a second statement is refused)
     * @param byTheCabinetMember its order is the Cabinet member's to state (a role the Cabinet member grants and ends)
     * @param onTheZonesStream   for a governor's appointment or dismissal recorded on the zone alone, the zone's stream its number is on
     *                           (the statement names the zone, ADR 0061 items 36, 40); null for an act of the person's stream
     * @param statedOrder        for an act of the person's stream whose order was stated, the SHA-256 of the order stated; else null
     * @param statedConcerns     the persons the first citation of that order stated it concerns, as its claim keeps them (ADR 0061 items
     *                           45, 55, 60; abuse audit O351 in part): shown beside the act so that a second official sees what the first
     *                           stated; null where not stated or not known (a claim written before session 30 by a statement, O374)
     */
    record ActNamingNoOrder(long sequence, String act, Role role, String zoneId, Instant at, boolean stated, boolean byTheCabinetMember,
                            String onTheZonesStream, String statedOrder, List<String> statedConcerns) {

        /** An act whose stated order is not given (the zone's stream, the tests of earlier rounds). */
        public ActNamingNoOrder(long sequence, String act, Role role, String zoneId, Instant at, boolean stated, boolean byTheCabinetMember,
                                String onTheZonesStream) {
            this(sequence, act, role, zoneId, at, stated, byTheCabinetMember, onTheZonesStream, null, null);
        }

        /** This act with the persons its stated order was stated to concern (null: not known). */
        public ActNamingNoOrder withStatedConcerns(List<String> persons) {
            return new ActNamingNoOrder(sequence, act, role, zoneId, at, stated, byTheCabinetMember, onTheZonesStream, statedOrder,
                    persons == null ? null : List.copyOf(persons));
        }
    }
}
