package mn.registry.infrastructure.privacy;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDetails;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 4: erasure reaches enrolments of every age, the clear ones sealed before encryption too. */
@ExtendWith(EmbeddedMongoExtension.class)
class PersonalDataVaultTest {

    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private final MongoDatabase db;
    private final PersonalDataVault vault;

    PersonalDataVaultTest(MongoDatabase db) {
        this.db = db;
        this.vault = new PersonalDataVault(db, Clock.systemUTC());
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

    @Test
    @DisplayName("001 art. 53.1: data kept outside events is sealed under the person's key, opens only for its own kind, and is gone with the key")
    void sealed_data_opens_until_the_person_is_erased() {
        PersonId signer = new PersonId("official-7");
        String jws = "eyJ4NWMiOlsiTUlJQi4uLiJdfQ.e30.c2ln"; // stands for a JWS with the signer's certificate
        org.bson.Document sealed = vault.seal(signer, "command-jws", jws).orElseThrow();
        assertThat(sealed.toJson()).doesNotContain(jws).contains("pdk-official-7");
        assertThat(PersonalDataVault.isSealed(sealed)).isTrue();
        assertThat(vault.open(signer, "command-jws", sealed)).contains(jws);
        // a ciphertext moved to another kind of record, or to another person, does not open
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.open(signer, "document-file-name", sealed))
                .isInstanceOf(IllegalArgumentException.class);
        vault.seal(new PersonId("official-8"), "command-jws", "x").orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> vault.open(new PersonId("official-8"), "command-jws", sealed))
                .isInstanceOf(IllegalArgumentException.class);

        vault.erase(signer, new PersonId("supervisor-1"));

        assertThat(vault.open(signer, "command-jws", sealed)).isEmpty();
        assertThat(vault.seal(signer, "command-jws", jws)).as("nothing of an erased person is kept from then on").isEmpty();
        assertThat(vault.open(signer, "command-jws", "a value stored in clear before sealing")).isEmpty();
        assertThat(vault.open(new PersonId("official-8"), "command-jws", "kept in clear")).contains("kept in clear");
    }

    @Test
    @DisplayName("001 art. 53.1: a read's purpose is kept sealed under the person's key; after the erasure the person still sees who read, not why")
    void read_purposes_are_erased_with_the_person() {
        PersonalDataReads reads = new PersonalDataReads(db, vault);
        PersonId person = new PersonId("citizen-9");
        vault.seal(person, "x", "make the key").orElseThrow();
        reads.recordRead(person, new PersonId("reviewer-1"), "MINISTRY_REVIEWER", "checking Бат Болд, РД УБ90010112", T0, "enrolment data");
        // a read recorded in clear before sealing
        db.getCollection(PersonalDataReads.COLLECTION).insertOne(new org.bson.Document("_id", "old").append("personId", person.value())
                .append("reader", "reviewer-1").append("readerRoles", "MINISTRY_REVIEWER").append("purpose", "old read of Бат Болд")
                .append("at", T0.minusSeconds(60).toString()).append("what", "enrolment data"));
        assertThat(db.getCollection(PersonalDataReads.COLLECTION).find(new org.bson.Document("_id", new org.bson.Document("$ne", "old")))
                .first().toJson()).doesNotContain("Бат Болд").doesNotContain("УБ90010112");
        assertThat(reads.readsOf(person)).extracting(PersonalDataReads.Read::purpose).containsExactly("old read of Бат Болд", "checking Бат Болд, РД УБ90010112");

        vault.erase(person, new PersonId("supervisor-1"));
        assertThat(reads.erased(person)).as("the clear purpose of the old read is removed").isEqualTo(1);
        assertThat(reads.erased(person)).as("idempotent").isZero();
        reads.recordRead(person, new PersonId("reviewer-1"), "MINISTRY_REVIEWER", "after the erasure: Бат Болд", T0.plusSeconds(60), "enrolment data");

        assertThat(reads.readsOf(person)).hasSize(3).allSatisfy(r -> {
            assertThat(r.purpose()).isEqualTo(PersonalDetails.ERASED);
            assertThat(r.reader()).isEqualTo("reviewer-1");
        });
        for (org.bson.Document d : db.getCollection(PersonalDataReads.COLLECTION).find()) {
            assertThat(d.toJson()).doesNotContain("Бат Болд");
        }
    }
}
