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

    /**
     * Enrols and grants unless the person is already enrolled; answers whether it did anything. A company's representative (role
     * {@link Role#APPLICANT}) names the state registration number of their company ({@code company}), which the grant keeps
     * ({@link RoleGranted#company()}), so that they act for that company only (ADR 0061 items 49, 58); an official names none.
     *
     * @throws IllegalArgumentException naming the entry, before anything is stored, where a representative names no company or a number of
     *                                  another shape, or an official names one ({@link #startUpRepresentativeNamesTheirCompany})
     */
    public boolean enrolIfAbsent(PersonId person, String displayName, X509Certificate certificate, Role role, String zoneId, String company,
                                 PersonId grantedBy, String ground) {
        String named = startUpRepresentativeNamesTheirCompany(person, role, company);
        return enrol(person, displayName, certificate, role, zoneId, named, grantedBy, ground);
    }

    /**
     * As {@link #enrolIfAbsent(PersonId, String, X509Certificate, Role, String, String, PersonId, String)} naming no company: an official's
     * enrolment. A representative (role {@link Role#APPLICANT}) is refused here (ADR 0061 item 58).
     */
    public boolean enrolIfAbsent(PersonId person, String displayName, X509Certificate certificate, Role role, String zoneId,
                                 PersonId grantedBy, String ground) {
        return enrolIfAbsent(person, displayName, certificate, role, zoneId, null, grantedBy, ground);
    }

    /**
     * 001 art. 23.1.1; 002 art. 23.2 (choice, the lead's reading, ADR 0061 item 58; abuse audit F540, was O373 in part): the registry's own
     * start-up enrolment grants a company's representative (role {@link Role#APPLICANT}) for the company they represent, as a signed
     * enrolment does since F520 ({@code EnrolSignerType.representativeNamesTheirCompany}): an entry naming no company, or a number that is
     * not a state registration number (seven ASCII digits, {@code Company.isStateRegistrationNumber}), or an official's entry naming
     * one, is refused before anything is stored, with a message naming the entry, so that a registry does not start with a representative
     * who acts for any company. Answers the number (stripped), or null for an official.
     */
    public static String startUpRepresentativeNamesTheirCompany(PersonId person, Role role, String company) {
        boolean none = company == null || company.isBlank();
        if (role != Role.APPLICANT) {
            if (!none) {
                throw new IllegalArgumentException("start-up enrolment of " + person + " (role " + role + ") names the company " + company
                        + ": only a company's representative (role APPLICANT) names one; an official acts for the state (ADR 0061 item 44)");
            }
            return null;
        }
        if (none) {
            throw new IllegalArgumentException("start-up enrolment of " + person + " (role APPLICANT) names no company: a company's "
                    + "representative is enrolled for the company they represent; give its state registration number, seven digits "
                    + "(001 art. 23.1.1; 002 art. 23.2; ADR 0061 item 58)");
        }
        String number = company.strip();
        if (!mn.registry.kernel.permit.Company.isStateRegistrationNumber(number)) {
            throw new IllegalArgumentException("start-up enrolment of " + person + " (role APPLICANT) names the company '" + company
                    + "': a state registration number is seven digits 0-9, with no other character (002 art. 25.1.1)");
        }
        return number;
    }

    /**
     * The test suite's and the demo's representative of any company, enrolled as a representative's grant stored before session 29 was
     * (naming no company, so acting for any company under the lead's reading of ADR 0061 item 49): only the demo's applicant-1 when the
     * demo runs with {@code registry.demo-applicant-names-no-company=true} (the end-to-end tests' registries, whose applicant-1 applies
     * for each test's own company), and the tests' bootstrap representatives. No signed act and no configuration of an operator reaches it
     * (ADR 0061 item 59; abuse audit O399).
     */
    public boolean enrolRepresentativeOfAnyCompanyIfAbsent(PersonId person, String displayName, X509Certificate certificate,
                                                          PersonId grantedBy, String ground) {
        return enrol(person, displayName, certificate, Role.APPLICANT, null, null, grantedBy, ground);
    }

    private boolean enrol(PersonId person, String displayName, X509Certificate certificate, Role role, String zoneId, String company,
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
        commands.sendAndWait(new PersonCommands.Grant(new RoleGranted(person, role, zoneId, now, grantedBy, ground, null, company)));
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
