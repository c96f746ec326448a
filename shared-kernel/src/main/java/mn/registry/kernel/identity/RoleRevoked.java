package mn.registry.kernel.identity;

import java.time.Instant;
import java.util.Objects;

/**
 * A person no longer holds a role from {@code validUntil} on (for a governor: dismissal ends tenure,
 * 003 art. 8.2). Acts signed at or after that instant are not theirs to make.
 *
 * @param personId    who
 * @param role        which role
 * @param zoneId      the zone of a {@link Role#ZONE_GOVERNOR}, else {@code null}
 * @param validUntil  first instant at which the role no longer counts: since ADR 0061 item 9 (F241) the registry's time at which the
 *                    end was stored (an end stored before it: its receipt)
 * @param revokedBy   who revoked it ({@code null} for the registry itself)
 * @param ground      the act or article it rests on (may be {@code null})
 * @param receivedAt  the registry's time of receipt of the command that ended the role, for the record (ADR 0061 item 9); null in ends
 *                    stored before it, and in an end not yet stored
 * @param documentSha256 the document the end rests on (the dismissal order, the end of a power of representation), never published
 *                    ({@code PublicRecords} withholds it); null in ends stored before session 23 and in a governor's dismissal (ADR 0061 item 21)
 */
public record RoleRevoked(PersonId personId,
                          Role role,
                          String zoneId,
                          Instant validUntil,
                          PersonId revokedBy,
                          String ground,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Instant receivedAt,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String documentSha256)
        implements mn.registry.kernel.log.TakesEffectWhenStored {

    public RoleRevoked {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(validUntil, "validUntil");
        if ((role == Role.ZONE_GOVERNOR) != (zoneId != null)) {
            throw new IllegalArgumentException("a zone governor's role, and only that role, names a zone");
        }
    }

    /** An end as its command applies it: in force from its receipt {@code validUntil} until it is stored. */
    public RoleRevoked(PersonId personId, Role role, String zoneId, Instant validUntil, PersonId revokedBy, String ground) {
        this(personId, role, zoneId, validUntil, revokedBy, ground, null, null);
    }

    /** An end stored before session 23, read as it was: its receipt kept, no document named. */
    public RoleRevoked(PersonId personId, Role role, String zoneId, Instant validUntil, PersonId revokedBy, String ground, Instant receivedAt) {
        this(personId, role, zoneId, validUntil, revokedBy, ground, receivedAt, null);
    }

    /** An end as {@code EndSignerRole} applies it, on its document (ADR 0061 item 21). */
    public static RoleRevoked onDocument(PersonId personId, Role role, Instant validUntil, PersonId revokedBy, String ground, String documentSha256) {
        return new RoleRevoked(personId, role, null, validUntil, revokedBy, ground, null, documentSha256);
    }

    /** ADR 0061 item 9: in force from its storing; the receipt kept (an end already stamped keeps its first receipt). */
    @Override
    public RoleRevoked inForceFrom(Instant storedAt) {
        return new RoleRevoked(personId, role, zoneId, storedAt, revokedBy, ground, receivedAt != null ? receivedAt : validUntil, documentSha256);
    }
}
