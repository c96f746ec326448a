package mn.registry.keystore;

import mn.registry.kernel.pki.Bc;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.SigningIdentity;

import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoPeopleTest {

    static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

    @TempDir
    static Path dataDir;
    static RegistryKeys keys;
    static Map<PersonId, SigningIdentity> people;

    @BeforeAll
    static void createOnce() throws IOException {
        Clock clock = Clock.fixed(CREATED, ZoneOffset.UTC);
        keys = RegistryKeys.openOrCreate(dataDir, clock);
        people = DemoPeople.openOrCreate(dataDir, keys, clock);
    }

    @Test
    void the_demo_cast_has_one_person_per_actor_two_supervisors_and_two_governors_with_their_zones() {
        assertThat(DemoPeople.ALL).extracting(p -> p.id().value()).containsExactly("reviewer-1", "supervisor-1", "supervisor-2", "applicant-1",
                "applicant-khan-sign", "inspector-1", "tax-officer-1", "cabinet-1", "governor-altanbulag", "governor-zamyn-uud");
        assertThat(DemoPeople.ALL).filteredOn(p -> p.role() == Role.ZONE_GOVERNOR).extracting(DemoPerson::zoneId)
                .containsExactly("altanbulag", "zamyn-uud");
        assertThat(DemoPeople.ALL).extracting(DemoPerson::role).containsAll(
                java.util.EnumSet.complementOf(java.util.EnumSet.of(Role.REGISTRY)));
        assertThat(DemoPeople.find(new PersonId("applicant-1"))).get().extracting(DemoPerson::organization).isEqualTo("Tenger Trust LLC");
        // one representative per demo company, each grant naming its company (ADR 0061 item 58, F540)
        assertThat(DemoPeople.ALL).filteredOn(p -> p.role() == Role.APPLICANT).extracting(DemoPerson::company)
                .containsExactly(DemoPeople.TENGER_TRUST, DemoPeople.KHAN_SIGN);
        assertThat(DemoPeople.find(new PersonId("nobody"))).isEmpty();
    }

    @Test
    void every_demo_person_has_a_key_and_a_ca_issued_certificate_naming_them() throws Exception {
        assertThat(people.keySet()).containsExactlyElementsOf(DemoPeople.ALL.stream().map(DemoPerson::id).toList());
        for (DemoPerson person : DemoPeople.ALL) {
            SigningIdentity identity = people.get(person.id());
            X509Certificate certificate = identity.certificate();

            certificate.verify(keys.caCertificate().getPublicKey());
            assertThat(Certificates.personId(certificate)).contains(person.id());
            assertThat(Certificates.commonName(certificate)).contains(person.displayName());
            assertThat(certificate.getSubjectX500Principal().getName()).contains("O=" + person.organization().replace(",", "\\,"));
            assertThat(identity.chain()).containsExactly(certificate, keys.caCertificate());
            assertThat(Bc.rawPublicKey(certificate)).isEqualTo(Ed25519.publicKeyOf(identity.privateKey()));
        }
    }

    @Test
    void a_person_certificate_is_for_signatures_only_and_valid_two_years_from_creation() {
        X509Certificate certificate = people.get(new PersonId("reviewer-1")).certificate();
        boolean[] usage = certificate.getKeyUsage();

        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[5]).as("keyCertSign").isFalse();
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1);
        assertThat(certificate.getNotAfter().toInstant()).isEqualTo(Instant.parse("2028-11-23T10:00:00Z"));
        assertThat(certificate.getNotBefore().toInstant()).isEqualTo(CREATED.minusSeconds(3600));
    }

    @Test
    void mongolian_cyrillic_names_survive_the_certificate_and_the_pem_file() throws IOException {
        SigningIdentity reloaded = DemoPeople.load(dataDir, new PersonId("governor-zamyn-uud"));

        assertThat(Certificates.commonName(reloaded.certificate())).contains("Номин Эрдэнэ");
    }

    @Test
    void people_are_stored_in_their_own_directories_and_reloaded_unchanged() throws IOException {
        assertThat(DemoPeople.stored(dataDir)).hasSize(10).contains("reviewer-1", "governor-altanbulag");
        Path reviewer = dataDir.resolve("keys/people/reviewer-1");
        assertThat(reviewer.resolve("key.pem")).exists();
        assertThat(reviewer.resolve("cert.pem")).exists();
        byte[] keyBefore = Files.readAllBytes(reviewer.resolve("key.pem"));

        Map<PersonId, SigningIdentity> again = DemoPeople.openOrCreate(dataDir, keys, Clock.systemUTC());

        assertThat(Files.readAllBytes(reviewer.resolve("key.pem"))).isEqualTo(keyBefore);
        for (PersonId id : people.keySet()) {
            assertThat(again.get(id).privateKey()).isEqualTo(people.get(id).privateKey());
            assertThat(again.get(id).chain()).isEqualTo(people.get(id).chain());
        }
    }

    @Test
    void a_person_whose_directory_was_removed_is_issued_anew_and_the_others_are_kept() throws IOException {
        Path tmpData = Files.createTempDirectory(dataDir, "partial");
        RegistryKeys partialKeys = RegistryKeys.openOrCreate(tmpData, Clock.systemUTC());
        Map<PersonId, SigningIdentity> first = DemoPeople.openOrCreate(tmpData, partialKeys, Clock.systemUTC());
        Path cabinet = DemoPeople.directory(tmpData).resolve("cabinet-1");
        Files.delete(cabinet.resolve("key.pem"));
        Files.delete(cabinet.resolve("cert.pem"));
        Files.delete(cabinet);

        Map<PersonId, SigningIdentity> second = DemoPeople.openOrCreate(tmpData, partialKeys, Clock.systemUTC());

        assertThat(second.get(new PersonId("cabinet-1")).publicKey()).isNotEqualTo(first.get(new PersonId("cabinet-1")).publicKey());
        assertThat(second.get(new PersonId("reviewer-1")).publicKey()).isEqualTo(first.get(new PersonId("reviewer-1")).publicKey());
    }

    @Test
    void a_signing_identity_never_shows_its_private_key_in_text() {
        SigningIdentity reviewer = people.get(new PersonId("reviewer-1"));

        assertThat(reviewer.toString()).contains("reviewer-1")
                .doesNotContain(HexFormat.of().formatHex(reviewer.privateKey()))
                .doesNotContain(Base64.getEncoder().encodeToString(reviewer.privateKey()))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(reviewer.privateKey()));
    }

    @Test
    void a_signing_identity_loads_from_a_pem_pair_given_by_path() throws IOException {
        Path person = dataDir.resolve("keys/people/tax-officer-1");

        SigningIdentity loaded = SigningIdentities.fromPem(person.resolve("key.pem"), person.resolve("cert.pem"));

        assertThat(loaded.person()).isEqualTo(new PersonId("tax-officer-1"));
        assertThat(loaded.privateKey()).isEqualTo(people.get(new PersonId("tax-officer-1")).privateKey());
    }

    @Test
    void a_signing_identity_loads_from_a_pkcs12_file_written_by_the_jdk() throws Exception {
        SigningIdentity inspector = people.get(new PersonId("inspector-1"));
        PrivateKey jdkKey = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(Bc.pkcs8(inspector.privateKey())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        char[] password = "correct horse".toCharArray();
        store.setKeyEntry("inspector", jdkKey, password, inspector.chain().toArray(new Certificate[0]));
        Path p12 = dataDir.resolve("inspector.p12");
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password);
        }

        SigningIdentity loaded = SigningIdentities.fromPkcs12(p12, password);

        assertThat(loaded.person()).isEqualTo(new PersonId("inspector-1"));
        assertThat(loaded.privateKey()).isEqualTo(inspector.privateKey());
        assertThat(loaded.chain()).isEqualTo(inspector.chain());
        assertThatThrownBy(() -> SigningIdentities.fromPkcs12(p12, "wrong".toCharArray())).isInstanceOf(IOException.class);
    }

    @Test
    void a_key_that_does_not_match_the_certificate_is_refused() {
        SigningIdentity reviewer = people.get(new PersonId("reviewer-1"));
        byte[] otherKey = Ed25519.generate(Bc.RANDOM).privateKey();

        assertThatThrownBy(() -> new SigningIdentity(reviewer.person(), otherKey, reviewer.chain()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not match");
    }
}
