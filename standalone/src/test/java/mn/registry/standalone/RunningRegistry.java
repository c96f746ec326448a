package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo registry started for one end-to-end test class ({@code @RegisterExtension static final RunningRegistry registry}), in a data
 * directory of its own, and the signed-command preamble those tests share: sign a body as a demo person with the registry's own time
 * (so that commands stay fresh after the demo clock moved), post it, read the answer, sign in, wait for a projection. The abuse rounds of
 * each law start theirs with the law's set-up: {@link PermitRegistry}, {@link FreeZoneRegistry}.
 */
class RunningRegistry implements BeforeAllCallback, AfterAllCallback {

    /** A signed command as sent, so that a test can look for its id in the store afterwards. */
    record Sent(String commandId, RegistryClient.Reply reply) {
    }

    private final String[] options;
    private Path dataDir;
    private ConfigurableApplicationContext context;
    private RegistryClient client;
    private RegistryClock clock;

    /** @param options Spring options besides a free port, the data directory and the demo people */
    RunningRegistry(String... options) {
        this.options = options;
    }

    private boolean longLivedPeople;

    /** Demo people whose certificates outlive a clock moved on by years (the demo's own last two years). */
    RunningRegistry withLongLivedPeople() {
        this.longLivedPeople = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext extension) throws IOException {
        dataDir = Files.createTempDirectory("registry-e2e");
        if (longLivedPeople) {
            mn.registry.keystore.LongLivedDemoPeople.create(dataDir);
        }
        start();
    }

    private void start() {
        String[] args = Stream.concat(Stream.of("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true"), Stream.of(options))
                .toArray(String[]::new);
        context = RegistryApplication.start(args);
        client = new RegistryClient(((WebServerApplicationContext) context).getWebServer().getPort(), dataDir);
        clock = context.getBean(RegistryClock.class);
    }

    /**
     * Closes the registry and starts it again on the same data, its clock moved on as far as before (time does not go back over a restart;
     * a node's demo offset is its memory's): what a restart keeps is what the store and the collections keep.
     */
    void restart() {
        java.time.Duration movedOn = clock.offset();
        context.close();
        start();
        clock.advance(movedOn);
    }

