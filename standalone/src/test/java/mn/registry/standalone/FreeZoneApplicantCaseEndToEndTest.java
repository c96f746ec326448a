package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.document.DocumentStore;
import mn.registry.identity.command.Enrolment;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.pki.SigningIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 9 for Free Zones over HTTP (ADR 0013 §5; 003 art. 12.1-12.2): an entity applies, the governor rejects
 * it with reasons, the person who signed the application reads the reasons (times in UTC and Ulaanbaatar); another
 * applicant and the governor get a 403 with nothing of the registration in it.
 */
class FreeZoneApplicantCaseEndToEndTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final String REASON = "the charter is not notarised and the lease of the premises has expired";

    @RegisterExtension
    static final RunningRegistry registry = new RunningRegistry();
    private static SigningIdentity otherApplicant;

    @BeforeAll
    static void start() {
        Instant now = Instant.now();
        otherApplicant = registry.getBean(RegistryKeys.class).ca().newPerson(new PersonId("applicant-2"), "Second Applicant", "Other LLC",
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        registry.getBean(Enrolment.class).enrolIfAbsent(otherApplicant.person(), "Second Applicant", otherApplicant.certificate(), Role.APPLICANT,
                null, "6500099", new PersonId("supervisor-1"), "test enrolment of a second applicant, Other LLC's representative");
    }

    private static SubmittedZoneDocument upload(LegalEntity entity, ZoneDocument kind) {
        byte[] bytes = ("%PDF-1.4\n" + entity.name() + " " + kind + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return new SubmittedZoneDocument(kind, registry.getBean(DocumentStore.class).receive(bytes, "application/pdf", kind + ".pdf").document().sha256());
    }

    /** applicant-1 applies for {@code entity}, the governor of Altanbulag rejects it with {@link #REASON}; answers its registration id. */
    static RegistrationId applyAndBeRejected(LegalEntity entity) {
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(entity.jurisdiction()).stream().map(k -> upload(entity, k)).toList();
        RegistryClient.Reply applied = registry.command("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ALTANBULAG, entity, Activity.TRADE, documents));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        // the receipt itself tells the applicant its local time of receipt (ADR 0013 §5)
        assertThat(OffsetDateTime.parse(applied.body().path("receivedAtUlaanbaatar").asText()).toInstant())
                .isEqualTo(Instant.parse(applied.body().path("receivedAt").asText()));
        assertThat(applied.body().path("receivedAtUlaanbaatar").asText()).endsWith("+08:00");
        RegistrationId id = new RegistrationId(applied.body().path("registrationId").asText());
        RegistryClient.Reply rejected = registry.command("governor-altanbulag", "RejectZoneRegistration",
                new RegistrationCommands.RejectZoneRegistration(id, List.of(REASON)));
        assertThat(rejected.status()).as(rejected.body().toString()).isEqualTo(200);
        return id;
    }

    @Test
    @DisplayName("003 art. 12.1-12.2: the entity's applicant reads its rejected registration and the governor's reasons, in UTC and Ulaanbaatar time")
    void applicant_reads_the_rejection_and_its_reasons() throws InterruptedException {
        LegalEntity entity = new LegalEntity("Kiakhta Border Trade LLC", Jurisdiction.MONGOLIAN, null, "6500001");
        RegistrationId id = applyAndBeRejected(entity);

        String token = registry.signIn(registry.client().person("applicant-1"));
        JsonNode page = registry.awaitVisible("/api/applicant/registrations/" + id.value(), token, p -> "REJECTED".equals(p.path("status").asText()));
        assertThat(page.path("entity").path("name").asText()).isEqualTo(entity.name());
        assertThat(page.path("zoneId").asText()).isEqualTo("altanbulag");
        Instant receivedAt = Instant.parse(page.path("receivedAt").asText());
        assertThat(OffsetDateTime.parse(page.path("receivedAtUlaanbaatar").asText()).toInstant()).isEqualTo(receivedAt);
        assertThat(page.path("receivedAtUlaanbaatar").asText()).endsWith("+08:00");
        assertThat(page.path("rejection").path("reasons").toString()).contains(REASON);
        JsonNode rejection = null;
        for (JsonNode decision : page.path("decisions")) {
            if ("ZoneRegistrationRejected".equals(decision.path("type").asText())) {
                rejection = decision;
            }
        }
        assertThat(rejection).as("the rejection among the decisions: " + page.path("decisions")).isNotNull();
        assertThat(rejection.path("content").path("reasons").toString()).contains(REASON);
        assertThat(rejection.path("signedBy").asText()).isEqualTo("governor-altanbulag");
        assertThat(rejection.path("atUlaanbaatar").asText()).endsWith("+08:00");
        assertThat(Instant.parse(rejection.path("at").asText())).isAfterOrEqualTo(receivedAt);

        JsonNode mine = registry.client().get("/api/applicant/registrations", token).body();
        assertThat(mine.findValuesAsText("registrationId")).contains(id.value());
    }

    @Test
    @DisplayName("003 art. 12.1-12.2 (abuse): another applicant and the governor reading the registration get 403 with nothing of it; unknown ids look the same")
    void another_applicant_is_refused() throws InterruptedException {
        LegalEntity entity = new LegalEntity("Selenge Secret Timber LLC", Jurisdiction.MONGOLIAN, null, "6500002");
        RegistrationId id = applyAndBeRejected(entity);
        registry.awaitVisible("/api/applicant/registrations/" + id.value(), registry.signIn(registry.client().person("applicant-1")), p -> "REJECTED".equals(p.path("status").asText()));

        String intruder = registry.signIn(otherApplicant);
        RegistryClient.Reply read = registry.client().get("/api/applicant/registrations/" + id.value(), intruder);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.code()).isEqualTo("applicant.not-your-case");
        assertThat(read.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        // the id is derived from the entity's public registration number, so it is only echoed as the path the reader asked for
        assertThat(read.body().path("instance").asText()).isEqualTo("/api/applicant/registrations/" + id.value());
        ObjectNode rest = ((ObjectNode) read.body()).deepCopy();
        rest.remove("instance");
        assertThat(rest.toString()).doesNotContain("6500002").doesNotContain("altanbulag");
        assertThat(read.raw().body()).doesNotContain("Selenge Secret").doesNotContain("applicant-1").doesNotContain(REASON)
                .doesNotContain("governor-altanbulag").doesNotContain("TRADE");

        RegistryClient.Reply unknown = registry.client().get("/api/applicant/registrations/altanbulag:mn-0000000", intruder);
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.code()).isEqualTo(read.code());
        assertThat(registry.client().get("/api/applicant/registrations", intruder).body().toString()).doesNotContain(id.value()).doesNotContain("Selenge Secret");

        RegistryClient.Reply governor = registry.client().get("/api/applicant/registrations/" + id.value(), registry.signIn(registry.client().person("governor-altanbulag")));
        assertThat(governor.status()).isEqualTo(403);
        assertThat(governor.code()).isEqualTo("signer.role-missing");
        assertThat(governor.raw().body()).doesNotContain(REASON);
        assertThat(registry.client().get("/api/applicant/registrations/" + id.value()).status()).isEqualTo(401);
    }
}
