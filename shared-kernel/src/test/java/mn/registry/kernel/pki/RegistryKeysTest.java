package mn.registry.kernel.pki;

import mn.registry.kernel.crypto.Ed25519;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

class RegistryKeysTest {

    static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    static Path dataDir;
    static RegistryKeys created;
    static Map<String, byte[]> filesAfterCreation;

    @BeforeAll
    static void createOnce() throws IOException {
        created = RegistryKeys.openOrCreate(dataDir, Clock.fixed(CREATED, ZoneOffset.UTC));
        filesAfterCreation = snapshot(dataDir.resolve("keys"));
    }

    private static Map<String, byte[]> snapshot(Path directory) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> all = Files.list(directory)) {
            for (Path file : all.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".pem")).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void first_use_creates_the_ca_seal_checkpoint_and_time_stamp_keys_as_pem_files() {
        assertThat(filesAfterCreation.keySet()).containsExactlyInAnyOrder("ca.key.pem", "ca.cert.pem", "seal.key.pem",
                "seal.cert.pem", "checkpoint.key.pem", "checkpoint.cert.pem", "tsa.key.pem", "tsa.cert.pem");
        assertThat(new String(filesAfterCreation.get("seal.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(new String(filesAfterCreation.get("seal.cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void opening_the_directory_again_returns_the_same_keys_and_changes_no_file() throws IOException {
        RegistryKeys reopened = RegistryKeys.openOrCreate(dataDir, Clock.fixed(CREATED.plusSeconds(86_400), ZoneOffset.UTC));

        assertThat(reopened).isEqualTo(created);
        assertThat(reopened.seal().privateKey()).isEqualTo(created.seal().privateKey());
        assertThat(reopened.timeStamping().certificate()).isEqualTo(created.timeStamping().certificate());
        assertThat(RegistryKeys.open(dataDir)).isEqualTo(created);
        Map<String, byte[]> now = snapshot(dataDir.resolve("keys"));
        assertThat(now.keySet()).isEqualTo(filesAfterCreation.keySet());
        now.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(filesAfterCreation.get(name)));
    }

    @Test
    void the_three_registry_keys_are_distinct() {
        assertThat(List.of(HexFormat.of().formatHex(created.seal().publicKey()), HexFormat.of().formatHex(created.checkpoint().publicKey()),
                HexFormat.of().formatHex(created.timeStamping().publicKey()), HexFormat.of().formatHex(Bc.rawPublicKey(created.caCertificate()))))
                .doesNotHaveDuplicates();
    }

    @Test
    void the_ca_is_self_signed_and_may_sign_certificates_only() throws Exception {
        X509Certificate ca = created.caCertificate();

        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(ca.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
        boolean[] usage = ca.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(ca.getSigAlgName()).isEqualToIgnoringCase("Ed25519");
    }

    @Test
    void each_registry_key_has_a_certificate_from_the_ca_for_its_own_public_key() throws Exception {
        for (RegistryKey key : List.of(created.seal(), created.checkpoint(), created.timeStamping())) {
            key.certificate().verify(created.caCertificate().getPublicKey());
            assertThat(Bc.rawPublicKey(key.certificate())).isEqualTo(Ed25519.publicKeyOf(key.privateKey()));
            assertThat(key.certificate().getBasicConstraints()).isEqualTo(-1);
            assertThat(key.chain()).containsExactly(key.certificate(), created.caCertificate());
            byte[] message = "event envelope".getBytes();
            assertThat(Ed25519.verify(key.publicKey(), message, key.sign(message))).isTrue();
        }
        assertThat(Certificates.commonName(created.seal().certificate())).contains("Mongolian Regulatory Registry seal");
    }

    @Test
    void only_the_time_stamp_authority_certificate_has_the_critical_time_stamping_purpose() throws Exception {
        X509Certificate tsa = created.timeStamping().certificate();

        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
        assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
        assertThat(created.seal().certificate().getExtendedKeyUsage()).isNull();
    }

    @Test
    void certificates_start_an_hour_before_creation_and_the_ca_outlives_the_keys_it_certifies() {
        assertThat(created.seal().certificate().getNotBefore().toInstant()).isEqualTo(CREATED.minusSeconds(3600));
        assertThat(created.caCertificate().getNotAfter()).isAfter(created.seal().certificate().getNotAfter());
    }

    @Test
    void private_key_files_are_readable_by_their_owner_only() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        for (String name : List.of("ca", "seal", "checkpoint", "tsa")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys").resolve(name + ".key.pem"))))
                    .as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void no_text_form_of_the_keys_shows_private_key_material() {
        for (RegistryKey key : List.of(created.seal(), created.checkpoint(), created.timeStamping())) {
            String pkcs8 = Base64.getEncoder().encodeToString(Bc.pkcs8(key.privateKey()));
            for (String text : List.of(key.toString(), created.toString(), created.ca().toString())) {
                assertThat(text).doesNotContain(HexFormat.of().formatHex(key.privateKey()))
                        .doesNotContain(Base64.getEncoder().encodeToString(key.privateKey()))
                        .doesNotContain(pkcs8.substring(pkcs8.length() - 40));
            }
        }
        String caKey = HexFormat.of().formatHex(created.ca().privateKey());
        assertThat(created.toString()).doesNotContain(caKey).contains("seal").contains(Certificates.fingerprint(created.seal().certificate()));
    }

    @Test
    void a_key_directory_with_some_files_missing_is_refused_rather_than_given_a_new_ca(@TempDir Path other) throws IOException {
        RegistryKeys.openOrCreate(other, Clock.systemUTC());
        Files.delete(other.resolve("keys").resolve("tsa.key.pem"));

        assertThatThrownBy(() -> RegistryKeys.openOrCreate(other, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("incomplete");
    }

    @Test
    void a_ca_refuses_a_private_key_that_is_not_its_certificates() {
        byte[] wrong = Ed25519.generate(Bc.RANDOM).privateKey();

        assertThatThrownBy(() -> CertificateAuthority.of(wrong, created.caCertificate())).isInstanceOf(IllegalArgumentException.class);
    }
}
