package mn.registry.kernel.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.pki.Certificates;
import mn.registry.keystore.RegistryKeys;
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
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0015: a bundle discloses the public record's fields against the registry's sealed commitment, and nothing
 * else; the offline verifier checks the disclosures, the commitment's seal and the record, then the log.
 */
class DisclosedBundleVerifierTest {

    static final String REASON = "asked by the director Сараа (УБ99112233, утас 99118822, saraa@example.mn)";

    @TempDir
    static Path dataDir;
    static RegistryKeys keys;
    static NoteKey logKey;
    static SealedEvent sealed;
    static Map<String, String> salts;

    @BeforeAll
    static void keys() throws Exception {
        keys = RegistryKeys.openOrCreate(dataDir, Clock.systemUTC());
        logKey = new NoteKey("registry.test/log", keys.checkpoint().publicKey());
        ObjectNode payload = CanonicalJson.mapper().createObjectNode().put("applicationId", "app-1").put("ground", "HOLDER_REQUEST")
                .put("reason", REASON).put("revokedAt", Instant.now().toString()).put("decidedBy", "supervisor-1")
                .put("issuedCertificatesStayValid", true);
        String meta = CanonicalJson.mapper().createObjectNode().put("commandId", "cmd-1").put("signedBy", "supervisor-1")
                .put("jwsSha256", Sha256.hex("the JWS".getBytes(StandardCharsets.UTF_8))).toString();
        SealedEvent unsealed = new SealedEvent("event-1", "PermitApplication", "app-1", 7, Instant.now().toString(),
                "mn.registry.kernel.permit.PermitRevoked", null, payload.toString(), meta, "ab", null, "seal-test", null);
        byte[] canonical = unsealed.canonicalEnvelope();
        sealed = new SealedEvent(unsealed.eventId(), unsealed.aggregateType(), unsealed.aggregateId(), unsealed.seq(), unsealed.timestamp(),
                unsealed.payloadType(), null, unsealed.payload(), meta, "ab", Sha256.hex(canonical), "seal-test", seal(canonical));
        salts = Disclosures.newSalts(sealed.payloadJson());
    }

