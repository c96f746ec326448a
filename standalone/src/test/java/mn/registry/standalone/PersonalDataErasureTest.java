package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.ErasePersonalData;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.log.BundleVerifier;
import mn.registry.kernel.log.Checkpoint;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.log.SignedNote;
import mn.registry.kernel.pki.Certificates;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.Arrays;
import java.util.Base64;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import mn.registry.document.DocumentStore;
import mn.registry.identity.command.Enrolment;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data erasure end to end (issue 6, "Done when"): a person's enrolment data is stored only encrypted, staff
 * reads are recorded with their purpose and the person can list them, a supervisor's signed erasure destroys the
 * key; afterwards the data reads as erased, every log bundle and the checkpoint still verify, and verify-store passes.
 */
class PersonalDataErasureTest {

    static final String NAME = "Тэмүүлэн Болд"; // applicant-1 of the demo people

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("001 art. 53.1; 002 art. 15.3, 30.1: create, read with purpose, list the reads, erase; seals, log proofs and verify-store still pass")
    void erase_a_persons_data_without_breaking_anything() throws Exception {
        ConfigurableApplicationContext registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir,
                "--registry.demo=true");
        try {
            RegistryClient client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
            MongoDatabase db = registry.getBean(MongoDatabase.class);

            // the enrolment event holds the name only as ciphertext, the key lives in its own collection
            String stored = enrolmentEventJson(db, "applicant-1");
            assertThat(stored).doesNotContain(NAME).contains("pdk-applicant-1").contains("ciphertext");
            assertThat(db.getCollection("personal_data_keys").find(new Document("_id", "applicant-1")).first()).isNotNull();

            // a staff read needs a purpose, and shows the data
            String reviewer = client.signIn("reviewer-1");
            RegistryClient.Reply noPurpose = client.get("/api/staff/people/applicant-1", reviewer);
            assertThat(noPurpose.status()).isEqualTo(400);
            assertThat(noPurpose.body().path("code").asText()).isEqualTo("privacy.purpose-required");
            JsonNode before = readAs(client, reviewer, "checking the representative of application A-1");
            assertThat(before.path("erased").asBoolean()).isFalse();
            assertThat(before.path("enrolments").get(0).path("displayName").asText()).isEqualTo(NAME);
            assertThat(client.get("/api/staff/people/applicant-1?purpose=x", client.signIn("tax-officer-1")).status())
                    .as("a tax officer is not ministry staff").isEqualTo(403);

            // the person lists who read their data, when and why
            String applicant = client.signIn("applicant-1");
            JsonNode reads = client.get("/api/people/me/personal-data-reads", applicant).body();
            assertThat(reads.path("reads")).hasSize(1);
            assertThat(reads.path("reads").get(0).path("reader").asText()).isEqualTo("reviewer-1");
            assertThat(reads.path("reads").get(0).path("purpose").asText()).isEqualTo("checking the representative of application A-1");
            assertThat(reads.path("reads").get(0).path("at").asText()).isNotBlank();

            // only a supervisor may erase
            ErasePersonalData erase = new ErasePersonalData(new PersonId("applicant-1"), "the person's request under the Personal Data Protection Law");
            assertThat(client.command(client.sign("reviewer-1", "ErasePersonalData", erase)).status()).isEqualTo(403);
            // abuse (F128): a supervisor erasing an official, a colleague or themselves, destroys the signed commands that prove who signed
            // the state's acts (each JWS is sealed under the signer's key); an official's data is not erased, and nothing is destroyed
            for (String official : List.of("reviewer-1", "supervisor-2", "supervisor-1", "governor-altanbulag", "tax-officer-1")) {
                RegistryClient.Reply refused = client.command(client.sign("supervisor-1", "ErasePersonalData",
                        new ErasePersonalData(new PersonId(official), "the person's request")));
                assertThat(refused.status()).as(official + ": " + refused.body()).isEqualTo(409);
                assertThat(refused.code()).isEqualTo("privacy.official-acts-kept");
                assertThat(refused.body().path("field").asText()).isEqualTo("personId");
                assertThat(db.getCollection("personal_data_keys").find(new Document("_id", official)).first().get("key"))
                        .as(official + "'s key is kept").isNotNull();
            }
            RegistryClient.Reply erased = client.command(client.sign("supervisor-1", "ErasePersonalData", erase));
            assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);
            assertThat(db.getCollection("personal_data_keys").find(new Document("_id", "applicant-1")).first().get("key"))
                    .as("the key material is gone").isNull();
            RegistryClient.Reply again = client.command(client.sign("supervisor-1", "ErasePersonalData", erase));
            assertThat(again.status()).isEqualTo(409);

