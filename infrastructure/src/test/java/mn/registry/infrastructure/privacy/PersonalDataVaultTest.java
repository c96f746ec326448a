package mn.registry.infrastructure.privacy;

import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDetails;
import mn.registry.store.mongo.EmbeddedMongo;
import mn.registry.store.mongo.RegistryMongo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 4: erasure reaches enrolments of every age, the clear ones sealed before encryption too. */
class PersonalDataVaultTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private final RegistryMongo mongo = RegistryMongo.embedded(EmbeddedMongo.inMemory());
    private final PersonalDataVault vault = new PersonalDataVault(mongo.client().getDatabase("registry"), Clock.systemUTC());

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    @DisplayName("001 art. 53.1: after erasure an enrolment sealed in clear before encryption reads as erased, as an encrypted one does")
    void an_old_clear_enrolment_reads_as_erased_after_erasure() {
        PersonId old = new PersonId("citizen-old");
        PersonEnrolled clear = new PersonEnrolled(old, "Бат Болд", "ab".repeat(32), "AAAA", T0);
        PersonId fresh = new PersonId("citizen-new");
        PersonEnrolled encrypted = PersonEnrolled.encrypted(fresh, "cd".repeat(32), T0,
                vault.encrypt(fresh, new PersonalDetails("Сараа Дорж", "BBBB")));
        assertThat(vault.displayName(clear)).isEqualTo("Бат Болд");
        assertThat(vault.displayName(encrypted)).isEqualTo("Сараа Дорж");

        vault.erase(old, new PersonId("supervisor-1"));
        vault.erase(fresh, new PersonId("supervisor-1"));

        assertThat(vault.details(clear)).isEmpty();
        assertThat(vault.displayName(clear)).isEqualTo(PersonalDetails.ERASED);
        assertThat(vault.displayName(encrypted)).isEqualTo(PersonalDetails.ERASED);
        // another person's old clear enrolment is untouched
        assertThat(vault.displayName(new PersonEnrolled(new PersonId("citizen-other"), "Дорж", "ef".repeat(32), "CCCC", T0))).isEqualTo("Дорж");
    }
}
