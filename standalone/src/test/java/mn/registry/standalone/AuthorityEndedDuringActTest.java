package mn.registry.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandLog;
import mn.registry.command.api.CommandPipeline;
import mn.registry.command.api.SignedCommandType;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.SetMinimumInsurance;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.SignedCommandVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0061 (abuse audit F240, was O92): a supervisor acts in the milliseconds after the end of its role, or the revocation of its
 * certificate, was received: its authority was judged (the identity read) before the end was stored, and the act's own append comes
 * after. The act must not be stored after the end. The interleaving is forced: the act runs through a pipeline of the running
 * registry's own beans whose command log, once the act's id is claimed (after the identity read, before the act is carried out),
 * lets the Cabinet member's end be sent over HTTP and stored first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // supervisor-1 acts in the first test and loses its certificate in the last
class AuthorityEndedDuringActTest {

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    /** The registry's pipeline with a command log that runs {@code meanwhile} right after the act {@code commandId} is claimed. */
    private static CommandPipeline pipelineWith(String commandId, Runnable meanwhile) {
        return pipelineWith(registry, commandId, meanwhile);
    }

    /** As above, on {@code registry}: the command {@code commandId} is held after its receipt and identity read while {@code meanwhile} runs. */
    static CommandPipeline pipelineWith(RunningRegistry registry, String commandId, Runnable meanwhile) {
        var context = registry.context();
        Clock clock = context.getBean(Clock.class);
        CommandLog racing = new CommandLog(context.getBean(MongoDatabase.class), clock, Duration.ofSeconds(60), context.getBean(PersonalDataVault.class)) {
            @Override
            public Claim claim(String id, String jwsSha256, String jws, String type, String actor) {
                Claim claim = super.claim(id, jwsSha256, jws, type, actor);
                if (id.equals(commandId)) {
                    meanwhile.run();
                }
                return claim;
            }
        };
        List<SignedCommandType<?>> types = new ArrayList<>();
        context.getBeansOfType(SignedCommandType.class).values().forEach(types::add);
        return new CommandPipeline(context.getBean(SignedCommandVerifier.class), context.getBean(IdentityDirectory.class), types, racing,
                context.getBean(ObjectMapper.class), clock, context.getBean(mn.registry.kernel.privacy.PersonNamesInText.HeldNames.class));
    }

    private static CommandEnvelope minimumInsurance(long mnt) {
        ObjectNode body = CanonicalJson.mapper().valueToTree(new SetMinimumInsurance(Money.mnt(mnt)));
        return CommandEnvelope.fresh("SetMinimumInsurance", body, registry.clock());
    }

    /** The act {@code envelope} signed by {@code signer}, carried out while {@code end} is stored between its identity read and its append. */
    private static RegistryProblem refusedWhile(SigningIdentity signer, CommandEnvelope envelope, Runnable end) {
        String jws = registry.client().sign(signer, envelope);
        RegistryProblem refusal = refusedAndNothingStored(envelope, jws, end);
        // sent again over HTTP, the same signed act is judged afresh: the end is stored, and refused as any act after it
        RegistryClient.Reply again = registry.client().command(jws);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(403);
        assertThat(StoredEffects.byCommand(registry.getBean(MongoDatabase.class))).doesNotContainKey(envelope.commandId());
        return refusal;
    }

    private static RegistryProblem refusedAndNothingStored(CommandEnvelope envelope, String jws, Runnable meanwhile) {
        AtomicReference<RegistryProblem> refusal = new AtomicReference<>();
        assertThatThrownBy(() -> pipelineWith(envelope.commandId(), meanwhile).submit(jws))
                .isInstanceOfSatisfying(RegistryProblem.class, refusal::set);
        MongoDatabase database = registry.getBean(MongoDatabase.class);
        assertThat(StoredEffects.byCommand(database)).as("events of the act").doesNotContainKey(envelope.commandId());
        assertThat(database.getCollection("commands").countDocuments(Filters.eq("_id", envelope.commandId()))).as("the act's claim").isZero();
        return refusal.get();
    }

