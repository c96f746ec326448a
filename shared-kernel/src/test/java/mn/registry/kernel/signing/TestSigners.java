package mn.registry.kernel.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.stream.Collectors;

/** One CA and one reviewer for a whole test run: Ed25519 keys are cheap, but certificates are not free. */
final class TestSigners {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:05Z");
    static final Instant SIGNED_AT = Instant.parse("2026-11-23T10:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Duration SKEW = Duration.ofMinutes(5);
    static final PersonId REVIEWER = new PersonId("reviewer-1");

    static final CertificateAuthority CA = CertificateAuthority.create("Test CA",
            NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(3650)));
    static final SigningIdentity REVIEWER_KEY = CA.newPerson(REVIEWER, "Батбаяр Дорж", "Ministry",
            NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(730)));

    private TestSigners() {
    }

    static SignedCommandVerifier verifier() {
        return new SignedCommandVerifier(TrustAnchors.of(CA.certificate()), CLOCK, SKEW);
    }

    static JsonNode json(String text) {
        try {
            return CanonicalJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static CommandEnvelope applyForPermit() {
        return new CommandEnvelope("2f1c5b1e-8a0d-4c3e-9d7e-1a2b3c4d5e6f", "ApplyForPermit", SIGNED_AT,
                json("{\"company\":{\"name\":\"Tenger Trust LLC\",\"registeredIn\":\"MN\"},\"purpose\":\"тоон гарын үсэг\",\"fee\":1.50}"));
    }

    static String x5c(SigningIdentity who) {
        return who.chain().stream().map(c -> "\"" + Certificates.base64Der(c) + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    static String header(SigningIdentity who) {
        return "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\",\"x5c\":" + x5c(who) + "}";
    }

    /** A JWS over any header text and payload bytes, properly signed by {@code who}: for testing what is refused. */
    static String jws(SigningIdentity who, String headerJson, byte[] payload) {
        String protectedHeader = b64(headerJson.getBytes(StandardCharsets.UTF_8));
        String payloadText = b64(payload);
        byte[] signature = who.sign((protectedHeader + "." + payloadText).getBytes(StandardCharsets.US_ASCII));
        return flattened(protectedHeader, payloadText, b64(signature));
    }

    static String flattened(String protectedHeader, String payload, String signature) {
        return "{\"protected\":\"" + protectedHeader + "\",\"payload\":\"" + payload + "\",\"signature\":\"" + signature + "\"}";
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] payloadWith(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode envelope = applyForPermit().toJson();
        change.accept(envelope);
        return CanonicalJson.canonicalize(envelope);
    }
}
