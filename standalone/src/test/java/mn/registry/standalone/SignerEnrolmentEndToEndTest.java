package mn.registry.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.EnrolSigner;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0055 over HTTP: a new official or representative is enrolled by a signed act, and a person whose certificate was revoked gets a
 * new one (abuse audit O88); every enrolment the law and our choices forbid is refused before anything is stored.
 */
class SignerEnrolmentEndToEndTest {

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();

    private static CertificateAuthority ca() {
        return registry.getBean(RegistryKeys.class).ca();
    }

    private static SigningIdentity issued(String person, Instant from, Instant until) {
        return ca().newPerson(new PersonId(person), "Шинэ Ажилтан " + person, "Ministry", from, until);
    }

    private static SigningIdentity issued(String person) {
        Instant now = registry.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        return issued(person, now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS));
    }

    private static String pem(SigningIdentity identity) {
        return Certificates.toPem(List.of(identity.chain().get(0)));
    }

    private static void signsIn(SigningIdentity who) {
        assertThat(registry.signIn(who)).isNotBlank();
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (domain-rules §5): an official whose person id holds a civil registration number or a phone is not "
            + "enrolled, as the id is published with every act they sign; an id with a staff number of seven digits is")
    void a_person_id_holding_a_civil_number_or_a_phone_is_not_enrolled() {
        String order = ReceiptTimeEndToEndTest.upload(registry.context(), "Minister's order appointing a reviewer named by a number");
        for (String id : List.of("ub99010112", "reviewer-99112233", "97699112233")) {
            SigningIdentity official = issued(id);
            registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(official.person(), pem(official), Role.MINISTRY_REVIEWER,
                    order)), 400, "privacy.personal-details-in-person-id", "personId", "002 art. 15.3, 30.1 (domain-rules §5)");
        }
        SigningIdentity staff = issued("reviewer-1234567");
        assertThat(ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(staff.person(), pem(staff), Role.MINISTRY_REVIEWER, order)))
                .path("personId").asText()).isEqualTo("reviewer-1234567");
    }

    @Test
    @DisplayName("003 art. 8.2; 002 art. 15.3, 30.1 (domain-rules §5): a governor whose certificate's name holds a civil registration number "
            + "is not appointed under it, as the appointment publishes the name; with a certificate whose name does not, they are")
    void a_governors_name_holding_a_civil_number_is_not_published() {
        String order = ReceiptTimeEndToEndTest.upload(registry.context(), "Cabinet member's order enrolling governor-9");
        Instant now = registry.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        SigningIdentity numbered = ca().newPerson(new PersonId("governor-9"), "Бат Болд УБ99010112", "Zamyn-Uud", now.minus(1, ChronoUnit.DAYS),
                now.plus(365, ChronoUnit.DAYS));
        ok(registry.send("cabinet-1", "EnrolSigner", new EnrolSigner(numbered.person(), pem(numbered), null, order)));
        ok(registry.send("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ZoneId.of("zamyn-uud"), new PersonId("governor-zamyn-uud"),
                "Cabinet member's order 2026/90", registry.document("Cabinet member's order 2026/90"))));
        registry.refused(registry.send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of("zamyn-uud"), numbered.person(),
                "Cabinet member's order 2026/92", registry.document("Cabinet member's order 2026/92"))), 400, "privacy.personal-details-in-published-text", "governor", "002 art. 15.3, 30.1 (domain-rules §5)");
        assertThat(registry.client().get("/api/public/register/zones/zamyn-uud").body().toString()).doesNotContain("99010112");

        String renewal = ReceiptTimeEndToEndTest.upload(registry.context(), "Cabinet member's order: governor-9's certificate by name only");
        SigningIdentity named = ca().newPerson(new PersonId("governor-9"), "Бат Болд", "Zamyn-Uud", now.minus(1, ChronoUnit.DAYS),
                now.plus(365, ChronoUnit.DAYS));
        ok(registry.send("cabinet-1", "EnrolSigner", new EnrolSigner(named.person(), pem(named), null, renewal)));
        ok(registry.send("cabinet-1", "AppointGovernor", new ZoneCommands.AppointGovernor(ZoneId.of("zamyn-uud"), named.person(),
                "Cabinet member's order 2026/93", registry.document("Cabinet member's order 2026/93"))));
    }

    @Test
    @DisplayName("ADR 0055: a supervisor enrols a new reviewer, who then signs; abuse: a certificate of a CA the registry does not trust, of "
            + "another person (a second identity), expired or not yet valid at receipt, with no document or an unknown one, a governor's "
            + "or a tax officer's role, an enrolment of oneself")
    void a_new_reviewer_is_enrolled_and_every_forbidden_enrolment_refused() {
        String order = ReceiptTimeEndToEndTest.upload(registry.context(), "Minister's order appointing reviewer-9");
        SigningIdentity reviewer = issued("reviewer-9");
        Instant now = registry.clock().instant().truncatedTo(ChronoUnit.SECONDS);

        registry.refused(registry.send("reviewer-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER, order)),
                403, "signer.role-missing", null, "domain-rules §1");
        SigningIdentity rogue = CertificateAuthority.create("Rogue CA", now.minus(1, ChronoUnit.DAYS), now.plus(400, ChronoUnit.DAYS))
                .newPerson(new PersonId("reviewer-9"), "Reviewer Nine", "Ministry", now.minus(1, ChronoUnit.DAYS), now.plus(300, ChronoUnit.DAYS));
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(rogue.person(), pem(rogue), Role.MINISTRY_REVIEWER, order)),
                400, "certificate.untrusted", "certificatePem", "001 art. 23.1.1");
        // a second identity: the supervisor's own new certificate enrolled as another person's
        SigningIdentity own = issued("supervisor-1");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(new PersonId("reviewer-9"), pem(own), Role.MINISTRY_REVIEWER,
                order)), 400, "identity.certificate-of-another-person", "certificatePem", "001 art. 23.1.1");
        SigningIdentity expired = issued("reviewer-9", now.minus(400, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS));
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(expired.person(), pem(expired), Role.MINISTRY_REVIEWER,
                order)), 400, "certificate.expired", "certificatePem", "001 art. 23.1.1");
        SigningIdentity early = issued("reviewer-9", now.plus(10, ChronoUnit.DAYS), now.plus(400, ChronoUnit.DAYS));
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(early.person(), pem(early), Role.MINISTRY_REVIEWER,
                order)), 400, "certificate.not-yet-valid", "certificatePem", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), "-----BEGIN CERTIFICATE-----\nAAAA\n",
                Role.MINISTRY_REVIEWER, order)), 400, "identity.certificate-invalid", "certificatePem", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER,
                null)), 400, "identity.enrolment-without-document", "documentSha256", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER,
                "ab".repeat(32))), 400, "document.unknown", "documentSha256", "001 art. 23.1.1");
        registry.refused(registry.send("cabinet-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.ZONE_GOVERNOR, order)),
                400, "identity.role-not-enrolled", "role", "003 art. 8.2");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.TAX_OFFICER, order)),
                403, "identity.enrolment-by-the-cabinet-member", "role", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(new PersonId("supervisor-1"), pem(own), null, order)),
                403, "identity.self-enrolment", null, "001 art. 23.1.1");
        // the refused enrolments signed nothing in: reviewer-9 is no one yet
        assertThat(registry.client().post("/api/session", registry.client().sign(reviewer, CommandEnvelope.fresh("SignIn",
                CanonicalJson.mapper().createObjectNode().put("challenge", registry.client().get("/api/session/challenge").body().path("challenge")
                        .asText()), registry.clock())), "application/json").status()).isNotEqualTo(200);

        assertThat(ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER, order)))
                .path("role").asText()).isEqualTo("MINISTRY_REVIEWER");
        signsIn(reviewer);
        // the same enrolment again grants nothing twice
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(reviewer.person(), pem(reviewer), Role.MINISTRY_REVIEWER, order)),
                409, "identity.role-already-held", null, "");

        // the role ends by the same officials' act, on a document, from the receipt on; abuse: ended by oneself, a supervisor ending
        // the other supervisor's role, a governor "dismissed" by this act, no document, a role not held
        String dismissal = ReceiptTimeEndToEndTest.upload(registry.context(), "Minister's order ending reviewer-9's appointment");
        registry.refused(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(new PersonId("supervisor-1"), Role.MINISTRY_SUPERVISOR,
                dismissal)), 403, "identity.own-role-ended", null, "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(new PersonId("supervisor-2"), Role.MINISTRY_SUPERVISOR,
                dismissal)), 403, "identity.role-ended-by-the-cabinet-member", "role", "001 art. 23.1.1");
        registry.refused(registry.send("cabinet-1", "EndSignerRole", new EndSignerRole(new PersonId("governor-altanbulag"), Role.ZONE_GOVERNOR,
                dismissal)), 400, "identity.role-not-ended-here", "role", "003 art. 8.2");
        registry.refused(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER, null)),
                400, "identity.enrolment-without-document", "documentSha256", "001 art. 23.1.1");
        registry.refused(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.APPLICANT, dismissal)),
                409, "identity.role-not-held", null, "001 art. 23.1.1");
        ok(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(reviewer.person(), Role.MINISTRY_REVIEWER, dismissal)));
        // an act signed after the end is not the former reviewer's to make
        // (the signer's role is judged before the application is looked up: any application id will do)
        ApplicationId filed = new ApplicationId(java.util.UUID.randomUUID().toString());
        ObjectNode approve = CanonicalJson.mapper().valueToTree(new ApprovePermitApplication(filed));
        CommandEnvelope afterTheEnd = CommandEnvelope.fresh("ApprovePermitApplication", approve, registry.clock());
        registry.refused(new RunningRegistry.Sent(afterTheEnd.commandId(), registry.client().command(registry.client().sign(reviewer, afterTheEnd))),
                403, "signer.role-missing", null, "domain-rules §1");
    }

    @Test
    @DisplayName("ADR 0055 (was O88): a representative whose certificate was revoked for a lost key gets a new one on the supervisor's signed "
            + "enrolment and signs again; the revoked certificate stays revoked and is not enrolled again")
    void a_revoked_representative_is_enrolled_with_a_new_certificate() throws Exception {
        SigningIdentity old = registry.client().person("applicant-1");
        String report = ReceiptTimeEndToEndTest.upload(registry.context(), "Tenger Trust LLC: letter reporting the representative's key lost");
        ok(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(new PersonId("applicant-1"),
                Certificates.fingerprint(old.chain().get(0)), "key reported lost", report)));
        String identification = ReceiptTimeEndToEndTest.upload(registry.context(), "Tenger Trust LLC: power of representation and identity check");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(new PersonId("applicant-1"), pem(old), null, identification)),
                409, "identity.certificate-already-enrolled", null, "001 art. 23.1.1");
        SigningIdentity renewed = issued("applicant-1");
        assertThat(ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(new PersonId("applicant-1"), pem(renewed), null, identification)))
                .path("certificateSha256").asText()).isEqualTo(Certificates.fingerprint(renewed.chain().get(0)));
        signsIn(renewed);
        assertThat(registry.client().post("/api/session", registry.client().sign(old, CommandEnvelope.fresh("SignIn",
                CanonicalJson.mapper().createObjectNode().put("challenge", registry.client().get("/api/session/challenge").body().path("challenge")
                        .asText()), registry.clock())), "application/json").status()).isNotEqualTo(200);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (abuse audit F146): a new certificate enrolled for a reviewer whose key was reported lost replaces the old one: "
            + "an act signed under the old key is refused as revoked, nothing stored; the new one signs")
    void a_new_certificate_replaces_the_old_one() {
        String order = ReceiptTimeEndToEndTest.upload(registry.context(), "Minister's order appointing reviewer-16, session 16");
        SigningIdentity first = issued("reviewer-16");
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(first.person(), pem(first), Role.MINISTRY_REVIEWER, order)));
        signsIn(first);
        String report = ReceiptTimeEndToEndTest.upload(registry.context(), "reviewer-16 reports the signing key lost, session 16");
        SigningIdentity second = issued("reviewer-16");
        ok(registry.send("supervisor-1", "EnrolSigner", new EnrolSigner(second.person(), pem(second), null, report)));
        ObjectNode approve = CanonicalJson.mapper().valueToTree(new ApprovePermitApplication(new ApplicationId(java.util.UUID.randomUUID().toString())));
        CommandEnvelope underTheLostKey = CommandEnvelope.fresh("ApprovePermitApplication", approve, registry.clock());
        registry.refused(new RunningRegistry.Sent(underTheLostKey.commandId(), registry.client().command(registry.client().sign(first, underTheLostKey))),
                403, "signer.certificate-revoked", null, "001 art. 23.1.1");
        signsIn(second);
    }
}
