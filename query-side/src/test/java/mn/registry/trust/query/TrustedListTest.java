package mn.registry.trust.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitNumber;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.SuspensionGround;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.trust.SignedTrustedList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trusted list from the permit events: statuses over time, the list at an instant, its seal and its offline check. */
@ExtendWith(EmbeddedMongoExtension.class)
class TrustedListTest {

    static final Instant ISSUED = Instant.parse("2026-12-01T02:00:00Z");
    static final Instant SUSPENDED = Instant.parse("2027-01-10T03:00:00Z");
    static final Instant RESTORED = Instant.parse("2027-02-01T03:00:00Z");
    static final Instant REVOKED = Instant.parse("2027-06-01T03:00:00Z");
    static final Instant NOW = Instant.parse("2027-07-01T00:00:00Z");
    static final PersonId OFFICIAL = new PersonId("supervisor-1");

    @TempDir
    static Path dataDir;
    private static RegistryKeys keys;

    private TrustedListProjection projection;
    private TrustedListController controller;
    private final ApplicationId tenger = ApplicationId.of(UUID.randomUUID());
    private final ApplicationId altai = ApplicationId.of(UUID.randomUUID());

    @BeforeAll
    static void start() throws Exception {
        keys = RegistryKeys.openOrCreate(dataDir, Clock.fixed(ISSUED.minusSeconds(86_400 * 30), ZoneOffset.UTC));
    }

    @BeforeEach
    void fresh(MongoDatabase database) {
        projection = new TrustedListProjection(database);
        controller = new TrustedListController(database, keys, Clock.fixed(NOW, ZoneOffset.UTC));
        projection.on(issued(tenger, "P-2026-000001", "Tenger Trust LLC", ISSUED), 5);
        projection.on(issued(altai, "P-2026-000002", "Altai Sign LLC", ISSUED.plusSeconds(60)), 5);
    }

    static PermitIssued issued(ApplicationId id, String number, String company, Instant at) {
        return new PermitIssued(id, new PermitNumber(number), "Ministry", new Company(company, "70000001", true, "Ulaanbaatar"),
                "issue certificates", LocalDate.of(2026, 12, 1), LocalDate.of(2029, 12, 1), List.of(), at, OFFICIAL, "ab".repeat(32));
    }

    private JsonNode list(String at) {
        ObjectNode jws = (ObjectNode) controller.trustedList(at).getBody();
        return SignedTrustedList.verify(jws, keys.caCertificate()).list();
    }

    private static JsonNode service(JsonNode list, String permitNumber) {
        for (JsonNode provider : list.path("trustServiceProviders")) {
            JsonNode s = provider.path("services").get(0);
            if (permitNumber.equals(s.path("permitNumber").asText())) {
                return s;
            }
        }
        throw new AssertionError(permitNumber + " is not on the list " + list);
    }

    @Test
    @DisplayName("002 art. 28.2: a suspended provider is not granted; restored it is granted again; revoked it is withdrawn")
    void suspend_restore_revoke() {
        assertThat(service(list(null), "P-2026-000001").path("status").asText()).isEqualTo("granted");

        projection.on(new PermitSuspended(tenger, SuspensionGround.values()[0], "cd".repeat(32), 0, LocalDate.of(2027, 1, 10),
                null, SUSPENDED, OFFICIAL), 6);
        JsonNode suspended = service(list(null), "P-2026-000001");
        assertThat(suspended.path("status").asText()).isEqualTo("suspended");
        assertThat(suspended.path("trustedForNewCertificates").asBoolean()).isFalse();
        assertThat(suspended.path("statusStartingTime").asText()).isEqualTo(SUSPENDED.toString());
        assertThat(service(list(null), "P-2026-000002").path("status").asText()).as("the other provider").isEqualTo("granted");

        projection.on(new PermitRestored(tenger, "remedied", RESTORED, OFFICIAL, "002 art. 28.4"), 7);
        JsonNode restored = service(list(null), "P-2026-000001");
        assertThat(restored.path("status").asText()).isEqualTo("granted");
        assertThat(restored.path("serviceStatus").asText()).isEqualTo("http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted");
        assertThat(restored.path("trustedForNewCertificates").asBoolean()).isTrue();

        projection.on(new PermitRevoked(tenger, RevocationGround.HOLDER_REQUEST, "asked", REVOKED, OFFICIAL, true), 8);
        JsonNode revoked = service(list(null), "P-2026-000001");
        assertThat(revoked.path("status").asText()).isEqualTo("withdrawn");
        assertThat(revoked.path("serviceHistory")).extracting(h -> h.path("status").asText())
                .containsExactly("granted", "suspended", "granted", "withdrawn");
    }

