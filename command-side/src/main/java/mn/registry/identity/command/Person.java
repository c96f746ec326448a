package mn.registry.identity.command;

import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.SourceId;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
    /** Fingerprints (lower-case hex) of the certificates enrolled on this stream, and of those revoked. */
    private final Set<String> enrolledCertificates = new HashSet<>();
    private final Set<String> revokedCertificates = new HashSet<>();

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

    /**
     * 001 art. 23.1.1: a certificate revoked signs nothing from the revocation's receipt on. The named certificate must be
     * one this person enrolled and not revoked yet; with none named, every certificate still in use is revoked.
     */
    @CommandHandler
    void handle(PersonCommands.RevokeCertificate command) {
        List<String> revoked;
        if (command.certificateSha256() == null) {
            revoked = enrolledCertificates.stream().filter(c -> !revokedCertificates.contains(c)).sorted().toList();
            if (revoked.isEmpty()) {
                throw RegistryProblem.conflict("identity.certificate-already-revoked",
                        "Every certificate of " + command.personId() + " is already revoked.", "001 art. 23.1.1");
            }
        } else {
            String named = command.certificateSha256().toLowerCase(Locale.ROOT);
            if (!enrolledCertificates.contains(named)) {
                throw RegistryProblem.invalid("identity.certificate-unknown", command.personId() + " has enrolled no certificate with SHA-256 "
                        + named + ".", "certificateSha256", "001 art. 23.1.1");
            }
            if (revokedCertificates.contains(named)) {
                throw RegistryProblem.conflict("identity.certificate-already-revoked",
                        "The certificate " + named + " of " + command.personId() + " is already revoked.", "001 art. 23.1.1");
            }
            revoked = List.of(named);
        }
        revoked.forEach(certificate -> apply(new SignerCertificateRevoked(command.personId(), certificate, command.validUntil(),
                command.revokedBy(), command.ground())));
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
        enrolledCertificates.add(event.certificateSha256().toLowerCase(Locale.ROOT));
    }

    @EventSourcingHandler
    void on(SignerCertificateRevoked event) {
        revokedCertificates.add(event.certificateSha256().toLowerCase(Locale.ROOT));
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
