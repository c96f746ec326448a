package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.document.DocumentStore;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.log.BundleVerifier;
import mn.registry.kernel.log.Checkpoint;
import mn.registry.tlog.LogCollections;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.log.SignedNote;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.signing.CommandEnvelope;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The transparency log of the running registry: a signed decision ends up in a checkpoint and verifies offline. */
class TransparencyLogTest {

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;
    private static String base;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.log.checkpoint-interval=100ms");
        int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
        client = new RegistryClient(port, dataDir);
        base = "http://localhost:" + port;
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static NoteKey logKey() {
        return NoteKey.parse(get("/api/public/log/key").body());
    }

    private static X509Certificate ca() throws IOException {
        return Certificates.fromPem(Files.readString(dataDir.resolve("keys/ca.cert.pem"))).get(0);
    }

    private static Checkpoint latestCheckpoint() {
        HttpResponse<String> response = get("/api/public/checkpoint");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Checkpoint.open(response.body(), logKey());
    }

    /** Waits until a checkpoint covers log index {@code index}; returns it. */
    private static Checkpoint awaitCheckpointCovering(long index) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (get("/api/public/checkpoint").statusCode() == 200) {
                Checkpoint checkpoint = latestCheckpoint();
                if (checkpoint.size() > index) {
                    return checkpoint;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no checkpoint covered index " + index + " within 20 s");
    }

    /** Declares a holiday as cabinet-1 (the Government's act) and returns the log index of its event once sequenced. */
    private static long declareHoliday(int day) throws InterruptedException {
        PublicHolidayDeclared holiday = new PublicHolidayDeclared(LocalDate.of(2056, 10, day), "Log test holiday " + day,
                "Бүртгэлийн амралтын өдөр", "Government resolution 2028/" + day);
        return signedAndSequenced("cabinet-1", "DeclarePublicHoliday", holiday);
    }

    /** Sends {@code body} signed by {@code person}, carried out; the log index of its first public record once sequenced. */
    private static long signedAndSequenced(String person, String type, Object body) throws InterruptedException {
        CommandEnvelope envelope = signed(person, type, body);
        MongoDatabase db = registry.getBean(MongoDatabase.class);
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            Document entry = db.getCollection(LogCollections.ENTRIES).find(new Document("commandId", envelope.commandId())).first();
            if (entry != null) {
                return entry.get("_id", Number.class).longValue();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(envelope.type() + " was not sequenced within 20 s");
    }

    private static String bundle(long index) {
        HttpResponse<String> response = get("/api/public/bundle/" + index);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static String tamper(String bundleJson, UnaryOperator<ObjectNode> change) throws IOException {
        ObjectNode json = (ObjectNode) CanonicalJson.mapper().readTree(bundleJson);
        return change.apply(json).toString();
    }

    private static String flipBase64Char(String b64, int at) {
        char c = b64.charAt(at);
        return b64.substring(0, at) + (c == 'A' ? 'B' : 'A') + b64.substring(at + 1);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 14, O146): a signed act's public record names the role it was signed under, sealed at "
            + "receipt, and its bundle verifies; the whole log passes the offline check that no act was signed after its signer's role ended")
    void the_act_names_its_role_and_the_log_passes_the_authority_check() throws Exception {
        long index = declareHoliday(16);
        awaitCheckpointCovering(index);
        assertThat(new BundleVerifier(Optional.of(logKey()), Optional.of(ca())).verify(bundle(index)).verified()).isTrue();
        JsonNode act = leaf(index);
        assertThat(act.path("actingRoles").toString()).isEqualTo("[\"CABINET_MEMBER\"]");
        assertThat(act.has("actingZone")).as("no zone for a role that names none").isFalse();
        assertThat(publicLog()).as("the officials enrolled at the start are public, by no signed act").anySatisfy(r -> assertThat(r.path("type").asText())
                .endsWith("RoleGranted"));
        assertTheLogPassesTheAuthorityCheck();
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 21): a reviewer's grant by enrolment and the end of the role name their orders on the person's "
            + "stream, and their public records withhold them: the bundles verify and the leaves do not hold the orders' hashes")
    void an_officials_grant_and_end_are_published_without_their_orders() throws Exception {
        String appointment = ReceiptTimeEndToEndTest.upload(registry, "Minister's order appointing reviewer-71 (log test)");
        String dismissal = ReceiptTimeEndToEndTest.upload(registry, "Minister's order dismissing reviewer-71 (log test)");
        Instant now = registry.getBean(mn.registry.infrastructure.time.RegistryClock.class).instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        mn.registry.kernel.pki.SigningIdentity reviewer = registry.getBean(mn.registry.keystore.RegistryKeys.class).ca().newPerson(
                new mn.registry.kernel.identity.PersonId("reviewer-71"), "Шинэ Ажилтан", "Ministry", now.minus(1, java.time.temporal.ChronoUnit.DAYS),
                now.plus(365, java.time.temporal.ChronoUnit.DAYS));
        long granted = signedAndSequenced("supervisor-1", "EnrolSigner", new mn.registry.kernel.identity.EnrolSigner(reviewer.person(),
                Certificates.toPem(java.util.List.of(reviewer.chain().get(0))), mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, appointment));
        long ended = signedAndSequenced("supervisor-2", "EndSignerRole", new mn.registry.kernel.identity.EndSignerRole(reviewer.person(),
                mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, dismissal));
        awaitCheckpointCovering(ended);
        BundleVerifier verifier = new BundleVerifier(Optional.of(logKey()), Optional.of(ca()));
        for (long index : new long[] {granted, ended}) {
            String bundle = bundle(index);
            assertThat(verifier.verify(bundle).verified()).as(bundle).isTrue();
            assertThat(bundle).doesNotContain(appointment).doesNotContain(dismissal);
        }
        assertThat(publicLog()).anySatisfy(r -> assertThat(r.path("type").asText() + r.path("payload").path("personId").asText())
                .endsWith("RoleRevokedreviewer-71"));
    }

    @Test
    @DisplayName("003 art. 8.7 (ADR 0061 item 15, O159): a governor's act names, sealed at receipt, the zone it was judged in, and its bundle "
            + "verifies; the whole log passes the offline check folding the roles by zone")
    void a_governors_act_names_its_zone_and_the_log_passes_the_authority_check() throws Exception {
        LegalEntity entity = new LegalEntity("Zamyn-Uud Log Trading LLC", Jurisdiction.MONGOLIAN, null, "6417021");
        ZoneId zone = ZoneId.of("zamyn-uud");
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(entity.jurisdiction()).stream().map(kind -> new SubmittedZoneDocument(kind,
                registry.getBean(DocumentStore.class).receive(("%PDF-1.4\n" + entity.name() + " " + kind + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                        "application/pdf", kind + ".pdf").document().sha256())).toList();
        signed("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(zone, entity, Activity.TRADE,
                documents));
        long index = signedAndSequenced("governor-zamyn-uud", "RegisterEntity", new RegistrationCommands.RegisterEntity(RegistrationId.of(zone, entity)));

        JsonNode act = leaf(index);
        assertThat(act.path("type").asText()).endsWith("EntityRegistered");
        assertThat(act.path("actingRoles").toString()).isEqualTo("[\"ZONE_GOVERNOR\"]");
        assertThat(act.path("actingZone").asText()).isEqualTo("zamyn-uud");
        // domain-rules §5 (session 22, privacy): the application was the representative's act and is not public; no record names them
        assertThat(publicLog()).as("no public record names the company's representative").noneMatch(r -> "applicant-1".equals(
                r.path("actingOfficial").asText()));
        awaitCheckpointCovering(index);
        assertThat(new BundleVerifier(Optional.of(logKey()), Optional.of(ca())).verify(bundle(index)).verified()).isTrue();
        assertTheLogPassesTheAuthorityCheck();
    }

    /** Sends {@code body} signed by {@code person}; carried out. */
    private static CommandEnvelope signed(String person, String type, Object body) {
        CommandEnvelope envelope = CommandEnvelope.fresh(type, CanonicalJson.mapper().valueToTree(body), Clock.systemUTC());
        RegistryClient.Reply reply = client.command(client.sign(client.person(person), envelope));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return envelope;
    }

    private static JsonNode leaf(long index) throws IOException {
        return CanonicalJson.mapper().readTree(registry.getBean(MongoDatabase.class).getCollection(LogCollections.ENTRIES)
                .find(new Document("_id", index)).first().getString(LogCollections.LEAF));
    }

    /** The log's public records in log order, from the first. */
    private static List<JsonNode> publicLog() throws IOException {
        List<JsonNode> log = new ArrayList<>();
        for (Document entry : registry.getBean(MongoDatabase.class).getCollection(LogCollections.ENTRIES).find().sort(new Document("_id", 1))) {
            log.add(CanonicalJson.mapper().readTree(entry.getString(LogCollections.LEAF)));
        }
        return log;
    }

    private static void assertTheLogPassesTheAuthorityCheck() throws IOException {
        mn.registry.kernel.log.ActsWithinAuthority check = mn.registry.kernel.log.ActsWithinAuthority.check(publicLog());
        assertThat(check.findings()).isEmpty();
        assertThat(check.checked()).isPositive();
    }

    @Test
    @DisplayName("002 art. 26.4: a signed declaration is in a time-stamped checkpoint within seconds and its bundle verifies offline; each altered part is named")
    void signed_declaration_bundle_verifies_and_tampering_is_named() throws Exception {
        long index = declareHoliday(6);
        Checkpoint checkpoint = awaitCheckpointCovering(index);
        String bundle = bundle(index);
        BundleVerifier verifier = new BundleVerifier(Optional.of(logKey()), Optional.of(ca()));

        BundleVerifier.Verdict verdict = verifier.verify(bundle);
        assertThat(verdict.failure()).isNull();
        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.warnings()).isEmpty();
        assertThat(verdict.summary()).contains("Decision PublicHolidayDeclared").contains("signed by cabinet-1")
                .contains("fields disclosed 4 of 4").contains("sealed by the registry")
                .contains("included at index " + index + " of the log " + LogCollections.DEFAULT_ORIGIN).contains("time-stamped");
        JsonNode served = CanonicalJson.mapper().readTree(bundle);
        assertThat(served.path("record").path("payload").path("date").asText()).isEqualTo("2056-10-06");
        // ADR 0015: no signed command (nor the signer's certificate) in the bundle, only its SHA-256, attested by the seal;
        // the JWS kept in the command archive (for a court or auditor) is the one whose hash the record names
        assertThat(served.has("jws")).isFalse();
        assertThat(served.has("sealedEvent")).isFalse();
        assertThat(bundle).doesNotContain("x5c");
        String commandId = served.path("record").path("commandId").asText();
        // (issue 14 item 4: the archive keeps it under the signer's key; a supervisor obtains it for a court, the read logged)
        RegistryClient.Reply archived = client.get("/api/staff/commands/" + commandId + "/jws?purpose=court%20request", client.signIn("supervisor-1"));
        assertThat(archived.status()).as(archived.body().toString()).isEqualTo(200);
        assertThat(mn.registry.kernel.crypto.Sha256.hex(archived.body().path("jws").asText().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(served.path("record").path("jwsSha256").asText())
                .isEqualTo(served.path("commitment").path("metaData").asText().replaceAll(".*\"jwsSha256\":\"([0-9a-f]+)\".*", "$1"));

        // the record: a changed date no longer matches the disclosed fields
        assertThat(verifier.verify(tamper(bundle, b -> {
            ((ObjectNode) b.path("record").path("payload")).put("date", "2056-10-09");
            return b;
        })).failure()).contains("public record differs");
        // a disclosure: its value changed, so its digest is not among the sealed ones
        assertThat(verifier.verify(tamper(bundle, b -> {
            ArrayNode disclosures = (ArrayNode) b.path("disclosures");
            String changed = new String(Base64.getUrlDecoder().decode(disclosures.get(0).asText()), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("2056-10-06", "2056-10-09").replace("Test day", "Test dax").replace("Government", "Governmenx").replace("Туршилт", "Туршилх");
            disclosures.set(0, Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return b;
        })).failure()).contains("not one the registry sealed");
        // the commitment: changed after sealing
        assertThat(verifier.verify(tamper(bundle, b -> {
            ((ObjectNode) b.path("commitment")).put("seq", b.path("commitment").path("seq").asLong() + 1);
            return b;
        })).failure()).contains("seal over the commitment");
        // the attestation of who signed: another command hash in the record
        assertThat(verifier.verify(tamper(bundle, b -> {
            ((ObjectNode) b.path("record")).put("jwsSha256", "00".repeat(32));
            return b;
        })).failure()).contains("public record differs");
        // the proof: one hash of the audit path changed (the tree has more than one leaf)
        assertThat(checkpoint.size()).isGreaterThan(1);
        assertThat(verifier.verify(tamper(bundle, b -> {
            String proof = b.path("proof").asText();
            int hashLine = proof.indexOf('\n', proof.indexOf("index ")) + 1;
            b.put("proof", flipBase64Char(proof, hashLine + 3));
            return b;
        })).failure()).startsWith("log inclusion").contains("does not lead to the root");
        // the checkpoint: its tree size changed
        assertThat(verifier.verify(tamper(bundle, b -> {
            String proof = b.path("proof").asText();
            b.put("proof", proof.replace("\n" + LogCollections.DEFAULT_ORIGIN + "\n" + checkpoint.size() + "\n",
                    "\n" + LogCollections.DEFAULT_ORIGIN + "\n" + (checkpoint.size() + 1) + "\n"));
            return b;
        })).failure()).contains("no valid signature by the log key");
        // the time-stamp token: one byte inside it changed
        assertThat(verifier.verify(tamper(bundle, b -> {
            byte[] token = Base64.getDecoder().decode(b.path("checkpointTimeStamp").asText());
            token[token.length - 20] ^= 1;
            b.put("checkpointTimeStamp", Base64.getEncoder().encodeToString(token));
            return b;
        })).failure()).startsWith("checkpoint time-stamp");
    }

    @Test
    @DisplayName("the checkpoint before a declaration and the one after it are consistent: the log only grew")
    void consistency_between_two_checkpoints_verifies() throws Exception {
        long first = declareHoliday(2);
        Checkpoint before = awaitCheckpointCovering(first);
        long second = declareHoliday(3);
        Checkpoint after = awaitCheckpointCovering(second);
        assertThat(after.size()).isGreaterThan(before.size());

        JsonNode answer = CanonicalJson.mapper().readTree(get("/api/public/consistency?from=" + before.size() + "&to=" + after.size()).body());
        List<byte[]> proof = new ArrayList<>();
        answer.path("proof").forEach(h -> proof.add(Base64.getDecoder().decode(h.asText())));
        assertThat(Merkle.verifyConsistency(before.size(), after.size(), before.rootHash(), after.rootHash(), proof)).isTrue();
        assertThat(Checkpoint.open(answer.path("toCheckpoint").asText(), logKey())).isEqualTo(after);
        byte[] forged = before.rootHash();
        forged[0] ^= 1;
        assertThat(Merkle.verifyConsistency(before.size(), after.size(), forged, after.rootHash(), proof)).isFalse();
    }

    @Test
    @DisplayName("the sequencer is idempotent: replaying every event (as after a crash before the token was stored) appends nothing twice")
    void replay_appends_nothing_twice() throws Exception {
        long index = declareHoliday(4);
        awaitCheckpointCovering(index);
        MongoDatabase db = registry.getBean(MongoDatabase.class);
        long entriesBefore = db.getCollection(LogCollections.ENTRIES).countDocuments();
        Document leafBefore = db.getCollection(LogCollections.ENTRIES).find(new Document("_id", index)).first();

        StreamingEventProcessor sequencer = registry.getBean(EventProcessingConfiguration.class)
                .eventProcessor("log-sequencer", StreamingEventProcessor.class).orElseThrow();
        assertThat(registry.getBean(org.axonframework.eventhandling.tokenstore.TokenStore.class).fetchSegments("log-sequencer"))
                .as("one segment: one node at a time sequences").containsExactly(0);
        sequencer.shutDown();
        sequencer.resetTokens();
        sequencer.start();
        // The next declaration is sequenced only after the replay of every earlier event (one segment, global order).
        long next = declareHoliday(5);

        assertThat(next).isEqualTo(entriesBefore);
        assertThat(db.getCollection(LogCollections.ENTRIES).countDocuments()).isEqualTo(entriesBefore + 1);
        assertThat(db.getCollection(LogCollections.ENTRIES).find(new Document("_id", index)).first()).isEqualTo(leafBefore);
        long size = db.getCollection(LogCollections.STATE).find(new Document("_id", LogCollections.TREE)).first().get(LogCollections.SIZE, Number.class).longValue();
        assertThat(size).isEqualTo(entriesBefore + 1);
        assertThat(new BundleVerifier(Optional.of(logKey()), Optional.of(ca())).verify(bundle(awaitIndex(next))).verified()).isTrue();
    }

    private static long awaitIndex(long index) throws InterruptedException {
        awaitCheckpointCovering(index);
        return index;
    }

    @Test
    @DisplayName("public log endpoints: key and checkpoint as text, bad parameters are 400s naming them, unknown indexes 404, full tiles immutable")
    void public_endpoints_answer_and_refuse_cleanly() throws Exception {
        long index = declareHoliday(10);
        Checkpoint checkpoint = awaitCheckpointCovering(index);
        HttpResponse<String> key = get("/api/public/log/key");
        assertThat(key.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        assertThat(SignedNote.verify(get("/api/public/checkpoint").body(), logKey())).isPresent();

        assertThat(client.get("/api/public/proof/x1").body().path("field").asText()).isEqualTo("logIndex");
        assertThat(client.get("/api/public/proof/x1").status()).isEqualTo(400);
        assertThat(client.get("/api/public/proof/" + checkpoint.size() + 1000).status()).isEqualTo(404);
        assertThat(client.get("/api/public/bundle/-1").status()).isEqualTo(400);
        assertThat(client.get("/api/public/consistency?from=2&to=1").body().path("field").asText()).isEqualTo("from");
        assertThat(client.get("/api/public/consistency?from=1&to=abc").body().path("field").asText()).isEqualTo("to");
        assertThat(client.get("/api/public/log/tile/0/x000/001").status()).isEqualTo(400);

        HttpResponse<String> proof = get("/api/public/proof/" + index);
        assertThat(proof.body()).startsWith("c2sp.org/tlog-proof@v1\nindex " + index + "\n");

        int width = (int) (checkpoint.size() % 256);
        HttpResponse<byte[]> partial = http.send(HttpRequest.newBuilder(URI.create(base + "/api/public/log/tile/0/000.p/" + width)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.body()).hasSize(width * 32);
        HttpResponse<byte[]> entries = http.send(HttpRequest.newBuilder(URI.create(base + "/api/public/log/tile/entries/000.p/" + width)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<byte[]> leaves = mn.registry.kernel.log.EntryBundles.decode(entries.body());
        assertThat(leaves).hasSize(width);
        for (int i = 0; i < width; i++) {
            assertThat(Merkle.leafHash(leaves.get(i))).isEqualTo(java.util.Arrays.copyOfRange(partial.body(), i * 32, i * 32 + 32));
        }
        assertThat(new String(leaves.get((int) index), StandardCharsets.UTF_8)).contains("Log test holiday 10");
        assertThat(get("/api/public/log/tile/0/000").statusCode()).isEqualTo(checkpoint.size() >= 256 ? 200 : 404);
    }


    private static HttpResponse<byte[]> fetch(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        for (int h = 0; h < headers.length; h += 2) {
            request.header(headers[h], headers[h + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    /** An answer carries an ETag (weak, so that it may be sent compressed); the same GET with If-None-Match gets a 304 with no body. */
    private static HttpResponse<byte[]> revalidates(String path) throws Exception {
        HttpResponse<byte[]> first = fetch(path);
        assertThat(first.statusCode()).as(path).isEqualTo(200);
        String etag = header(first, "ETag");
        assertThat(etag).as(path + " ETag").startsWith("W/\"").endsWith("\"");
        HttpResponse<byte[]> again = fetch(path, "If-None-Match", etag);
        assertThat(again.statusCode()).as(path + " with If-None-Match").isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(fetch(path, "If-None-Match", "\"something-else\"").statusCode()).as(path + " with another ETag").isEqualTo(200);
        return first;
    }

    @Test
    @DisplayName("issue 15 target 5: proofs, tiles, bundles, checkpoint and feed heads answer 304 to If-None-Match; what never changes is immutable, the latest a second")
    void public_log_answers_are_cacheable_over_http() throws Exception {
        long index = declareHoliday(12);
        Checkpoint checkpoint = awaitCheckpointCovering(index);
        long size = checkpoint.size();
        String immutable = "max-age=31536000";

        HttpResponse<byte[]> latestProof = revalidates("/api/public/proof/" + index);
        assertThat(header(latestProof, "Cache-Control")).contains("max-age=1").contains("public").doesNotContain("immutable");
        HttpResponse<byte[]> fixedProof = revalidates("/api/public/proof/" + index + "?size=" + size);
        assertThat(header(fixedProof, "Cache-Control")).contains(immutable).contains("public").contains("immutable");
        assertThat(new String(fixedProof.body(), StandardCharsets.UTF_8)).startsWith("c2sp.org/tlog-proof@v1\nindex " + index + "\n")
                .contains("\n" + size + "\n");
        assertThat(fetch("/api/public/proof/" + index + "?size=" + (size + 1000)).statusCode()).as("a size never published").isEqualTo(404);
        assertThat(fetch("/api/public/proof/" + index + "?size=" + index).statusCode()).as("an index beyond that size").isEqualTo(404);

        HttpResponse<byte[]> bundle = revalidates("/api/public/bundle/" + index + "?size=" + size);
        assertThat(header(bundle, "Cache-Control")).contains(immutable).contains("immutable");
        assertThat(header(revalidates("/api/public/bundle/" + index), "Cache-Control")).contains("max-age=1");

        int width = (int) (size % 256);
        assertThat(header(revalidates("/api/public/log/tile/0/000.p/" + width), "Cache-Control")).contains(immutable).contains("immutable");
        assertThat(header(revalidates("/api/public/log/tile/entries/000.p/" + width), "Cache-Control")).contains(immutable).contains("immutable");

        HttpResponse<byte[]> note = fetch("/api/public/checkpoint");
        assertThat(header(note, "Cache-Control")).contains("max-age=1");
        assertThat(fetch("/api/public/checkpoint", "If-None-Match", header(note, "ETag")).statusCode()).isIn(200, 304); // 200 if the log moved on
        HttpResponse<byte[]> feedHead = fetch("/api/public/feed?after=-1&limit=5");
        assertThat(header(feedHead, "Cache-Control")).contains("max-age=1");
        assertThat(header(feedHead, "ETag")).isNotEmpty();
        assertThat(header(fetch("/api/public/feed/atom"), "ETag")).isNotEmpty();
    }

    @Test
    @DisplayName("issue 15 target 5: an ETag is honoured exactly: the checkpoint and a feed page revalidate to 304 while the log stands still")
    void latest_checkpoint_and_feed_head_revalidate() throws Exception {
        long index = declareHoliday(11);
        awaitCheckpointCovering(index);
        Thread.sleep(500); // let the checkpoint settle: no one else writes in this test class meanwhile
        revalidates("/api/public/checkpoint");
        revalidates("/api/public/feed?after=-1&limit=5");
        revalidates("/api/public/feed/atom");
    }

    @Test
    @DisplayName("issue 16 item 7: text answers are gzip-compressed when the client accepts it, never otherwise; static assets carry cache headers")
    void text_is_compressed_and_static_assets_are_cacheable() throws Exception {
        long index = declareHoliday(13);
        awaitCheckpointCovering(index);
        String path = "/api/public/bundle/" + index;
        HttpResponse<byte[]> plain = fetch(path);
        assertThat(header(plain, "Content-Encoding")).isEmpty();
        HttpResponse<byte[]> zipped = fetch(path, "Accept-Encoding", "gzip");
        assertThat(header(zipped, "Content-Encoding")).isEqualTo("gzip");
        byte[] unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(unzipped).as("the same bytes, compressed").isEqualTo(plain.body());
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        assertThat(header(fetch("/?lang=en", "Accept-Encoding", "gzip"), "Content-Encoding")).as("an HTML page").isEqualTo("gzip");

        HttpResponse<byte[]> css = fetch("/web/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(header(css, "Cache-Control")).contains("max-age=3600").contains("public");
        assertThat(header(css, "Last-Modified")).isNotEmpty();
        assertThat(fetch("/web/app.css", "If-Modified-Since", header(css, "Last-Modified")).statusCode()).isEqualTo(304);
    }
}