            // staff now read "erased"; the read is still recorded
            JsonNode after = readAs(client, reviewer, "after the erasure");
            assertThat(after.path("erased").asBoolean()).isTrue();
            assertThat(after.path("erasedAt").asText()).isNotBlank();
            assertThat(after.path("enrolments").get(0).path("displayName").asText()).isEqualTo("(erased)");
            assertThat(after.path("enrolments").get(0).path("certificateBase64Der").asText()).isEqualTo("(erased)");
            assertThat(after.toString()).doesNotContain(NAME);
            assertThat(client.get("/api/people/me/personal-data-reads", applicant).body().path("reads")).hasSize(2);
            assertThat(enrolmentEventJson(db, "applicant-1")).as("the sealed event itself is unchanged").isEqualTo(stored);

            // every published entry still verifies: seal, record, inclusion proof, checkpoint, time-stamp
            Path caFile = dataDir.resolve("keys").resolve("ca.cert.pem");
            var ca = Certificates.fromPem(Files.readString(caFile)).get(0);
            int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
            NoteKey logKey = NoteKey.parse(text(port, "/api/public/log/key").strip());
            // the sequencer and the checkpoint publisher run behind the commands: wait (up to 60 s on a loaded machine)
            // for a checkpoint that includes the demo data's published decisions
            String checkpointNote = text(port, "/api/public/checkpoint");
            long size = Checkpoint.parse(SignedNote.parse(checkpointNote).text()).size();
            for (long giveUp = System.nanoTime() + 60_000_000_000L; size == 0 && System.nanoTime() < giveUp; ) {
                Thread.sleep(200);
                checkpointNote = text(port, "/api/public/checkpoint");
                size = Checkpoint.parse(SignedNote.parse(checkpointNote).text()).size();
            }
            assertThat(SignedNote.verify(checkpointNote, logKey)).isPresent();
            assertThat(size).as("the demo data published decisions").isPositive();
            BundleVerifier verifier = new BundleVerifier(Optional.of(logKey), Optional.of(ca));
            List<String> failures = new ArrayList<>();
            for (long i = 0; i < size; i++) {
                BundleVerifier.Verdict verdict = verifier.verify(text(port, "/api/public/bundle/" + i));
                if (!verdict.verified()) {
                    failures.add(i + ": " + verdict.failure());
                }
            }
            assertThat(failures).isEmpty();

