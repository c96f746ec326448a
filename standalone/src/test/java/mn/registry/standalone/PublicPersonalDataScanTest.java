package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.log.Commitment;
import mn.registry.kernel.log.Disclosures;
import mn.registry.kernel.log.SealedEvent;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.money.Money;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.tlog.LogCollections;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitRequirement;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.RefusalReason;
import mn.registry.kernel.permit.RevocationGround;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Domain-rules §5: events full of personal data (civil registration numbers, phones, e-mails, home addresses) go in,
 * and no public endpoint's output holds any of it. The endpoints are read from Spring's request mappings under
 * {@code /api/public}, so a new endpoint is scanned as soon as it exists (or this test fails, asking how to fill in
 * its path variables).
 */
class PublicPersonalDataScanTest {

    /** Personal data put only where the law keeps it private: events that are never published. */
    private static final List<String> PRIVATE_EVENTS_DATA = List.of("УБ90010112", "ub90010112", "99112233", "bold.bat@example.mn",
            "15-р байр 42 тоот", "Энхтайвны өргөн чөлөө 7-12");
    /** Personal data in fields of published events that the public record leaves out. */
    private static final List<String> DROPPED_FIELDS_DATA = List.of("ЧО88020233", "88775566", "saraa@example.mn", "Сансар 21-р байр",
            "УБ99112233", "+976 9595 1212", "director.saraa@example.mn");

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;
    private static String base;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.log.checkpoint-interval=100ms");
        int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
        client = new RegistryClient(port, dataDir);
        base = "http://localhost:" + port;
        feedEventsFullOfPersonalData();
        String token = client.signIn("supervisor-1");
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(URI.create(base + "/api/supervisor/open-data"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).as(export.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static void publish(String type, String aggregateId, Object payload) {
        registry.getBean(EventStore.class).publish(new GenericDomainEventMessage<>(type, aggregateId, 0, payload));
    }

    private static void feedEventsFullOfPersonalData() throws InterruptedException {
        Instant now = Instant.now();
        PersonId citizen = new PersonId("citizen-77");
        publish("Person", citizen.value(), new PersonEnrolled(citizen, "Бат Болд, РД УБ90010112, утас 99112233, bold.bat@example.mn", "ab".repeat(32),
                Base64.getEncoder().encodeToString("not a certificate".getBytes(StandardCharsets.UTF_8)), now));
        publish("PersonRole", "citizen-77-applicant", new RoleGranted(citizen, Role.APPLICANT, null, now, new PersonId("supervisor-1"),
                "representative of Tenger Trust; home: Баянзүрх, 15-р байр 42 тоот; ub90010112"));
        ApplicationId refused = ApplicationId.of(UUID.randomUUID());
        publish("PermitApplication", refused.value(), new PermitApplicationRefused(refused, List.of(new RefusalReason(
                PermitRequirement.COMPANY_UNDER_MONGOLIAN_LAW, "the director Бат Болд (УБ90010112, 99112233, bold.bat@example.mn) lives at "
                + "Энхтайвны өргөн чөлөө 7-12")), now, new PersonId("reviewer-1"), "002 art. 26.1"));
        RegistrationId registration = RegistrationId.of(ZoneId.of("altanbulag"), new LegalEntity("Private Trader", Jurisdiction.MONGOLIAN, null, "5556667"));
        publish("ZoneRegistration", registration.value(), new RegistrationEvents.ZoneRegistrationRejected(registration,
                List.of("owner's passport УБ90010112 expired; call 99112233"), now, new PersonId("governor-altanbulag")));
        publish("ZoneRegistration2", registration.value() + "-court", new RegistrationEvents.CourtDissolutionRecorded(registration,
                "case of Бат Болд, 15-р байр 42 тоот", LocalDate.of(2026, 11, 1), false, new PersonId("governor-altanbulag"), null));
        // published events whose personal-data fields the public record drops
        ApplicationId revoked = ApplicationId.of(UUID.randomUUID());
        publish("PermitApplication", revoked.value(), new PermitRevoked(revoked, RevocationGround.HOLDER_REQUEST,
                "asked by the director Сараа (ЧО88020233, 88775566, saraa@example.mn, Сансар 21-р байр; "
                + "registration УБ99112233, phone +976 9595 1212, director.saraa@example.mn)", now, new PersonId("supervisor-1"), true));
        // 003 art. 26.2, domain-rules §5: a deregistration is published, whether the entity owes its exemptions back (a tax matter) is not
        publish("ZoneRegistration3", registration.value() + "-deregistered", new RegistrationEvents.EntityDeregistered(registration,
                ZoneId.of("altanbulag"), DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved by the court", now, true, true,
                new PersonId("governor-altanbulag")));
        publish("ZoneLand", "altanbulag-land-x", new LandEvents.LandLicenceIssued(ZoneId.of("altanbulag"), LandLicenceId.of(ZoneId.of("altanbulag"), 9),
                registration, new Money(new BigDecimal("100"), "MNT"), "paid in cash by Сараа ЧО88020233, phone 88775566", now, new PersonId("governor-altanbulag"), null));
        // wait until the log has the last public one
        MongoDatabase db = registry.getBean(MongoDatabase.class);
        Instant deadline = Instant.now().plusSeconds(30);
        while (db.getCollection(LogCollections.ENTRIES).find(new Document("leaf", Pattern.compile("LandLicenceIssued"))).first() == null
                || client.get("/api/public/feed?after=-1&limit=1000").body().path("published").asLong() < db.getCollection(LogCollections.ENTRIES).countDocuments()) {
            assertThat(Instant.now()).as("the log and a checkpoint took in the public events").isBefore(deadline);
            Thread.sleep(100);
        }
        // statistics and the register have caught up
        Thread.sleep(500);
    }

    @Test
    @DisplayName("no public endpoint shows personal data of natural persons, whatever the events held (domain-rules §5)")
    void no_public_endpoint_leaks_personal_data() throws Exception {
        PublicCrawler crawler = crawler();
        Set<String> patterns = crawler.patterns();
        assertThat(patterns).as("the public endpoints found").contains("/api/public/register/{kind}/{id}", "/api/public/feed",
                "/api/public/bundle/{logIndex}", "/api/public/statistics", "/api/public/open-data/{logSize}/{file}");
        int scanned = 0;
        for (String pattern : patterns) {
            for (String url : crawler.expand(pattern)) {
                String body = crawler.fetch(url);
                scanned++;
                // issue 14 item 5: no exclusions, bundles included (ADR 0015: a bundle discloses the public fields only)
                for (String personal : concat(PRIVATE_EVENTS_DATA, DROPPED_FIELDS_DATA)) {
                    assertThat(body.toLowerCase(Locale.ROOT)).as(url + " shows '" + personal + "'").doesNotContain(personal.toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(scanned).isGreaterThan(40);
        // the scan looked at the right things: the redacted public records of the events are there
        String feed = fetch("/api/public/feed?after=-1&limit=1000");
        assertThat(feed).contains("PermitRevoked").contains("LandLicenceIssued").contains("HOLDER_REQUEST");
        assertThat(patterns).as("the public pages scanned").contains("/decisions/{logIndex}", "/register/{kind}/{id}", "/verify");
        // and the scan is not blind to Cyrillic or escaping: the personal data is in the store, beside what is published
        assertThat(registry.getBean(MongoDatabase.class).getCollection("events").find(new Document("eventIds", revocationEventId())).first().toJson())
                .contains("УБ99112233").contains("director.saraa@example.mn");
    }

    @Test
    @DisplayName("002 art. 30.1: a revocation whose reason holds a civil registration number, a phone and an e-mail is published, and its bundle verifies offline without them")
    void the_revocation_is_published_and_verifies_offline_without_the_personal_data() throws Exception {
        long revocation = revocationIndex();
        String bundle = fetch("/api/public/bundle/" + revocation);
        for (String personal : DROPPED_FIELDS_DATA) {
            assertThat(bundle.toLowerCase(Locale.ROOT)).doesNotContain(personal.toLowerCase(Locale.ROOT));
        }
        JsonNode json = CanonicalJsonReader.read(bundle);
        assertThat(json.path("format").asText()).isEqualTo(mn.registry.kernel.log.DisclosedBundle.FORMAT);
        assertThat(json.path("record").path("payload").path("ground").asText()).isEqualTo("HOLDER_REQUEST");
        assertThat(json.path("record").path("payload").has("reason")).isFalse();
        // the reason is committed (its digest is sealed) but not disclosed
        assertThat(json.path("commitment").path("sd")).hasSize(6);
        assertThat(json.path("disclosures")).hasSize(5);
        // offline, as verifier.jar does: the registry's CA and log key obtained independently (here: from the data dir and the key endpoint)
        java.security.cert.X509Certificate ca = mn.registry.kernel.pki.Certificates.fromPem(java.nio.file.Files.readString(dataDir.resolve("keys/ca.cert.pem"))).get(0);
        mn.registry.kernel.log.NoteKey key = mn.registry.kernel.log.NoteKey.parse(fetch("/api/public/log/key").trim());
        mn.registry.kernel.log.BundleVerifier.Verdict verdict = new mn.registry.kernel.log.BundleVerifier(java.util.Optional.of(key),
                java.util.Optional.of(ca)).verify(bundle);
        assertThat(verdict.failure()).isNull();
        assertThat(verdict.summary()).contains("PermitRevoked").contains("fields disclosed 5 of 6");
    }

    @Test
    @DisplayName("003 art. 26.2, 002 art. 30.1 (domain-rules §5): a bundle confirms no guess of a field its record withholds: not whether a "
            + "deregistered entity owes its exemptions back, nor a revocation's reason or a payment receipt guessed right")
    void a_bundle_confirms_no_guess_of_a_withheld_field() throws Exception {
        int withholding = 0;
        org.assertj.core.api.SoftAssertions confirmed = new org.assertj.core.api.SoftAssertions();
        for (JsonNode entry : CanonicalJsonReader.read(fetch("/api/public/feed?after=-1&limit=1000")).path("entries")) {
            JsonNode bundle = CanonicalJsonReader.read(fetch("/api/public/bundle/" + entry.path("logIndex").asLong()));
            if (bundle.path("commitment").isNull() || bundle.path("commitment").path("sd").size() == bundle.path("disclosures").size()) {
                continue;
            }
            withholding++;
            Commitment commitment = Commitment.fromJson(bundle.path("commitment"));
            // a reader who guessed every withheld field right: the payload exactly as sealed
            String sealedPayload = storedPayload(commitment.eventId());
            confirmed.assertThat(publicHashOf(commitment, sealedPayload)).as("log index " + entry.path("logIndex") + " (" + commitment.payloadType()
                    + "): the envelope rebuilt from the bundle and a right guess hashes to the published sealHash").isNotEqualTo(commitment.sealHash());
            if (commitment.payloadType().endsWith("EntityDeregistered")) {
                // two guesses are all it takes for a boolean
                for (boolean owes : new boolean[]{true, false}) {
                    ObjectNode guessed = disclosedPayload(bundle);
                    guessed.put("taxClawbackDue", owes);
                    confirmed.assertThat(publicHashOf(commitment, guessed.toString())).as("the guess taxClawbackDue=" + owes + " is confirmed by the bundle")
                            .isNotEqualTo(commitment.sealHash()).isNotEqualTo(bundle.path("record").path("sealHash").asText());
                }
            }
        }
        assertThat(withholding).as("bundles withholding a field: the revocation, the land licence, the deregistration").isGreaterThanOrEqualTo(3);
        confirmed.assertAll();
    }

    /** What anyone computes from a bundle's commitment and a payload: the SHA-256 of the canonical envelope (the public cannot know more). */
    private static String publicHashOf(Commitment c, String payload) {
        return Sha256.hex(new SealedEvent(c.eventId(), c.aggregateType(), c.aggregateId(), c.seq(), c.timestamp(), c.payloadType(),
                c.payloadRevision(), payload, c.metaData(), c.prevHash(), null, null, null).canonicalEnvelope());
    }

    private static ObjectNode disclosedPayload(JsonNode bundle) {
        ObjectNode payload = mn.registry.kernel.crypto.CanonicalJson.mapper().createObjectNode();
        for (JsonNode disclosure : bundle.path("disclosures")) {
            Disclosures.Disclosed opened = Disclosures.open(disclosure.asText());
            payload.set(opened.name(), opened.value());
        }
        return payload;
    }

    private static String storedPayload(String eventId) {
        return new mn.registry.tlog.SealedEvents(registry.getBean(MongoDatabase.class)).byId(eventId).orElseThrow().event().payload();
    }

    private static long revocationIndex() throws Exception {
        for (JsonNode entry : CanonicalJsonReader.read(fetch("/api/public/feed?after=-1&limit=1000")).path("entries")) {
            if (entry.path("record").path("type").asText().endsWith("PermitRevoked")) {
                return entry.path("logIndex").asLong();
            }
        }
        return fail("no revocation in the feed");
    }

    private static String revocationEventId() throws Exception {
        return CanonicalJsonReader.read(fetch("/api/public/bundle/" + revocationIndex())).path("record").path("eventId").asText();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** JSON text to a tree. */
    private static final class CanonicalJsonReader {
        static JsonNode read(String json) throws java.io.IOException {
            return mn.registry.kernel.crypto.CanonicalJson.mapper().readTree(json);
        }
    }

    private static PublicCrawler crawler() {
        return new PublicCrawler(registry, client, ((WebServerApplicationContext) registry).getWebServer().getPort());
    }

    private static String fetch(String url) throws Exception {
        return crawler().fetch(url);
    }
}
