package mn.registry.standalone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.YearConfirmed;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.signing.CommandEnvelope;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The signed-command pipeline of the running registry, end to end over HTTP. */
class SignedCommandPipelineTest {

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;

    @BeforeAll
    static void start() {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
        client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static Optional<Long> calendarEvents() {
        return registry.getBean(EventStore.class).lastSequenceNumberFor(CurrentCalendar.STREAM);
    }

    private static long storedCommands(String commandId) {
        return registry.getBean(MongoDatabase.class).getCollection("commands").countDocuments(new Document("_id", commandId));
    }

    private static PublicHolidayDeclared holiday(int day) {
        return new PublicHolidayDeclared(LocalDate.of(2038, 9, day), "Declared holiday " + day, "Тунхагласан амралтын өдөр", "Government resolution 2038/" + day);
    }

    @Test
    @DisplayName("a declaration signed by the Cabinet member is applied once: the same JWS again gets the first answer and stores nothing more")
    void signed_command_is_applied_once() {
        String jws = client.sign("cabinet-1", "DeclarePublicHoliday", holiday(14));
        Optional<Long> before = calendarEvents();

        RegistryClient.Reply first = client.command(jws);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("calendarVersion").asText()).startsWith("MN-2024.");
        Long afterFirst = calendarEvents().orElseThrow();

        RegistryClient.Reply again = client.command(jws);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.raw().headers().firstValue("Idempotent-Replay")).contains("true");
        assertThat(calendarEvents()).contains(afterFirst);
        assertThat(afterFirst).isEqualTo(before.map(n -> n + 1).orElse(0L));
        assertThat(client.get("/api/calendar").body().path("calendarVersion").asText()).isEqualTo(first.body().path("calendarVersion").asText());
    }

    @Test
    @DisplayName("the same command id reused for a different signed command is refused with 409")
    void command_id_reuse_is_refused() {
        String id = "reuse-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SigningIdentity supervisor = client.person("cabinet-1");
        assertThat(client.command(client.sign(supervisor, new CommandEnvelope(id, "DeclarePublicHoliday", now, tree(holiday(15))))).status()).isEqualTo(200);
        RegistryClient.Reply reused = client.command(client.sign(supervisor, new CommandEnvelope(id, "DeclarePublicHoliday", now, tree(holiday(16)))));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.code()).isEqualTo("command.id-reused");
    }

    @Test
    @DisplayName("domain-rules §1: a reviewer may not declare a holiday: 403 naming the roles, nothing stored")
    void missing_role_is_forbidden() {
        Optional<Long> before = calendarEvents();
        CommandEnvelope envelope = CommandEnvelope.fresh("DeclarePublicHoliday", tree(holiday(20)), Clock.systemUTC());
        RegistryClient.Reply reply = client.command(client.sign(client.person("reviewer-1"), envelope));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.code()).isEqualTo("signer.role-missing");
        assertThat(reply.body().path("detail").asText()).contains("MINISTRY_REVIEWER").contains("CABINET_MEMBER");
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(calendarEvents()).isEqualTo(before);
        assertThat(storedCommands(envelope.commandId())).isZero();
    }

    @Test
    @DisplayName("ADR 0013 §2, issue 13 item 7: the working days of 002 art. 26.1 are the Government's to declare; a ministry supervisor may not declare a holiday or confirm a year: 403, nothing stored")
    void a_supervisor_may_not_declare_the_calendar() {
        Optional<Long> before = calendarEvents();
        YearConfirmed year = new YearConfirmed(2031, List.of(LocalDate.of(2031, 2, 22), LocalDate.of(2031, 2, 23), LocalDate.of(2031, 2, 24)),
                LocalDate.of(2031, 6, 5), LocalDate.of(2031, 11, 15), "Supervisor's own decision");
        for (CommandEnvelope envelope : List.of(CommandEnvelope.fresh("DeclarePublicHoliday", tree(holiday(27)), Clock.systemUTC()),
                CommandEnvelope.fresh("ConfirmCalendarYear", CanonicalJson.mapper().valueToTree(year), Clock.systemUTC()))) {
            RegistryClient.Reply reply = client.command(client.sign(client.person("supervisor-1"), envelope));
            assertThat(reply.status()).as(envelope.type()).isEqualTo(403);
            assertThat(reply.code()).isEqualTo("signer.role-missing");
            assertThat(storedCommands(envelope.commandId())).isZero();
        }
        assertThat(calendarEvents()).isEqualTo(before);
    }

    @Test
    @DisplayName("ADR 0013 §2 via the public endpoint: 17 working days from 2030-12-20 are due 2031-01-15 and 5 from 2056-02-11 due 2056-02-23, both provisional; the Cabinet member's 2031 holiday moves the first, its confirmation of 2056 (a far year, so that it is never a past year: F15) the second")
    void calendar_answers_after_2030_and_says_provisional() {
        RegistryClient.Reply in2031 = client.get("/api/calendar/deadline?from=2030-12-20&workingDays=17");
        assertThat(in2031.status()).as(in2031.body().toString()).isEqualTo(200);
        assertThat(in2031.body().path("due").asText()).isEqualTo("2031-01-15");
        assertThat(in2031.body().path("provisional").asBoolean()).isTrue();
        assertThat(in2031.body().path("calendarVersion").asText()).endsWith("+provisional-2031");
        RegistryClient.Reply in2056 = client.get("/api/calendar/deadline?from=2056-02-11&workingDays=5");
        assertThat(in2056.body().path("due").asText()).isEqualTo("2056-02-23");
        assertThat(in2056.body().path("provisional").asBoolean()).isTrue();
        assertThat(in2056.body().path("skipped").toString()).contains("2056-02-16").contains("computed (provisional");
        RegistryClient.Reply in2026 = client.get("/api/calendar/deadline?from=2026-11-20&workingDays=17");
        assertThat(in2026.body().path("provisional").asBoolean()).isFalse();

        PublicHolidayDeclared dayOff = new PublicHolidayDeclared(LocalDate.of(2031, 1, 7), "Declared day off", "Амралтын өдөр", "Government resolution 2030/77");
        RegistryClient.Reply declared = client.command(client.sign("cabinet-1", "DeclarePublicHoliday", dayOff));
        assertThat(declared.status()).as(declared.body().toString()).isEqualTo(200);
        assertThat(declared.body().path("provisional").asBoolean()).isTrue();
        assertThat(client.get("/api/calendar/deadline?from=2030-12-20&workingDays=17").body().path("due").asText()).isEqualTo("2031-01-16");

        // the Government confirms 2056 with Tsagaan Sar on 17-19 Feb (computed: 16-18): the deadline moves and is no longer
        // provisional. A far year: a confirmation that changes days already past at receipt is refused (F15, abuse audit O6)
        YearConfirmed year2056 = new YearConfirmed(2056, List.of(LocalDate.of(2056, 2, 17), LocalDate.of(2056, 2, 18), LocalDate.of(2056, 2, 19)),
                LocalDate.of(2056, 5, 29), LocalDate.of(2056, 11, 8), "Government resolution 2055/5");
        RegistryClient.Reply confirmed = client.command(client.sign("cabinet-1", "ConfirmCalendarYear", year2056));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().path("provisional").asBoolean()).isFalse();
        RegistryClient.Reply after = client.get("/api/calendar/deadline?from=2056-02-11&workingDays=5");
        assertThat(after.body().path("due").asText()).isEqualTo("2056-02-22");
        assertThat(after.body().path("provisional").asBoolean()).isFalse();
        assertThat(after.body().path("calendarVersion").asText()).doesNotContain("provisional");
    }

    @Test
    @DisplayName("a payload changed after signing is refused with 401 and nothing is stored")
    void tampered_payload_is_refused() throws Exception {
        Optional<Long> before = calendarEvents();
        String jws = client.sign("supervisor-1", "DeclarePublicHoliday", holiday(21));
        ObjectNode flattened = (ObjectNode) CanonicalJson.mapper().readTree(jws);
        String payload = new String(Base64.getUrlDecoder().decode(flattened.get("payload").asText()), StandardCharsets.UTF_8);
        String forged = payload.replace("2038-09-21", "2038-09-22");
        flattened.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)));
        RegistryClient.Reply reply = client.command(flattened.toString());
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).startsWith("signature.");
        assertThat(reply.body().toString()).doesNotContain("at mn.registry").doesNotContain("Exception");
        assertThat(calendarEvents()).isEqualTo(before);
    }

    @Test
    @DisplayName("001 art. 23.1.1: a certificate from a CA the registry does not trust is refused with 401")
    void untrusted_certificate_is_refused() {
        Instant now = Instant.now();
        CertificateAuthority stranger = CertificateAuthority.create("Somebody else's CA", now.minusSeconds(60), now.plus(365, ChronoUnit.DAYS));
        Ed25519.KeyPair keys = Ed25519.generate(new SecureRandom());
        PersonId supervisor = new PersonId("supervisor-1");
        SigningIdentity impostor = new SigningIdentity(supervisor, keys.privateKey(), List.of(
                stranger.issuePerson(supervisor, "Impostor", "Nowhere", keys.publicKey(), now.minusSeconds(60), now.plus(30, ChronoUnit.DAYS)),
                stranger.certificate()));
        RegistryClient.Reply reply = client.command(client.sign(impostor, CommandEnvelope.fresh("DeclarePublicHoliday", tree(holiday(22)), Clock.systemUTC())));
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("certificate.untrusted");
    }

    @Test
    @DisplayName("an unknown command type and a malformed body are 400s that name the field")
    void unknown_type_and_bad_body_name_the_field() {
        RegistryClient.Reply unknown = client.command(client.sign("supervisor-1", "DeclareEverythingLegal", holiday(23)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("command.type-unknown");
        assertThat(unknown.body().path("field").asText()).isEqualTo("type");

        ObjectNode noDate = tree(holiday(24));
        noDate.remove("date");
        RegistryClient.Reply bad = client.command(client.sign(client.person("cabinet-1"), CommandEnvelope.fresh("DeclarePublicHoliday", noDate, Clock.systemUTC())));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("command.body-invalid");
        assertThat(bad.body().path("detail").asText()).contains("date");
    }

    @Test
    @DisplayName("a body that is not a JWS at all is a 401 problem, never a 500")
    void garbage_is_refused_cleanly() {
        RegistryClient.Reply reply = client.post("/api/commands", "{\"hello\": [1, 2", "application/json");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("signature.malformed");
    }

    @Test
    @DisplayName("002 art. 26.1 via the public endpoint: received 2026-11-20, 17 working days, due 2026-12-16; bad parameters are named")
    void calendar_endpoint() {
        RegistryClient.Reply due = client.get("/api/calendar/deadline?from=2026-11-20&workingDays=17");
        assertThat(due.status()).isEqualTo(200);
        assertThat(due.body().path("due").asText()).isEqualTo("2026-12-16");
        assertThat(due.body().path("dueAt").asText()).startsWith("2026-12-16T23:59:59");
        assertThat(due.body().path("calendarVersion").asText()).startsWith("MN-");
        assertThat(due.body().path("skipped").toString()).contains("2026-11-26");

        RegistryClient.Reply badDate = client.get("/api/calendar/deadline?from=2026-13-40&workingDays=17");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("field").asText()).isEqualTo("from");
        RegistryClient.Reply badDays = client.get("/api/calendar/deadline?from=2026-11-20&workingDays=0");
        assertThat(badDays.status()).isEqualTo(400);
        assertThat(badDays.body().path("field").asText()).isEqualTo("workingDays");
        RegistryClient.Reply missing = client.get("/api/calendar/deadline?from=2026-11-20");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().path("field").asText()).isEqualTo("workingDays");
    }

    @Test
    @DisplayName("staff sign in by signing a challenge; a challenge works once; the session names the person and roles")
    void sign_in_with_a_signed_challenge() {
        String token = client.signIn("reviewer-1");
        RegistryClient.Reply me = client.get("/api/session", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("person").asText()).isEqualTo("reviewer-1");
        assertThat(me.body().path("roles").toString()).contains("MINISTRY_REVIEWER");
        assertThat(client.get("/api/session", "not-a-token").status()).isEqualTo(401);
        assertThat(client.get("/api/session").status()).isEqualTo(401);

        String challenge = client.get("/api/session/challenge").body().path("challenge").asText();
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        String jws = client.sign(client.person("reviewer-1"), CommandEnvelope.fresh("SignIn", body, Clock.systemUTC()));
        assertThat(client.post("/api/session", jws, "application/json").status()).isEqualTo(200);
        RegistryClient.Reply replayed = client.post("/api/session", jws, "application/json");
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.code()).isEqualTo("session.challenge-unknown");
    }

    private static ObjectNode tree(Object value) {
        return CanonicalJson.mapper().valueToTree(value);
    }
}
