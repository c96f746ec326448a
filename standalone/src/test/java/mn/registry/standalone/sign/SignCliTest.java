package mn.registry.standalone.sign;

import mn.registry.kernel.signing.SignedCommandVerifier;
import mn.registry.kernel.signing.TrustAnchors;
import mn.registry.kernel.signing.VerifiedCommand;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.identity.PersonId;
import mn.registry.keystore.DemoPeople;
import mn.registry.keystore.RegistryKeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignCliTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00.734Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    static Path dataDir;
    static SignedCommandVerifier verifier;

    @BeforeAll
    static void createKeysOnce() throws IOException {
        RegistryKeys keys = RegistryKeys.openOrCreate(dataDir, CLOCK);
        DemoPeople.openOrCreate(dataDir, keys, CLOCK);
        verifier = new SignedCommandVerifier(TrustAnchors.of(keys.caCertificate()), CLOCK, Duration.ofMinutes(5));
    }

    record Run(int status, String out, String err) {
    }

    private static Run run(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = SignCli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void signs_a_type_and_command_from_standard_input_adding_a_fresh_command_id_and_the_signing_time() {
        Run run = run("{\"type\":\"ApplyForPermit\",\"command\":{\"company\":\"Tenger Trust LLC\"}}",
                "sign", "--as", "applicant-1", "--data-dir", dataDir.toString());

        assertThat(run.status()).as(run.err()).isZero();
        VerifiedCommand verified = verifier.verify(run.out().trim());
        assertThat(verified.signer()).isEqualTo(new PersonId("applicant-1"));
        assertThat(verified.type()).isEqualTo("ApplyForPermit");
        assertThat(verified.commandId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(verified.signedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(verified.command().get("company").textValue()).isEqualTo("Tenger Trust LLC");
    }

    @Test
    void two_signings_of_the_same_short_input_get_different_command_ids() {
        String input = "{\"type\":\"SignIn\",\"command\":{\"challenge\":\"x\"}}";
        String first = verifier.verify(run(input, "--as", "reviewer-1", "--data-dir", dataDir.toString()).out().trim()).commandId();
        String second = verifier.verify(run(input, "--as", "reviewer-1", "--data-dir", dataDir.toString()).out().trim()).commandId();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void a_full_envelope_keeps_its_command_id_and_signing_time_and_is_read_from_a_file_and_written_to_one() throws IOException {
        Path in = dataDir.resolve("decision.json");
        Path out = dataDir.resolve("decision.jws.json");
        Files.writeString(in, "{\"commandId\":\"decision-2026-0001\",\"type\":\"ApplyForPermit\",\"signedAt\":\"2026-11-23T09:59:00Z\","
                + "\"command\":{\"b\":2,\"a\":1}}");

        Run run = run("", "--as", "supervisor-1", "--data-dir", dataDir.toString(), "--in", in.toString(), "--out", out.toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        VerifiedCommand verified = verifier.verify(Files.readString(out).trim());
        assertThat(verified.commandId()).isEqualTo("decision-2026-0001");
        assertThat(verified.signedAt()).isEqualTo(Instant.parse("2026-11-23T09:59:00Z"));
        assertThat(verified.signer()).isEqualTo(new PersonId("supervisor-1"));
    }

    @Test
    void signs_with_a_key_and_certificate_given_by_path() {
        Path governor = DemoPeople.directory(dataDir).resolve("governor-altanbulag");

        Run run = run("{\"type\":\"RegisterEntity\",\"command\":{\"zoneId\":\"altanbulag\"}}",
                "--key", governor.resolve("key.pem").toString(), "--cert", governor.resolve("cert.pem").toString());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(verifier.verify(run.out().trim()).signer()).isEqualTo(new PersonId("governor-altanbulag"));
    }

    @Test
    void an_unknown_person_is_refused_with_the_list_of_known_ones() {
        Run run = run("{\"type\":\"SignIn\",\"command\":{}}", "--as", "reviewer-9", "--data-dir", dataDir.toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("unknown person 'reviewer-9'").contains("known people:")
                .contains("reviewer-1").contains("governor-zamyn-uud");
    }

    @Test
    void a_data_dir_without_keys_says_how_to_get_them() {
        Run run = run("{\"type\":\"SignIn\",\"command\":{}}", "--as", "reviewer-1", "--data-dir", dataDir.resolve("empty").toString());

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("no keys under").contains("start the registry once");
    }

    @Test
    void input_that_is_not_a_command_is_refused_with_a_reason() {
        assertThat(run("not json", "--as", "reviewer-1", "--data-dir", dataDir.toString()).err()).contains("not a JSON object");
        assertThat(run("{\"command\":{}}", "--as", "reviewer-1", "--data-dir", dataDir.toString()).err()).contains("\"type\"");
        assertThat(run("{\"type\":\"SignIn\",\"command\":{},\"actor\":\"x\"}", "--as", "reviewer-1", "--data-dir", dataDir.toString()).err())
                .contains("unexpected field 'actor'");
        Run badTime = run("{\"type\":\"SignIn\",\"signedAt\":\"yesterday\",\"command\":{}}", "--as", "reviewer-1", "--data-dir", dataDir.toString());
        assertThat(badTime.status()).isEqualTo(1);
        assertThat(badTime.err()).contains("signedAt");
    }

    @Test
    void help_prints_the_usage_and_bad_arguments_print_it_to_standard_error() {
        Run help = run("", "sign", "--help");
        Run noSigner = run("{}", "--data-dir", dataDir.toString());
        Run unknown = run("{}", "--as", "reviewer-1", "--verbose");

        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Usage: registry sign").contains("--as PERSON_ID").contains("--key");
        assertThat(noSigner.status()).isEqualTo(2);
        assertThat(noSigner.err()).contains("exactly one of --as").contains("Usage:");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown argument: --verbose");
    }

    @Test
    void the_output_is_one_line_of_flattened_jws_json() throws IOException {
        Run run = run("{\"type\":\"SignIn\",\"command\":{\"challenge\":\"c\"}}", "--as", "cabinet-1", "--data-dir", dataDir.toString());
        JsonNode jws = mn.registry.kernel.crypto.CanonicalJson.mapper().readTree(run.out());

        assertThat(run.out()).endsWith("\n").doesNotContain("\n\n");
        assertThat(run.out().trim()).doesNotContain("\n");
        assertThat(jws.fieldNames()).toIterable().containsExactly("protected", "payload", "signature");
    }
}
