package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.identity.command.Enrolment;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RefusePermitApplication;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 9 over HTTP (ADR 0013 §5): the applicant who signed an application reads its case and every decision
 * on it with reasons; its receipt states the local time in Ulaanbaatar; another applicant gets a 403 with nothing of
 * the case in it.
 */
class ApplicantCaseEndToEndTest {

    static final String COMPANY = "Khuvsgul Signatures LLC";
    static final String REASON = "the cyber-security audit report is not signed by a licensed auditor";

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;
    private static SigningIdentity otherApplicant;

    @BeforeAll
    static void start() {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
        client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
        Instant now = Instant.now();
        otherApplicant = registry.getBean(RegistryKeys.class).ca().newPerson(new PersonId("applicant-2"), "Second Applicant", "Other LLC",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        registry.getBean(Enrolment.class).enrolIfAbsent(otherApplicant.person(), "Second Applicant", otherApplicant.certificate(), Role.APPLICANT,
                null, "6300099", new PersonId("supervisor-1"), "test enrolment of a second applicant, Other LLC's representative");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static String signIn(SigningIdentity who) {
        String challenge = client.get("/api/session/challenge").body().path("challenge").asText();
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        RegistryClient.Reply reply = client.post("/api/session", client.sign(who, CommandEnvelope.fresh("SignIn", body, Clock.systemUTC())),
                "application/json");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("token").asText();
    }

    private static JsonNode await(String path, String token, Predicate<JsonNode> until) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 150; i++) {
            // the case is read from a projection: until it has the application, even its applicant is told "not yours"
            RegistryClient.Reply reply = client.get(path, token);
            last = reply.body();
            if (reply.status() == 200 && until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never became as expected: " + last);
    }

    /** applicant-1 applies, reviewer-1 refuses with a reason; answers the application id and the receipt. */
    static JsonNode applyAndBeRefused(RegistryClient client, String company, String number) {
        RegistryClient.Reply applied = client.command(client.sign("applicant-1", "ApplyForPermit",
                ReceiptTimeEndToEndTest.permitApplicationFor(registry, company, number)));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        ApplicationId id = new ApplicationId(applied.body().path("applicationId").asText());
        RegistryClient.Reply refused = client.command(client.sign("reviewer-1", "RefusePermitApplication", new RefusePermitApplication(id,
                List.of(new RefusalReason(PermitRequirement.SECURITY_AUDIT_REPORT, REASON)))));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(200);
        return applied.body();
    }

    @Test
    @DisplayName("002 art. 26.2.1, 26.3: the applicant's receipt states the time in Ulaanbaatar; it reads its case and the refusal's reasons")
    void applicant_reads_its_case_and_the_refusal() throws InterruptedException {
        JsonNode receipt = applyAndBeRefused(client, COMPANY, "6300001");
        String id = receipt.path("applicationId").asText();
        Instant receivedAt = Instant.parse(receipt.path("receivedAt").asText());
        OffsetDateTime local = OffsetDateTime.parse(receipt.path("receivedAtUlaanbaatar").asText());
        assertThat(local.toInstant()).isEqualTo(receivedAt);
        assertThat(local.getOffset()).isEqualTo(UlaanbaatarTime.ZONE.getRules().getOffset(receivedAt));
        assertThat(receipt.path("receivedAtUlaanbaatar").asText()).endsWith("+08:00");

        String token = signIn(client.person("applicant-1"));
        JsonNode page = await("/api/applicant/applications/" + id, token, p -> "REFUSED".equals(p.path("status").asText()));
        assertThat(page.path("receiptNumber").asText()).isEqualTo(receipt.path("receiptNumber").asText());
        assertThat(OffsetDateTime.parse(page.path("receivedAtUlaanbaatar").asText()).toInstant()).isEqualTo(receivedAt);
        assertThat(page.path("refusal").toString()).contains(REASON).contains("SECURITY_AUDIT_REPORT");
        JsonNode refusal = null;
        for (JsonNode decision : page.path("decisions")) {
            if ("PermitApplicationRefused".equals(decision.path("type").asText())) {
                refusal = decision;
            }
        }
        assertThat(refusal).as("the refusal among the decisions: " + page.path("decisions")).isNotNull();
        assertThat(refusal.path("content").toString()).contains(REASON).contains("002 art. 26.3");
        assertThat(refusal.path("atUlaanbaatar").asText()).endsWith("+08:00");
        assertThat(refusal.path("signedBy").asText()).isEqualTo("reviewer-1");

        JsonNode mine = client.get("/api/applicant/applications", token).body();
        assertThat(mine.findValuesAsText("applicationId")).contains(id);
    }

    @Test
    @DisplayName("002 art. 26.2.1 (abuse): applicant B reading applicant A's case gets 403 problem+json with nothing of the case; unknown ids look the same")
    void another_applicant_is_refused() throws InterruptedException {
        JsonNode receipt = applyAndBeRefused(client, "Selenge Secret Holdings LLC", "6300002");
        String id = receipt.path("applicationId").asText();
        String owner = signIn(client.person("applicant-1"));
        await("/api/applicant/applications/" + id, owner, p -> "REFUSED".equals(p.path("status").asText()));

        String intruder = signIn(otherApplicant);
        RegistryClient.Reply read = client.get("/api/applicant/applications/" + id, intruder);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.code()).isEqualTo("applicant.not-your-case");
        assertThat(read.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(read.raw().body()).doesNotContain("Selenge Secret").doesNotContain("6300002").doesNotContain(receipt.path("receiptNumber").asText())
                .doesNotContain("applicant-1").doesNotContain(REASON);

        RegistryClient.Reply unknown = client.get("/api/applicant/applications/00000000-0000-4000-8000-000000000000", intruder);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.code()).isEqualTo(read.code());
        assertThat(client.get("/api/applicant/applications", intruder).body().toString()).doesNotContain(id).doesNotContain("Selenge Secret");

        RegistryClient.Reply reviewer = client.get("/api/applicant/applications/" + id, signIn(client.person("reviewer-1")));
        assertThat(reviewer.status()).isEqualTo(403);
        assertThat(reviewer.code()).isEqualTo("signer.role-missing");
        assertThat(client.get("/api/applicant/applications/" + id).status()).isEqualTo(401);
    }
}
