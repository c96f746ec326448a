package mn.registry.identity.command;

import mn.registry.kernel.privacy.GroundKeptInClear;
import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.api.TargetByRecordComponent;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code RevokeSignerCertificate}, signed by a ministry supervisor (**choice**: the ministry keeps the registry's list of
 * signers, as it keeps the trusted list; a person whose key is compromised or whose certificate its issuer revoked asks the
 * ministry) or by the Cabinet member, who alone revokes a supervisor's or a Cabinet member's certificate other than their own
 * (abuse audit F51, {@link Person}): from the registry's time of receipt on, a command signed under that certificate is refused (001 art. 23.1.1,
 * a certificate valid when the act is made), whatever signing time it claims. Issued acts stay as they were. The body goes
 * as signed to the person's stream ({@link Person}, ADR 0026), which checks it.
 */
@Configuration
class RevokeSignerCertificateType {

    /** A person's commands signed with a kernel body name the person in {@code personId}; their stream is {@code person-<id>}. */
    @Bean
    CommandTargetResolver personTarget() {
        return command -> TargetByRecordComponent.annotatedOr(command,
                body -> body instanceof RevokeSignerCertificate r && r.personId() != null ? IdentityDirectory.streamOf(r.personId())
                        : body instanceof mn.registry.kernel.identity.EnrolSigner e && e.personId() != null ? IdentityDirectory.streamOf(e.personId())
                        : body instanceof mn.registry.kernel.identity.EndSignerRole e && e.personId() != null ? IdentityDirectory.streamOf(e.personId())
                        : body instanceof mn.registry.kernel.identity.StateStoredActOrder s && s.personId() != null ? IdentityDirectory.streamOf(s.personId())
                        : body instanceof mn.registry.kernel.identity.StateRepresentativesCompany c && c.personId() != null ? IdentityDirectory.streamOf(c.personId())
                        : null, "personId");
    }

    @Bean
    SignedCommandType<RevokeSignerCertificate> revokeSignerCertificate(CommandGateway commands, mn.registry.document.DocumentStore documents,
                                                                       mn.registry.command.claim.DocumentClaims acrossKinds) {
        return SignedCommandType.of("RevokeSignerCertificate", RevokeSignerCertificate.class, Set.of(Role.MINISTRY_SUPERVISOR, Role.CABINET_MEMBER),
                (body, context) -> revoke(commands, documents, acrossKinds, body, context));
    }

    // 002 art. 15.3, 30.1 (ADR 0071 item 18, abuse audit F488, was O320): the revocation's ground is withheld from the public record but kept
    // in clear in SignerCertificateRevoked on the person's stream, which the person's later erasure does not erase: a civil registration
    // number, phone or e-mail written in it ("lost key, reported by Bat, 99112233") would outlive the key. Refused before the document is
    // read or claimed and before the stream is asked: nothing revoked, claimed or stored
    static void revocationGroundHoldsNoPersonalDetails(String ground) {
        GroundKeptInClear.holdsNoPersonalDetails(ground, "privacy.personal-details-in-revocation-ground", "ground",
                "a certificate's revocation is kept in clear on the person's record, after any later erasure of their personal data");
    }

    private static Object revoke(CommandGateway commands, mn.registry.document.DocumentStore documents,
                                 mn.registry.command.claim.DocumentClaims acrossKinds, RevokeSignerCertificate body, CommandContext context) {
        if (body == null || body.personId() == null) {
            throw RegistryProblem.invalid("identity.person-missing", "Name the person whose certificate is revoked in 'personId'.", "personId",
                    "001 art. 23.1.1");
        }
        revocationGroundHoldsNoPersonalDetails(body.ground());
        // ADR 0046 item 32: a document named is one the registry received (the person's stream checks when one is needed)
        if (body.documentSha256() != null && mn.registry.kernel.permit.DocumentRef.isSha256Hex(body.documentSha256().strip())) {
            documents.requireReceived(body.documentSha256().strip(), "documentSha256", "001 art. 23.1.1");
        }
        // ADR 0057 (O110): a document named is claimed as an identity order (none named: nothing to claim, the stream decides)
        EnrolSignerType.onAnIdentityOrder(acrossKinds, body.documentSha256() == null ? null : body.documentSha256().strip(),
                EnrolSignerType.concerning(body.personId(), body.orderConcerns()), context, () -> EnrolSignerType.toTheEnrolledPersonsStream(commands, body, body.personId(), context));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "RevokeSignerCertificate");
        answer.put("personId", body.personId().value());
        answer.put("validUntil", context.receivedAt().toString());
        return answer;
    }
}
