package mn.registry.infrastructure.identity;

import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;

import java.util.Set;

/**
 * An enrolled person as of one instant: the roles they held then and, for governors, the zones.
 *
 * @param person       who
 * @param displayName  the name on their certificate
 * @param roles        roles held at that instant
 * @param zones        zones governed at that instant
 */
public record Actor(PersonId person, String displayName, Set<Role> roles, Set<String> zones) {
}
