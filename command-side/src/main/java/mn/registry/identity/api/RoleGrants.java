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

    /**
     * ADR 0055 item 7 (001 art. 15.6, 002 art. 15.3; abuse audit F345): the refusal of an enrolment of, or a role for, a person whose personal
     * data was erased: their key is destroyed, so they sign nothing again; a person enrolled again, or given a role, is a new person.
     */
    static mn.registry.kernel.problem.RegistryProblem personErased(mn.registry.kernel.identity.PersonId person) {
        return mn.registry.kernel.problem.RegistryProblem.conflict("identity.person-erased", person + "'s personal data was erased; a person "
                + "enrolled again, or given a role, is enrolled under a new person id.", "001 art. 15.6, 002 art. 15.3");
    }
}