    private static void authorityEndedDuringTheAct(RegistryProblem refusal) {
        assertThat(refusal.kind()).isEqualTo(RegistryProblem.Kind.FORBIDDEN);
        assertThat(refusal.code()).isEqualTo("identity.authority-ended-during-act");
        assertThat(refusal.field()).isEqualTo("signer");
        assertThat(refusal.article()).contains("001 art. 23.1.1");
    }

    @Test
    @Order(1)
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 4): a role granted to the signer while its act is carried out moves its stream but ends "
            + "nothing: 409 identity.signer-changed-during-act, nothing stored; the same signed act sent again is carried out")
    void an_act_whose_signer_gained_a_role_meanwhile_is_sent_again() {
        SigningIdentity supervisor = registry.client().person("supervisor-1");
        String order = ReceiptTimeEndToEndTest.upload(registry.context(), "Cabinet member's order naming supervisor-1 a reviewer too, session 20");
        CommandEnvelope act = minimumInsurance(110_000_000L);
        String jws = registry.client().sign(supervisor, act);
        RegistryProblem refusal = refusedAndNothingStored(act, jws, () -> ok(registry.send("cabinet-1", "EnrolSigner", new EnrolSigner(
                supervisor.person(), Certificates.toPem(List.of(supervisor.chain().get(0))), Role.MINISTRY_REVIEWER, order))));
        assertThat(refusal.kind()).isEqualTo(RegistryProblem.Kind.CONFLICT);
        assertThat(refusal.code()).isEqualTo("identity.signer-changed-during-act");
        assertThat(refusal.field()).isEqualTo("signer");

        RegistryClient.Reply again = registry.client().command(jws);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(StoredEffects.byCommand(registry.getBean(MongoDatabase.class))).containsKey(act.commandId());
    }

    @Test
    @Order(2)
    @DisplayName("001 art. 23.1.1, domain-rules §1 (F240, was O92): a supervisor's act whose authority was judged before the Cabinet member's "
            + "end of its role was stored, and appended after it, is refused: 403 identity.authority-ended-during-act, nothing stored")
    void an_act_is_not_stored_after_the_end_of_its_signers_role() {
        String order = ReceiptTimeEndToEndTest.upload(registry.context(), "Cabinet member's order ending supervisor-2's appointment, session 20");
        CommandEnvelope act = minimumInsurance(120_000_000L);
        RegistryProblem refusal = refusedWhile(registry.client().person("supervisor-2"), act,
                () -> ok(registry.send("cabinet-1", "EndSignerRole", new EndSignerRole(new PersonId("supervisor-2"), Role.MINISTRY_SUPERVISOR, order))));
        authorityEndedDuringTheAct(refusal);
    }

    @Test
    @Order(3)
    @DisplayName("001 art. 23.1.1 (F240, was O92): a supervisor's act whose certificate was judged in force before the Cabinet member's "
            + "revocation of it was stored, and appended after it, is refused: 403 identity.authority-ended-during-act, nothing stored")
    void an_act_is_not_stored_after_the_revocation_of_its_signers_certificate() throws Exception {
        SigningIdentity supervisor = registry.client().person("supervisor-1");
        String fingerprint = Sha256.hex(supervisor.chain().get(0).getEncoded());
        String report = ReceiptTimeEndToEndTest.upload(registry.context(), "supervisor-1's written report of a lost key, session 20");
        CommandEnvelope act = minimumInsurance(130_000_000L);
        RegistryProblem refusal = refusedWhile(supervisor, act, () -> ok(registry.send("cabinet-1", "RevokeSignerCertificate",
                new RevokeSignerCertificate(supervisor.person(), fingerprint, "key reported lost", report))));
        authorityEndedDuringTheAct(refusal);
    }
}
