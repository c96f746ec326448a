package mn.registry.log;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.PermitExtended;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.permit.api.PublishedByCheckpoint;
import mn.registry.tlog.LogCollections;
import mn.registry.tlog.LogWriter;
import org.bson.Document;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0013 §4: the registry's publication duties are discharged by the first time-stamped checkpoint that covers the record. */
@ExtendWith(EmbeddedMongoExtension.class)
class PublicationDutiesTest {

    static final ApplicationId ID = new ApplicationId("0b6f9a52-3c1e-4f7a-8d2b-5e4c3a2b1f00");

    private static void checkpoint(MongoDatabase db, long size, String note, Instant at) {
        db.getCollection(LogCollections.CHECKPOINTS).insertOne(new Document("_id", size).append(LogCollections.NOTE, note)
                .append(LogCollections.PUBLISHED_AT, Date.from(at)));
    }

    /** The writer only reads checkpoints here: no keys needed. */
    private static LogWriter writer(MongoDatabase db) {
        return new LogWriter(db, LogCollections.DEFAULT_ORIGIN, null, null, java.time.Clock.systemUTC(), () -> { });
    }

    @Test
    @DisplayName("002 art. 26.4, 27.6: a publication is recorded at the time of the first checkpoint covering its entry, once, and after a restart")
    void checkpoint_discharges_the_publication_duty(MongoDatabase db) throws Exception {
        List<Object> sent = new ArrayList<>();
        PublicationDuties duties = new PublicationDuties(db, writer(db), sent::add);
        PermitExtended extended = new PermitExtended(ID, LocalDate.of(2029, 12, 9), LocalDate.of(2034, 12, 9), Instant.parse("2029-10-01T02:00:00Z"), null);
        duties.entryAppended("event-1", 5, extended);
        duties.entryAppended("event-1", 5, extended); // redelivered: one notice
        duties.entryAppended("event-2", 6, new PermitRestored(ID, "ok", Instant.EPOCH, null, "002 art. 28.4")); // publishes no duty
        assertThat(duties.dischargeCovered()).as("no checkpoint yet").isZero();
        checkpoint(db, 5, "note-5", Instant.parse("2029-10-01T02:00:01Z")); // covers indexes 0-4 only
        assertThat(duties.dischargeCovered()).isZero();
        Instant covering = Instant.parse("2029-10-01T02:00:02Z");
        checkpoint(db, 7, "note-7", covering);
        checkpoint(db, 9, "note-9", Instant.parse("2029-10-01T02:00:03Z"));

        PublicationDuties restarted = new PublicationDuties(db, writer(db), sent::add); // a restart: the notice is stored
        assertThat(restarted.dischargeCovered()).isEqualTo(1);
        String noteSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest("note-7".getBytes(StandardCharsets.UTF_8)));
        assertThat(sent).containsExactly(new PublishedByCheckpoint(ID, PermitDuty.PUBLISH_EXTENSION, 7, noteSha, covering));
        assertThat(restarted.dischargeCovered()).as("sent once").isZero();
    }

    @Test
    @DisplayName("002 art. 26.4: a publication that could not be recorded stays pending and is recorded on the next tick")
    void failed_send_is_retried(MongoDatabase db) {
        List<Object> sent = new ArrayList<>();
        boolean[] fail = {true};
        PublicationDuties duties = new PublicationDuties(db, writer(db), c -> {
            if (fail[0]) {
                throw new IllegalStateException("command bus down");
            }
            sent.add(c);
        });
        duties.entryAppended("event-1", 0, new PermitExtended(ID, LocalDate.of(2029, 12, 9), LocalDate.of(2034, 12, 9), Instant.EPOCH, null));
        checkpoint(db, 1, "note-1", Instant.parse("2029-10-01T02:00:02Z"));
        assertThat(duties.dischargeCovered()).isZero();
        fail[0] = false;
        assertThat(duties.dischargeCovered()).isEqualTo(1);
        assertThat(sent).hasSize(1);
    }

    /** {@code real}, counting the calls that send writes to the notices (one call, one round trip). */
    private static MongoDatabase countingWrites(MongoDatabase real, java.util.concurrent.atomic.AtomicInteger writes) {
        return (MongoDatabase) java.lang.reflect.Proxy.newProxyInstance(PublicationDutiesTest.class.getClassLoader(), new Class<?>[]{MongoDatabase.class},
                (proxy, method, args) -> {
                    Object result = method.invoke(real, args);
                    if (!(result instanceof com.mongodb.client.MongoCollection<?> collection)) {
                        return result;
                    }
                    return java.lang.reflect.Proxy.newProxyInstance(PublicationDutiesTest.class.getClassLoader(),
                            new Class<?>[]{com.mongodb.client.MongoCollection.class}, (p, m, a) -> {
                                if (m.getName().startsWith("insert") || m.getName().startsWith("update") || m.getName().equals("bulkWrite")) {
                                    writes.incrementAndGet();
                                }
                                try {
                                    return m.invoke(collection, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    @Test
    @DisplayName("002 art. 26.4, 27.6, ADR 0053: the notices of a batch of entries are written with one insert, and a batch handled again leaves them as they were")
    void a_batch_of_entries_leaves_its_notices_with_one_write(MongoDatabase db) {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        List<Object> sent = new ArrayList<>();
        MongoDatabase counted = countingWrites(db, writes);
        PublicationDuties duties = new PublicationDuties(counted, writer(db), sent::add);
        ApplicationId other = new ApplicationId("1c7f0b63-4d2f-4a8b-9e3c-6f5d4b3c2a11");
        List<PublicationDuties.Appended> batch = List.of(
                new PublicationDuties.Appended("event-1", 3, new PermitExtended(ID, LocalDate.of(2029, 12, 9), LocalDate.of(2034, 12, 9), Instant.EPOCH, null)),
                new PublicationDuties.Appended("event-2", 4, new PermitRestored(ID, "ok", Instant.EPOCH, null, "002 art. 28.4")), // no duty
                new PublicationDuties.Appended("event-3", 5, new PermitExtended(other, LocalDate.of(2029, 12, 9), LocalDate.of(2034, 12, 9), Instant.EPOCH, null)));

        duties.entriesAppended(batch);
        assertThat(writes.get()).as("one write for the batch's two notices").isEqualTo(1);
        duties.entriesAppended(batch); // the batch handled again after a crash before its token
        assertThat(writes.get()).isEqualTo(2);
        assertThat(db.getCollection(PublicationDuties.NOTICES).find().sort(new Document("_id", 1)).into(new ArrayList<>()))
                .extracting(d -> d.getString("_id") + "@" + d.get("index") + ":" + d.getString("applicationId") + ":" + d.getString("duty"))
                .containsExactly("event-1@3:" + ID.value() + ":PUBLISH_EXTENSION", "event-3@5:" + other.value() + ":PUBLISH_EXTENSION");

        checkpoint(db, 6, "note-6", Instant.parse("2029-10-01T02:00:02Z"));
        assertThat(duties.dischargeCovered()).isEqualTo(2);
        assertThat(sent).hasSize(2);
    }
}
