package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.EndSignerRole;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.ApprovePermitApplication;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.DecideRevocationComplaint;
import mn.registry.kernel.permit.FileRevocationComplaint;
import mn.registry.kernel.permit.IssuePermit;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitRevocationRequested;
import mn.registry.kernel.permit.RecordPermitInspection;
import mn.registry.kernel.permit.ReportCertificatesIssued;
import mn.registry.kernel.permit.ReportPermitChange;
import mn.registry.kernel.permit.RequestPermitExtension;
import mn.registry.kernel.permit.RequestPermitRevocation;
import mn.registry.kernel.permit.RestorePermit;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevokePermit;
import mn.registry.kernel.permit.SuspendPermit;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.kernel.permit.WithdrawPermitRevocationRequest;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.standalone.RunningRegistry.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 31, the permits' red team (docs/abuse-audit.md, "Session 31, the permits' red team"): a careless or dishonest official, holder or
 * applicant attacks the running registry from outside, with real signed requests over HTTP, through the special permit's lifecycle (002:
 * application, decision, issue, extension, suspension, restoration, revocation, complaint, surrender; 001 art. 23.1.1 for who signs). Each
 * method is one or several attempts; each refusal is problem+json with its code, field and article and nothing stored
 * ({@link RunningRegistry#refused}). The companies' state registration numbers 6531001-6531099 are this class's own. The deadline poller
 * is stopped (polled by hand where a test needs it); the demo people outlive the clock moved on by years (one test moves it past a term).
 */
class PermitRedTeamRound31EndToEndTest {

    @RegisterExtension
    static final PermitRegistry registry = new PermitRegistry("--registry.deadlines.poll-interval=1h").withLongLivedPeople();

    private static String document(String what) {
        return registry.document(what + ", session 31 permits' red team");
    }

    private static ApplicationId issuedPermit(String company, String number) {
        return registry.issuedPermit(company, number, document("the policy of " + number), document("the contract of " + number));
    }

    private static List<Object> events(ApplicationId id) {
        return registry.events(id.value());
    }

    private static String permitNumber(ApplicationId id) {
        return events(id).stream().filter(PermitIssued.class::isInstance).map(PermitIssued.class::cast).findFirst().orElseThrow().permitNumber().value();
    }

    /** Refused with {@code status} and a code starting {@code prefix}, and no trace in the events or the command log. */
    private static void refusedAs(RunningRegistry.Sent sent, int status, String prefix) {
        RegistryClient.Reply reply = sent.reply();
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.body().toString()).startsWith(prefix);
        MongoDatabase database = registry.getBean(MongoDatabase.class);
        assertThat(StoredEffects.byCommand(database)).doesNotContainKey(sent.commandId());
        assertThat(database.getCollection("commands").countDocuments(Filters.eq("_id", sent.commandId()))).isZero();
    }

    /** Signs {@code body} as the demo {@code person} with {@code envelope}'s id and a chosen {@code signedAt}, and posts it. */
    private static RegistryClient.Reply post(String person, String commandId, String type, Object body, Instant signedAt) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(body);
        CommandEnvelope envelope = new CommandEnvelope(commandId, type, signedAt, json);
        return registry.client().command(registry.client().sign(registry.client().person(person), envelope));
    }

    @Test
    @DisplayName("002 art. 23.2, 28.2, 29.6 (F566; ADR 0031, ADR 0046 item 162, choice): abuse: the holder of a revoked permit applies again "
            + "for the same company, then has its complaint against the revocation upheld: the company would hold two permits; refused "
            + "409 permit.company-already-holds, nothing stored")
    void a_complaint_is_not_upheld_into_a_second_permit_of_the_company() {
        ApplicationId revoked = issuedPermit("Red Team Thirty-One Twice LLC", "6531001");
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(revoked, RevocationGround.FALSE_DOCUMENTS, "forged audit report",
                document("the finding of false documents of 6531001"))));
        // lawful as the law reads (the revoked permit frees the company's number, ADR 0031): the company applies again
        ApplicationId again = new ApplicationId(ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(
                registry.context(), "Red Team Thirty-One Twice LLC", "6531001"))).path("applicationId").asText());
        ok(registry.send("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(revoked, document("the complaint of 6531001"))));
        registry.refused(registry.send("supervisor-2", "DecideRevocationComplaint", new DecideRevocationComplaint(revoked, true,
                document("the decision upholding the complaint of 6531001"))), 409, "permit.company-already-holds", "applicationId", "002 art. 23.2");
        assertThat(events(revoked)).noneMatch(RevocationComplaintDecided.class::isInstance);
        // the complaint rejected stands; upheld once the other application no longer holds the company (refused)
        ok(registry.send("reviewer-1", "RefusePermitApplication", new mn.registry.kernel.permit.RefusePermitApplication(again, List.of(
                new mn.registry.kernel.permit.RefusalReason(mn.registry.kernel.permit.PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE, "incomplete")))));
        ok(registry.send("supervisor-2", "DecideRevocationComplaint", new DecideRevocationComplaint(revoked, true,
                document("the decision upholding the complaint of 6531001, after the refusal"))));
        // reinstated, the permit holds the company again: a third application is refused
        refusedAs(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Red Team Thirty-One Twice LLC", "6531001")), 409, "permit.company-already-holds");
    }

    @Test
    @DisplayName("002 art. 23.2, 27.4, 29.2 (F567; ADR 0031, ADR 0046 item 163, choice): abuse: the holder's permit expires with its "
            + "extension request undecided, the company applies again, then the extension is granted after the expiry: the company would "
            + "hold two permits; refused 409 permit.company-already-holds, nothing stored")
    void an_extension_after_expiry_does_not_bring_back_a_second_permit_of_the_company() throws InterruptedException {
        ApplicationId id = issuedPermit("Red Team Thirty-One Expiry LLC", "6531012");
        LocalDate validUntil = events(id).stream().filter(PermitIssued.class::isInstance).map(PermitIssued.class::cast).findFirst().orElseThrow()
                .validUntil();
        registry.clock().advance(Duration.between(registry.clock().instant(), mn.registry.kernel.calendar.UlaanbaatarTime.endOf(
                validUntil.minusMonths(4)).toInstant().minus(Duration.ofHours(12))));
        ok(registry.send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(id, document("the stamp duty paid by 6531012"))));
        registry.clock().advance(Duration.between(registry.clock().instant(), mn.registry.kernel.calendar.UlaanbaatarTime.endOf(
                validUntil.plusDays(2)).toInstant().minus(Duration.ofHours(12))));
        registry.getBean(mn.registry.deadline.DeadlinePoller.class).pollOnce();
        // the deadlines of five years fire in one go: under load (CI's first run of the merged suite) 20 s did not always see the expiry
        for (int i = 0; i < 600 && events(id).stream().noneMatch(mn.registry.kernel.permit.PermitExpired.class::isInstance); i++) {
            if (i % 20 == 19) {
                registry.getBean(mn.registry.deadline.DeadlinePoller.class).pollOnce();
            }
            Thread.sleep(100);
        }
        assertThat(events(id)).anyMatch(mn.registry.kernel.permit.PermitExpired.class::isInstance);
        // lawful as the law reads (an expired permit frees the company's number, ADR 0031): the company applies again
        ApplicationId again = new ApplicationId(ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(
                registry.context(), "Red Team Thirty-One Expiry LLC", "6531012"))).path("applicationId").asText());
        registry.refused(registry.send("supervisor-2", "DecidePermitExtension", new mn.registry.kernel.permit.DecidePermitExtension(id, true,
                List.of())), 409, "permit.company-already-holds", "applicationId", "002 art. 23.2");
        assertThat(events(id)).noneMatch(mn.registry.kernel.permit.PermitExtendedAfterExpiry.class::isInstance);
        // once the new application no longer holds the company (refused), the extension after the expiry is granted
        ok(registry.send("reviewer-1", "RefusePermitApplication", new mn.registry.kernel.permit.RefusePermitApplication(again, List.of(
                new mn.registry.kernel.permit.RefusalReason(mn.registry.kernel.permit.PermitRequirement.CERTIFICATE_ISSUING_PROCEDURE, "incomplete")))));
        ok(registry.send("supervisor-2", "DecidePermitExtension", new mn.registry.kernel.permit.DecidePermitExtension(id, true, List.of())));
        assertThat(events(id)).anyMatch(mn.registry.kernel.permit.PermitExtendedAfterExpiry.class::isInstance);
    }

    @Test
    @DisplayName("002 art. 23.2, 27.3, 29.6 (F566, F567; ADR 0031): abuse: a careless official's refused grant of an extension, or refused "
            + "upheld complaint, on a permit in force: refused, nothing stored, and the permit keeps its company: a second application of the "
            + "company is still refused")
    void a_refused_act_on_a_permit_in_force_does_not_free_its_company() {
        ApplicationId id = issuedPermit("Red Team Thirty-One Kept LLC", "6531013");
        registry.refused(registry.send("supervisor-2", "DecidePermitExtension", new mn.registry.kernel.permit.DecidePermitExtension(id, true,
                List.of())), 409, "permit.no-extension-request", null, "002 art. 27.3");
        registry.refused(registry.send("supervisor-2", "DecideRevocationComplaint", new DecideRevocationComplaint(id, true,
                document("a decision on no complaint of 6531013"))), 409, "permit.no-complaint", null, "002 art. 29.6");
        refusedAs(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(),
                "Red Team Thirty-One Kept LLC", "6531013")), 409, "permit.company-already-holds");
    }

    @Test
    @DisplayName("002 art. 26.6.4, 27.1, 28.1, 31.1.7, 20.3.3, 22.1.2 (ADR 0013): abuse: dates chosen to gain time: a term from yesterday, a "
            + "suspension from yesterday or of four months, an inspection or a change dated tomorrow, a report's period ending tomorrow: each "
            + "refused, nothing stored")
    void dates_chosen_to_gain_time_are_refused() {
        LocalDate today = registry.today();
        ApplicationId insured = registry.insuredPermit("Red Team Thirty-One Dates LLC", "6531002", document("the policy of 6531002"));
        String contract = document("the contract of 6531002");
        registry.refused(registry.send("supervisor-1", "IssuePermit", new IssuePermit(insured, "Issuing signature certificates",
                List.of("Keep the database in Mongolia"), today.minusDays(1), contract)), 400, "permit.valid-from-not-today", "validFrom",
                "002 art. 26.6.4");
        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(insured, contract)));
        registry.refused(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(insured, today.plusDays(1),
                document("findings dated tomorrow of 6531002"), true)), 400, "permit.inspection-in-future", "inspectedOn", "002 art. 31.1.7");
        registry.refused(registry.send("applicant-1", "ReportPermitChange", new ReportPermitChange(insured, today.plusDays(1), "New address",
                document("the change of address of 6531002"))), 400, "permit.change-in-future", "changedOn", "002 art. 20.3.3");
        registry.refused(registry.send("applicant-1", "ReportCertificatesIssued", new ReportCertificatesIssued(insured, 3, today.plusDays(1))),
                400, "permit.report-period-in-future", "periodEnd", "002 art. 22.1.2");
        String findings = document("the inspector's findings of a violation by 6531002");
        ok(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(insured, today, findings, true)));
        registry.refused(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(insured, SuspensionGround.INSPECTOR_OPINION, findings, 0,
                today.minusDays(1), today.plusDays(30))), 400, "permit.suspension-not-from-today", "from", "002 art. 28.1");
        registry.refused(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(insured, SuspensionGround.INSPECTOR_OPINION, findings, 0,
                today, today.plusMonths(4))), 400, "permit.suspension-too-long", "until", "002 art. 28.1");
    }

    @Test
    @DisplayName("002 art. 28.4, 31.1.7, 27.2: abuse: a restoration with the violation not found remedied, a clean inspection dated before "
            + "the permit's issue, an extension asked in the term's first days: refused, nothing stored")
    void a_restoration_without_the_ground_cured_is_refused() {
        LocalDate today = registry.today();
        ApplicationId id = issuedPermit("Red Team Thirty-One Restore LLC", "6531003");
        String findings = document("the inspector's findings of a violation by 6531003");
        ok(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today, findings, true)));
        ok(registry.send("reviewer-1", "SuspendPermit", new SuspendPermit(id, SuspensionGround.INSPECTOR_OPINION, findings, 0, today,
                today.plusDays(30))));
        registry.refused(registry.send("reviewer-1", "RestorePermit", new RestorePermit(id, "The holder says it is remedied")), 409,
                "permit.restoration-without-inspection", null, "002 art. 28.4");
        registry.refused(registry.send("inspector-1", "RecordPermitInspection", new RecordPermitInspection(id, today.minusDays(1),
                document("a clean report dated yesterday of 6531003"), false)), 400, "permit.inspection-before-issue", "inspectedOn", "002 art. 31.1.7");
        registry.refused(registry.send("applicant-1", "RequestPermitExtension", new RequestPermitExtension(id, document("stamp duty of 6531003"))),
                400, "permit.extension-too-early", null, "002 art. 27.2");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0013 §1): abuse: a signed act claiming a signing time ten minutes ahead or ten minutes back, the same "
            + "request id twice with different bodies, the same request replayed: refused or answered once, one act stored")
    void signing_times_and_replays_do_not_make_acts() {
        ApplicationId id = issuedPermit("Red Team Thirty-One Replay LLC", "6531004");
        Instant now = registry.clock().instant();
        RegistryClient.Reply ahead = post("applicant-1", java.util.UUID.randomUUID().toString(), "RequestPermitRevocation",
                new RequestPermitRevocation(id), now.plus(Duration.ofMinutes(10)));
        assertThat(ahead.status()).as(ahead.body().toString()).isIn(400, 401);
        assertThat(ahead.code()).isEqualTo("command.signed-in-future");
        RegistryClient.Reply back = post("applicant-1", java.util.UUID.randomUUID().toString(), "RequestPermitRevocation",
                new RequestPermitRevocation(id), now.minus(Duration.ofMinutes(10)));
        assertThat(back.status()).as(back.body().toString()).isIn(400, 401);
        assertThat(back.code()).isEqualTo("command.signed-too-long-ago");
        assertThat(events(id)).noneMatch(PermitRevocationRequested.class::isInstance);

        String commandId = java.util.UUID.randomUUID().toString();
        Instant signedAt = registry.clock().instant();
        RegistryClient.Reply first = post("applicant-1", commandId, "RequestPermitRevocation", new RequestPermitRevocation(id), signedAt);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        RegistryClient.Reply replayed = post("applicant-1", commandId, "RequestPermitRevocation", new RequestPermitRevocation(id), signedAt);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.body()).isEqualTo(first.body());
        RegistryClient.Reply reused = post("applicant-1", commandId, "WithdrawPermitRevocationRequest", new WithdrawPermitRevocationRequest(id),
                signedAt);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("command.id-reused");
        assertThat(events(id)).filteredOn(PermitRevocationRequested.class::isInstance).hasSize(1);
        assertThat(events(id)).noneMatch(mn.registry.kernel.permit.PermitRevocationRequestWithdrawn.class::isInstance);
    }

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 26.2.2, 29.1.1, 29.6: abuse: a reviewer acts after the role was ended; another company's "
            + "representative surrenders the permit; the revoker decides the complaint against their own revocation; a second complaint; a "
            + "complaint against a surrender: each refused, nothing stored")
    void the_wrong_signer_is_refused() {
        SigningIdentity dismissed = registry.reviewer("reviewer-s31-dismissed", "session 31 red team");
        ApplicationId pending = new ApplicationId(ok(registry.send("applicant-1", "ApplyForPermit", ReceiptTimeEndToEndTest.permitApplicationFor(
                registry.context(), "Red Team Thirty-One Dismissal LLC", "6531005"))).path("applicationId").asText());
        ok(registry.send("supervisor-1", "EndSignerRole", new EndSignerRole(dismissed.person(), Role.MINISTRY_REVIEWER,
                document("the order dismissing reviewer-s31-dismissed"))));
        registry.refused(registry.send(dismissed, "ApprovePermitApplication", new ApprovePermitApplication(pending)), 403, "signer.role-missing",
                null, "domain-rules §1");

        ApplicationId id = issuedPermit("Red Team Thirty-One Stranger LLC", "6531006");
        registry.refused(registry.send("applicant-khan-sign", "RequestPermitRevocation", new RequestPermitRevocation(id)), 403,
                "permit.not-the-holder", null, "002 art. 29.1.1");
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS, "forged bank reference",
                document("the finding of false documents of 6531006"))));
        ok(registry.send("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(id, document("the complaint of 6531006"))));
        refusedAs(registry.send("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(id, document("a second complaint of 6531006"))),
                409, "permit.complaint-pending");
        registry.refused(registry.send("supervisor-1", "DecideRevocationComplaint", new DecideRevocationComplaint(id, true,
                document("the revoker's own decision of 6531006"))), 403, "permit.complaint-decided-by-the-revoker", null, "002 art. 29.6");

        ApplicationId surrendered = issuedPermit("Red Team Thirty-One Surrender LLC", "6531007");
        ok(registry.send("applicant-1", "RequestPermitRevocation", new RequestPermitRevocation(surrendered)));
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(surrendered, RevocationGround.HOLDER_REQUEST, "the holder's request", null)));
        refusedAs(registry.send("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(surrendered,
                document("a complaint against the surrender of 6531007"))), 409, "permit.complaint-not-allowed");
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (domain-rules §5): abuse: a person's phone number in a permit's condition, an e-mail address in the "
            + "applicant's published address; the paper another act claimed cited as a complaint: refused, nothing stored")
    void personal_details_and_claimed_papers_are_refused() {
        ApplicationId insured = registry.insuredPermit("Red Team Thirty-One Text LLC", "6531008", document("the policy of 6531008"));
        String contract = document("the contract of 6531008");
        registry.refused(registry.send("supervisor-1", "IssuePermit", new IssuePermit(insured, "Issuing signature certificates",
                List.of("Call the director Bat on 99112233 after hours"), null, contract)), 400, "privacy.personal-details-in-published-text",
                "conditions[0]", "002 art. 15.3");
        ApplyForPermit withEmail = ReceiptTimeEndToEndTest.permitApplicationFor(registry.context(), "Red Team Thirty-One Mail LLC", "6531009");
        withEmail = new ApplyForPermit(new Company("Red Team Thirty-One Mail LLC", "6531009", true, "Write to bat.erdene@gmail.com"), false,
                withEmail.documents());
        registry.refused(registry.send("applicant-1", "ApplyForPermit", withEmail), 400, "privacy.personal-details-in-published-text",
                "company.address", "002 art. 15.3");

        ok(registry.send("supervisor-1", "IssuePermit", PermitRegistry.issue(insured, contract)));
        ApplicationId other = issuedPermit("Red Team Thirty-One Other LLC", "6531010");
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(other, RevocationGround.FALSE_DOCUMENTS, "forged statements",
                document("the finding of false documents of 6531010"))));
        refusedAs(registry.send("applicant-1", "FileRevocationComplaint", new FileRevocationComplaint(other, contract)), 409, "document.");
    }

    @Test
    @DisplayName("002 art. 26.4, 30.1 (domain-rules §5): abuse: a revocation's withheld reason read through the public feed, the register "
            + "extract and the public search: published nowhere")
    void a_withheld_reason_is_not_read_on_the_public_side() throws InterruptedException {
        ApplicationId id = issuedPermit("Red Team Thirty-One Public LLC", "6531011");
        String number = permitNumber(id);
        String secret = "Zorigtsecretreason";
        ok(registry.send("supervisor-1", "RevokePermit", new RevokePermit(id, RevocationGround.FALSE_DOCUMENTS, "forged by " + secret,
                document("the finding of false documents of 6531011"))));
        for (int i = 0; i < 200 && !registry.client().get("/api/public/register/permits/" + number).body().toString().contains("REVOKED"); i++) {
            Thread.sleep(100);
        }
        JsonNode entry = registry.client().get("/api/public/register/permits/" + number).body();
        assertThat(entry.toString()).contains("REVOKED").doesNotContain(secret);
        // the feed publishes by checkpoint: wait for the revocation's entry, then read it all
        for (int i = 0; i < 200 && !registry.client().get("/api/public/feed?after=-1&limit=1000").body().toString().contains("\"" + id.value()
                + "\",\"decidedBy\""); i++) {
            Thread.sleep(100);
        }
        String feed = registry.client().get("/api/public/feed?after=-1&limit=1000").body().toString();
        assertThat(feed).contains(number).contains("FALSE_DOCUMENTS").doesNotContain(secret);
        RegistryClient.Reply search = registry.client().get("/api/public/search?q=" + secret);
        assertThat(search.body().toString()).doesNotContain(number);
    }
}
