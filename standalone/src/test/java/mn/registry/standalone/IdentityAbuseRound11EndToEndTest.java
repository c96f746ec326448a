package mn.registry.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 28, identity round 11's hunt (001 art. 23.1.1): a signer's authority is judged at the registry's receipt of the act, never at the
 * time it was signed, nor at the upload of the document it rests on. Each act below is signed while the signer's role counts, held back,
 * and sent after the Cabinet member's end of that role: refused with nothing stored and nothing claimed, and the same act by an official
 * in office is accepted.
 */
class IdentityAbuseRound11EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry();

    private static final Duration A_YEAR = Duration.ofDays(365);

    /** {@code body} as signed now, to be sent later: the signing time it claims is before what happens meanwhile. */
    private static CommandEnvelope signedNow(String type, Object body) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(body);
        return CommandEnvelope.fresh(type, json, registry.clock());
    }

    private static RunningRegistry.Sent sentLater(CommandEnvelope signed, String jws) {
        return new RunningRegistry.Sent(signed.commandId(), registry.client().command(jws));
    }

    private static void theCabinetMemberEnds(SigningIdentity supervisor, String order) {
        ok(registry.send("cabinet-1", "EndSignerRole", new EndSignerRole(supervisor.person(), Role.MINISTRY_SUPERVISOR, order)));
    }

    private static boolean claimed(String document) {
        return registry.getBean(MongoDatabase.class).getCollection(DocumentClaims.COLLECTION).countDocuments(Filters.eq("_id", document)) > 0;
    }

    @Test
    @DisplayName("001 art. 23.1.1 (session 28's hunt): a supervisor uploads a new reviewer's appointment order and signs the enrolment; the "
            + "Cabinet member ends the supervisor's role; the enrolment sent after is refused (403 signer.role-missing), signed anew too: no "
            + "person, no claim of the order; supervisor-1, in office, enrols the reviewer on the same order")
    void an_enrolment_is_judged_at_its_receipt_not_at_the_upload_of_its_order() throws Exception {
        SigningIdentity supervisor = registry.enrolled("supervisor-28a", "Supervisor Twenty-Eight A", "Ministry", A_YEAR, Role.MINISTRY_SUPERVISOR,
                "test enrolment, session 28");
        SigningIdentity newcomer = registry.newPerson("reviewer-28a", "Reviewer Twenty-Eight A", "Ministry", A_YEAR);
        String appointment = registry.document("Order appointing reviewer-28a as a ministry reviewer, session 28");
        CommandEnvelope enrolment = signedNow("EnrolSigner", PermitRegistry.enrolment(newcomer, Role.MINISTRY_REVIEWER, appointment));
        String jws = registry.client().sign(supervisor, enrolment);

        theCabinetMemberEnds(supervisor, registry.document("Cabinet member's order ending supervisor-28a's appointment, session 28"));

        registry.refused(sentLater(enrolment, jws), 403, "signer.role-missing", null, "domain-rules §1");
        registry.refused(registry.send(supervisor, "EnrolSigner", PermitRegistry.enrolment(newcomer, Role.MINISTRY_REVIEWER, appointment)), 403,
                "signer.role-missing", null, "domain-rules §1");
        assertThat(registry.events("person-reviewer-28a")).as("no person enrolled").isEmpty();
        assertThat(claimed(appointment)).as("the order is not claimed by a refused act").isFalse();

        ok(registry.send("supervisor-1", "EnrolSigner", PermitRegistry.enrolment(newcomer, Role.MINISTRY_REVIEWER, appointment)));
        assertThat(registry.events("person-reviewer-28a")).filteredOn(PersonEnrolled.class::isInstance).singleElement()
                .satisfies(enrolled -> assertThat(((PersonEnrolled) enrolled).enrolledBy()).isEqualTo(new PersonId("supervisor-1")));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (session 28's hunt, with ADR 0061 item 39): a supervisor signs the revocation of a reviewer's certificate "
            + "on the reviewer's report before the Cabinet member's end of the supervisor's role, on an order that ends another supervisor's "
            + "too; sent after: refused (403 signer.role-missing), nothing revoked, the report not claimed; one order ends both roles; "
            + "supervisor-1 revokes on the report")
    void a_revocation_signed_before_the_end_of_the_signers_role_is_refused_at_receipt() throws Exception {
        SigningIdentity supervisor = registry.enrolled("supervisor-28b", "Supervisor Twenty-Eight B", "Ministry", A_YEAR, Role.MINISTRY_SUPERVISOR,
                "test enrolment, session 28");
        SigningIdentity colleague = registry.enrolled("supervisor-28c", "Supervisor Twenty-Eight C", "Ministry", A_YEAR, Role.MINISTRY_SUPERVISOR,
                "test enrolment, session 28");
        SigningIdentity reviewer = registry.enrolled("reviewer-28b", "Reviewer Twenty-Eight B", "Ministry", A_YEAR, Role.MINISTRY_REVIEWER,
                "test enrolment, session 28");
        String report = registry.document("reviewer-28b's written report of a lost key, session 28");
        CommandEnvelope revocation = signedNow("RevokeSignerCertificate", new RevokeSignerCertificate(reviewer.person(), null, "key reported lost",
                report));
        String jws = registry.client().sign(supervisor, revocation);

        String order = registry.document("Cabinet member's order ending the appointments of supervisor-28b and supervisor-28c, session 28");
        // one order may end several officials' roles (ADR 0061 item 29's reading of O117): its first citation states both (item 45, F504)
        ok(registry.send("cabinet-1", "EndSignerRole", new EndSignerRole(supervisor.person(), Role.MINISTRY_SUPERVISOR, order,
                java.util.List.of(colleague.person()))));
        theCabinetMemberEnds(colleague, order);
        assertThat(registry.events("person-supervisor-28c")).filteredOn(RoleRevoked.class::isInstance).singleElement()
                .satisfies(end -> assertThat(((RoleRevoked) end).documentSha256()).isEqualTo(order));

        registry.refused(sentLater(revocation, jws), 403, "signer.role-missing", null, "domain-rules §1");
        assertThat(registry.events("person-reviewer-28b")).as("nothing revoked").noneMatch(SignerCertificateRevoked.class::isInstance);
        assertThat(claimed(report)).as("the report is not claimed by a refused act").isFalse();

        ok(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(reviewer.person(), null, "key reported lost", report)));
        assertThat(registry.events("person-reviewer-28b")).filteredOn(SignerCertificateRevoked.class::isInstance).singleElement()
                .satisfies(revoked -> assertThat(((SignerCertificateRevoked) revoked).documentSha256()).isEqualTo(report));
    }
}
