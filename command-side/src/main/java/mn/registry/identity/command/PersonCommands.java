package mn.registry.identity.command;

import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Internal commands on a person's stream; each carries the event it asks for, built outside the aggregate. */
final class PersonCommands {

    private PersonCommands() {
    }

    static String streamOf(mn.registry.kernel.identity.PersonId person) {
        return mn.registry.infrastructure.identity.IdentityDirectory.streamOf(person);
    }

    record Enrol(@TargetAggregateIdentifier String stream, PersonEnrolled enrolment) {
        Enrol(PersonEnrolled enrolment) {
            this(streamOf(enrolment.personId()), enrolment);
        }
    }

    record Grant(@TargetAggregateIdentifier String stream, RoleGranted grant) {
        Grant(RoleGranted grant) {
            this(streamOf(grant.personId()), grant);
        }
    }

    record Revoke(@TargetAggregateIdentifier String stream, RoleRevoked revocation) {
        Revoke(RoleRevoked revocation) {
            this(streamOf(revocation.personId()), revocation);
        }
    }

    record Erase(@TargetAggregateIdentifier String stream, mn.registry.kernel.identity.PersonalDataErased erased) {
        Erase(mn.registry.kernel.identity.PersonalDataErased erased) {
            this(mn.registry.infrastructure.identity.IdentityDirectory.streamOf(erased.personId()), erased);
        }
    }
}
