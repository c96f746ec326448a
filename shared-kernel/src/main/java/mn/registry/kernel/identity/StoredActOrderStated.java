package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * ADR 0061 item 31 (abuse audit O225, O242; 001 art. 23.1.1, 003 art. 8.2): the order the stored grant or end at {@code sequence} on the
 * person's stream rested on, as an official stated it from the paper file, the act naming none the registry could read. The person's stream
 * counts it as that act's order from then on. Staff-only, as a grant's order is (never published).
 *
 * @param personId       whose stream
 * @param sequence       the stored act's number on the person's stream
 * @param act            {@code grant} (a {@link RoleGranted}) or {@code end} (a {@link RoleRevoked}), as the stored act is
 * @param role           the stored act's role
 * @param zoneId         the stored act's zone (a governor's appointment or dismissal), else {@code null}
 * @param documentSha256 the order's document (lower-case SHA-256), received by the registry
 * @param statedAt       the registry's time of receipt of the statement
 * @param statedBy       the official who signed it
 * @param onTheZonesStream ADR 0061 item 36 (abuse audit F442, was O260): the zone's stream holding the act, a governor's appointment or
 *                       dismissal recorded on the zone alone ({@code sequence} is then its number there); null for an act of the person's
 *                       own stream, and in every statement stored before (left out of the JSON: the same bytes back)
 */
public record StoredActOrderStated(PersonId personId, long sequence, String act, Role role,
                                   @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String zoneId,
                                   String documentSha256, Instant statedAt, PersonId statedBy,
                                   @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String onTheZonesStream) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public StoredActOrderStated {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(documentSha256, "documentSha256");
        Objects.requireNonNull(statedAt, "statedAt");
    }

    /** The statement of an act of the person's own stream (ADR 0061 item 31), as stored since session 26. */
    public StoredActOrderStated(PersonId personId, long sequence, String act, Role role, String zoneId, String documentSha256, Instant statedAt,
                                PersonId statedBy) {
        this(personId, sequence, act, role, zoneId, documentSha256, statedAt, statedBy, null);
    }
}
