package mn.registry.keystore;

import mn.registry.kernel.pki.Bc;
import mn.registry.kernel.pki.Pem;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.kernel.pki.RegistryKey;

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
            for (Path file : all.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals(".lock")).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    @Test
    void first_use_creates_the_ca_seal_checkpoint_and_time_stamp_keys_in_a_pkcs12_keystore_and_only_certificates_as_pem() throws Exception {
        assertThat(filesAfterCreation.keySet()).containsExactlyInAnyOrder("registry.p12", "keystore.password", "ca.cert.pem",
                "seal.cert.pem", "checkpoint.cert.pem", "tsa.cert.pem");
        assertThat(new String(filesAfterCreation.get("seal.cert.pem"))).startsWith("-----BEGIN CERTIFICATE-----\n");
        for (byte[] content : filesAfterCreation.values()) {
            assertThat(new String(content, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
        }
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        char[] password = new String(filesAfterCreation.get("keystore.password")).strip().toCharArray();
        store.load(new java.io.ByteArrayInputStream(filesAfterCreation.get("registry.p12")), password);
        assertThat(java.util.Collections.list(store.aliases())).containsExactlyInAnyOrder("ca", "seal", "checkpoint", "tsa");
        assertThat(Bc.rawPrivateKey(store.getKey("seal", password).getEncoded())).isEqualTo(created.seal().privateKey());
        assertThatThrownBy(() -> java.security.KeyStore.getInstance("PKCS12")
                .load(new java.io.ByteArrayInputStream(filesAfterCreation.get("registry.p12")), "wrong".toCharArray()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void a_wrong_password_is_refused_with_the_variable_named() {
        assertThatThrownBy(() -> RegistryKeys.open(dataDir, KeystorePassword.of("wrong".toCharArray())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(KeystorePassword.VARIABLE);
    }

    @Test
    void outside_demo_mode_no_password_file_is_made_and_opening_without_the_variable_is_refused(@TempDir Path other) {
        assertThatThrownBy(() -> KeystorePassword.resolve(other, false, name -> null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(KeystorePassword.VARIABLE);
        assertThat(other.resolve("keys").resolve(KeystorePassword.FILE)).doesNotExist();
    }

    @Test
    void a_password_from_the_environment_is_used_and_no_password_file_is_made(@TempDir Path other) throws IOException {
        KeystorePassword fromEnvironment = KeystorePassword.resolve(other, true, name -> name.equals(KeystorePassword.VARIABLE) ? "s3cret" : null);
        assertThat(fromEnvironment.value()).isEqualTo("s3cret".toCharArray());
        assertThat(fromEnvironment.source()).isEqualTo(KeystorePassword.Source.ENVIRONMENT);
        assertThat(fromEnvironment.toString()).doesNotContain("s3cret");
        RegistryKeys keys = RegistryKeys.openOrCreate(other, fromEnvironment, Clock.systemUTC());
        assertThat(RegistryKeys.open(other, KeystorePassword.of("s3cret".toCharArray()))).isEqualTo(keys);
        assertThat(other.resolve("keys").resolve(KeystorePassword.FILE)).doesNotExist();
    }

    @Test
    void the_pem_key_files_of_an_earlier_version_are_migrated_into_the_keystore_once_and_deleted(@TempDir Path old) throws Exception {
        Path keys = old.resolve("keys");
        Files.createDirectories(keys);
        Instant from = CREATED.minusSeconds(3600);
        CertificateAuthority ca = CertificateAuthority.create(RegistryKeys.CA_NAME, from, RegistryKeys.years(from, 20));
        List<RegistryKey> service = List.of(
                RegistryKeys.newServiceKey(ca, "seal", RegistryKeys.SEAL_NAME, from, RegistryKeys.years(from, 10), false),
                RegistryKeys.newServiceKey(ca, "checkpoint", RegistryKeys.CHECKPOINT_NAME, from, RegistryKeys.years(from, 10), false),
                RegistryKeys.newServiceKey(ca, "tsa", RegistryKeys.TSA_NAME, from, RegistryKeys.years(from, 10), true));
        // the layout written by the earlier version: one PKCS#8 PEM key file and one certificate chain file per key
        KeyFiles.writePrivate(keys.resolve("ca.key.pem"), Pem.privateKeyPem(ca.privateKey()));
        KeyFiles.writePublic(keys.resolve("ca.cert.pem"), Certificates.toPem(List.of(ca.certificate())));
        for (RegistryKey key : service) {
            KeyFiles.writePrivate(keys.resolve(key.name() + ".key.pem"), Pem.privateKeyPem(key.privateKey()));
            KeyFiles.writePublic(keys.resolve(key.name() + ".cert.pem"), Certificates.toPem(key.chain()));
        }

        KeystorePassword password = KeystorePassword.of("migrate-me".toCharArray());
        RegistryKeys migrated = RegistryKeys.openOrCreate(old, password, Clock.systemUTC());

        assertThat(migrated.origin()).isEqualTo(RegistryKeys.Origin.MIGRATED_FROM_PEM_FILES);
        assertThat(migrated.seal()).isEqualTo(service.get(0));
        assertThat(migrated.checkpoint()).isEqualTo(service.get(1));
        assertThat(migrated.timeStamping()).isEqualTo(service.get(2));
        assertThat(migrated.caCertificate()).isEqualTo(ca.certificate());
        assertThat(migrated.ca().privateKey()).isEqualTo(ca.privateKey());
        for (String alias : List.of("ca", "seal", "checkpoint", "tsa")) {
            assertThat(keys.resolve(alias + ".key.pem")).as(alias).doesNotExist();
            assertThat(keys.resolve(alias + ".cert.pem")).as(alias).exists();
        }
        RegistryKeys again = RegistryKeys.openOrCreate(old, password, Clock.systemUTC());
        assertThat(again).isEqualTo(migrated);
        assertThat(again.origin()).isEqualTo(RegistryKeys.Origin.OPENED);
    }

    @Test
    void opening_the_directory_again_returns_the_same_keys_and_changes_no_file() throws IOException {
        RegistryKeys reopened = RegistryKeys.openOrCreate(dataDir, Clock.fixed(CREATED.plusSeconds(86_400), ZoneOffset.UTC));

        assertThat(reopened).isEqualTo(created);
        assertThat(reopened.seal().privateKey()).isEqualTo(created.seal().privateKey());
        assertThat(reopened.timeStamping().certificate()).isEqualTo(created.timeStamping().certificate());
        assertThat(RegistryKeys.open(dataDir, KeystorePassword.resolve(dataDir, true, System::getenv))).isEqualTo(created);
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
    void the_keystore_and_the_demo_password_file_are_readable_by_their_owner_only() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        for (String name : List.of(RegistryKeys.KEYSTORE, KeystorePassword.FILE)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("keys").resolve(name))))
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
        Files.delete(other.resolve("keys").resolve(RegistryKeys.KEYSTORE));

        assertThatThrownBy(() -> RegistryKeys.openOrCreate(other, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("incomplete");
    }

    @Test
    void a_ca_refuses_a_private_key_that_is_not_its_certificates() {
        byte[] wrong = Ed25519.generate(Bc.RANDOM).privateKey();

        assertThatThrownBy(() -> CertificateAuthority.of(wrong, created.caCertificate())).isInstanceOf(IllegalArgumentException.class);
    }
}