    @Override
    public void afterAll(ExtensionContext extension) throws IOException {
        context.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * 002 art. 23.3 (ADR 0046 item 144; abuse audit F516, was O360): the successor's representative a transfer received now names: a
     * person of the test's own ({@code representative-of-<company>}) enrolled by supervisor-1's signed act in {@code APPLICANT} for the
     * successor {@code company}, on a power of representation of that company (001 art. 23.1.1; F503's claim).
     */
    mn.registry.kernel.identity.PersonId successorsRepresentative(String company) {
        java.time.Instant now = clock().instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SigningIdentity who = getBean(mn.registry.keystore.RegistryKeys.class).ca().newPerson(new mn.registry.kernel.identity.PersonId(
                "representative-of-" + company), "Representative of " + company, "Company " + company, now.minus(java.time.Duration.ofDays(1)),
                now.plus(java.time.Duration.ofDays(365)));
        ok(send("supervisor-1", "EnrolSigner", new mn.registry.kernel.identity.EnrolSigner(who.person(), mn.registry.kernel.pki.Certificates.toPem(
                List.of(who.chain().get(0))), mn.registry.kernel.identity.Role.APPLICANT, document("power of representation of " + company
                + " for its representative, session 30"), company, null)));
        return who.person();
    }

    <T> T getBean(Class<T> type) {
        return context.getBean(type);
    }

    RegistryClient client() {
        return client;
    }

    RegistryClock clock() {
        return clock;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Signs {@code body} as the demo {@code person} with the registry's time and posts it. */
    Sent send(String person, String type, Object body) {
        return send(client.person(person), type, body);
    }

    /** Signs {@code body} as {@code who} (a person of the test's own, or a demo person) with the registry's time and posts it. */
    Sent send(SigningIdentity who, String type, Object body) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(body);
        CommandEnvelope envelope = CommandEnvelope.fresh(type, json, clock);
        return new Sent(envelope.commandId(), client.command(client.sign(who, envelope)));
    }

    /** The registry's day in Ulaanbaatar (its clock may have been moved on). */
    LocalDate today() {
        return UlaanbaatarTime.dateOf(clock.instant());
    }

    /** A document uploaded first, as the registry requires before an act cites it (ADR 0046 item 13); the same words, the same document. */
    String document(String words) {
        return ReceiptTimeEndToEndTest.upload(context, words);
    }

    /** The payloads of the events of {@code stream}, as stored. */
    List<Object> events(String stream) {
        return context.getBean(EventStore.class).readEvents(stream).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** {@code body} signed now as {@code type}, not sent yet: a request held back (the red teams' signing before an end, sent after it). */
    CommandEnvelope heldBack(String type, Object body) {
        ObjectNode json = CanonicalJson.mapper().valueToTree(body);
        return CommandEnvelope.fresh(type, json, clock);
    }

    /** An envelope held back ({@link #heldBack}), signed as {@code who} and sent now. */
    Sent sendHeldBack(SigningIdentity who, CommandEnvelope envelope) {
        return new Sent(envelope.commandId(), client.command(client.sign(who, envelope)));
    }

    /** {@code body} signed as the demo {@code person} and sent as {@code type}, whatever its shape (a field the law does not list, an unknown act). */
    Sent sendRaw(String person, String type, ObjectNode body) {
        return sendHeldBack(client.person(person), CommandEnvelope.fresh(type, body, clock));
    }

    /** Refused (the status, problem+json) with nothing stored, whatever its code: the code answered for the test or the audit to name. */
    String refusedAnyhow(Sent sent, int status) {
        RegistryClient.Reply reply = sent.reply();
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(StoredEffects.byCommand(context.getBean(MongoDatabase.class))).doesNotContainKey(sent.commandId());
        return reply.code();
    }

    RegistryClient.Reply command(String person, String type, Object body) {
        return send(person, type, body).reply();
    }

    /** The answer of an accepted command. */
    static JsonNode ok(Sent sent) {
        assertThat(sent.reply().status()).as(sent.reply().body().toString()).isEqualTo(200);
        return sent.reply().body();
    }

    /** Refused as problem+json with the status, code, field (null: none) and article, and no trace in the events or the command log. */
    void refused(Sent sent, int status, String code, String field, String article) {
        RegistryClient.Reply reply = sent.reply();
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.code()).as(reply.body().toString()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.body().path("field").asText()).isEqualTo(field);
        }
        assertThat(reply.body().path("article").asText()).contains(article);
        MongoDatabase database = context.getBean(MongoDatabase.class);
        assertThat(StoredEffects.byCommand(database)).as("events of the refused command").doesNotContainKey(sent.commandId());
        assertThat(database.getCollection("commands").countDocuments(Filters.eq("_id", sent.commandId()))).as("command-log entry").isZero();
    }

    String signIn(String person) {
        return signIn(client.person(person));
    }

    /** Signs a fresh challenge as {@code who} with the registry's time; answers the bearer token. */
    String signIn(SigningIdentity who) {
        String challenge = client.get("/api/session/challenge").body().path("challenge").asText();
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        RegistryClient.Reply reply = client.post("/api/session", client.sign(who, CommandEnvelope.fresh("SignIn", body, clock)), "application/json");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("token").asText();
    }

    /** Reads {@code path} every 100 ms for at most 20 s, each read answered 200, until its body passes {@code until}. */
    JsonNode await(String path, String token, Predicate<JsonNode> until) throws InterruptedException {
        return poll(path, token, until, true);
    }

    /**
     * As {@link #await}, but a read that is not 200 is read again: a projection may not have the record yet, and until then even its
     * owner is told "not yours".
     */
    JsonNode awaitVisible(String path, String token, Predicate<JsonNode> until) throws InterruptedException {
        return poll(path, token, until, false);
    }

    private JsonNode poll(String path, String token, Predicate<JsonNode> until, boolean every200) throws InterruptedException {
        JsonNode last = null;
        for (int i = 0; i < 200; i++) {
            RegistryClient.Reply reply = client.get(path, token);
            if (every200) {
                assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
            }
            last = reply.body();
            if (reply.status() == 200 && until.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " never became as expected: " + last);
    }
}
