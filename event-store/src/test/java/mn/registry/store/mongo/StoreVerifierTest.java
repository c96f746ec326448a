package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.util.Map;

import static mn.registry.store.mongo.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** verify-store: an intact store is OK with its counts; each kind of tampering is named at its position. */
@ExtendWith(EmbeddedMongoExtension.class)
class StoreVerifierTest {

    private MongoDatabase database;
    private StoreVerifier verifier;

    @BeforeEach
    void setUp(MongoDatabase freshDatabase) {
        database = freshDatabase;
        verifier = new StoreVerifier(database, TestSealingKeys.publicKeys());
        GaplessEventStorageEngine engine = engine(database).build();
        engine.appendEvents(events("permit-1", 0, 2));        // positions 1-2
        engine.appendEvents(events("permit-2", 0, 1));        // 3
        engine.appendEvents(events("permit-1", 2, 3));        // 4-6
        engine.appendEvents(new GenericEventMessage<>("a notice")); // 7
        engine.appendEvents(events("permit-2", 1, 1));        // 8
    }

    @Test
    void an_intact_store_verifies_with_its_counts() {
        VerificationReport report = verifier.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.commits()).isEqualTo(5);
        assertThat(report.events()).isEqualTo(8);
        assertThat(report.lastPosition()).isEqualTo(8);
        assertThat(report.reservedUpTo()).isEqualTo(8);
    }

    @Test
    void an_edited_payload_is_named_at_its_position_aggregate_and_seq() {
        database.getCollection("events").updateOne(Filters.eq("_id", 4L),
                Updates.set("events.1.payload", "{\"aggregate\":\"permit-1\",\"seq\":99}"));

        VerificationReport.Break b = verifier.verify().firstBreak().orElseThrow();
        assertThat(b.position()).isEqualTo(5);
        assertThat(b.aggregateId()).isEqualTo("permit-1");
        assertThat(b.seq()).isEqualTo(3);
        assertThat(b.problem()).contains("content changed");
    }

    @Test
    void a_payload_edited_together_with_its_hash_is_caught_by_the_seal() {
        StoredEvent original = CommitDocuments.events(database.getCollection("events").find(Filters.eq("_id", 3L)).first()).get(0);
        String forged = "{\"aggregate\":\"permit-2\",\"seq\":0,\"forged\":true}";
        String forgedHash = mn.registry.kernel.crypto.Sha256.hex(StoredEvent.canonicalEnvelope(original.eventId(),
                original.aggregateType(), original.aggregateId(), original.seq(), original.timestamp(), original.payloadType(),
                original.payloadRevision(), forged, original.metaData(), original.prevHash(), original.envelopeSalt()));
        database.getCollection("events").updateOne(Filters.eq("_id", 3L),
                Updates.combine(Updates.set("events.0.payload", forged), Updates.set("events.0.hash", forgedHash)));

        VerificationReport.Break b = verifier.verify().firstBreak().orElseThrow();
        assertThat(b.position()).isEqualTo(3);
        assertThat(b.problem()).isEqualTo("seal does not verify");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0062: the envelope's salt is sealed with it; an edited salt is a changed event")
    void an_edited_envelope_salt_is_named() {
        StoredEvent original = CommitDocuments.events(database.getCollection("events").find(Filters.eq("_id", 3L)).first()).get(0);
        assertThat(original.envelopeSalt()).as("every event sealed from ADR 0062 on has its salt").hasSize(22);
        database.getCollection("events").updateOne(Filters.eq("_id", 3L), Updates.set("events.0.envelopeSalt", "A".repeat(22)));

        VerificationReport.Break b = verifier.verify().firstBreak().orElseThrow();
        assertThat(b.position()).isEqualTo(3);
        assertThat(b.problem()).contains("content changed");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0062: an event sealed before the envelope's salt (none stored) verifies as it was sealed")
    void an_event_sealed_before_the_envelope_salt_verifies() {
        StoredEvent notice = CommitDocuments.events(database.getCollection("events").find(Filters.eq("_id", 7L)).first()).get(0);
        byte[] asSealedBefore = StoredEvent.canonicalEnvelope(notice.eventId(), notice.aggregateType(), notice.aggregateId(), notice.seq(),
                notice.timestamp(), notice.payloadType(), notice.payloadRevision(), notice.payload(), notice.metaData(), notice.prevHash(), null);
        database.getCollection("events").updateOne(Filters.eq("_id", 7L), Updates.combine(Updates.unset("events.0.envelopeSalt"),
                Updates.set("events.0.hash", mn.registry.kernel.crypto.Sha256.hex(asSealedBefore)),
                Updates.set("events.0.seal", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        TestSealingKeys.sealingKey().sign(asSealedBefore)))));

        VerificationReport report = verifier.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.events()).isEqualTo(8);
    }

    @Test
    void an_edited_seal_is_named() {
        String otherSeal = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        database.getCollection("events").updateOne(Filters.eq("_id", 8L), Updates.set("events.0.seal", otherSeal));

        VerificationReport.Break b = verifier.verify().firstBreak().orElseThrow();
        assertThat(b.position()).isEqualTo(8);
        assertThat(b.aggregateId()).isEqualTo("permit-2");
        assertThat(b.seq()).isEqualTo(1);
        assertThat(b.problem()).isEqualTo("seal does not verify");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0015: every stored event has salts and a sealed commitment beside it; edited salts or commitment seal are named")
    void the_commitment_beside_each_event_is_verified() {
        org.bson.Document commit = database.getCollection("events").find(Filters.eq("_id", 4L)).first();
        StoredEvent event = CommitDocuments.events(commit).get(1);
        assertThat(event.salts()).isNotNull();
        assertThat(event.commitment().sd()).hasSize(2); // {"aggregate", "seq"}
        assertThat(event.toBson().toJson()).doesNotContain("\"salts\":null");
        String otherSalts = mn.registry.kernel.log.Disclosures.saltsJson(mn.registry.kernel.log.Disclosures.newSalts(
                mn.registry.kernel.crypto.CanonicalJson.mapper().createObjectNode().put("aggregate", "").put("seq", 0)));
        database.getCollection("events").updateOne(Filters.eq("_id", 4L), Updates.set("events.1.salts", otherSalts));
        VerificationReport.Break b = verifier.verify().firstBreak().orElseThrow();
        assertThat(b.position()).isEqualTo(5);
        assertThat(b.problem()).contains("commitment");

        database.getCollection("events").updateOne(Filters.eq("_id", 4L), Updates.set("events.1.salts", "{\"aggregate\":\"x\"}"));
        assertThat(verifier.verify().firstBreak().orElseThrow().problem()).contains("salts");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0015: an event stored before commitments (no salts) still verifies")
    void an_event_stored_before_commitments_still_verifies() {
        database.getCollection("events").updateOne(Filters.eq("_id", 4L), Updates.combine(Updates.unset("events.1.salts"), Updates.unset("events.1.sdSeal")));
        VerificationReport report = verifier.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(CommitDocuments.events(database.getCollection("events").find(Filters.eq("_id", 4L)).first()).get(1).commitment()).isNull();
    }

    @Test
    void a_deleted_commit_in_the_middle_is_a_missing_position() {
        database.getCollection("events").deleteOne(Filters.eq("_id", 3L));

        VerificationReport.Break b = verifier.verify().firstBreak().orElseThrow();
        assertThat(b.position()).isEqualTo(3);
        assertThat(b.problem()).contains("position missing").contains("next commit is at 4");
    }

    @Test
    void a_commit_replaced_by_a_tombstone_breaks_the_aggregate_chain_of_the_next_event() {
        database.getCollection("events").deleteOne(Filters.eq("_id", 3L));
        CommitDocuments.insertTombstones(database.getCollection("events"), 3, 4);

        VerificationReport.Break b = verifier.verify().firstBreak().orElseThrow();
        assertThat(b.position()).isEqualTo(8);
        assertThat(b.aggregateId()).isEqualTo("permit-2");
        assertThat(b.problem()).contains("seq 1");
    }

    @Test
    void seals_by_a_key_the_verifier_does_not_trust_are_named() {
        byte[] otherPublic = Ed25519.generate(new SecureRandom()).publicKey();
        VerificationReport report = new StoreVerifier(database, Map.of("other", otherPublic)).verify();
        assertThat(report.firstBreak().orElseThrow().problem()).contains("unknown key id " + TestSealingKeys.KEY_ID);

        VerificationReport wrongKey = new StoreVerifier(database, Map.of(TestSealingKeys.KEY_ID, otherPublic)).verify();
        assertThat(wrongKey.firstBreak().orElseThrow().position()).isEqualTo(1);
        assertThat(wrongKey.firstBreak().orElseThrow().problem()).isEqualTo("seal does not verify");
    }

    @Test
    @org.junit.jupiter.api.DisplayName("ADR 0024: the counter is a start hint raised every 256 positions, so a counter behind the chain is not a break")
    void a_counter_behind_the_chain_is_a_start_hint_not_a_break() {
        database.getCollection("counters").updateOne(Filters.eq("_id", "events"), Updates.set("next", 5L));
        VerificationReport report = verifier.verify();
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.reservedUpTo()).isEqualTo(8);
    }

    @Test
    void a_reserved_but_unwritten_tail_is_an_append_in_flight_not_a_break() {
        // a reservation of the earlier design (ADR 0001) that was never written
        database.getCollection("counters").updateOne(Filters.eq("_id", "events"), Updates.set("next", 10L));
        VerificationReport report = verifier.verify();
        assertThat(report.ok()).isTrue();
        assertThat(report.reservedUpTo()).isEqualTo(10);
        assertThat(report.lastPosition()).isEqualTo(8);
    }
}