            // (same registry, to save a start) the seal key of every record is published by key id; the trusted list is sealed
            JsonNode sealKeys = client.get("/api/public/log/seal-keys").body();
            String recordKeyId = CanonicalJsonRecord.sealKeyId(text(port, "/api/public/bundle/0"));
            assertThat(sealKeys.findValuesAsText("keyId")).contains(recordKeyId);
            assertThat(client.get("/api/public/log/checkpoint-keys").body().get(0).path("noteKey").asText()).isEqualTo(logKey.text());
            JsonNode trusted = client.get("/api/public/trusted-list").body();
            assertThat(mn.registry.kernel.trust.SignedTrustedList.verify(trusted, ca).list().path("schemeInformation").path("schemeTerritory").asText())
                    .isEqualTo("MN");
        } finally {
            registry.close();
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = VerifyStoreCli.run(new String[]{"--data-dir", dataDir.toString()}, print, print);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** A person whose certificate subject carries a name, a civil registration number and an e-mail address. */
    static final String CITIZEN_NAME = "Болормаа Ганбат";
    static final String CIVIL_NUMBER = "УБ95031512";
    static final String EMAIL = "bolormaa.ganbat@example.mn";
    /** Collections of the event store (sealed events, their salts and commitments): kept, 001 art. 15.6. */
    static final Set<String> EVENT_STORE = Set.of("events");

    @Test
    @DisplayName("001 art. 53.1 (issue 14 item 4): after the erasure no collection outside the event store holds the person's name, civil number, certificate subject or e-mail; every proof still verifies")
    void erasure_leaves_nothing_of_the_person_outside_the_event_store() throws Exception {
        ConfigurableApplicationContext registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir,
                "--registry.demo=true");
        try {
            int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
            RegistryClient client = new RegistryClient(port, dataDir);
            MongoDatabase db = registry.getBean(MongoDatabase.class);
            Instant now = Instant.now();
            PersonId citizen = new PersonId("citizen-erased");
            SigningIdentity person = registry.getBean(RegistryKeys.class).ca().newPerson(citizen, CITIZEN_NAME,
                    "serialNumber " + CIVIL_NUMBER + ", " + EMAIL, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
            registry.getBean(Enrolment.class).enrolIfAbsent(citizen, CITIZEN_NAME, person.certificate(), Role.APPLICANT, null, "7007007",
                    new PersonId("supervisor-1"), "test enrolment of Erase Test LLC's representative");
            String token = signIn(client, person);

            // the person's data goes everywhere a person's data goes: an upload named after them, a signed application
            // (its JWS carries their certificate), a staff read whose purpose names them
            String fileName = "passport " + CITIZEN_NAME + " " + CIVIL_NUMBER + " " + EMAIL + ".pdf";
            java.net.http.HttpResponse<String> upload = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://localhost:" + port + "/api/documents")).header("Content-Type", "application/pdf")
                    .header("Authorization", "Bearer " + token).header("X-File-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("%PDF-1.4\npassport scan\n%%EOF\n")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
            assertThat(upload.body()).contains(CIVIL_NUMBER);
            DocumentStore store = registry.getBean(DocumentStore.class);
            // the application cites the upload named after the person (issue 14 item 4): a cited name must not outlive them
            String uploaded = CanonicalJson.mapper().readTree(upload.body()).path("sha256").asText();
            List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                    .map(k -> new SubmittedDocument(k, k == RequiredDocument.STATE_REGISTRATION_CERTIFICATE ? uploaded
                            : store.receive(("%PDF-1.4\nErase Test LLC " + k + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8),
                            "application/pdf", k + ".pdf").document().sha256())).toList();
            String application = client.sign(person, CommandEnvelope.fresh("ApplyForPermit", CanonicalJson.mapper().valueToTree(
                    new ApplyForPermit(new Company("Erase Test LLC", "7007007", true, "Peace Avenue 9, Ulaanbaatar"), false, documents)), Clock.systemUTC()));
            RegistryClient.Reply applied = client.command(application);
            assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
            // the projections are asynchronous: the scan after the erasure must see the case the application made
            long waitUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (db.getCollection("permit_cases").countDocuments() == 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(50);
            }
            assertThat(db.getCollection("permit_cases").countDocuments()).as("the permit case projection folded the application").isPositive();
            // the sealed event cites the upload by kind and hash; its file name is in no stored event (they are never erased)
            List<String> sealed = db.getCollection("events").find().map(Document::toJson).into(new ArrayList<>());
            assertThat(sealed).as("the application's sealed event cites the upload").anyMatch(e -> e.contains(uploaded) && e.contains("STATE_REGISTRATION_CERTIFICATE"));
            assertThat(sealed).as("no sealed event names the file").allSatisfy(e -> assertThat(e).doesNotContain(fileName)
                    .doesNotContain("passport " + CITIZEN_NAME).doesNotContain("fileName"));
            String commandId = CanonicalJson.mapper().readTree(Base64.getUrlDecoder().decode(CanonicalJson.mapper().readTree(application).path("payload").asText())).path("commandId").asText();
            String reviewer = client.signIn("reviewer-1");
            RegistryClient.Reply read = client.get("/api/staff/people/citizen-erased?purpose=" + URLEncoder.encode("checking " + CITIZEN_NAME + " ("
                    + CIVIL_NUMBER + ", " + EMAIL + ")", StandardCharsets.UTF_8), reviewer);
            assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
            assertThat(read.body().toString()).contains(CITIZEN_NAME);

            // before the erasure a court obtains the signed command whole from the archive, with the signer's certificate;
            // the read is recorded in the person's read log
            String supervisor = client.signIn("supervisor-1");
            assertThat(client.get("/api/staff/commands/" + commandId + "/jws?purpose=court", reviewer).status()).as("a reviewer may not").isEqualTo(403);
            assertThat(client.get("/api/staff/commands/" + commandId + "/jws", supervisor).body().path("code").asText()).isEqualTo("privacy.purpose-required");
            RegistryClient.Reply archived = client.get("/api/staff/commands/" + commandId + "/jws?purpose="
                    + URLEncoder.encode("court order 2026/114", StandardCharsets.UTF_8), supervisor);
            assertThat(archived.status()).as(archived.body().toString()).isEqualTo(200);
            assertThat(archived.body().path("jws").asText()).isEqualTo(application);
            assertThat(archived.body().path("jwsSha256").asText()).isEqualTo(mn.registry.kernel.crypto.Sha256.hex(application.getBytes(StandardCharsets.UTF_8)));
            JsonNode reads = client.get("/api/people/me/personal-data-reads", token).body().path("reads");
            assertThat(reads.findValuesAsText("what")).contains("signed command " + commandId, "enrolment data");
            assertThat(reads.findValuesAsText("purpose")).contains("court order 2026/114");

            StoredDataScan scan = new StoredDataScan(List.of(CITIZEN_NAME, CIVIL_NUMBER, EMAIL, person.certificate().getSubjectX500Principal().getName()),
                    java.util.Map.of("the certificate subject (DER)", person.certificate().getSubjectX500Principal().getEncoded(),
                            "the certificate (DER)", person.certificate().getEncoded()));
            // the scan is not blind: the signed command as a court gets it, stored anywhere, is found (by name, civil number,
            // e-mail and certificate, through the JWS's base64url and the x5c's base64 DER), in a collection it was never told of
            db.getCollection("scan_probe").insertOne(new Document("_id", "probe").append("nested", List.of(new Document("jws", application))));
            assertThat(scan.findings(db, EVENT_STORE)).isNotEmpty().allMatch(f -> f.startsWith("scan_probe "))
                    .anyMatch(f -> f.contains(CIVIL_NUMBER)).anyMatch(f -> f.contains("certificate subject (DER)"));
            db.getCollection("scan_probe").drop();

            ErasePersonalData erase = new ErasePersonalData(citizen, "the person's request under the Personal Data Protection Law");
            RegistryClient.Reply erased = client.command(client.sign("supervisor-1", "ErasePersonalData", erase));
            assertThat(erased.status()).as(erased.body().toString()).isEqualTo(200);

            List<String> scanned = StoredDataScan.scanned(db, EVENT_STORE);
            assertThat(scanned).contains("commands", "documents", "personal_data_reads", "personal_data_keys", "permit_cases", "sessions", "log_entries");
            assertThat(scan.findings(db, EVENT_STORE)).as("what is left of the person in " + scanned).isEmpty();

            // what the erasure left: the archive has only the command's SHA-256, the reads who read and when, the document its bytes
            RegistryClient.Reply gone = client.get("/api/staff/commands/" + commandId + "/jws?purpose=court", supervisor);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body().path("code").asText()).isEqualTo("privacy.signer-erased");
            assertThat(gone.body().toString()).contains(mn.registry.kernel.crypto.Sha256.hex(application.getBytes(StandardCharsets.UTF_8)));
            JsonNode readsAfter = client.get("/api/people/me/personal-data-reads", token).body().path("reads");
            assertThat(readsAfter.size()).isGreaterThanOrEqualTo(3);
            assertThat(readsAfter.findValuesAsText("purpose")).containsOnly("(erased)");
            java.net.http.HttpResponse<byte[]> original = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + "/api/documents/" + uploaded)).header("Authorization", "Bearer " + reviewer).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(original.statusCode()).as("the document's bytes are kept").isEqualTo(200);
            assertThat(original.headers().firstValue("Content-Disposition").orElse("")).contains(uploaded).doesNotContain("passport");

            assertThat(bundleFailures(port, dataDir)).isEmpty();
        } finally {
            registry.close();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(VerifyStoreCli.run(new String[]{"--data-dir", dataDir.toString()}, print, print)).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** Every published entry's bundle checked offline against the CA and log key: the failures, none expected. */
    static List<String> bundleFailures(int port, Path dataDir) throws Exception {
        var ca = Certificates.fromPem(Files.readString(dataDir.resolve("keys").resolve("ca.cert.pem"))).get(0);
        NoteKey logKey = NoteKey.parse(text(port, "/api/public/log/key").strip());
        String checkpointNote = text(port, "/api/public/checkpoint");
        long size = Checkpoint.parse(SignedNote.parse(checkpointNote).text()).size();
        for (long giveUp = System.nanoTime() + 60_000_000_000L; size == 0 && System.nanoTime() < giveUp; ) {
            Thread.sleep(200);
            checkpointNote = text(port, "/api/public/checkpoint");
            size = Checkpoint.parse(SignedNote.parse(checkpointNote).text()).size();
        }
        assertThat(SignedNote.verify(checkpointNote, logKey)).isPresent();
        assertThat(size).as("published decisions").isPositive();
        BundleVerifier verifier = new BundleVerifier(Optional.of(logKey), Optional.of(ca));
        List<String> failures = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            BundleVerifier.Verdict verdict = verifier.verify(text(port, "/api/public/bundle/" + i));
            if (!verdict.verified()) {
                failures.add(i + ": " + verdict.failure());
            }
        }
        return failures;
    }

    private static String signIn(RegistryClient client, SigningIdentity who) {
        String challenge = client.get("/api/session/challenge").body().path("challenge").asText();
        com.fasterxml.jackson.databind.node.ObjectNode body = CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        RegistryClient.Reply reply = client.post("/api/session", client.sign(who, CommandEnvelope.fresh("SignIn", body, Clock.systemUTC())),
                "application/json");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body().path("token").asText();
    }

    /** The {@code sealKeyId} of a bundle's public record. */
    private static final class CanonicalJsonRecord {
        static String sealKeyId(String bundle) throws java.io.IOException {
            return mn.registry.kernel.crypto.CanonicalJson.mapper().readTree(bundle).path("record").path("sealKeyId").asText();
        }
    }

    private static String text(int port, String path) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + path)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode readAs(RegistryClient client, String token, String purpose) {
        RegistryClient.Reply reply = client.get("/api/staff/people/applicant-1?purpose=" + URLEncoder.encode(purpose, StandardCharsets.UTF_8), token);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    /** The stored (sealed) PersonEnrolled event of a person, as JSON text. */
    private static String enrolmentEventJson(MongoDatabase db, String personId) {
        for (Document commit : db.getCollection("events").find(new Document("eventIds", new Document("$exists", true)))) {
            for (Document e : commit.getList("events", Document.class, List.of())) {
                if (("person-" + personId).equals(e.getString("aggregateId")) && String.valueOf(e.getString("payloadType")).endsWith("PersonEnrolled")) {
                    return e.toJson();
                }
            }
        }
        throw new AssertionError("no PersonEnrolled event for " + personId);
    }
}
