package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.problem.VisibleText;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code RevokeSignerCertificate}, signed by a ministry supervisor (**choice**: the ministry keeps the registry's list of
 * signers, as it keeps the trusted list; a person whose key is compromised or whose certificate its issuer revoked asks the
 * ministry): from the registry's time of receipt on, a command signed under that certificate is refused (001 art. 23.1.1,
 * a certificate valid when the act is made), whatever signing time it claims. Issued acts stay as they were.
 */
@Component
class RevokeSignerCertificateType implements SignedCommandType<RevokeSignerCertificate> {

    static final int MAX_GROUND = 500;
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final IdentityDirectory directory;
    private final Enrolment enrolment;

    RevokeSignerCertificateType(IdentityDirectory directory, Enrolment enrolment) {
        this.directory = directory;
        this.enrolment = enrolment;
    }

    @Override
    public String type() {
        return "RevokeSignerCertificate";
    }

    @Override
    public Class<RevokeSignerCertificate> bodyType() {
        return RevokeSignerCertificate.class;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.MINISTRY_SUPERVISOR);
    }

    @Override
    public Object handle(RevokeSignerCertificate body, CommandContext context) {
        if (body == null || body.personId() == null) {
            throw RegistryProblem.invalid("identity.person-missing", "Name the person whose certificate is revoked in 'personId'.", "personId",
                    "001 art. 23.1.1");
        }
        String fingerprint = body.certificateSha256() == null || VisibleText.saysNothing(body.certificateSha256()) ? null
                : body.certificateSha256().strip().toLowerCase(Locale.ROOT);
        if (fingerprint != null && !SHA256_HEX.matcher(fingerprint).matches()) {
            throw RegistryProblem.invalid("identity.certificate-fingerprint-invalid", "'certificateSha256' is the certificate's SHA-256 in 64 "
                    + "hexadecimal digits, or empty for every certificate of the person.", "certificateSha256", "001 art. 23.1.1");
        }
        if (body.ground() == null || VisibleText.saysNothing(body.ground()) || body.ground().strip().length() > MAX_GROUND) {
            throw RegistryProblem.invalid("identity.revocation-ground-missing", "State the ground of the revocation (1-" + MAX_GROUND
                    + " characters) in 'ground'.", "ground", "001 art. 23.1.1");
        }
        if (!directory.isEnrolled(body.personId())) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "identity.person-unknown", "No person " + body.personId()
                    + " is enrolled with the registry.", "personId", null);
        }
        enrolment.revokeCertificate(new PersonCommands.RevokeCertificate(body.personId(), fingerprint, context.receivedAt(), context.actor(),
                body.ground().strip()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", type());
        answer.put("personId", body.personId().value());
        answer.put("validUntil", context.receivedAt().toString());
        return answer;
    }
}
