package mn.registry.document;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import mn.registry.kernel.identity.PersonId;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.testing.MovableClock;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse audit F514 (was O336; ADR 0070 item 16): what an upload costs in bytes sent to and read from the database does not grow with the
 * uploader's earlier uploads of the window. Counted, not timed: the bytes of every command and reply of one upload.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class UploadCostTest {

    private static final PersonId UPLOADER = new PersonId("applicant-1");
    /** How many uploads of one person before the last is counted ({@code -Duploads.measured=5000} for docs/benchmarks.md). */
    private static final int UPLOADS = Integer.getInteger("uploads.measured", 1000);

    /** The most the quota's window may add to a read: 9 days' records of 24 hour counters (about 40 bytes each with its name). */
    private static final long WINDOW_AT_MOST = 9 * 24 * 40;

    private static byte[] pdf(int n) {
        return String.format("%%PDF-1.4%nupload %06d%n%%%%EOF%n", n).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): the thousandth upload of a person within the quota's 7 days reads and writes no more than the second")
    void the_thousandth_upload_costs_what_the_second_does(ConnectionString server) {
        AtomicLong bytes = new AtomicLong();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                bytes.addAndGet(sizeOf(event.getCommand()));
            }

            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                bytes.addAndGet(sizeOf(event.getResponse()));
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server).addCommandListener(counting).build())) {
            MovableClock clock = new MovableClock(Instant.parse("2026-11-20T02:00:00Z"));
            DocumentStore store = new DocumentStore(client.getDatabase("upload-cost"), clock, 1024, Duration.ofDays(7), Long.MAX_VALUE);
            long[] cost = new long[UPLOADS + 1];
            for (int n = 1; n <= UPLOADS; n++) {
                clock.advance(Duration.ofMinutes(1));
                bytes.set(0);
                assertThat(store.receive(pdf(n), "application/pdf", null, UPLOADER).created()).isTrue();
                cost[n] = bytes.get();
            }
            System.out.printf("bytes per upload: 1st %d, 2nd %d, %dth %d%n", cost[1], cost[2], UPLOADS, cost[UPLOADS]);
            assertThat(cost[UPLOADS]).as("the %dth upload's bytes against the 2nd's (%d)", UPLOADS, cost[2])
                    .isLessThanOrEqualTo(cost[2] + WINDOW_AT_MOST);
        }
    }

    @Test
    @DisplayName("001 art. 38.1 (ADR 0014): the quota costs an upload two round trips (the window's read, the $inc answering the day), three in the day's first hour")
    void the_quota_makes_two_round_trips(ConnectionString server) {
        Map<String, Integer> counted = new TreeMap<>();
        CommandListener counting = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                BsonValue collection = event.getCommand().get(event.getCommandName());
                if (collection != null && collection.isString() && collection.asString().getValue().equals(UploadQuotaLedger.COLLECTION)) {
                    counted.merge(event.getCommandName(), 1, Integer::sum);
                }
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server).addCommandListener(counting).build())) {
            MovableClock clock = new MovableClock(Instant.parse("2026-11-20T10:00:00Z"));
            DocumentStore store = new DocumentStore(client.getDatabase("upload-round-trips"), clock, 1024, Duration.ofDays(7), Long.MAX_VALUE);
            Map<String, Map<String, Integer>> trips = new java.util.LinkedHashMap<>();
            int n = 0;
            for (String at : List.of("2026-11-20T10:00:00Z", "2026-11-20T10:05:00Z", "2026-11-21T10:00:00Z", "2026-11-22T00:30:00Z",
                    "2026-11-22T01:00:00Z")) {
                clock.set(Instant.parse(at));
                counted.clear();
                assertThat(store.receive(pdf(++n), "application/pdf", null, UPLOADER).created()).isTrue();
                trips.put(at, new TreeMap<>(counted));
            }
            System.out.println("quota round trips per upload: " + trips);
            Map<String, Integer> two = Map.of("find", 1, "findAndModify", 1);
            assertThat(trips.get("2026-11-20T10:00:00Z")).as("a person's first upload").isEqualTo(two);
            assertThat(trips.get("2026-11-20T10:05:00Z")).as("another of the same day").isEqualTo(two);
            assertThat(trips.get("2026-11-21T10:00:00Z")).as("an upload with the window's earlier days counted").isEqualTo(two);
            assertThat(trips.get("2026-11-22T00:30:00Z")).as("the day's first hour: the day before read again")
                    .isEqualTo(Map.of("find", 2, "findAndModify", 1));
            assertThat(trips.get("2026-11-22T01:00:00Z")).isEqualTo(two);
        }
    }

    private static long sizeOf(BsonDocument document) {
        return new RawBsonDocument(document, new BsonDocumentCodec()).getByteBuffer().remaining();
    }
}
