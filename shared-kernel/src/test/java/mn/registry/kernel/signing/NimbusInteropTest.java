package mn.registry.kernel.signing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObjectJSON;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.Base64URL;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.util.List;

import static mn.registry.kernel.signing.TestSigners.REVIEWER;
import static mn.registry.kernel.signing.TestSigners.REVIEWER_KEY;
import static mn.registry.kernel.signing.TestSigners.applyForPermit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Any JWS library must check what we sign, and we must check what a JWS library signs: here, Nimbus JOSE+JWT. */
class NimbusInteropTest {

    private static OctetKeyPair okp(SigningIdentity who, boolean withPrivate) {
        OctetKeyPair.Builder builder = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(who.publicKey()));
        if (withPrivate) {
            builder.d(Base64URL.encode(who.privateKey()));
        }
        return builder.build();
    }

    private static List<Base64> x5c(SigningIdentity who) {
        return who.chain().stream().map(c -> Base64.encode(Certificates.der(c))).toList();
    }

    @Test
    void nimbus_verifies_a_command_we_signed_and_reads_our_header_and_payload() throws Exception {
        String ours = new CommandSigner().sign(applyForPermit(), REVIEWER_KEY);

        JWSObjectJSON parsed = JWSObjectJSON.parse(ours);
        JWSObjectJSON.Signature signature = parsed.getSignatures().get(0);

        assertThat(signature.verify(new Ed25519Verifier(okp(REVIEWER_KEY, false)))).isTrue();
        assertThat(signature.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(signature.getHeader().getType().getType()).isEqualTo("registry-command+jws");
        assertThat(signature.getHeader().getX509CertChain()).isEqualTo(x5c(REVIEWER_KEY));
        assertThat(parsed.getPayload().toBytes()).isEqualTo(applyForPermit().canonicalBytes());
    }

    @Test
    void nimbus_rejects_our_signature_under_another_key_so_its_acceptance_above_means_something() throws Exception {
        SigningIdentity other = TestSigners.CA.newPerson(new mn.registry.kernel.identity.PersonId("other-1"), "Other", null,
                TestSigners.NOW.minusSeconds(3600), TestSigners.NOW.plusSeconds(3600));
        JWSObjectJSON parsed = JWSObjectJSON.parse(new CommandSigner().sign(applyForPermit(), REVIEWER_KEY));

        assertThat(parsed.getSignatures().get(0).verify(new Ed25519Verifier(okp(other, false)))).isFalse();
    }

    @Test
    void we_verify_a_command_that_nimbus_signed() throws Exception {
        JWSObjectJSON jws = new JWSObjectJSON(new Payload(applyForPermit().canonicalBytes()));
        jws.sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA)
                        .type(new JOSEObjectType("registry-command+jws"))
                        .x509CertChain(x5c(REVIEWER_KEY))
                        .keyID("reviewer-1")
                        .build(),
                new Ed25519Signer(okp(REVIEWER_KEY, true)));

        VerifiedCommand verified = TestSigners.verifier().verify(jws.serializeFlattened());

        assertThat(verified.signer()).isEqualTo(REVIEWER);
        assertThat(verified.commandId()).isEqualTo(applyForPermit().commandId());
        assertThat(verified.command()).isEqualTo(applyForPermit().command());
    }

    @Test
    void we_refuse_what_nimbus_signs_with_a_key_that_is_not_the_certificates() throws Exception {
        SigningIdentity other = TestSigners.CA.newPerson(new mn.registry.kernel.identity.PersonId("other-2"), "Other", null,
                TestSigners.NOW.minusSeconds(3600), TestSigners.NOW.plusSeconds(3600));
        JWSObjectJSON jws = new JWSObjectJSON(new Payload(applyForPermit().canonicalBytes()));
        jws.sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(new JOSEObjectType("registry-command+jws"))
                .x509CertChain(x5c(REVIEWER_KEY)).build(), new Ed25519Signer(okp(other, true)));

        assertThatThrownBy(() -> TestSigners.verifier().verify(jws.serializeFlattened()))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo(SignatureProblems.INVALID));
    }

    @Test
    void the_certificates_nimbus_parses_from_our_x5c_are_the_signers() throws Exception {
        JWSObjectJSON parsed = JWSObjectJSON.parse(new CommandSigner().sign(applyForPermit(), REVIEWER_KEY));
        List<X509Certificate> chain = parsed.getSignatures().get(0).getHeader().getX509CertChain().stream()
                .map(b -> Certificates.fromDer(b.decode())).toList();

        assertThat(chain).containsExactlyElementsOf(REVIEWER_KEY.chain());
    }
}
