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
 * @param validUntil  first instant at which the role no longer counts
 * @param revokedBy   who revoked it ({@code null} for the registry itself)
 * @param ground      the act or article it rests on (may be {@code null})
 */
public record RoleRevoked(PersonId personId,
                          Role role,
                          String zoneId,
                          Instant validUntil,
                          PersonId revokedBy,
                          String ground) {

    public RoleRevoked {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(validUntil, "validUntil");
        if ((role == Role.ZONE_GOVERNOR) != (zoneId != null)) {
            throw new IllegalArgumentException("a zone governor's role, and only that role, names a zone");
        }
    }
}
