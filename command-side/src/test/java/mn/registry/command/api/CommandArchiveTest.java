package mn.registry.command.api;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import mn.registry.store.testing.EmbeddedMongoExtension;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 4: the command archive keeps each JWS under its signer's key; replay still works on what stays in clear. */
@ExtendWith(EmbeddedMongoExtension.class)
class CommandArchiveTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");
    /** Stands for a JWS whose protected header carries the signer's certificate (x5c) with name and civil number. */
    private static final String JWS = "eyJhbGciOiJFZERTQSIsIng1YyI6WyJDTj3QkdCw0YIg0JHQvtC70LQsIFVCOTAwMTAxMTIiXX0.eyJjb21tYW5kIjp7fX0.c2lnbmF0dXJl";

    @Test
    @DisplayName("001 art. 53.1: the archived JWS is sealed under the signer's key, a court gets it whole before the erasure, and only its SHA-256 after")
    void the_archived_jws_is_erased_with_its_signer(MongoDatabase db) {
        PersonalDataVault vault = new PersonalDataVault(db, Clock.fixed(T0, ZoneOffset.UTC));
        CommandLog log = new CommandLog(db, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(60), vault);
        String sha = Sha256.hex(JWS.getBytes(StandardCharsets.UTF_8));

        assertThat(log.claim("c-1", sha, JWS, "IssuePermit", "supervisor-1")).isInstanceOf(CommandLog.Claim.Claimed.class);
        log.done("c-1", "{\"ok\":true}", 200);

        Document stored = db.getCollection(CommandLog.COLLECTION).find(new Document("_id", "c-1")).first();
        assertThat(stored.toJson()).doesNotContain(JWS).doesNotContain("eyJhbGciOiJFZERTQSIsIng1YyI6").contains(sha).contains("pdk-supervisor-1");
        assertThat(log.archived("c-1")).hasValueSatisfying(a -> {
            assertThat(a.jws()).contains(JWS);
            assertThat(a.jwsSha256()).isEqualTo(sha);
            assertThat(a.signer()).isEqualTo(new PersonId("supervisor-1"));
            assertThat(a.type()).isEqualTo("IssuePermit");
        });
        // ADR 0002: the same signed command is answered with the first answer; another JWS under the same id is refused
        assertThat(log.claim("c-1", sha, JWS, "IssuePermit", "supervisor-1")).isEqualTo(new CommandLog.Claim.AlreadyDone("{\"ok\":true}", 200));
        assertThat(log.claim("c-2", sha, JWS, "IssuePermit", "supervisor-1")).isInstanceOf(CommandLog.Claim.Claimed.class);

        vault.erase(new PersonId("supervisor-1"), new PersonId("supervisor-2"));

        assertThat(log.archived("c-1")).hasValueSatisfying(a -> {
            assertThat(a.jws()).isEmpty();
            assertThat(a.jwsSha256()).isEqualTo(sha);
        });
        // replay and the id-reuse guard do not need the JWS
        assertThat(log.claim("c-1", sha, JWS, "IssuePermit", "supervisor-1")).isEqualTo(new CommandLog.Claim.AlreadyDone("{\"ok\":true}", 200));
        assertThat(log.claim("c-3", sha, JWS, "IssuePermit", "supervisor-1")).as("a command signed after the erasure keeps only its hash")
                .isInstanceOf(CommandLog.Claim.Claimed.class);
        assertThat(db.getCollection(CommandLog.COLLECTION).find(new Document("_id", "c-3")).first().get("jws")).isNull();
        assertThat(log.archived("c-3").orElseThrow().jwsSha256()).isEqualTo(sha);
    }

    @Test
    @DisplayName("001 art. 53.1: a JWS archived in clear before sealing is removed when its signer is erased, another signer's stays")
    void a_jws_archived_in_clear_goes_with_its_signer(MongoDatabase db) {
        PersonalDataVault vault = new PersonalDataVault(db, Clock.fixed(T0, ZoneOffset.UTC));
        CommandLog log = new CommandLog(db, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofSeconds(60), vault);
        db.getCollection(CommandLog.COLLECTION).insertOne(new Document("_id", "old-1").append("state", "done").append("jwsSha256", "ab")
                .append("type", "ApplyForPermit").append("actor", "applicant-1").append("jws", JWS).append("answer", "{}").append("status", 200));
        db.getCollection(CommandLog.COLLECTION).insertOne(new Document("_id", "old-2").append("state", "done").append("jwsSha256", "cd")
                .append("type", "IssuePermit").append("actor", "supervisor-1").append("jws", JWS).append("answer", "{}").append("status", 200));
        assertThat(log.archived("old-1").orElseThrow().jws()).contains(JWS);

        vault.erase(new PersonId("applicant-1"), new PersonId("supervisor-1"));
        assertThat(log.archived("old-1").orElseThrow().jws()).as("unreadable at once, before the clean-up").isEmpty();
        assertThat(log.erased(new PersonId("applicant-1"))).isEqualTo(1);
        assertThat(log.erased(new PersonId("applicant-1"))).isZero();

        assertThat(db.getCollection(CommandLog.COLLECTION).find(new Document("_id", "old-1")).first().toJson()).doesNotContain(JWS).contains("\"ab\"");
        assertThat(log.archived("old-2").orElseThrow().jws()).contains(JWS);
    }
}
