package mn.registry.verifier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.trust.ServiceStatus;
import mn.registry.kernel.trust.SignedTrustedList;
import mn.registry.kernel.trust.TrustStatus;
import mn.registry.kernel.trust.TrustedList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** verifier.jar on a trusted list sealed by a registry's seal key, and on an altered copy. */
class VerifyTrustedListTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a sealed trusted list verifies against the registry CA; an altered status or a missing --ca does not")
    void trusted_list() throws Exception {
        RegistryKeys keys = RegistryKeys.openOrCreate(temp.resolve("data"), Clock.systemUTC());
        Instant now = Instant.now();
        ObjectNode list = TrustedList.document(List.of(new TrustedList.Service("A-1", "P-2026-000001", List.of(
                new ServiceStatus(TrustStatus.GRANTED, now.minusSeconds(600), "Tenger Trust LLC", "70000001", "PermitIssued", "002 art. 26.2"),
                new ServiceStatus(TrustStatus.SUSPENDED, now.minusSeconds(60), "Tenger Trust LLC", "70000001", "PermitSuspended", "002 art. 28.2")))),
                now, now, false);
        ObjectNode jws = SignedTrustedList.sign(list, keys.seal());
        Path file = temp.resolve("trusted-list.json");
        Files.writeString(file, jws.toString());
        String ca = temp.resolve("data").resolve("keys").resolve("ca.cert.pem").toString();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = VerifyBundle.run(new String[]{file.toString(), "--ca", ca}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("VERIFIED: trusted list issued")
                .contains("Tenger Trust LLC (permit P-2026-000001): suspended since");

        String payload = new String(Base64.getUrlDecoder().decode(jws.path("payload").asText()), StandardCharsets.UTF_8);
        ObjectNode altered = jws.deepCopy();
        altered.put("payload", Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"status\":\"suspended\"", "\"status\":\"granted\"").getBytes(StandardCharsets.UTF_8)));
        Files.writeString(file, altered.toString());
        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(VerifyBundle.run(new String[]{file.toString(), "--ca", ca}, new PrintStream(refused, true, StandardCharsets.UTF_8), System.err))
                .isEqualTo(1);
        assertThat(refused.toString(StandardCharsets.UTF_8)).startsWith("NOT VERIFIED: the signature does not verify");

        assertThat(VerifyBundle.run(new String[]{file.toString()}, new PrintStream(new ByteArrayOutputStream()), System.err)).isEqualTo(1);
    }
}
