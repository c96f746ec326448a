package mn.registry.kernel.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.Certificates;
import mn.registry.keystore.DemoPeople;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline verifier on bundles built here from the kernel's parts, as the registry builds them. */
class BundleVerifierTest {

    @TempDir
    static Path dataDir;
    @TempDir
    static Path otherDir;
    static RegistryKeys keys;
    static String bundle;
    static NoteKey logKey;

    @BeforeAll
    static void build() throws Exception {
        keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
        SigningIdentity supervisor = DemoPeople.openOrCreate(dataDir, keys, Clock.systemUTC()).get(new PersonId("supervisor-1"));
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("date", "2028-10-06").put("nameEn", "Test day")
                .put("nameMn", "Туршилтын өдөр").put("decisionReference", "Government resolution 2028/6");
        CommandEnvelope envelope = CommandEnvelope.fresh("DeclarePublicHoliday", body, Clock.systemUTC());
        String jws = new CommandSigner().sign(envelope, supervisor);
        String meta = CanonicalJson.mapper().createObjectNode().put("commandId", envelope.commandId()).put("signedBy", "supervisor-1")
                .put("jwsSha256", Sha256.hex(jws.getBytes(StandardCharsets.UTF_8))).toString();
        SealedEvent unsealed = new SealedEvent("event-1", "GovernmentCalendar", "calendar", 4, Instant.now().toString(),
                "mn.registry.kernel.calendar.PublicHolidayDeclared", null, body.toString(), meta, "00", null, "seal-test", null);
        byte[] canonical = unsealed.canonicalEnvelope();
        SealedEvent sealed = new SealedEvent(unsealed.eventId(), unsealed.aggregateType(), unsealed.aggregateId(), unsealed.seq(),
                unsealed.timestamp(), unsealed.payloadType(), null, unsealed.payload(), meta, "00", Sha256.hex(canonical), "seal-test",
                Base64.getUrlEncoder().withoutPadding().encodeToString(Ed25519.sign(keys.seal().privateKey(), canonical)));
        ObjectNode record = PublicRecords.record(sealed, 17).orElseThrow();

        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            leaves.add(Merkle.leafHash(new byte[]{(byte) i}));
        }
        leaves.set(3, Merkle.leafHash(PublicRecords.leafData(record)));
        Merkle.HashReader tree = Merkle.inMemory(leaves);
        String note = new Checkpoint("registry.test/log", 9, Merkle.root(9, tree)).sign(keys.checkpoint().privateKey());
        String proof = new TlogProof(null, 3, Merkle.inclusionProof(3, 9, tree), note).text();
        byte[] token = TimeStamps.stamp(note.getBytes(StandardCharsets.UTF_8), keys.timeStamping().jcaPrivateKey(),
                keys.timeStamping().chain(), BigInteger.ONE, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        logKey = new NoteKey("registry.test/log", keys.checkpoint().publicKey());
        bundle = new LogBundle(3, record, jws, sealed, keys.seal().chain().stream().map(Certificates::base64Der).toList(), proof, token,
                logKey.text(), keys.checkpoint().chain().stream().map(Certificates::base64Der).toList(),
                Certificates.base64Der(keys.caCertificate())).toJsonText();
    }

    private static BundleVerifier trusting() {
        return new BundleVerifier(Optional.of(logKey), Optional.of(keys.caCertificate()));
    }

    @Test
    @DisplayName("a complete bundle verifies and the verdict names the decision, the official, the seal, the index and the time-stamp")
    void complete_bundle_verifies() {
        BundleVerifier.Verdict verdict = trusting().verify(bundle);
        assertThat(verdict.failure()).isNull();
        assertThat(verdict.summary()).startsWith("Decision PublicHolidayDeclared (calendar #4) signed by ")
                .contains("(supervisor-1) on ").contains("sealed by the registry on ").contains("included at index 3 of the log registry.test/log")
                .contains("log checkpoint of size 9 time-stamped ");
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    @DisplayName("without an independent key and CA the bundle's own are used, with a warning for each")
    void embedded_key_and_ca_warn() {
        BundleVerifier.Verdict verdict = new BundleVerifier(Optional.empty(), Optional.empty()).verify(bundle);
        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("log key"))
                .anySatisfy(w -> assertThat(w).contains("CA"));
    }

    @Test
    @DisplayName("another log key or another CA than the registry's is refused")
    void wrong_key_or_ca_is_refused() throws Exception {
        NoteKey stranger = new NoteKey("registry.test/log", Ed25519.generate(new java.security.SecureRandom()).publicKey());
        assertThat(new BundleVerifier(Optional.of(stranger), Optional.of(keys.caCertificate())).verify(bundle).failure())
                .contains("no valid signature by the log key");
        RegistryKeys other = RegistryKeys.openOrCreate(otherDir, Clock.systemUTC());
        assertThat(new BundleVerifier(Optional.of(logKey), Optional.of(other.caCertificate())).verify(bundle).failure())
                .startsWith("the official's signed command");
    }

    @Test
    @DisplayName("the acting official named in the record must be the signer, and the record's position is bound by the log")
    void record_fields_are_bound() throws Exception {
        ObjectNode json = (ObjectNode) CanonicalJson.mapper().readTree(bundle);
        ((ObjectNode) json.path("record")).put("position", 18);
        assertThat(trusting().verify(json.toString()).failure()).startsWith("log inclusion");

        ObjectNode noJws = (ObjectNode) CanonicalJson.mapper().readTree(bundle);
        noJws.putNull("jws");
        assertThat(trusting().verify(noJws.toString()).failure()).contains("no signed command");

        assertThat(trusting().verify("{\"format\":\"something else\"}").failure()).contains("not a log bundle");
        assertThat(trusting().verify("not json").failure()).contains("not JSON");
    }
}