    @Test
    @DisplayName("002 art. 28.2: the list at an instant shows the status then and no later change")
    void history_at_an_instant() {
        projection.on(new PermitSuspended(tenger, SuspensionGround.values()[0], "cd".repeat(32), 0, LocalDate.of(2027, 1, 10),
                null, SUSPENDED, OFFICIAL), 6);
        projection.on(new PermitRestored(tenger, "remedied", RESTORED, OFFICIAL, "002 art. 28.4"), 7);
        projection.on(new PermitExpired(altai, LocalDate.of(2027, 5, 1), REVOKED, "002 art. 29.2"), 6);

        JsonNode during = list("2027-01-20T00:00:00Z");
        assertThat(during.path("schemeInformation").path("historical").asBoolean()).isTrue();
        assertThat(during.path("schemeInformation").path("statusAt").asText()).isEqualTo("2027-01-20T00:00:00Z");
        assertThat(service(during, "P-2026-000001").path("status").asText()).isEqualTo("suspended");
        assertThat(service(during, "P-2026-000001").path("serviceHistory")).hasSize(2);
        assertThat(service(during, "P-2026-000002").path("status").asText()).isEqualTo("granted");

        JsonNode before = list("2026-11-30T00:00:00Z");
        assertThat(before.path("trustServiceProviders")).as("no permit issued yet").isEmpty();

        JsonNode after = list(null);
        assertThat(service(after, "P-2026-000002").path("status").asText()).isEqualTo("withdrawn");
        assertThat(service(after, "P-2026-000001").path("status").asText()).isEqualTo("granted");
    }

    @Test
    @DisplayName("002 art. 29.2, 27.4: an expiry recorded late withdraws the service from the end of the term; an extension granted after expiry grants it again from the decision")
    void expiry_from_the_end_of_the_term_and_extension_after_it() {
        // the term ended on 2027-03-31 (Ulaanbaatar); the registry recorded the expiry only on 2027-04-10 (it was down, or the request pended)
        projection.on(new PermitExpired(altai, LocalDate.of(2027, 3, 31), Instant.parse("2027-04-10T00:00:00Z"), "002 art. 29.2"), 6);
        assertThat(service(list("2027-03-31T15:59:59Z"), "P-2026-000002").path("status").asText()).isEqualTo("granted");
        assertThat(service(list("2027-03-31T16:00:00Z"), "P-2026-000002").path("status").asText()).as("from 2027-04-01 00:00 in Ulaanbaatar")
                .isEqualTo("withdrawn");
        Instant decided = Instant.parse("2027-04-20T03:00:00Z");
        projection.on(new mn.registry.kernel.permit.PermitExtendedAfterExpiry(altai, LocalDate.of(2027, 3, 31), LocalDate.of(2032, 3, 31), decided,
                OFFICIAL, "002 art. 27.4, 29.2"), 7);
        assertThat(service(list("2027-04-19T00:00:00Z"), "P-2026-000002").path("status").asText()).isEqualTo("withdrawn");
        JsonNode again = service(list(null), "P-2026-000002");
        assertThat(again.path("status").asText()).isEqualTo("granted");
        assertThat(again.path("statusStartingTime").asText()).isEqualTo(decided.toString());
        assertThat(again.path("serviceHistory")).extracting(h -> h.path("status").asText()).containsExactly("granted", "withdrawn", "granted");
    }

    @Test
    @DisplayName("002 art. 23.3: a transfer keeps the status and names the successor; a redelivered event changes nothing")
    void transfer_and_redelivery() {
        Company successor = new Company("Tenger Trust Holding LLC", "70000099", true, "Ulaanbaatar");
        PermitTransferred transferred = new PermitTransferred(tenger, new Company("Tenger Trust LLC", "70000001", true, "Ulaanbaatar"),
                successor, mn.registry.kernel.permit.Reorganisation.values()[0], "ef".repeat(32), RESTORED, OFFICIAL, null, null);
        projection.on(transferred, 6);
        projection.on(transferred, 6);

        JsonNode list = list(null);
        JsonNode provider = null;
        for (JsonNode p : list.path("trustServiceProviders")) {
            if (p.path("services").get(0).path("permitNumber").asText().equals("P-2026-000001")) {
                provider = p;
            }
        }
        assertThat(provider.path("name").asText()).isEqualTo("Tenger Trust Holding LLC");
        assertThat(provider.path("registrationNumber").asText()).isEqualTo("70000099");
        assertThat(provider.path("services").get(0).path("status").asText()).isEqualTo("granted");
        assertThat(provider.path("services").get(0).path("serviceHistory")).hasSize(2);
    }

    @Test
    @DisplayName("the list is sealed: an altered list, a list sealed by another CA's key, and a future instant are refused")
    void sealed_and_checked(@TempDir Path other) throws Exception {
        ObjectNode jws = (ObjectNode) controller.trustedList(null).getBody();
        JsonNode list = SignedTrustedList.verify(jws, keys.caCertificate()).list();
        assertThat(SignedTrustedList.verify(jws, keys.caCertificate()).signer()).isEqualTo(keys.seal().certificate());

        String altered = new String(Base64.getUrlDecoder().decode(jws.path("payload").asText()), StandardCharsets.UTF_8)
                .replace("\"granted\"", "\"withdrawn\"");
        ObjectNode tampered = jws.deepCopy();
        tampered.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(altered.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> SignedTrustedList.verify(tampered, keys.caCertificate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not verify");

        RegistryKeys stranger = RegistryKeys.openOrCreate(other, Clock.fixed(ISSUED.minusSeconds(86_400 * 30), ZoneOffset.UTC));
        ObjectNode forged = SignedTrustedList.sign((ObjectNode) list, stranger.seal());
        assertThatThrownBy(() -> SignedTrustedList.verify(forged, keys.caCertificate()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not issued by the given CA");

        assertThatThrownBy(() -> controller.trustedList("2030-01-01T00:00:00Z")).isInstanceOf(RegistryProblem.class);
        assertThatThrownBy(() -> controller.trustedList("yesterday")).isInstanceOf(RegistryProblem.class);
    }
}
