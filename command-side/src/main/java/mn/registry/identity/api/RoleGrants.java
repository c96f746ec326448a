package mn.registry.identity.api;

import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;

/**
 * What another context may ask of identity: grant or revoke a role on the person's own stream, as the kernel's
 * events say (e.g. a governor appointed or dismissed by the Cabinet member, 003 art. 8.2). Implemented by
 * identity's {@code Enrolment}.
 */
public interface RoleGrants {

    void grant(RoleGranted grant);

    void revoke(RoleRevoked revocation);
}
