package mn.registry.identity.command;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentKind;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Abuse audit F488 (was O320, ADR 0071 item 18): the ground of a signer certificate's revocation is withheld from the public record but
 * kept in clear in {@code SignerCertificateRevoked} on the person's stream, which the person's later erasure does not erase. A ground
 * naming a civil registration number, a phone or an e-mail is refused before the document is read or claimed and before the person's
 * stream is asked: the gateway, the document store and the claims are never touched (nothing revoked, claimed or stored).
 */
class RevocationGroundTest {

    private static final CommandContext SUPERVISOR = new CommandContext("revoke-1", Instant.parse("2026-12-01T02:00:00Z"),
            Instant.parse("2026-12-01T02:00:00Z"), new PersonId("supervisor-1"), Set.of(Role.MINISTRY_SUPERVISOR), Set.of(), "ab".repeat(32));
    private static final PersonId REVIEWER = new PersonId("reviewer-1");
    private static final String REPORT = "c4".repeat(32);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final DocumentStore documents = mock(DocumentStore.class);
    private final DocumentClaims claims = mock(DocumentClaims.class);
    private final SignedCommandType<RevokeSignerCertificate> type = new RevokeSignerCertificateType().revokeSignerCertificate(commands, documents, claims);

    @Test
    @DisplayName("002 art. 15.3, 30.1 (F488): a certificate's revocation whose ground holds a civil registration number, a phone or an e-mail is "
            + "refused before the document is claimed or the person's stream asked (the ground is kept in clear after an erasure); a ground "
            + "without them is revoked on the report")
    void revocation_ground_keeps_no_personal_details() {
        for (String ground : List.of("key lost, reported by Bat (УБ99112233)", "key lost, call 9911 2233", "key lost: bat.dorj@example.mn")) {
            assertThatThrownBy(() -> type.handle(new RevokeSignerCertificate(REVIEWER, null, ground, REPORT), SUPERVISOR))
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> {
                        assertThat(p.code()).isEqualTo("privacy.personal-details-in-revocation-ground");
                        assertThat(p.field()).isEqualTo("ground");
                        assertThat(p.article()).isEqualTo("002 art. 15.3, 30.1");
                    });
        }
        verifyNoInteractions(commands, documents, claims); // nothing read, claimed, sent or stored

        // the lawful act: the same revocation on a ground naming no one's details reaches the claim and the person's stream
        when(claims.claimedFor(eq(REPORT), eq(DocumentKind.IDENTITY_ORDER), any(Claimant.class), any(CommandContext.class), any(), any(), any()))
                .thenAnswer(call -> ((Supplier<?>) call.getArgument(6)).get());
        Object answer = type.handle(new RevokeSignerCertificate(REVIEWER, null, "key reported lost (letter 7/15 of 2026-12-01)", REPORT), SUPERVISOR);
        assertThat(((Map<?, ?>) answer).get("personId")).isEqualTo("reviewer-1");
        verify(commands).sendAndWait(any());
    }
}
