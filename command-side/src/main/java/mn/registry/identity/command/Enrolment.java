package mn.registry.identity.command;

import mn.registry.identity.api.RoleGrants;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonalDetails;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.infrastructure.identity.IdentityDirectory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Enrols a person with a certificate and grants them a role, as events. Used by the registry
 * itself at first start (the demo people) and by the signed enrolment commands of later issues.
 */
@Component
public class Enrolment implements RoleGrants {

    private final CommandGateway commands;
    private final IdentityDirectory directory;
    private final Clock clock;
    private final PersonalDataVault vault;

    public Enrolment(CommandGateway commands, IdentityDirectory directory, Clock clock, PersonalDataVault vault) {
        this.commands = commands;
        this.directory = directory;
        this.clock = clock;
        this.vault = vault;
    }

    /** Enrols and grants unless the person is already enrolled; answers whether it did anything. */
    public boolean enrolIfAbsent(PersonId person, String displayName, X509Certificate certificate, Role role, String zoneId,
                                 PersonId grantedBy, String ground) {
        if (directory.isEnrolled(person)) {
            return false;
        }
        byte[] der;
        try {
            der = certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate of " + person + " cannot be encoded", e);
        }
        // Signing times are whole seconds (RFC 3339 as signed): a grant counts from the start of its second.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // the name and the certificate are a natural person's data: encrypted under the person's key (ADR 0008)
        commands.sendAndWait(new PersonCommands.Enrol(PersonEnrolled.encrypted(person, Sha256.hex(der), now,
                vault.encrypt(person, new PersonalDetails(displayName, Base64.getEncoder().encodeToString(der))))));
        commands.sendAndWait(new PersonCommands.Grant(new RoleGranted(person, role, zoneId, now, grantedBy, ground)));
        return true;
    }

    /** Grants a role on the person's own stream (e.g. a governor appointed by the Cabinet member, 003 art. 8.2). */
    @Override
    public void grant(RoleGranted grant) {
        commands.sendAndWait(new PersonCommands.Grant(grant));
    }

    /** Records that the person's personal data key was destroyed (the vault destroys it first). */
    public void recordErasure(mn.registry.kernel.identity.PersonalDataErased erased) {
        commands.sendAndWait(new PersonCommands.Erase(erased));
    }

    /** Revokes a role on the person's own stream (e.g. a governor dismissed, 003 art. 8.2). */
    @Override
    public void revoke(mn.registry.kernel.identity.RoleRevoked revocation) {
        commands.sendAndWait(new PersonCommands.Revoke(revocation));
    }
}
