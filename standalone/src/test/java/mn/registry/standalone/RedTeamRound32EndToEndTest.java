package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.identity.command.Enrolment;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.RevokeSignerCertificate;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RestorePermit;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 32, the red team (docs/abuse-audit.md, "Session 32, the red team"): a careless or dishonest official, holder, governor, Cabinet
 * member or member of the public attacks the running registry from outside, with real signed requests over HTTP, where session 31's two red
 * teams did not go: identity and keys (a revoked certificate, a role ended between signing and receipt, an enrolment of oneself, one person
 * in two roles), uploads (a non-PDF as a PDF, a file too large, the quota, one PDF for two kinds of act), the calendar (a decision signed
 * inside the 17 working days and received after), the public side (a civil number written otherwise, a withheld reason searched for) and
 * the Free Zone ({@link RedTeamRound32ZoneEndToEndTest}). Each refusal is problem+json with its code, field and article and nothing stored
 * ({@link RunningRegistry#refused}). The companies' state registration numbers 6532001-6532049 are this class's own. The deadline poller
 * is stopped (the overdue decision is judged at its receipt, not by the poller); the demo people outlive the clock moved on; the class's
 * last test moves the clock past a decision's last day, so it runs last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedTeamRound32EndToEndTest {

    /** The upload quota of this registry: small enough that three uploads of 400 KB pass it. */
    private static final int QUOTA_BYTES = 1_000_000;

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry("--registry.deadlines.poll-interval=1h",
            "--registry.documents.quota-per-person=" + QUOTA_BYTES + "B").withLongLivedPeople();

    private static String document(String what) {
        return registry.document(what + ", session 32 red team");
    }

    private static ApplicationId issuedPermit(String company, String number) {
        return registry.issuedPermit(company, number, document("the policy of " + number), document("the contract of " + number));
    }

    private static ApplicationId appliedFor(String company, String number) {
        return new ApplicationId(ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                company, number))).path("applicationId").asText());
    }

    private static String fingerprint(SigningIdentity who) {
        try {
            return Sha256.hex(who.chain().get(0).getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CommandEnvelope heldBack(String type, Object body) {
        return registry.heldBack(type, body);
    }

    private static RunningRegistry.Sent sendHeldBack(SigningIdentity who, CommandEnvelope envelope) {
        return registry.sendHeldBack(who, envelope);
    }

    /** A person of the test's own holding {@code first} and {@code second}: one enrolment, a second grant by supervisor-1. */
    private static SigningIdentity holdingTwoRoles(String id, Role first, Role second) {
        SigningIdentity who = registry.enrolled(id, "Official " + id, "Ministry", Duration.ofDays(3650), first, "session 32 red team");
        registry.getBean(Enrolment.class).grant(new RoleGranted(who.person(), second, null, registry.clock().instant().truncatedTo(ChronoUnit.SECONDS),
                new PersonId("supervisor-1"), "session 32 red team: a second role"));
        return who;
    }

    // ------------------------------------------------------------------ identity and keys

    @Test
    @Order(1)
    @DisplayName("001 art. 23.1.1 (ADR 0013 §1): abuse: a reviewer whose certificate was revoked signs with it; a reviewer signs an approval, "
            + "the role is ended, the approval held back is sent after the end: each refused at the receipt, nothing stored")
    void a_revoked_certificate_or_an_ended_role_signs_nothing_received_after() {
        ApplicationId pending = appliedFor("Red Team Thirty-Two Keys LLC", "6532001");
        SigningIdentity revoked = registry.reviewer("reviewer-s32-revoked", "session 32 red team");
        CommandEnvelope signedBefore = heldBack("ApprovePermitApplication", new ApprovePermitApplication(pending));
        ok(registry.send("supervisor-1", "RevokeSignerCertificate", new RevokeSignerCertificate(revoked.person(), fingerprint(revoked),
                "key reported lost", document("the report of reviewer-s32-revoked's key lost"))));
        registry.refused(sendHeldBack(revoked, signedBefore), 403, "signer.certificate-revoked", null, "001 art. 23.1.1");
        registry.refused(registry.send(revoked, "ApprovePermitApplication", new ApprovePermitApplication(pending)), 403,
                "signer.certificate-revoked", null, "001 art. 23.1.1");

        SigningIdentity ended = registry.reviewer("reviewer-s32-ended", "session 32 red team");
        CommandEnvelope beforeTheEnd = heldBack("ApprovePermitApplication", new ApprovePermitApplication(pending));
        ok(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(ended.person(), Role.MINISTRY_REVIEWER,
                document("the order ending reviewer-s32-ended's role"))));
        registry.refused(sendHeldBack(ended, beforeTheEnd), 403, "signer.role-missing", null, "domain-rules §1");
        assertThat(registry.events(pending.value())).noneMatch(PermitApplicationApproved.class::isInstance);
    }

    @Test
    @Order(2)
    @DisplayName("001 art. 23.1.1 (ADR 0055): abuse: the supervisor enrols themselves in a second role, signing the enrolment as the person "
            + "enrolled: refused, nothing stored; a reviewer's key rotated (a new certificate enrolled), the old key signs after: refused as "
            + "revoked")
    void nobody_grants_or_ends_their_own_authority() {
        SigningIdentity supervisor = registry.client().person("supervisor-1");
        registry.refused(registry.send("supervisor-1", "EnrolSigner", PermitRegistry.enrolment(supervisor, Role.COMMUNICATIONS_INSPECTOR,
                document("an order naming supervisor-1 inspector"))), 403, "identity.self-enrolment", null, "001 art. 23.1.1");

        // the key rotated: a new certificate enrolled for the reviewer, the old one not revoked, signs after
        SigningIdentity old = registry.reviewer("reviewer-s32-rotated", "session 32 red team");
        SigningIdentity rotated = registry.newPerson("reviewer-s32-rotated", "Reviewer reviewer-s32-rotated", "Ministry", Duration.ofDays(365));
        ok(registry.send("supervisor-1", "EnrolSigner", new mn.registry.kernel.identity.EnrolSigner(rotated.person(),
                mn.registry.kernel.pki.Certificates.toPem(List.of(rotated.chain().get(0))), null, document("reviewer-s32-rotated's new key"))));
        ApplicationId pending = appliedFor("Red Team Thirty-Two Rotated LLC", "6532008");
        RunningRegistry.Sent byOldKey = registry.send(old, "RequestPermitDocuments", new mn.registry.kernel.permit.RequestPermitDocuments(pending,
                List.of(mn.registry.kernel.permit.RequiredDocument.values()[0]), "send it again"));
        registry.refused(byOldKey, 403, "signer.certificate-revoked", null, "001 art. 23.1.1");
    }

    @Test
    @Order(3)
    @DisplayName("002 art. 28.1, 28.4 (F597; ADR 0046 item 171, choice): abuse: one person holding the inspector's role and the reviewer's "
            + "records the inspection that finds the violation remedied and restores the permit on it: refused 403 "
            + "permit.restoration-on-ones-own-finding, nothing stored; another reviewer restores it; the same person suspending on their own "
            + "opinion is refused too (F495)")
    void a_restoration_is_not_decided_by_the_one_who_found_its_ground_removed() {
        LocalDate today = registry.today();
        ApplicationId id = issuedPermit("Red Team Thirty-Two Two Roles LLC", "6532002");
        SigningIdentity both = holdingTwoRoles("inspector-reviewer-s32", Role.COMMUNICATIONS_INSPECTOR, Role.MINISTRY_REVIEWER);
        String ownOpinion = document("inspector-reviewer-s32's findings of a violation by 6532002");
        ok(registry.send(both, "RecordPermitInspection", new RecordPermitInspection(id, today, ownOpinion, true)));
        registry.refused(registry.send(both, "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, ownOpinion, 0, today,
                today.plusDays(30))), 403, "permit.suspension-on-ones-own-finding", "evidenceSha256", "002 art. 28.1");
        ok(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, ownOpinion, 0, today,
                today.plusDays(30))));
        ok(registry.send(both, "RecordPermitInspection", new RecordPermitInspection(id, today,
                document("inspector-reviewer-s32's findings: 6532002's violation remedied"), false)));
        registry.refused(registry.send(both, "RestorePermit", new RestorePermit(id, "The violation is remedied")), 403,
                "permit.restoration-on-ones-own-finding", "applicationId", "002 art. 28.1, 28.4");
        assertThat(registry.events(id.value())).noneMatch(PermitRestored.class::isInstance);
        ok(registry.send("reviewer-1", "RestorePermit", new RestorePermit(id, "The violation is remedied")));
    }

    // ------------------------------------------------------------------ uploads and documents

    private static RegistryClient.Reply upload(String token, byte[] bytes, String mediaType, String fileName) {
        return registry.client().upload(bytes, mediaType, fileName, token);
    }

    private static long documentsStored() {
        return registry.getBean(MongoDatabase.class).getCollection("documents").countDocuments();
    }

    private static byte[] pdf(String words, int size) {
        byte[] head = ("%PDF-1.4\n" + words + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[Math.max(size, head.length + 6)];
        java.util.Arrays.fill(bytes, (byte) ' ');
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] tail = "%%EOF\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(tail, 0, bytes, bytes.length - tail.length, tail.length);
        return bytes;
    }

    @Test
    @Order(4)
    @DisplayName("001 art. 38.1 (ADR 0014): abuse: a zip, a script and an HTML page sent as application/pdf with a .pdf name; a file one byte "
            + "over the limit; a fourth upload over the person's quota: each refused, no document kept")
    void uploads_that_are_not_what_they_say_or_too_much_are_refused() {
        String token = registry.signIn("inspector-1");
        long before = documentsStored();
        for (byte[] notAPdf : List.of(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0}, "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8),
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8))) {
            RegistryClient.Reply reply = upload(token, notAPdf, "application/pdf", "findings.pdf");
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("document.content-mismatch");
        }
        try { // the registry answers 413 on the declared length, and may close the connection before the client has sent it all
            RegistryClient.Reply tooLarge = upload(token, pdf("too large", 10 * 1024 * 1024 + 1), "application/pdf", "large.pdf");
            assertThat(tooLarge.status()).as(tooLarge.body().toString()).isEqualTo(413);
            assertThat(tooLarge.code()).isEqualTo("document.too-large");
        } catch (java.io.UncheckedIOException closedBeforeTheEnd) {
            assertThat(closedBeforeTheEnd).hasMessageContaining("chunked");
        }
        assertThat(documentsStored()).isEqualTo(before);

        for (int i = 0; i < 2; i++) {
            RegistryClient.Reply within = upload(token, pdf("within the quota " + i, 400_000), "application/pdf", "part-" + i + ".pdf");
            assertThat(within.status()).as(within.body().toString()).isEqualTo(201);
        }
        RegistryClient.Reply over = upload(token, pdf("over the quota", 400_000), "application/pdf", "part-3.pdf");
        assertThat(over.status()).as(over.body().toString()).isEqualTo(429);
        assertThat(over.code()).isEqualTo("document.quota-exceeded");
        assertThat(documentsStored()).isEqualTo(before + 2);
    }

    @Test
    @Order(5)
    @DisplayName("002 art. 29.1, 31.1.7 (ADR 0057): abuse: the inspection's findings cited again as the supervisor's finding of false "
            + "documents, and another company's issue contract cited as the inspection's findings: refused, nothing stored")
    void one_pdf_is_not_cited_by_two_kinds_of_act() {
        LocalDate today = registry.today();
        ApplicationId id = issuedPermit("Red Team Thirty-Two One Paper LLC", "6532003");
        String findings = document("the findings of 6532003");
        ok(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true)));
        RunningRegistry.Sent again = registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS,
                "false statements", findings));
        assertThat(again.reply().status()).as(again.reply().body().toString()).isEqualTo(409);
        assertThat(again.reply().code()).startsWith("document.");
        assertThat(StoredEffects.byCommand(registry.getBean(MongoDatabase.class))).doesNotContainKey(again.commandId());

        String otherContract = document("the contract of 6532004");
        registry.issuedPermit("Red Team Thirty-Two Other Paper LLC", "6532004", document("the policy of 6532004"), otherContract);
        RunningRegistry.Sent contract = registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, otherContract,
                false));
        assertThat(contract.reply().status()).as(contract.reply().body().toString()).isEqualTo(409);
        assertThat(contract.reply().code()).startsWith("document.");
        assertThat(StoredEffects.byCommand(registry.getBean(MongoDatabase.class))).doesNotContainKey(contract.commandId());
    }

    // ------------------------------------------------------------------ the public side

    @Test
    @Order(6)
    @DisplayName("002 art. 15.3, 30.1 (F598, F599; ADR 0046 items 172-173): abuse: a person's civil number in a permit's published condition "
            + "written in small Latin letters, with its letters apart, or with a dot between them: refused 400 "
            + "privacy.personal-details-in-published-text, nothing stored")
    void a_civil_number_written_otherwise_is_not_published() {
        ApplicationId insured = registry.insuredPermit("Red Team Thirty-Two Civil LLC", "6532005", document("the policy of 6532005"));
        String contract = document("the contract of 6532005");
        for (String condition : List.of("The director (ub03321314) signs each certificate", "Director civil no. Ub-03321314 signs",
                "The director, У Б 03321314, signs", "The director, У.Б.03321314, signs")) {
            registry.refused(registry.send("supervisor-1", "IssuePermit", new IssuePermit(insured, "Issuing signature certificates",
                    List.of(condition), null, contract)), 400, "privacy.personal-details-in-published-text", "conditions[0]", "002 art. 15.3");
        }
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(insured, contract)));
    }

    @Test
    @Order(7)
    @DisplayName("002 art. 26.3, 30.1 (domain-rules §5): abuse: a refusal's withheld reasons searched for on the public search, read through "
            + "the feed and the register: published nowhere")
    void a_refusals_reasons_are_not_found_on_the_public_side() throws InterruptedException {
        ApplicationId id = appliedFor("Red Team Thirty-Two Refused LLC", "6532006");
        String secret = "Dashdorjwithheldreason";
        ok(registry.send("reviewer-1", "RefusePermitApplication", new RefusePermitApplication(id, List.of(new RefusalReason(
                PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE, "incomplete, says " + secret)))));
        for (int i = 0; i < 200 && !registry.client().get("/api/public/feed?after=-1&limit=1000").body().toString().contains(id.value()); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        assertThat(registry.client().get("/api/public/feed?after=-1&limit=1000").body().toString()).doesNotContain(secret);
        assertThat(registry.client().get("/api/public/search?q=" + secret).body().toString()).doesNotContain(id.value())
                .doesNotContain("6532006");
    }

    // ------------------------------------------------------------------ deadlines at the receipt

    @Test
    @Order(20)
    @DisplayName("002 art. 26.1, domain-rules §1-2 (F600; ADR 0046 item 174, choice): abuse: a reviewer signs the approval a minute before the "
            + "17 working days end and it is received after them, before the deadline service escalated: refused 403 "
            + "permit.escalated-decision-is-the-supervisors, nothing stored; the supervisor approves")
    void a_decision_received_after_its_last_day_is_the_supervisors() {
        JsonNode receipt = ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Red Team Thirty-Two Late LLC", "6532007")));
        ApplicationId id = new ApplicationId(receipt.path("applicationId").asText());
        LocalDate lastDay = LocalDate.parse(receipt.path("decisionDue").asText());
        Instant end = UlaanbaatarTime.endOf(lastDay).toInstant();
        registry.clock().advance(Duration.between(registry.clock().instant(), end.minus(Duration.ofMinutes(1))));
        CommandEnvelope signedInside = heldBack("ApprovePermitApplication", new ApprovePermitApplication(id));
        registry.clock().advance(Duration.ofMinutes(2));
        registry.refused(sendHeldBack(registry.client().person("reviewer-1"), signedInside), 403, "permit.escalated-decision-is-the-supervisors",
                "applicationId", "002 art. 26.1");
        registry.refused(registry.send("reviewer-1", "RefusePermitApplication", new RefusePermitApplication(id, List.of(new RefusalReason(
                PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE, "incomplete")))), 403, "permit.escalated-decision-is-the-supervisors",
                "applicationId", "002 art. 26.1");
        assertThat(registry.events(id.value())).noneMatch(PermitApplicationApproved.class::isInstance);
        ok(registry.send("supervisor-1", "ApprovePermitApplication", new ApprovePermitApplication(id)));
    }
}
