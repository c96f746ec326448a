package mn.registry.identity.command;

import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An enrolled person: their certificate and the roles granted to them (domain-rules §1). */
@Aggregate
class Person {

    @AggregateIdentifier
    private String stream;
    private final Set<String> activeGrants = new HashSet<>();
    private boolean erased;

    Person() {
    }

    @CommandHandler
    Person(PersonCommands.Enrol command) {
        stream = command.stream();
        apply(command.enrolment());
    }

    @CommandHandler
    void handle(PersonCommands.Grant command) {
        RoleGranted grant = command.grant();
        if (activeGrants.contains(key(grant.role(), grant.zoneId()))) {
            throw RegistryProblem.conflict("identity.role-already-held",
                    grant.personId() + " already holds " + grant.role() + (grant.zoneId() == null ? "" : " for zone " + grant.zoneId()) + ".", null);
        }
        apply(grant);
    }

    @CommandHandler
    void handle(PersonCommands.Revoke command) {
        RoleRevoked revocation = command.revocation();
        if (!activeGrants.contains(key(revocation.role(), revocation.zoneId()))) {
            throw RegistryProblem.conflict("identity.role-not-held",
                    revocation.personId() + " does not hold " + revocation.role() + (revocation.zoneId() == null ? "" : " for zone " + revocation.zoneId()) + ".", null);
        }
        apply(revocation);
    }

    @CommandHandler
    void handle(PersonCommands.Erase command) {
        if (erased) {
            throw RegistryProblem.conflict("privacy.already-erased", command.erased().personId() + "'s personal data is already erased.", null);
        }
        apply(command.erased());
    }

    @EventSourcingHandler
    void on(mn.registry.kernel.identity.PersonalDataErased event) {
        erased = true;
    }

    private static String key(Role role, String zoneId) {
        return role + "/" + Objects.toString(zoneId, "");
    }

    @EventSourcingHandler
    void on(PersonEnrolled event, @SourceId String source) {
        if (source != null) {
            stream = source;
        }
    }

    @EventSourcingHandler
    void on(RoleGranted event) {
        activeGrants.add(key(event.role(), event.zoneId()));
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        activeGrants.remove(key(event.role(), event.zoneId()));
    }
}
