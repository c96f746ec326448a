package mn.registry.document;

import mn.registry.testing.MovableClock;
import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(EmbeddedMongoExtension.class)
class UncitedDocumentSweepTest {

    private static final PersonId APPLICANT = new PersonId("applicant-1");

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("an upload no command cites is gone once its 7 days are over on the registry's clock; a cited one and a younger one stay")
    void uncited_upload_is_deleted_after_its_time(MongoDatabase database) {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T02:00:00Z"));
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), 1_000_000);
        UncitedDocumentSweep sweep = new UncitedDocumentSweep(store, Duration.ofHours(1));
        String forgotten = store.receive(pdf("never cited"), "application/pdf", null, APPLICANT).document().sha256();
        String cited = store.receive(pdf("cited"), "application/pdf", null, APPLICANT).document().sha256();
        assertThat(store.find(cited)).isPresent(); // a command looks it up to cite it

        clock.advance(Duration.ofDays(7));
        assertThat(sweep.sweepOnce()).as("exactly 7 days old is still within its time").isZero();
        String younger = store.receive(pdf("uploaded on day 7"), "application/pdf", null, APPLICANT).document().sha256();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sweep.sweepOnce()).isEqualTo(1);

        assertThat(store.original(forgotten)).isEmpty();
        assertThat(store.find(forgotten)).as("a command citing it now is told it is unknown").isEmpty();
        assertThat(store.original(cited)).isPresent();
        assertThat(store.original(younger)).isPresent();

        clock.advance(Duration.ofDays(3650));
        sweep.sweepOnce();
        assertThat(store.original(cited)).as("a cited document is never deleted").isPresent();
        assertThat(store.original(younger)).isEmpty();
    }

    @Test
    @DisplayName("bytes uploaded again after their uncited copy was deleted are a new upload with a new time")
    void re_upload_after_deletion_starts_afresh(MongoDatabase database) {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T02:00:00Z"));
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), 1_000_000);
        store.receive(pdf("again"), "application/pdf", null, APPLICANT);
        clock.advance(Duration.ofDays(8));
        assertThat(store.deleteUncited()).isEqualTo(1);

        DocumentStore.Upload again = store.receive(pdf("again"), "application/pdf", null, APPLICANT);

        assertThat(again.created()).isTrue();
        assertThat(again.document().receivedAt()).isEqualTo(clock.instant());
        assertThat(store.deleteUncited()).isZero();
    }

    @Test
    @DisplayName("the quota counts a person's new uploads of the last 7 days: full now, free again once they are older")
    void quota_frees_after_the_retention(MongoDatabase database) {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-20T02:00:00Z"));
        byte[] first = pdf("first upload, forty bytes or so");
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), first.length + 10L);
        store.receive(first, "application/pdf", null, APPLICANT);
        assertThat(store.find(Sha256.hex(first))).isPresent(); // cited: kept, yet it still counts for its 7 days

        clock.advance(Duration.ofDays(6));
        assertThatThrownBy(() -> store.receive(pdf("second upload"), "application/pdf", null, APPLICANT))
                .isInstanceOfSatisfying(RegistryProblem.class,
                        p -> assertThat(p.code()).isEqualTo("document.quota-exceeded"));
        assertThat(store.receive(pdf("another person's upload"), "application/pdf", null, new PersonId("applicant-2")).created()).isTrue();

        clock.advance(Duration.ofDays(1).plusHours(1)); // counted by whole hours (ADR 0070 item 16): its hour's end 7 days ago
        assertThat(store.receive(pdf("second upload"), "application/pdf", null, APPLICANT).created()).isTrue();
        assertThat(store.original(Sha256.hex(first))).as("the cited first upload is still kept").isPresent();
    }
}
