package mn.registry.kernel.signing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static mn.registry.kernel.signing.TestSigners.CA;
import static mn.registry.kernel.signing.TestSigners.CLOCK;
import static mn.registry.kernel.signing.TestSigners.NOW;
import static mn.registry.kernel.signing.TestSigners.REVIEWER;
import static mn.registry.kernel.signing.TestSigners.REVIEWER_KEY;
import static mn.registry.kernel.signing.TestSigners.SIGNED_AT;
import static mn.registry.kernel.signing.TestSigners.SKEW;
import static mn.registry.kernel.signing.TestSigners.applyForPermit;
import static mn.registry.kernel.signing.TestSigners.b64;
import static mn.registry.kernel.signing.TestSigners.header;
import static mn.registry.kernel.signing.TestSigners.json;
import static mn.registry.kernel.signing.TestSigners.jws;
import static mn.registry.kernel.signing.TestSigners.payloadWith;
import static mn.registry.kernel.signing.TestSigners.x5c;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SignedCommandVerifierTest {

    private final SignedCommandVerifier verifier = TestSigners.verifier();
    private final CommandSigner signer = new CommandSigner();

    private void assertRefused(String jws, String code) {
        assertRefused(verifier, jws, code);
    }

    private static void assertRefused(SignedCommandVerifier verifier, String jws, String code) {
        assertThatThrownBy(() -> verifier.verify(jws)).isInstanceOfSatisfying(RegistryProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo(code);
            assertThat(problem.kind()).isEqualTo(RegistryProblem.Kind.UNAUTHENTICATED);
            assertThat(problem.kind().status()).isEqualTo(401);
        });
    }

    private static SigningIdentity reviewerCertifiedFrom(Instant notBefore, Instant notAfter) {
        return CA.newPerson(REVIEWER, "Батбаяр Дорж", null, notBefore, notAfter);
    }

    @Test
    void a_signed_command_verifies_and_names_its_signer_its_certificate_and_the_hash_of_the_jws() {
        String jws = signer.sign(applyForPermit(), REVIEWER_KEY);

        VerifiedCommand verified = verifier.verify(jws);

        assertThat(verified.commandId()).isEqualTo("2f1c5b1e-8a0d-4c3e-9d7e-1a2b3c4d5e6f");
        assertThat(verified.type()).isEqualTo("ApplyForPermit");
        assertThat(verified.signedAt()).isEqualTo(SIGNED_AT);
        assertThat(verified.command()).isEqualTo(applyForPermit().command());
        assertThat(verified.command().get("purpose").textValue()).isEqualTo("тоон гарын үсэг");
        assertThat(verified.signer()).isEqualTo(REVIEWER);
        assertThat(verified.signerCertificate()).isEqualTo(REVIEWER_KEY.certificate());
        assertThat(verified.signerFingerprint()).isEqualTo(Certificates.fingerprint(REVIEWER_KEY.certificate())).hasSize(64);
        assertThat(verified.jwsSha256()).isEqualTo(Sha256.hex(jws.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("session 15: the pipeline reads the body from the verified command's own tree (commandAs), which no caller can change")
    void the_body_is_read_from_the_verified_commands_own_tree() throws Exception {
        VerifiedCommand verified = verifier.verify(signer.sign(applyForPermit(), REVIEWER_KEY));

        ((ObjectNode) verified.command()).put("purpose", "changed by a caller");
        java.util.Map<?, ?> body = verified.commandAs(CanonicalJson.mapper(), java.util.Map.class);

        assertThat(body.get("purpose")).isEqualTo("тоон гарын үсэг");
        assertThat(verified.command()).isEqualTo(applyForPermit().command());
    }

    @Test
    void the_payload_is_the_canonical_envelope_and_the_header_carries_alg_typ_and_the_chain() {
        String jws = signer.sign(applyForPermit(), REVIEWER_KEY);
        var parsed = json(jws);

        byte[] payload = Base64.getUrlDecoder().decode(parsed.get("payload").textValue());
        var header = json(new String(Base64.getUrlDecoder().decode(parsed.get("protected").textValue()), StandardCharsets.UTF_8));

        assertThat(payload).isEqualTo(CanonicalJson.canonicalize(applyForPermit().toJson()));
        assertThat(new String(payload, StandardCharsets.UTF_8)).startsWith("{\"command\":{\"company\"").contains("\"fee\":1.5,");
        assertThat(header.get("alg").textValue()).isEqualTo("EdDSA");
        assertThat(header.get("typ").textValue()).isEqualTo("registry-command+jws");
        assertThat(header.get("x5c")).hasSize(2);
        assertThat(header.get("x5c").get(0).textValue()).isEqualTo(Certificates.base64Der(REVIEWER_KEY.certificate()));
    }

    @Test
    void signing_the_same_envelope_twice_gives_the_same_jws_because_ed25519_is_deterministic() {
        assertThat(signer.sign(applyForPermit(), REVIEWER_KEY)).isEqualTo(signer.sign(applyForPermit(), REVIEWER_KEY));
    }

    @Test
    void a_chain_without_the_ca_certificate_is_accepted_because_trust_comes_from_the_anchors() {
        String jws = jws(REVIEWER_KEY, "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\",\"x5c\":[\""
                + Certificates.base64Der(REVIEWER_KEY.certificate()) + "\"]}", applyForPermit().canonicalBytes());

        assertThat(verifier.verify(jws).signer()).isEqualTo(REVIEWER);
    }

    @Test
    void a_forged_signature_is_refused() {
        var parsed = (ObjectNode) json(signer.sign(applyForPermit(), REVIEWER_KEY));
        byte[] signature = Base64.getUrlDecoder().decode(parsed.get("signature").textValue());
        signature[10] ^= 0x01;
        parsed.put("signature", b64(signature));

        assertRefused(parsed.toString(), SignatureProblems.INVALID);
    }

    @Test
    void an_altered_payload_is_refused_even_when_it_is_itself_a_well_formed_canonical_envelope() {
        var parsed = (ObjectNode) json(signer.sign(applyForPermit(), REVIEWER_KEY));
        parsed.put("payload", b64(payloadWith(e -> ((ObjectNode) e.get("command")).put("fee", 0.5))));

        assertRefused(parsed.toString(), SignatureProblems.INVALID);
    }

    @Test
    void a_signature_by_another_persons_key_under_the_reviewers_certificate_is_refused() {
        SigningIdentity other = CA.newPerson(new PersonId("intruder"), "Intruder", null,
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        String otherSigned = jws(other, header(REVIEWER_KEY), applyForPermit().canonicalBytes());

        assertRefused(otherSigned, SignatureProblems.INVALID);
    }

    @Test
    void a_truncated_jws_is_refused_as_malformed() {
        String jws = signer.sign(applyForPermit(), REVIEWER_KEY);

        assertRefused(jws.substring(0, jws.length() - 20), SignatureProblems.MALFORMED);
        assertRefused("", SignatureProblems.MALFORMED);
        assertRefused(null, SignatureProblems.MALFORMED);
    }

    @Test
    void a_signature_cut_short_inside_valid_json_is_refused_as_invalid() {
        var parsed = (ObjectNode) json(signer.sign(applyForPermit(), REVIEWER_KEY));
        String signature = parsed.get("signature").textValue();
        parsed.put("signature", signature.substring(0, 80));

        assertRefused(parsed.toString(), SignatureProblems.INVALID);
    }

    @Test
    void the_compact_serialization_and_the_general_serialization_are_refused() {
        var parsed = json(signer.sign(applyForPermit(), REVIEWER_KEY));
        String compact = parsed.get("protected").textValue() + "." + parsed.get("payload").textValue() + "."
                + parsed.get("signature").textValue();
        String general = "{\"payload\":\"" + parsed.get("payload").textValue() + "\",\"signatures\":[{\"protected\":\""
                + parsed.get("protected").textValue() + "\",\"signature\":\"" + parsed.get("signature").textValue() + "\"}]}";

        assertRefused(compact, SignatureProblems.MALFORMED);
        assertRefused(general, SignatureProblems.MALFORMED);
    }

    @Test
    void padded_or_non_url_base64_is_refused_so_one_command_has_one_jws_text() {
        var parsed = (ObjectNode) json(signer.sign(applyForPermit(), REVIEWER_KEY));
        parsed.put("signature", parsed.get("signature").textValue() + "==");

        assertRefused(parsed.toString(), SignatureProblems.MALFORMED);
    }

    @Test
    void an_unprotected_header_is_refused() {
        var parsed = (ObjectNode) json(signer.sign(applyForPermit(), REVIEWER_KEY));
        parsed.set("header", json("{\"kid\":\"reviewer-1\"}"));

        assertRefused(parsed.toString(), SignatureProblems.HEADER_NOT_ALLOWED);
    }

    @Test
    void a_certificate_from_an_untrusted_ca_is_refused_even_with_the_same_names() {
        CertificateAuthority rogue = CertificateAuthority.create("Test CA", NOW.minus(Duration.ofDays(400)),
                NOW.plus(Duration.ofDays(3650)));
        SigningIdentity impostor = rogue.newPerson(REVIEWER, "Батбаяр Дорж", "Ministry",
                NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(730)));

        assertRefused(signer.sign(applyForPermit(), impostor), SignatureProblems.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void a_self_signed_leaf_sent_with_its_own_root_is_not_trusted() {
        CertificateAuthority rogue = CertificateAuthority.create("Rogue", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        SigningIdentity impostor = rogue.newPerson(REVIEWER, "X", null, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        String withRogueRootAndOurs = jws(impostor, "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\",\"x5c\":[\""
                + Certificates.base64Der(impostor.certificate()) + "\",\"" + Certificates.base64Der(rogue.certificate()) + "\",\""
                + Certificates.base64Der(CA.certificate()) + "\"]}", applyForPermit().canonicalBytes());

        assertRefused(withRogueRootAndOurs, SignatureProblems.CERTIFICATE_UNTRUSTED);
    }

    @Test
    @DisplayName("001 art. 23.1.1: a certificate expired before signedAt is refused")
    void a_certificate_expired_at_signing_time_is_refused() {
        SigningIdentity expired = reviewerCertifiedFrom(NOW.minus(Duration.ofDays(800)), SIGNED_AT.minusSeconds(1));

        assertRefused(signer.sign(applyForPermit(), expired), SignatureProblems.CERTIFICATE_EXPIRED);
    }

    @Test
    @DisplayName("001 art. 23.1.1: a certificate that expired after signing still proves the signature")
    void a_certificate_valid_at_signing_time_but_expired_now_is_accepted() {
        SigningIdentity expiredSince = reviewerCertifiedFrom(NOW.minus(Duration.ofDays(800)), SIGNED_AT.plusSeconds(1));

        assertThat(verifier.verify(signer.sign(applyForPermit(), expiredSince)).signer()).isEqualTo(REVIEWER);
    }

    @Test
    @DisplayName("001 art. 23.1.1: a certificate not yet valid at signedAt is refused")
    void a_certificate_not_yet_valid_at_signing_time_is_refused() {
        SigningIdentity early = reviewerCertifiedFrom(SIGNED_AT.plusSeconds(1), NOW.plus(Duration.ofDays(30)));

        assertRefused(signer.sign(applyForPermit(), early), SignatureProblems.CERTIFICATE_NOT_YET_VALID);
    }

    @Test
    void a_person_certificate_issued_by_a_ca_that_had_expired_at_signing_time_is_refused() {
        CertificateAuthority oldCa = CertificateAuthority.create("Old CA", NOW.minus(Duration.ofDays(800)), SIGNED_AT.minusSeconds(60));
        SigningIdentity person = oldCa.newPerson(REVIEWER, "X", null, NOW.minus(Duration.ofDays(700)), NOW.plus(Duration.ofDays(30)));
        SignedCommandVerifier trustingOldCa = new SignedCommandVerifier(TrustAnchors.of(oldCa.certificate()), CLOCK, SKEW);

        assertRefused(trustingOldCa, signer.sign(applyForPermit(), person), SignatureProblems.CERTIFICATE_EXPIRED);
    }

    @Test
    void a_chain_accepted_once_is_still_refused_for_a_signing_time_after_its_ca_expired() {
        CertificateAuthority shortCa = CertificateAuthority.create("Short CA", NOW.minus(Duration.ofDays(10)), SIGNED_AT.minusSeconds(60));
        SigningIdentity person = shortCa.newPerson(REVIEWER, "X", null, NOW.minus(Duration.ofDays(5)), NOW.plus(Duration.ofDays(30)));
        SignedCommandVerifier trustingShortCa = new SignedCommandVerifier(TrustAnchors.of(shortCa.certificate()), CLOCK, SKEW);
        CommandEnvelope inTime = new CommandEnvelope("in-time-0001", "ApplyForPermit", SIGNED_AT.minusSeconds(120), json("{}"));
        CommandEnvelope late = new CommandEnvelope("too-late-0001", "ApplyForPermit", SIGNED_AT, json("{}"));

        assertThat(trustingShortCa.verify(signer.sign(inTime, person)).commandId()).isEqualTo("in-time-0001");
        assertRefused(trustingShortCa, signer.sign(late, person), SignatureProblems.CERTIFICATE_EXPIRED);
        assertThat(trustingShortCa.verify(signer.sign(inTime, person)).commandId()).isEqualTo("in-time-0001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "HS256", "RS256", "ES256", "PS256", "Ed25519", "eddsa", "ES256K"})
    void any_algorithm_but_eddsa_is_refused(String alg) {
        String jws = jws(REVIEWER_KEY, "{\"alg\":\"" + alg + "\",\"typ\":\"registry-command+jws\",\"x5c\":" + x5c(REVIEWER_KEY) + "}",
                applyForPermit().canonicalBytes());

        assertRefused(jws, SignatureProblems.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void alg_none_with_an_empty_signature_is_refused() {
        String header = b64(("{\"alg\":\"none\",\"typ\":\"registry-command+jws\",\"x5c\":" + x5c(REVIEWER_KEY) + "}")
                .getBytes(StandardCharsets.UTF_8));

        assertRefused(TestSigners.flattened(header, b64(applyForPermit().canonicalBytes()), ""), SignatureProblems.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void hs256_keyed_with_the_signers_public_key_is_refused() throws Exception {
        String header = b64(("{\"alg\":\"HS256\",\"typ\":\"registry-command+jws\",\"x5c\":" + x5c(REVIEWER_KEY) + "}")
                .getBytes(StandardCharsets.UTF_8));
        String payload = b64(applyForPermit().canonicalBytes());
        for (byte[] secret : List.of(REVIEWER_KEY.publicKey(), REVIEWER_KEY.certificate().getPublicKey().getEncoded())) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            String tag = b64(mac.doFinal((header + "." + payload).getBytes(StandardCharsets.US_ASCII)));

            assertRefused(TestSigners.flattened(header, payload, tag), SignatureProblems.ALGORITHM_NOT_ALLOWED);
        }
    }

    @Test
    void a_header_without_alg_is_refused() {
        assertRefused(jws(REVIEWER_KEY, "{\"typ\":\"registry-command+jws\",\"x5c\":" + x5c(REVIEWER_KEY) + "}",
                applyForPermit().canonicalBytes()), SignatureProblems.ALGORITHM_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"jku\":\"https://example.org/keys\"", "\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"AA\"}",
            "\"x5u\":\"https://example.org/c.pem\"", "\"b64\":false"})
    void headers_that_point_to_keys_elsewhere_or_change_the_payload_encoding_are_refused(String parameter) {
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\"," + parameter + ",\"x5c\":" + x5c(REVIEWER_KEY) + "}";

        assertRefused(jws(REVIEWER_KEY, header, applyForPermit().canonicalBytes()), SignatureProblems.HEADER_NOT_ALLOWED);
    }

    @Test
    void an_unknown_critical_header_is_refused() {
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\",\"crit\":[\"exp\"],\"exp\":1,\"x5c\":" + x5c(REVIEWER_KEY) + "}";

        assertRefused(jws(REVIEWER_KEY, header, applyForPermit().canonicalBytes()), SignatureProblems.CRITICAL_HEADER_UNKNOWN);
    }

    @Test
    void a_jws_of_another_type_is_refused_so_a_signature_made_for_something_else_is_not_a_command() {
        assertRefused(jws(REVIEWER_KEY, "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"x5c\":" + x5c(REVIEWER_KEY) + "}",
                applyForPermit().canonicalBytes()), SignatureProblems.TYPE_NOT_ALLOWED);
        assertRefused(jws(REVIEWER_KEY, "{\"alg\":\"EdDSA\",\"x5c\":" + x5c(REVIEWER_KEY) + "}",
                applyForPermit().canonicalBytes()), SignatureProblems.TYPE_NOT_ALLOWED);
    }

    @Test
    void the_media_type_form_of_typ_is_accepted() {
        String jws = jws(REVIEWER_KEY, "{\"alg\":\"EdDSA\",\"typ\":\"application/registry-command+jws\",\"x5c\":" + x5c(REVIEWER_KEY) + "}",
                applyForPermit().canonicalBytes());

        assertThat(verifier.verify(jws).signer()).isEqualTo(REVIEWER);
    }

    @Test
    void a_header_with_a_repeated_member_is_refused() {
        String header = "{\"alg\":\"EdDSA\",\"alg\":\"none\",\"typ\":\"registry-command+jws\",\"x5c\":" + x5c(REVIEWER_KEY) + "}";

        assertRefused(jws(REVIEWER_KEY, header, applyForPermit().canonicalBytes()), SignatureProblems.MALFORMED);
    }

    @Test
    void a_header_without_x5c_is_refused_as_certificate_missing() {
        assertRefused(jws(REVIEWER_KEY, "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\",\"kid\":\"reviewer-1\"}",
                applyForPermit().canonicalBytes()), SignatureProblems.CERTIFICATE_MISSING);
        assertRefused(jws(REVIEWER_KEY, "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\",\"x5c\":[]}",
                applyForPermit().canonicalBytes()), SignatureProblems.CERTIFICATE_MISSING);
    }

    @Test
    void an_x5c_entry_that_is_not_a_certificate_is_refused() {
        assertRefused(jws(REVIEWER_KEY, "{\"alg\":\"EdDSA\",\"typ\":\"registry-command+jws\",\"x5c\":[\"bm90IGEgY2VydA==\"]}",
                applyForPermit().canonicalBytes()), SignatureProblems.CERTIFICATE_MALFORMED);
    }

    @Test
    void a_correctly_signed_payload_that_is_not_canonical_json_is_refused() {
        String spaced = "{\"commandId\": \"2f1c5b1e-8a0d-4c3e-9d7e-1a2b3c4d5e6f\", \"type\": \"ApplyForPermit\", "
                + "\"signedAt\": \"2026-11-23T10:00:00Z\", \"command\": {}}";
        String reordered = "{\"type\":\"ApplyForPermit\",\"commandId\":\"2f1c5b1e-8a0d-4c3e-9d7e-1a2b3c4d5e6f\","
                + "\"signedAt\":\"2026-11-23T10:00:00Z\",\"command\":{}}";

        assertRefused(jws(REVIEWER_KEY, header(REVIEWER_KEY), spaced.getBytes(StandardCharsets.UTF_8)), SignatureProblems.PAYLOAD_NOT_CANONICAL);
        assertRefused(jws(REVIEWER_KEY, header(REVIEWER_KEY), reordered.getBytes(StandardCharsets.UTF_8)), SignatureProblems.PAYLOAD_NOT_CANONICAL);
    }

    @Test
    void a_payload_that_is_not_a_json_object_or_repeats_a_member_is_refused() {
        String repeated = "{\"command\":{},\"commandId\":\"2f1c5b1e-8a0d\",\"commandId\":\"other-id-123\",\"signedAt\":\"2026-11-23T10:00:00Z\",\"type\":\"A\"}";

        assertRefused(jws(REVIEWER_KEY, header(REVIEWER_KEY), "[1,2]".getBytes(StandardCharsets.UTF_8)), SignatureProblems.PAYLOAD_MALFORMED);
        assertRefused(jws(REVIEWER_KEY, header(REVIEWER_KEY), repeated.getBytes(StandardCharsets.UTF_8)), SignatureProblems.PAYLOAD_MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"commandId", "type", "signedAt", "command"})
    void an_envelope_without_one_of_its_four_fields_is_refused_naming_the_field(String field) {
        String jws = jws(REVIEWER_KEY, header(REVIEWER_KEY), payloadWith(e -> e.remove(field)));

        assertThatThrownBy(() -> verifier.verify(jws)).isInstanceOfSatisfying(RegistryProblem.class, problem -> {
            assertThat(problem.code()).isEqualTo(SignatureProblems.FIELD_MISSING);
            assertThat(problem.field()).isEqualTo(field);
        });
    }

    @Test
    void malformed_envelope_fields_are_refused_naming_the_field() {
        record Case(String field, Object value) {
        }
        for (Case c : List.of(new Case("commandId", "short"), new Case("commandId", "has space in it"),
                new Case("type", "applyForPermit"), new Case("type", 7), new Case("signedAt", "2026-11-23T18:00:00+08:00"),
                new Case("signedAt", "2026-11-23 10:00:00Z"), new Case("signedAt", "2026-13-45T10:00:00Z"),
                new Case("command", "text"))) {
            String jws = jws(REVIEWER_KEY, header(REVIEWER_KEY), payloadWith(e -> e.set(c.field(), CanonicalJson.mapper().valueToTree(c.value()))));

            assertThatThrownBy(() -> verifier.verify(jws)).as(c.toString()).isInstanceOfSatisfying(RegistryProblem.class, problem -> {
                assertThat(problem.code()).isEqualTo(SignatureProblems.FIELD_INVALID);
                assertThat(problem.field()).isEqualTo(c.field());
            });
        }
    }

    @Test
    void an_envelope_with_a_field_beyond_the_four_is_refused() {
        String jws = jws(REVIEWER_KEY, header(REVIEWER_KEY), payloadWith(e -> e.put("actor", "supervisor-1")));

        assertRefused(jws, SignatureProblems.FIELD_UNKNOWN);
    }

    @Test
    void a_command_signed_later_than_now_plus_the_skew_is_refused_and_one_within_the_skew_is_accepted() {
        CommandEnvelope future = new CommandEnvelope("future-command-1", "ApplyForPermit", NOW.plus(SKEW).plusSeconds(1), json("{}"));
        CommandEnvelope withinSkew = new CommandEnvelope("future-command-2", "ApplyForPermit", NOW.plus(SKEW), json("{}"));

        assertRefused(signer.sign(future, REVIEWER_KEY), SignatureProblems.SIGNED_IN_FUTURE);
        assertThat(verifier.verify(signer.sign(withinSkew, REVIEWER_KEY)).signedAt()).isEqualTo(NOW.plus(SKEW));
    }

    @Test
    void with_a_maximum_age_a_command_signed_too_long_ago_is_refused() {
        SignedCommandVerifier strict = new SignedCommandVerifier(TrustAnchors.of(CA.certificate()), CLOCK, SKEW, Duration.ofMinutes(10));
        CommandEnvelope old = new CommandEnvelope("old-command-1", "ApplyForPermit", NOW.minus(Duration.ofMinutes(11)), json("{}"));
        CommandEnvelope recent = new CommandEnvelope("old-command-2", "ApplyForPermit", NOW.minus(Duration.ofMinutes(9)), json("{}"));

        assertRefused(strict, signer.sign(old, REVIEWER_KEY), SignatureProblems.SIGNED_TOO_LONG_AGO);
        assertThat(strict.verify(signer.sign(recent, REVIEWER_KEY)).commandId()).isEqualTo("old-command-2");
        assertThat(verifier.verify(signer.sign(old, REVIEWER_KEY)).commandId()).isEqualTo("old-command-1");
    }

    @Test
    void a_ca_certificate_cannot_sign_a_command() {
        var caKey = mn.registry.kernel.crypto.Ed25519.generate(new java.security.SecureRandom());
        CertificateAuthority ca = CertificateAuthority.create("Signing CA", caKey.privateKey(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)));
        SigningIdentity caAsSigner = new SigningIdentity(REVIEWER, caKey.privateKey(), List.of(ca.certificate()));
        SignedCommandVerifier trustingIt = new SignedCommandVerifier(TrustAnchors.of(ca.certificate()), CLOCK, SKEW);

        assertRefused(trustingIt, signer.sign(applyForPermit(), caAsSigner), SignatureProblems.CERTIFICATE_NOT_FOR_SIGNING);
    }

    @Test
    void a_trusted_certificate_that_names_no_person_cannot_sign_a_command() {
        var keys = mn.registry.kernel.crypto.Ed25519.generate(new java.security.SecureRandom());
        var sealCertificate = CA.issueService("Registry seal", keys.publicKey(), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), false);
        SigningIdentity seal = new SigningIdentity(REVIEWER, keys.privateKey(), List.of(sealCertificate, CA.certificate()));
        String jws = signer.sign(applyForPermit(), seal);

        assertRefused(jws, SignatureProblems.CERTIFICATE_NO_PERSON);
    }

    @Test
    void a_sign_in_is_a_signed_command_of_type_sign_in_carrying_the_challenge() {
        String challenge = "c-7f3a9b";
        CommandEnvelope signIn = new CommandEnvelope("signin-0001", "SignIn", SIGNED_AT, json("{\"challenge\":\"c-7f3a9b\"}"));
        String jws = signer.sign(signIn, REVIEWER_KEY);

        assertThat(verifier.verifyChallenge(jws, challenge).signer()).isEqualTo(REVIEWER);
        assertThatThrownBy(() -> verifier.verifyChallenge(jws, "c-other")).isInstanceOfSatisfying(RegistryProblem.class,
                p -> assertThat(p.code()).isEqualTo(SignatureProblems.SIGN_IN_CHALLENGE_MISMATCH));
        assertThatThrownBy(() -> verifier.verifyChallenge(signer.sign(applyForPermit(), REVIEWER_KEY), challenge))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo(SignatureProblems.SIGN_IN_WRONG_TYPE));
        String extra = signer.sign(new CommandEnvelope("signin-0002", "SignIn", SIGNED_AT,
                json("{\"challenge\":\"c-7f3a9b\",\"role\":\"MINISTRY_SUPERVISOR\"}")), REVIEWER_KEY);
        assertThatThrownBy(() -> verifier.verifyChallenge(extra, challenge)).isInstanceOfSatisfying(RegistryProblem.class,
                p -> assertThat(p.code()).isEqualTo(SignatureProblems.SIGN_IN_CHALLENGE_MISMATCH));
    }

    @Test
    void the_verified_body_is_a_copy_that_callers_cannot_change_underneath_others() {
        VerifiedCommand verified = verifier.verify(signer.sign(applyForPermit(), REVIEWER_KEY));
        ((ObjectNode) verified.command()).put("fee", 0);

        assertThat(verified.command().get("fee").decimalValue()).isEqualByComparingTo("1.5");
    }

    // ADR 0013 §1: signedAt is the signer's statement, allowed within the registry's skew of receipt, either way

    private static final Duration RECEIPT_SKEW = Duration.ofMinutes(5);

    private static SignedCommandVerifier receiptVerifier(java.time.Clock clock, java.time.Clock physical) {
        return new SignedCommandVerifier(TrustAnchors.of(CA.certificate()), clock, physical, RECEIPT_SKEW, RECEIPT_SKEW);
    }

    private static CommandEnvelope signedAt(String id, Instant at) {
        return new CommandEnvelope("receipt-" + id, "ApplyForPermit", at, json("{}"));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0013): signedAt 6 minutes before receipt is refused; 4 minutes before is accepted")
    void a_command_signed_six_minutes_before_receipt_is_refused() {
        SignedCommandVerifier registry = receiptVerifier(CLOCK, null);

        assertRefused(registry, signer.sign(signedAt("back-dated-6", NOW.minus(Duration.ofMinutes(6))), REVIEWER_KEY),
                SignatureProblems.SIGNED_TOO_LONG_AGO);
        assertThat(registry.verify(signer.sign(signedAt("back-dated-4", NOW.minus(Duration.ofMinutes(4))), REVIEWER_KEY)).commandId())
                .isEqualTo("receipt-back-dated-4");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0013): signedAt 6 minutes after receipt is refused; 4 minutes after is accepted")
    void a_command_signed_six_minutes_after_receipt_is_refused() {
        SignedCommandVerifier registry = receiptVerifier(CLOCK, null);

        assertRefused(registry, signer.sign(signedAt("ahead-6", NOW.plus(Duration.ofMinutes(6))), REVIEWER_KEY), SignatureProblems.SIGNED_IN_FUTURE);
        assertThat(registry.verify(signer.sign(signedAt("ahead-4", NOW.plus(Duration.ofMinutes(4))), REVIEWER_KEY)).commandId()).isEqualTo("receipt-ahead-4");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0013): a back-dated signature 24 hours old, once accepted, is refused")
    void a_command_signed_a_day_before_receipt_is_refused() {
        SignedCommandVerifier registry = receiptVerifier(CLOCK, null);

        assertRefused(registry, signer.sign(signedAt("a-day-old", NOW.minus(Duration.ofHours(23))), REVIEWER_KEY), SignatureProblems.SIGNED_TOO_LONG_AGO);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0013): in demo mode signedAt is accepted near the demo time or the physical time, and refused near neither")
    void in_demo_mode_signed_at_is_judged_against_the_demo_or_the_physical_clock() {
        java.time.Clock demo = java.time.Clock.fixed(NOW.plus(Duration.ofDays(30)), java.time.ZoneOffset.UTC);
        SignedCommandVerifier registry = receiptVerifier(demo, CLOCK);

        assertThat(registry.verify(signer.sign(signedAt("physical-1", NOW.minus(Duration.ofMinutes(1))), REVIEWER_KEY)).commandId())
                .isEqualTo("receipt-physical-1");
        assertThat(registry.verify(signer.sign(signedAt("demo-1", demo.instant().minus(Duration.ofMinutes(1))), REVIEWER_KEY)).commandId())
                .isEqualTo("receipt-demo-1");
        assertRefused(registry, signer.sign(signedAt("neither-1", NOW.plus(Duration.ofDays(10))), REVIEWER_KEY), SignatureProblems.SIGNED_TOO_LONG_AGO);
        assertRefused(registry, signer.sign(signedAt("neither-2", NOW.minus(Duration.ofMinutes(6))), REVIEWER_KEY), SignatureProblems.SIGNED_TOO_LONG_AGO);
        assertRefused(registry, signer.sign(signedAt("neither-3", demo.instant().plus(Duration.ofMinutes(6))), REVIEWER_KEY),
                SignatureProblems.SIGNED_IN_FUTURE);
    }
}
