package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.document.DocumentStore;
import mn.registry.identity.command.Enrolment;
import mn.registry.infrastructure.time.RegistryClock;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 1 over HTTP (ADR 0013 §1): the registry's time of receipt decides who may act and dates every act;
 * {@code signedAt} is the signer's statement, allowed only within five minutes of receipt, and the certificate must
 * be valid at receipt too. The issue's "done when": a back-dated act of a dismissed governor is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReceiptTimeEndToEndTest {

    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;
    private static RegistryClock clock;

    @BeforeAll
    static void start() {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
        client = new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
        clock = registry.getBean(RegistryClock.class);
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /** The registry's time of receipt as the test can know it: its (demo) clock, in whole seconds as signed. */
    private static Instant registryNow() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String sign(SigningIdentity who, String type, Object body, Instant signedAt) {
        CommandEnvelope envelope = new CommandEnvelope("receipt-" + UUID.randomUUID(), type, signedAt.truncatedTo(ChronoUnit.SECONDS),
                CanonicalJson.mapper().valueToTree(body));
        return client.sign(who, envelope);
    }

    private static RegistryClient.Reply send(String person, String type, Object body, Instant signedAt) {
        return client.command(sign(client.person(person), type, body, signedAt));
    }

    private static String commandIdOf(String jws) {
        try {
            String payload = CanonicalJson.mapper().readTree(jws).path("payload").asText();
            return CanonicalJson.mapper().readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("commandId").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long storedCommands(String commandId) {
        return registry.getBean(MongoDatabase.class).getCollection("commands").countDocuments(new Document("_id", commandId));
    }

    private static Optional<Long> lastEvent(String stream) {
        return registry.getBean(EventStore.class).lastSequenceNumberFor(stream);
    }

    private static List<Object> events(String stream) {
        return registry.getBean(EventStore.class).readEvents(stream).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static String registrationStream(RegistrationId id) {
        return "fz-registration-" + id.value();
    }

    /** An entity applies for registration in a zone; answers its (pending) registration id. */
    private static RegistrationId applyInZone(ZoneId zone, String name, String number) {
        LegalEntity entity = new LegalEntity(name, Jurisdiction.MONGOLIAN, null, number);
        List<SubmittedZoneDocument> documents = ZoneDocument.requiredFor(Jurisdiction.MONGOLIAN).stream()
                .map(kind -> new SubmittedZoneDocument(kind, upload(name + " " + kind))).toList();
        RegistryClient.Reply applied = send("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(zone, entity, Activity.TRADE, documents), registryNow());
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        return RegistrationId.of(zone, entity);
    }

    static String upload(String what) {
        return upload(registry, what);
    }

    static String upload(ConfigurableApplicationContext registry, String what) {
        byte[] bytes = ("%PDF-1.4\n" + what + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        return registry.getBean(DocumentStore.class).receive(bytes, "application/pdf", what + ".pdf").document().sha256();
    }

    static ApplyForPermit permitApplication(String company, String number) {
        return permitApplicationFor(registry, company, number);
    }

    /** A complete application of a Mongolian company (002 art. 25.1), its documents uploaded to {@code registry}. */
    static ApplyForPermit permitApplicationFor(ConfigurableApplicationContext registry, String company, String number) {
        List<SubmittedDocument> documents = Arrays.stream(RequiredDocument.values()).filter(k -> k.requiredWhen(false))
                .map(k -> new SubmittedDocument(k, upload(registry, company + " " + k))).toList();
        return new ApplyForPermit(new Company(company, number, true, "Peace Avenue 1, Ulaanbaatar"), false, documents);
    }

    /** A person with a certificate from the registry's CA, enrolled as the representative of the company whose number is {@code company}. */
    private static SigningIdentity enrol(String id, String company, Instant certificateFrom, Instant certificateUntil) {
        SigningIdentity person = registry.getBean(RegistryKeys.class).ca().newPerson(new PersonId(id), "Test person " + id, null,
                certificateFrom, certificateUntil);
        registry.getBean(Enrolment.class).enrolIfAbsent(person.person(), "Test person " + id, person.certificate(), Role.APPLICANT, null, company,
                new PersonId("supervisor-1"), "test enrolment");
        return person;
    }

    private static void assertRefusedAndNothingStored(RegistryClient.Reply reply, String jws, int status, String... codes) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(status);
        assertThat(reply.code()).isIn((Object[]) codes);
        assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(storedCommands(commandIdOf(jws))).as("the command log").isZero();
    }

    @Test
    @Order(1)
    @DisplayName("003 art. 8.2 (ADR 0013 §1): a dismissed governor back-dating signedAt 3 minutes, or 10, to before the dismissal registers nothing")
    void dismissed_governor_back_dating_is_refused() {
        RegistrationId pending = applyInZone(ZAMYN_UUD, "Gobi Gate Logistics LLC", "6200113");
        Optional<Long> before = lastEvent(registrationStream(pending));
        Instant beforeDismissal = registryNow();
        RegistryClient.Reply dismissed = send("cabinet-1", "DismissGovernor", new ZoneCommands.DismissGovernor(ZAMYN_UUD,
                new PersonId("governor-zamyn-uud"), "Cabinet member's order 2026/190", upload("Cabinet member's order 2026/190")), registryNow());
        assertThat(dismissed.status()).as(dismissed.body().toString()).isEqualTo(200);

        // within the skew: the signature passes, but at the registry's time of receipt they no longer hold the office
        String threeMinutesBack = sign(client.person("governor-zamyn-uud"), "RegisterEntity", new RegistrationCommands.RegisterEntity(pending),
                beforeDismissal.minus(Duration.ofMinutes(3)));
        assertRefusedAndNothingStored(client.command(threeMinutesBack), threeMinutesBack, 403, "signer.role-missing", "freezone.governor-not-in-tenure");
        // beyond the skew: the signing time itself is refused (up to 24 hours was accepted before issue 13)
        String tenMinutesBack = sign(client.person("governor-zamyn-uud"), "RegisterEntity", new RegistrationCommands.RegisterEntity(pending),
                beforeDismissal.minus(Duration.ofMinutes(10)));
        assertRefusedAndNothingStored(client.command(tenMinutesBack), tenMinutesBack, 401, "command.signed-too-long-ago");
        String hoursBack = sign(client.person("governor-zamyn-uud"), "RegisterEntity", new RegistrationCommands.RegisterEntity(pending),
                beforeDismissal.minus(Duration.ofHours(20)));
        assertRefusedAndNothingStored(client.command(hoursBack), hoursBack, 401, "command.signed-too-long-ago");

        assertThat(lastEvent(registrationStream(pending))).as("the registration stays pending").isEqualTo(before);
        assertThat(events(registrationStream(pending))).noneMatch(RegistrationEvents.EntityRegistered.class::isInstance);
    }

    @Test
    @Order(2)
    @DisplayName("003 art. 8.2 (ADR 0013 §1): a governor appointed from a minute ahead, signing as of two minutes ahead, is not yet serving at receipt")
    void governor_not_yet_serving_at_receipt_is_refused() {
        RegistrationId pending = applyInZone(ALTANBULAG, "Kyakhta Amber Works LLC", "6200114");
        Optional<Long> before = lastEvent(registrationStream(pending));
        Instant now = registryNow();
        SigningIdentity incoming = enrol("governor-incoming", "6200197", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        registry.getBean(Enrolment.class).grant(new RoleGranted(incoming.person(), Role.ZONE_GOVERNOR, ALTANBULAG.value(), now.plus(Duration.ofMinutes(1)),
                new PersonId("cabinet-1"), "Cabinet member's order 2026/191, in force from the next minute"));

        String early = sign(incoming, "RegisterEntity", new RegistrationCommands.RegisterEntity(pending), now.plus(Duration.ofMinutes(2)));
        RegistryClient.Reply reply = client.command(early);
        assertRefusedAndNothingStored(reply, early, 403, "signer.role-missing", "freezone.governor-not-in-tenure");
        assertThat(reply.body().path("detail").asText()).contains("time of receipt");
        assertThat(lastEvent(registrationStream(pending))).isEqualTo(before);
    }

    @Test
    @Order(3)
    @DisplayName("001 art. 23.1.1 (ADR 0013 §1): signedAt 6 minutes after or before the registry's time is refused with 401, nothing stored")
    void signed_at_six_minutes_either_side_is_refused() {
        Instant now = registryNow();
        Instant physical = clock.realTime().instant();
        Instant latest = now.isAfter(physical) ? now : physical;
        Instant earliest = now.isBefore(physical) ? now : physical;
        String ahead = sign(client.person("applicant-1"), "ApplyForPermit", permitApplication("Ahead Of Time LLC", "6200115"),
                latest.plus(Duration.ofMinutes(6)));
        assertRefusedAndNothingStored(client.command(ahead), ahead, 401, "command.signed-in-future");
        String behind = sign(client.person("applicant-1"), "ApplyForPermit", permitApplication("Behind Time LLC", "6200116"),
                earliest.minus(Duration.ofMinutes(6)));
        assertRefusedAndNothingStored(client.command(behind), behind, 401, "command.signed-too-long-ago");
    }

    @Test
    @Order(4)
    @DisplayName("001 art. 23.1.1 (ADR 0013 §1): a certificate valid when signed but expired before receipt signs nothing")
    void certificate_expired_between_signing_and_receipt_is_refused() {
        Instant now = clock.realTime().instant().truncatedTo(ChronoUnit.SECONDS);
        SigningIdentity expiring = enrol("applicant-expiring", "6200117", now.minus(Duration.ofDays(30)), now.minusSeconds(30));
        String jws = sign(expiring, "ApplyForPermit", permitApplication("Expiring Certificate LLC", "6200117"), now.minusSeconds(90));
        RegistryClient.Reply reply = client.command(jws);
        assertRefusedAndNothingStored(reply, jws, 401, "signature.certificate-not-valid-at-receipt");
    }

    @Test
    @Order(5)
    @DisplayName("002 art. 26.2.1, 003 art. 12.2 (ADR 0013 §1): signed 4 minutes before receipt, the application, its receipt, the entity's registration and its public record carry the registry's time")
    void records_carry_the_registrys_time_of_receipt() {
        Instant signedAt = registryNow().minus(Duration.ofMinutes(4));
        Instant before = clock.instant();
        RegistryClient.Reply applied = send("applicant-1", "ApplyForPermit", permitApplication("Registry Time LLC", "6200118"), signedAt);
        Instant after = clock.instant();
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        Instant receivedAt = Instant.parse(applied.body().path("receivedAt").asText());
        assertThat(receivedAt).isBetween(before, after).isAfter(signedAt.plus(Duration.ofMinutes(3)));
        PermitApplicationRegistered registered = events(applied.body().path("applicationId").asText()).stream()
                .filter(PermitApplicationRegistered.class::isInstance).map(PermitApplicationRegistered.class::cast).findFirst().orElseThrow();
        assertThat(registered.receivedAt()).isEqualTo(receivedAt);

        RegistrationId pending = applyInZone(ALTANBULAG, "Registry Time Trading LLC", "6200119");
        Instant governorSignedAt = registryNow().minus(Duration.ofMinutes(4));
        Instant beforeRegistration = clock.instant();
        RegistryClient.Reply registeredEntity = send("governor-altanbulag", "RegisterEntity", new RegistrationCommands.RegisterEntity(pending),
                governorSignedAt);
        Instant afterRegistration = clock.instant();
        assertThat(registeredEntity.status()).as(registeredEntity.body().toString()).isEqualTo(200);
        RegistrationEvents.EntityRegistered entity = events(registrationStream(pending)).stream()
                .filter(RegistrationEvents.EntityRegistered.class::isInstance).map(RegistrationEvents.EntityRegistered.class::cast).findFirst().orElseThrow();
        assertThat(entity.registeredAt()).isBetween(beforeRegistration, afterRegistration).isNotEqualTo(governorSignedAt);

        // the public record (003 art. 12.2: registrations are published) carries the same registry time
        String entry = "/api/public/register/entities/" + java.net.URLEncoder.encode(pending.value(), StandardCharsets.UTF_8);
        JsonNode published = null;
        for (int i = 0; i < 150 && published == null; i++) {
            RegistryClient.Reply reply = client.get(entry);
            if (reply.status() == 200) {
                published = reply.body();
            } else {
                sleep(100);
            }
        }
        assertThat(published).as(entry + " published").isNotNull();
        assertThat(Instant.parse(published.path("history").get(0).path("record").path("payload").path("registeredAt").asText()))
                .isEqualTo(entity.registeredAt());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(6)
    @DisplayName("003 art. 8.2 (ADR 0013 §1): once the registry's clock reaches the appointment, the same governor's act is accepted")
    void governor_serving_at_receipt_is_accepted() {
        RegistrationId pending = applyInZone(ALTANBULAG, "Later Appointment LLC", "6200120");
        Instant now = registryNow();
        SigningIdentity appointed = enrol("governor-appointed", "6200198", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
        registry.getBean(Enrolment.class).grant(new RoleGranted(appointed.person(), Role.ZONE_GOVERNOR, ALTANBULAG.value(), now.plus(Duration.ofMinutes(1)),
                new PersonId("cabinet-1"), "Cabinet member's order 2026/192, in force from the next minute"));
        String early = sign(appointed, "RegisterEntity", new RegistrationCommands.RegisterEntity(pending), now);
        assertThat(client.command(early).code()).isIn("signer.role-missing", "freezone.governor-not-in-tenure");

        clock.advance(Duration.ofMinutes(2)); // demo mode: the registry's legal clock moves; the signer signs on it
        String serving = sign(appointed, "RegisterEntity", new RegistrationCommands.RegisterEntity(pending), registryNow());
        RegistryClient.Reply reply = client.command(serving);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode answer = reply.body();
        assertThat(answer.path("result").asText()).isEqualTo("REGISTERED");
    }

    @Test
    @Order(7)
    @DisplayName("001 art. 23.1.1 (ADR 0002, ADR 0013 §1): a resend of a command carried out before gets its first answer even after the age limit; a command never carried out stays refused")
    void late_resend_of_a_carried_out_command_gets_its_first_answer() {
        clock.advance(Duration.ofHours(1)); // demo mode: the legal clock runs ahead of the physical one, so only it judges signedAt
        String applied = sign(client.person("applicant-1"), "ApplyForPermit", permitApplication("Late Resend LLC", "6200121"), registryNow());
        RegistryClient.Reply first = client.command(applied);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        String neverSent = sign(client.person("applicant-1"), "ApplyForPermit", permitApplication("Never Sent LLC", "6200122"), registryNow());

        clock.advance(Duration.ofMinutes(10));
        RegistryClient.Reply resent = client.command(applied);
        assertThat(resent.status()).as(resent.body().toString()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(storedCommands(commandIdOf(applied))).isEqualTo(1);
        assertRefusedAndNothingStored(client.command(neverSent), neverSent, 401, "command.signed-too-long-ago");
    }

    @Test
    @Order(8)
    @DisplayName("ADR 0002, ADR 0013 §1: a late resend of a command a stop left accepted is settled as any resend: applied before the stop, "
            + "it is answered as applied; not applied, its claim is given back and the resend refused, never carried out")
    void late_resend_of_a_command_left_accepted_is_settled() {
        com.mongodb.client.MongoCollection<Document> commands = registry.getBean(MongoDatabase.class).getCollection("commands");
        String applied = sign(client.person("applicant-1"), "ApplyForPermit", permitApplication("Left Accepted LLC", "6200123"), registryNow());
        assertThat(client.command(applied).status()).isEqualTo(200);
        String neverApplied = sign(client.person("applicant-1"), "ApplyForPermit", permitApplication("Never Applied LLC", "6200124"), registryNow());
        // the answer is written off the request thread (ADR 0066): once it is, the node holds nothing of it, as after a stop
        long answerWrittenBy = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!"done".equals(commands.find(new Document("_id", commandIdOf(applied))).first().getString("state"))) {
            assertThat(System.nanoTime()).as("the answer written within 10 s").isLessThan(answerWrittenBy);
            java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
        }
        // a stop between the events and the answer: the entry stays accepted (for the second, before any event)
        long anHourAgo = registryNow().minus(Duration.ofHours(1)).toEpochMilli();
        commands.updateOne(new Document("_id", commandIdOf(applied)), new Document("$set", new Document("state", "accepted")
                .append("acceptedAt", anHourAgo).append(mn.registry.command.api.CommandLog.LEASE_KEY, commandIdOf(applied) + "@" + anHourAgo))
                .append("$unset", new Document("answer", "").append("status", "")));
        commands.insertOne(new Document("_id", commandIdOf(neverApplied)).append("state", "accepted")
                .append("jwsSha256", mn.registry.kernel.crypto.Sha256.hex(neverApplied.getBytes(StandardCharsets.UTF_8)))
                .append("type", "ApplyForPermit").append("actor", "applicant-1").append("acceptedAt", anHourAgo)
                .append(mn.registry.command.api.CommandLog.LEASE_KEY, commandIdOf(neverApplied) + "@" + anHourAgo));

        clock.advance(Duration.ofMinutes(10));
        RegistryClient.Reply resent = client.command(applied);
        assertThat(resent.status()).as(resent.body().toString()).isEqualTo(200);
        assertThat(resent.body().path("recovered").asBoolean()).as(resent.body().toString()).isTrue();
        assertThat(commands.find(new Document("_id", commandIdOf(applied))).first().getString("state")).isEqualTo("done");
        RegistryClient.Reply refused = client.command(neverApplied);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("command.signed-too-long-ago");
        assertThat(storedCommands(commandIdOf(neverApplied))).as("its claim given back").isZero();
    }
}
