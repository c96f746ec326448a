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
 */
public record RoleRevoked(PersonId personId,
                          Role role,
                          String zoneId,
                          Instant validUntil,
                          PersonId revokedBy,
                          String ground,
                          @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Instant receivedAt)
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
        this(personId, role, zoneId, validUntil, revokedBy, ground, null);
    }

    /** ADR 0061 item 9: in force from its storing; the receipt kept (an end already stamped keeps its first receipt). */
    @Override
    public RoleRevoked inForceFrom(Instant storedAt) {
        return new RoleRevoked(personId, role, zoneId, storedAt, revokedBy, ground, receivedAt != null ? receivedAt : validUntil);
    }
}
