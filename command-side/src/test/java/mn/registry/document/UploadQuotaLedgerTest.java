package mn.registry.document;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.testing.MovableClock;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Abuse audit F514, F515 (ADR 0070 items 16-17): the upload quota counted by person and hour ({@link UploadQuotaLedger}): concurrent uploads
 * of one person each counted once and never beyond the quota together, the window by whole hours, session 28's ledgers read once.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class UploadQuotaLedgerTest {

    private static final PersonId UPLOADER = new PersonId("applicant-1");
    private static final Instant START = Instant.parse("2026-11-20T02:30:00Z");

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): 8 threads uploading 200 papers of one person at once: each counted once, none lost")
    void concurrent_uploads_each_counted_once(MongoDatabase database) throws Exception {
        MovableClock clock = new MovableClock(START);
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), Long.MAX_VALUE);
        List<Callable<Boolean>> uploads = new ArrayList<>();
        long expected = 0;
        for (int n = 0; n < 200; n++) {
            byte[] paper = pdf("paper " + n);
            expected += paper.length;
            uploads.add(() -> store.receive(paper, "application/pdf", null, UPLOADER).created());
            uploads.add(() -> store.receive(paper, "application/pdf", null, UPLOADER).created()); // the same bytes again: counted once
        }
        List<Boolean> created = runAll(uploads);

        assertThat(created.stream().filter(Boolean::booleanValue)).hasSize(200);
        assertThat(store.count()).isEqualTo(200);
        assertThat(store.uploadedWithinRetention(UPLOADER, clock.instant())).isEqualTo(expected);
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): 40 uploads of one person at once against a quota of 10: at most 10 kept, exactly those counted; another person still uploads")
    void concurrent_uploads_never_pass_the_quota_together(MongoDatabase database) throws Exception {
        MovableClock clock = new MovableClock(START);
        long size = pdf("paper 00").length;
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), 10 * size);
        List<Callable<Boolean>> uploads = new ArrayList<>();
        for (int n = 10; n < 50; n++) {
            byte[] paper = pdf("paper " + n);
            uploads.add(() -> {
                try {
                    return store.receive(paper, "application/pdf", null, UPLOADER).created();
                } catch (RegistryProblem refused) {
                    assertThat(refused.code()).isEqualTo("document.quota-exceeded");
                    return false;
                }
            });
        }
        long kept = runAll(uploads).stream().filter(Boolean::booleanValue).count();

        assertThat(kept).isBetween(1L, 10L);
        assertThat(store.count()).isEqualTo(kept);
        assertThat(store.uploadedWithinRetention(UPLOADER, clock.instant())).isEqualTo(kept * size);
        assertThat(store.receive(pdf("another person's"), "application/pdf", null, new PersonId("applicant-2")).created()).isTrue();
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): a refusal beyond the quota writes nothing: no document, no count")
    void refusal_writes_nothing(MongoDatabase database) {
        MovableClock clock = new MovableClock(START);
        byte[] first = pdf("first");
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), first.length);
        store.receive(first, "application/pdf", null, UPLOADER);
        clock.advance(Duration.ofDays(1)); // another day: its record would be new
        long records = database.getCollection(UploadQuotaLedger.COLLECTION).countDocuments();

        assertThatThrownBy(() -> store.receive(pdf("second"), "application/pdf", null, UPLOADER))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("document.quota-exceeded"));
        assertThat(store.count()).isEqualTo(1);
        assertThat(database.getCollection(UploadQuotaLedger.COLLECTION).countDocuments()).isEqualTo(records);
        assertThat(store.uploadedWithinRetention(UPLOADER, clock.instant())).isEqualTo(first.length);
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): an upload counts until its hour's end is 7 days ago, not a second longer; the sweep deletes the days before")
    void the_window_by_whole_hours(MongoDatabase database) {
        MovableClock clock = new MovableClock(START);
        byte[] first = pdf("first");
        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), first.length + 10L);
        store.receive(first, "application/pdf", null, UPLOADER);
        store.find(mn.registry.kernel.crypto.Sha256.hex(first)); // cited: kept, still counted for its window

        clock.advance(Duration.ofDays(7).plusMinutes(29)); // 02:59 seven days on: its hour (02:00-03:00) not yet 7 days past
        assertThatThrownBy(() -> store.receive(pdf("second"), "application/pdf", null, UPLOADER))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("document.quota-exceeded"));
        clock.advance(Duration.ofMinutes(1)); // 03:00
        assertThat(store.receive(pdf("second"), "application/pdf", null, UPLOADER).created()).isTrue();

        clock.advance(Duration.ofDays(2));
        store.deleteUncited();
        assertThat(database.getCollection(UploadQuotaLedger.COLLECTION).find(new Document("_id", "applicant-1|2026-11-20")).first())
                .as("the first day's record, wholly before the window").isNull();
        assertThat(database.getCollection(UploadQuotaLedger.COLLECTION).countDocuments()).as("the second's day, within it").isEqualTo(1);
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): session 28's ledger read once at the start: its uploads of the window counted, the older not, not twice by a second node")
    void the_earlier_ledger_folded_once(MongoDatabase database) {
        MovableClock clock = new MovableClock(START);
        database.getCollection(UploadQuotaLedger.EARLIER_COLLECTION).insertOne(new Document("_id", UPLOADER.value()).append("uploads", List.of(
                new Document("sha256", "a".repeat(64)).append("size", 900L).append("at", java.util.Date.from(START.minus(Duration.ofDays(1)))),
                new Document("sha256", "b".repeat(64)).append("size", 500L).append("at", java.util.Date.from(START.minus(Duration.ofDays(8)))))));

        DocumentStore store = new DocumentStore(database, clock, 1024, Duration.ofDays(7), 1000);
        DocumentStore anotherNode = new DocumentStore(database, clock, 1024, Duration.ofDays(7), 1000);

        assertThat(database.getCollection(UploadQuotaLedger.EARLIER_COLLECTION).countDocuments()).isZero();
        assertThat(anotherNode.uploadedWithinRetention(UPLOADER, clock.instant())).isEqualTo(900);
        assertThatThrownBy(() -> store.receive(pdf("x".repeat(100)), "application/pdf", null, UPLOADER))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("document.quota-exceeded"));
        assertThat(store.receive(pdf("small"), "application/pdf", null, UPLOADER).created()).isTrue();
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): a node dying while folding session 28's ledger, after a day's add or before the delete: the restart counts the week once, neither lost nor twice")
    void a_fold_interrupted_counts_the_week_once(MongoDatabase database) {
        for (int diesAfter = 1; diesAfter <= 2; diesAfter++) {
            MongoDatabase store = database;
            String person = "applicant-dies-after-" + diesAfter;
            MovableClock clock = new MovableClock(START);
            store.getCollection(UploadQuotaLedger.EARLIER_COLLECTION).insertOne(new Document("_id", person).append("uploads", List.of(
                    new Document("sha256", "a".repeat(64)).append("size", 600L).append("at", java.util.Date.from(START.minus(Duration.ofDays(1)))),
                    new Document("sha256", "c".repeat(64)).append("size", 300L).append("at", java.util.Date.from(START.minus(Duration.ofDays(2)))),
                    new Document("sha256", "b".repeat(64)).append("size", 500L).append("at", java.util.Date.from(START.minus(Duration.ofDays(8)))))));

            UploadQuotaLedger dying = new UploadQuotaLedger(store, Duration.ofDays(7));
            int[] added = {0};
            int last = diesAfter;
            dying.fault = step -> {
                if (++added[0] == last) {
                    throw new IllegalStateException("the node dies after " + last + " day(s) added");
                }
            };
            assertThatThrownBy(() -> dying.foldEarlierLedgers(store, clock.instant())).isInstanceOf(IllegalStateException.class);

            DocumentStore restarted = new DocumentStore(store, clock, 1024, Duration.ofDays(7), 1000);
            assertThat(restarted.uploadedWithinRetention(new PersonId(person), clock.instant())).as("dies after %d day(s)", diesAfter)
                    .isEqualTo(900);
            assertThat(store.getCollection(UploadQuotaLedger.EARLIER_COLLECTION).countDocuments()).isZero();
            new DocumentStore(store, clock, 1024, Duration.ofDays(7), 1000); // and once more: nothing left to fold
            assertThat(restarted.uploadedWithinRetention(new PersonId(person), clock.instant())).isEqualTo(900);
            assertThatThrownBy(() -> restarted.receive(pdf("y".repeat(100) + person), "application/pdf", null, new PersonId(person)))
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("document.quota-exceeded"));
        }
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): two uploads of one person straddling midnight, the later read first: the check after its $inc sees the earlier one counted on the day before")
    void uploads_straddling_midnight_never_pass_together(MongoDatabase database) {
        UploadQuotaLedger ledger = new UploadQuotaLedger(database, Duration.ofDays(7));
        Instant beforeMidnight = Instant.parse("2026-11-20T23:59:59.900Z");
        Instant afterMidnight = Instant.parse("2026-11-21T00:00:00.100Z");

        UploadQuotaLedger.Held laterRead = ledger.held(UPLOADER, afterMidnight); // the later upload reads its window first: nothing
        assertThat(laterRead.total()).isZero();
        UploadQuotaLedger.Held earlierRead = ledger.held(UPLOADER, beforeMidnight); // the earlier one, counted on the day before
        Document earlierDay = ledger.addAnswering(UPLOADER, 700, beforeMidnight);
        assertThat(ledger.heldAfter(UPLOADER, beforeMidnight, earlierDay, earlierRead)).isEqualTo(700);
        Document laterDay = ledger.addAnswering(UPLOADER, 700, afterMidnight);

        assertThat(ledger.heldAfter(UPLOADER, afterMidnight, laterDay, laterRead)).as("the day's first hour: the day before read again")
                .isEqualTo(1400);
        // at any later hour the other days stand as first read (no upload being counted then lands on them)
        Instant later = Instant.parse("2026-11-21T01:00:00Z");
        UploadQuotaLedger.Held read = ledger.held(UPLOADER, later);
        assertThat(read).isEqualTo(new UploadQuotaLedger.Held(700, 700));
        assertThat(ledger.heldAfter(UPLOADER, later, ledger.addAnswering(UPLOADER, 100, later), read)).isEqualTo(1500);
    }

    private static List<Boolean> runAll(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Boolean> results = new ArrayList<>();
            for (Future<Boolean> result : threads.invokeAll(tasks)) {
                results.add(result.get());
            }
            return results;
        } finally {
            threads.shutdown();
        }
    }
}
