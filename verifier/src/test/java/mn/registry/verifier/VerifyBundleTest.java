package mn.registry.verifier;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a bundle downloaded from a running registry (resources: {@code bundle.json} from
 * {@code GET /api/public/bundle/7} after a holiday declared by supervisor-1, the log key and the demo CA of that
 * registry), and on altered copies of it.
 */
class VerifyBundleTest {

    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(VerifyBundleTest.class.getResource(name).toURI());
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyBundle.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path altered(String from, String to) throws Exception {
        String bundle = Files.readString(resource("bundle.json"));
        assertThat(bundle).contains(from);
        Path copy = temp.resolve("altered.json");
        Files.writeString(copy, bundle.replace(from, to));
        return copy;
    }

    @Test
    @DisplayName("the downloaded bundle verifies with the independently obtained key and CA: exit 0 and a plain-language verdict")
    void downloaded_bundle_verifies() throws Exception {
        Run run = run(resource("bundle.json").toString(), "--key", resource("log.key").toString(), "--ca", resource("ca.pem").toString());
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("VERIFIED: Decision PublicHolidayDeclared (calendar-mn #")
                .contains("signed by Оюунчимэг Ганбаатар (supervisor-1) on 2026-11-23T13:21:59Z")
                .contains("sealed by the registry").contains("included at index 7 of the log registry.mn/log")
                .contains("log checkpoint of size 8 time-stamped 2026-11-23T13:22:01Z");
        assertThat(run.err()).isEmpty();
    }

    @Test
    @DisplayName("002 art. 30.1: a v2 bundle (ADR 0015) of a revocation verifies with its disclosed fields only, and an altered disclosure is refused")
    void selectively_disclosed_bundle_verifies() throws Exception {
        String key = resource("log-v2.key").toString();
        String ca = resource("ca-v2.pem").toString();
        Run run = run(resource("bundle-v2.json").toString(), "--key", key, "--ca", ca);
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("VERIFIED: Decision PermitRevoked (app-1 #7) signed by supervisor-1 (command cmd-1")
                .contains("fields disclosed 5 of 6, checked against the registry's seal");
        String bundle = Files.readString(resource("bundle-v2.json"));
        assertThat(bundle).doesNotContain("reason").doesNotContain("УБ99112233");
        String disclosure = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(bundle).path("disclosures").get(1).asText();
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new String(java.util.Base64.getUrlDecoder()
                .decode(disclosure), StandardCharsets.UTF_8).replace("HOLDER_REQUEST", "BANKRUPTCY_").getBytes(StandardCharsets.UTF_8));
        Path copy = temp.resolve("altered-v2.json");
        Files.writeString(copy, bundle.replace(disclosure, forged).replace("\"HOLDER_REQUEST\"", "\"BANKRUPTCY_\""));
        Run altered = run(copy.toString(), "--key", key, "--ca", ca);
        assertThat(altered.exit()).isEqualTo(1);
        assertThat(altered.out()).startsWith("NOT VERIFIED: a disclosed field is not one the registry sealed");
    }

    @Test
    @DisplayName("without --key and --ca the bundle's own key and CA are used and the verifier warns about each")
    void embedded_key_warns() throws Exception {
        Run run = run(resource("bundle.json").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("WARNING: the log key was taken from the bundle itself").contains("WARNING: the registry CA");
    }

    @Test
    @DisplayName("altered copies are rejected with exit 1 naming what failed: the record, the sealed event, the checkpoint")
    void altered_copies_are_rejected() throws Exception {
        String key = resource("log.key").toString();
        String ca = resource("ca.pem").toString();
        Run record = run(altered("\"nameEn\":\"Verifier fixture day\"", "\"nameEn\":\"Verifier fixture days\"").toString(), "--key", key, "--ca", ca);
        assertThat(record.exit()).isEqualTo(1);
        assertThat(record.out()).startsWith("NOT VERIFIED: the public record differs");

        Run sealed = run(altered("Verifier fixture day\\\"", "Verifier fixture daY\\\"").toString(), "--key", key, "--ca", ca);
        assertThat(sealed.exit()).isEqualTo(1);
        assertThat(sealed.out()).startsWith("NOT VERIFIED: the sealed event's hash does not match");

        Run checkpoint = run(altered("\\nregistry.mn/log\\n8\\n", "\\nregistry.mn/log\\n9\\n").toString(), "--key", key, "--ca", ca);
        assertThat(checkpoint.exit()).isEqualTo(1);
        assertThat(checkpoint.out()).startsWith("NOT VERIFIED: log inclusion: the checkpoint carries no valid signature");
    }

    @Test
    @DisplayName("no bundle or an unknown option is a usage error: exit 2 with the usage text")
    void usage_errors() {
        assertThat(run().exit()).isEqualTo(2);
        Run unknown = run("--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("usage: java -jar verifier.jar");
        assertThat(run("/no/such/bundle.json").exit()).isEqualTo(2);
    }
}
