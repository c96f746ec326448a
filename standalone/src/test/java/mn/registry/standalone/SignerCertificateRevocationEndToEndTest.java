package mn.registry.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.security.cert.CertificateEncodingException;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse audit O9 (001 art. 23.1.1: a certificate valid when the signature is made, judged at the registry's receipt): once a
 * ministry supervisor has revoked a person's certificate, nothing signed under it is accepted, not even a command signed before
 * the revocation and sent after it; the revocation itself is the supervisor's to sign, once, with a ground.
 */
class SignerCertificateRevocationEndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    private static String fingerprint(SigningIdentity who) throws CertificateEncodingException {
        return Sha256.hex(who.chain().get(0).getEncoded());
    }

    @Test
    @DisplayName("001 art. 23.1.1: after the revocation's receipt the holder's certificate signs nothing: a command signed before it and sent after, "
            + "a fresh one, a sign-in; the revocation is the supervisor's, once, with a visible ground")
    void revoked_certificate_signs_nothing_received_after_the_revocation() throws Exception {
        SigningIdentity applicant = registry.client().person("applicant-1");
        ApplyForPermit application = ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Khovd Sign LLC", "6101911");
        ObjectNode body = CanonicalJson.mapper().valueToTree(application);
        CommandEnvelope signedBefore = CommandEnvelope.fresh("ApplyForPermit", body, registry.clock());
        String jwsSignedBefore = registry.client().sign(applicant, signedBefore);
        String report = ReceiptTimeEndToEndTest.upload(registry.context(), "Khovd Sign LLC: letter reporting the representative's key lost");
        RevokeSignerCertificate revocation = new RevokeSignerCertificate(new PersonId("applicant-1"), fingerprint(applicant), "key reported lost",
                report);

        // abuse: the reviewer is not the one to revoke; no ground, or an invisible one; a certificate the person never enrolled
        registry.refused(registry.send("reviewer-1", "RevokeSignerCertificate", revocation), 403, "signer.role-missing", null, "domain-rules §1");
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("applicant-1"),
                fingerprint(applicant), "\u00A0\u200B")), 400, "identity.revocation-ground-missing", "ground", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("applicant-1"),
                "ef".repeat(32), "key reported lost")), 400, "identity.certificate-unknown", "certificateSha256", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("applicant-1"),
                "not a fingerprint", "key reported lost")), 400, "identity.certificate-fingerprint-invalid", "certificateSha256", "001 art. 23.1.1");
        // abuse (F51): a supervisor removing the oversight above or beside them, the Cabinet member's certificate
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("cabinet-1"), null,
                "key reported lost")), 403, "identity.revocation-of-oversight", "personId", "001 art. 23.1.1");
        // abuse (F102): a supervisor stopping a zone's registrations by revoking its governor's certificate, without a dismissal
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("governor-altanbulag"), null,
                "key reported lost")), 403, "identity.revocation-of-a-governor", "personId", "001 art. 23.1.1, 003 art. 8.2");
        // abuse (F119): a supervisor silencing the tax authority's and the inspectorate's officials, whose signed acts ground a suspension
        for (String official : List.of("tax-officer-1", "inspector-1")) {
            registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId(official), null,
                    "key reported lost")), 403, "identity.revocation-of-another-bodys-official", "personId", "001 art. 23.1.1, 002 art. 28.1");
        }

        // abuse (F130): a holder's representative locked out on the supervisor's word alone, or on a document the registry never received
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("applicant-1"),
                fingerprint(applicant), "key reported lost")), 400, "identity.revocation-without-document", "documentSha256", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("applicant-1"),
                fingerprint(applicant), "key reported lost", "ab".repeat(32))), 400, "document.unknown", "documentSha256", "001 art. 23.1.1");

        assertThat(ok(registry.send("supervisor-1", "RevokeSignerCertificate", revocation)).path("personId").asText()).isEqualTo("applicant-1");

        // signed while the certificate counted, received after: the registry's receipt decides, not the claimed signing time
        registry.refused(new RunningRegistry.Sent(signedBefore.commandId(), registry.client().command(jwsSignedBefore)), 403,
                "signer.certificate-revoked", null, "001 art. 23.1.1");
        registry.refused(registry.send("applicant-1", "ApplyForPermit",
                ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Khovd Sign LLC", "6101912")), 403, "signer.certificate-revoked", null,
                "001 art. 23.1.1");
        String challenge = registry.client().get("/api/session/challenge").body().path("challenge").asText();
        RegistryClient.Reply signIn = registry.client().post("/api/session", registry.client().sign(applicant,
                CommandEnvelope.fresh("SignIn", CanonicalJson.mapper().createObjectNode().put("challenge", challenge), registry.clock())), "application/json");
        assertThat(signIn.status()).as(signIn.body().toString()).isEqualTo(403);
        assertThat(signIn.code()).isEqualTo("signer.certificate-revoked");

        // abuse: revoked again, to move its date
        registry.refused(registry.send("supervisor-1", "RevokeSignerCertificate", revocation), 409, "identity.certificate-already-revoked", null,
                "001 art. 23.1.1");
        // everyone else still signs
        registry.signIn("reviewer-1");
    }
}
