package mn.registry.kernel.privacy;

import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Per-person encryption of personal data, and the two stored shapes of an enrolment. */
class PersonalDataTest {

    @Test
    @DisplayName("an enrolment stored before personal data was encrypted (stored JSON sample) still reads, in clear, without personalData")
    void old_shape_still_reads() throws Exception {
        byte[] stored = PersonalDataTest.class.getResourceAsStream("/mn/registry/kernel/identity/person-enrolled-before-encryption.json").readAllBytes();
        PersonEnrolled old = CanonicalJson.mapper().readValue(stored, PersonEnrolled.class);
        assertThat(old.personId()).isEqualTo(new PersonId("applicant-1"));
        assertThat(old.displayName()).isEqualTo("Тэмүүлэн Болд");
        assertThat(old.personalData()).isNull();
        assertThat(old.enrolledAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    @DisplayName("a new enrolment carries name and certificate only as ciphertext, and round-trips through JSON")
    void new_shape_round_trips() throws Exception {
        byte[] key = PersonalDataCipher.newKey();
        EncryptedPersonalData data = PersonalDataCipher.encrypt(key, "pdk-applicant-1", "applicant-1",
                "{\"displayName\":\"Тэмүүлэн Болд\"}".getBytes(StandardCharsets.UTF_8));
        PersonEnrolled enrolled = PersonEnrolled.encrypted(new PersonId("applicant-1"), "ab".repeat(32), Instant.parse("2026-11-23T10:00:00Z"), data);
        String json = new String(CanonicalJson.canonicalizeValue(enrolled), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("Тэмүүлэн").contains("pdk-applicant-1");
        PersonEnrolled read = CanonicalJson.mapper().readValue(json, PersonEnrolled.class);
        assertThat(read).isEqualTo(enrolled);
        assertThat(new String(PersonalDataCipher.decrypt(key, "applicant-1", read.personalData()), StandardCharsets.UTF_8)).contains("Тэмүүлэн Болд");
        assertThatThrownBy(() -> new PersonEnrolled(new PersonId("applicant-1"), "name", "ab".repeat(32), null, Instant.now(), data))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("ciphertext does not open with another key, for another person, or once altered")
    void bound_to_key_person_and_content() {
        byte[] key = PersonalDataCipher.newKey();
        EncryptedPersonalData data = PersonalDataCipher.encrypt(key, "pdk-a", "a", "secret".getBytes(StandardCharsets.UTF_8));
        assertThat(PersonalDataCipher.decrypt(key, "a", data)).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(PersonalDataCipher.newKey(), "a", data)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, "b", data)).isInstanceOf(IllegalArgumentException.class);
        byte[] bytes = Base64.getDecoder().decode(data.ciphertext());
        bytes[0] ^= 1;
        EncryptedPersonalData altered = new EncryptedPersonalData(data.keyId(), data.nonce(), Base64.getEncoder().encodeToString(bytes));
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, "a", altered)).isInstanceOf(IllegalArgumentException.class);
    }
}