    static String seal(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Ed25519.sign(keys.seal().privateKey(), bytes));
    }

    static Commitment commitment() {
        Commitment unsealed = Commitment.of(sealed, salts);
        return unsealed.sealed("seal-test", seal(unsealed.canonical()));
    }

    static List<String> disclosuresOf(JsonNode record) {
        List<String> out = new ArrayList<>();
        record.path("payload").fieldNames().forEachRemaining(name ->
                out.add(Disclosures.disclosure(salts.get(name), name, sealed.payloadJson().get(name))));
        return out;
    }

    /** A bundle as the registry builds it, with a change made to its JSON before the leaf is logged or after. */
    static String bundle(Commitment commitment, UnaryOperator<ObjectNode> recordAsLogged, UnaryOperator<ObjectNode> bundleAsServed) throws Exception {
        ObjectNode record = recordAsLogged.apply(PublicRecords.record(sealed, 40).orElseThrow());
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
        ObjectNode json = new DisclosedBundle(3, record, commitment, commitment == null ? List.of() : disclosuresOf(record),
                keys.seal().chain().stream().map(Certificates::base64Der).toList(), proof, token, logKey.text(),
                keys.checkpoint().chain().stream().map(Certificates::base64Der).toList(), Certificates.base64Der(keys.caCertificate())).toJson();
        return bundleAsServed.apply(json).toString();
    }

    static BundleVerifier.Verdict verify(String bundle) {
        return new BundleVerifier(Optional.of(logKey), Optional.of(keys.caCertificate())).verify(bundle);
    }

    @Test
    @DisplayName("002 art. 30.1: a revocation's bundle verifies offline and shows none of the personal data in its reason")
    void the_bundle_verifies_without_the_reason() throws Exception {
        String bundle = bundle(commitment(), r -> r, b -> b);
        BundleVerifier.Verdict verdict = verify(bundle);
        assertThat(verdict.failure()).isNull();
        assertThat(verdict.summary()).contains("PermitRevoked").contains("signed by supervisor-1").contains("cmd-1")
                .contains("fields disclosed 5 of 6");
        assertThat(bundle).doesNotContain("УБ99112233").doesNotContain("99118822").doesNotContain("saraa@example.mn")
                .doesNotContain("Сараа").doesNotContain("\\u").doesNotContain("jws\"");
        // kept for checking docs/verify.md's openssl and jq steps by hand
        java.nio.file.Files.createDirectories(Path.of("target", "disclosed-bundle"));
        java.nio.file.Files.writeString(Path.of("target", "disclosed-bundle", "bundle.json"), bundle);
        java.nio.file.Files.writeString(Path.of("target", "disclosed-bundle", "ca.pem"), Certificates.toPem(List.of(keys.caCertificate())));
        // and a standard SD-JWT reading: each disclosure's SHA-256 is in the sealed _sd
        JsonNode json = CanonicalJson.mapper().readTree(bundle);
        for (JsonNode d : json.path("disclosures")) {
            assertThat(json.path("commitment").path("sd").toString()).contains(Disclosures.digest(d.asText()));
        }
    }

    @Test
    @DisplayName("002 art. 30.1: disclosing a field the public record drops (the reason) fails, in the record or beside it")
    void a_non_public_field_cannot_be_disclosed() throws Exception {
        String reasonDisclosure = Disclosures.disclosure(salts.get("reason"), "reason", sealed.payloadJson().get("reason"));
        // beside an untouched record: the record is no longer the one the disclosures make
        String extra = bundle(commitment(), r -> r, b -> { b.withArray("disclosures").add(reasonDisclosure); return b; });
        assertThat(verify(extra).failure()).contains("public record differs");
        // in a record that holds it: the registry's public mapping drops it
        String inRecord = bundle(commitment(), r -> { ((ObjectNode) r.get("payload")).put("reason", REASON); return r; }, b -> b);
        assertThat(inRecord).contains(reasonDisclosure);
        assertThat(verify(inRecord).failure()).contains("public record differs");
    }

    @Test
    @DisplayName("001 art. 15.6: an altered disclosed value, commitment or record is named by the verifier")
    void tampering_is_named() throws Exception {
        String forgedValue = Disclosures.disclosure(salts.get("ground"), "ground", CanonicalJson.mapper().getNodeFactory().textNode("BANKRUPTCY"));
        assertThat(verify(bundle(commitment(), r -> r, b -> { b.withArray("disclosures").set(1, forgedValue); return b; })).failure())
                .contains("not one the registry sealed");
        assertThat(verify(bundle(commitment(), r -> r, b -> { ((ObjectNode) b.get("commitment")).put("aggregateId", "app-2"); return b; })).failure())
                .contains("seal over the commitment");
        Commitment otherHash = commitment();
        Commitment swapped = new Commitment(otherHash.eventId(), otherHash.aggregateType(), otherHash.aggregateId(), otherHash.seq(),
                otherHash.timestamp(), otherHash.payloadType(), null, otherHash.sd(), otherHash.metaData(), otherHash.prevHash(), "00".repeat(32), "seal-test", null);
        swapped = swapped.sealed("seal-test", seal(swapped.canonical())); // a genuine seal over a commitment to another event hash
        assertThat(verify(bundle(swapped, r -> r, b -> b)).failure()).contains("public record differs");
        assertThat(verify(bundle(commitment(), r -> r.put("actingOfficial", "reviewer-1"), b -> b)).failure()).contains("public record differs");
        String twice = bundle(commitment(), r -> r, b -> { b.withArray("disclosures").add(b.withArray("disclosures").get(0).asText()); return b; });
        assertThat(verify(twice).failure()).isNotNull();
    }

    @Test
    @DisplayName("001 art. 15.6: an event sealed before selective disclosure is checked through its log leaf, and the verifier says what is left to an auditor")
    void an_old_event_is_checked_through_its_leaf() throws Exception {
        BundleVerifier.Verdict old = verify(bundle(null, r -> r, b -> b));
        assertThat(old.failure()).isNull();
        assertThat(old.warnings()).anyMatch(w -> w.contains("sealed before selective disclosure") && w.contains("auditor"));
        assertThat(old.summary()).contains("seal checkable by an auditor");
        assertThat(verify(bundle(null, r -> r, b -> { ((ObjectNode) b.get("record")).put("aggregateId", "app-2"); return b; })).failure())
                .contains("log inclusion");
        assertThat(verify(bundle(null, r -> r, b -> { b.putArray("disclosures").add("xyz"); return b; })).failure())
                .contains("no commitment");
    }
}
