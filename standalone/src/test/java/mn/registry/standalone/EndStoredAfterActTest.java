package mn.registry.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.permit.SetMinimumInsurance;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0061 item 9 (abuse audit O145): the Cabinet member's end of a supervisor's role is received, and while it is still being carried
 * out (held after its receipt, before its append) the supervisor's act is received, judged and stored. The act precedes the end in the
 * store's order; by the registry's times it must precede the end's effect too, or it is an act after dismissal.
 */
class EndStoredAfterActTest {

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    @Test
    @DisplayName("001 art. 23.1.1 (O145): an act received after the end of its signer's role was received, and stored before the end, "
            + "comes before the end's effect: the end takes effect when it is stored")
    void an_act_stored_before_the_end_comes_before_its_effect() throws Exception {
        String order = registry.document("Cabinet member's order ending supervisor-2's appointment, session 20 round 2");
        ObjectNode body = CanonicalJson.mapper().valueToTree(new EndSignerRole(new PersonId("supervisor-2"), Role.MINISTRY_SUPERVISOR, order));
        CommandEnvelope end = CommandEnvelope.fresh("EndSignerRole", body, registry.clock());
        String jws = registry.client().sign(registry.client().person("cabinet-1"), end);
        AtomicReference<String> act = new AtomicReference<>();
        AuthorityEndedDuringActTest.pipelineWith(registry, end.commandId(), () -> {
            sleepPastTheEndsReceipt();
            RunningRegistry.Sent sent = registry.send("supervisor-2", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(140_000_000L)));
            ok(sent);
            act.set(sent.commandId());
        }).submit(jws);

        MongoDatabase database = registry.getBean(MongoDatabase.class);
        assertThat(StoredEffects.byCommand(database)).containsKeys(act.get(), end.commandId());
        Document accepted = database.getCollection("commands").find(Filters.eq("_id", act.get())).first();
        assertThat(accepted).as("the act's entry in the command log").isNotNull();
        Instant actAcceptedBy = Instant.ofEpochMilli(accepted.get("acceptedAt", Number.class).longValue()); // at or after its receipt
        RoleRevoked ended = registry.events("person-supervisor-2").stream().filter(RoleRevoked.class::isInstance).map(RoleRevoked.class::cast)
                .reduce((first, second) -> second).orElseThrow();
        assertThat(ended.receivedAt()).as("the end was received before the act").isBefore(actAcceptedBy);
        assertThat(ended.validUntil()).as("the end's effect comes after the act stored before it (received at or before %s)", actAcceptedBy)
                .isAfter(actAcceptedBy);
        // the directory asked again about the act's time agrees: supervisor-2 was still a supervisor; after the end's effect, no longer
        SigningIdentity supervisor = registry.client().person("supervisor-2");
        String fingerprint = Sha256.hex(supervisor.chain().get(0).getEncoded());
        IdentityDirectory directory = registry.getBean(IdentityDirectory.class);
        assertThat(directory.actorAt(supervisor.person(), fingerprint, actAcceptedBy).orElseThrow().roles()).contains(Role.MINISTRY_SUPERVISOR);
        assertThat(directory.actorAt(supervisor.person(), fingerprint, ended.validUntil()).orElseThrow().roles()).doesNotContain(Role.MINISTRY_SUPERVISOR);
        // and an act received now is refused as any act after the end
        registry.refused(registry.send("supervisor-2", "SetMinimumInsurance", new SetMinimumInsurance(Money.mnt(150_000_000L))), 403,
                "signer.role-missing", null, "domain-rules §1");
    }

    private static void sleepPastTheEndsReceipt() {
        try {
            Thread.sleep(5); // the act's receipt, in milliseconds, after the end's
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
