package mn.registry.infrastructure.identity;

import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers "who was this signer, and what could they do, at the instant they signed?" from the
 * person's own events, read from the event store at each question: always current, on every node,
 * with no projection to lag behind. A role counts for an act signed at {@code t} when it was granted
 * with {@code validFrom <= t} and not revoked with {@code validUntil <= t}; a certificate counts
 * when its fingerprint was enrolled.
 */
@Component
public class IdentityDirectory {

    private final EventStore events;
    private final mn.registry.infrastructure.privacy.PersonalDataVault vault;

    public IdentityDirectory(EventStore events, mn.registry.infrastructure.privacy.PersonalDataVault vault) {
        this.events = events;
        this.vault = vault;
    }

    /** The event stream (aggregate id) of a person. */
    public static String streamOf(PersonId person) {
        return "person-" + person.value();
    }

    /** The actor holding the certificate with this fingerprint, as of {@code at}; empty if not enrolled with it. */
    public Optional<Actor> actorAt(PersonId person, String certificateSha256, Instant at) {
        List<Object> history = new ArrayList<>();
        events.readEvents(streamOf(person)).asStream().map(EventMessage::getPayload).forEach(history::add);
        PersonEnrolled enrolled = null;
        for (Object e : history) {
            if (e instanceof PersonEnrolled p && p.certificateSha256().equalsIgnoreCase(certificateSha256)) {
                enrolled = p;
            }
        }
        if (enrolled == null) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> zones = new HashSet<>();
        for (Object e : history) {
            if (e instanceof RoleGranted g && !g.validFrom().isAfter(at) && !revokedBy(history, g, at)) {
                roles.add(g.role());
                if (g.zoneId() != null) {
                    zones.add(g.zoneId());
                }
            }
        }
        return Optional.of(new Actor(person, vault.displayName(enrolled), Set.copyOf(roles), Set.copyOf(zones)));
    }

    /** Whether {@code person} has a stream at all (enrolled with any certificate). */
    public boolean isEnrolled(PersonId person) {
        return events.lastSequenceNumberFor(streamOf(person)).isPresent();
    }

    private static boolean revokedBy(List<Object> history, RoleGranted grant, Instant at) {
        boolean revoked = false;
        for (Object e : history) {
            if (e == grant) {
                revoked = false; // a later re-grant starts afresh
            } else if (e instanceof RoleRevoked r && r.role() == grant.role() && java.util.Objects.equals(r.zoneId(), grant.zoneId())
                    && !r.validUntil().isAfter(at) && !r.validUntil().isBefore(grant.validFrom())) {
                revoked = true;
            }
        }
        return revoked;
    }
}
