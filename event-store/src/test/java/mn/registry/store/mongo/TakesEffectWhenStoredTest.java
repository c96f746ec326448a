package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.log.TakesEffectWhenStored;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static mn.registry.store.mongo.StoreFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0061 item 9 (abuse audit F241, was O145): an event that takes effect when stored (the end of a signer's authority) is in force
 * from the registry's time at which its commit's position is fixed, not from the time its command applied it; its receipt is kept. The
 * commit is sealed again for it, and verifies; other commits are stored as sealed.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class TakesEffectWhenStoredTest {

    private static final Instant RECEIVED = Instant.parse("2026-12-06T10:00:00Z");

    /** A payload taking effect when stored, as {@code RoleRevoked}: times in epoch milliseconds (the default serializer's JSON). */
    record Ended(String person, long validUntil, Long receivedAt) implements TakesEffectWhenStored {
        @Override
        public Ended inForceFrom(Instant storedAt) {
            return new Ended(person, storedAt.toEpochMilli(), receivedAt != null ? receivedAt : validUntil);
        }
    }

    /** A clock a second later at each reading, from RECEIVED + 1 h: every reading is told apart, and none is the receipt. */
    private static final class Ticking extends Clock {
        final AtomicLong readings = new AtomicLong();

        @Override
        public Instant instant() {
            return RECEIVED.plusSeconds(3_600 + readings.incrementAndGet());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private MongoDatabase database;

    @BeforeEach
    void setUp(MongoDatabase freshDatabase) {
        this.database = freshDatabase;
    }

    @Test
    @DisplayName("ADR 0061 item 9: an end is in force from the registry's time its position was fixed, its receipt kept; ordinary commits are "
            + "not read by the clock; the store verifies")
    void an_end_is_in_force_from_its_storing() {
        Ticking clock = new Ticking();
        GaplessEventStorageEngine engine = engine(database).clock(clock).build();
        engine.appendEvents(event("permit-1", 0));
        assertThat(clock.readings).as("an ordinary commit takes no time of storing").hasValue(0);

        engine.appendEvents(new GenericDomainEventMessage<>("Person", "person-reviewer-61", 0,
                new Ended("reviewer-61", RECEIVED.toEpochMilli(), null)));
        engine.appendEvents(event("permit-1", 1));

        assertThat(clock.readings).hasValue(1);
        DomainEventMessage<?> stored = engine.readEvents("person-reviewer-61").asStream().findFirst().orElseThrow();
        assertThat(stored.getPayload()).isEqualTo(new Ended("reviewer-61", RECEIVED.plusSeconds(3_601).toEpochMilli(), RECEIVED.toEpochMilli()));
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify()).satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.events()).isEqualTo(3));
        assertThat(readAll(engine, null)).hasSize(3);
    }

    @Test
    @DisplayName("ADR 0061 item 9: another node takes the end's position first (its act stored before the end): the end is sealed again, in "
            + "force from a time read after that act was stored")
    void an_end_whose_position_another_node_took_is_in_force_after_that_commit() {
        Ticking clock = new Ticking();
        AtomicBoolean otherNodeFirst = new AtomicBoolean();
        GaplessEventStorageEngine otherNode = engine(database).build();
        GaplessEventStorageEngine engine = engine(database).clock(clock).reservationHook((first, count) -> {
            if (otherNodeFirst.getAndSet(false)) {
                otherNode.appendEvents(event("act-of-reviewer-61", 0)); // stored at the position this node was about to take
            }
        }).build();
        engine.appendEvents(event("permit-1", 0));
        otherNodeFirst.set(true); // the end's insert: the other node's act takes its position first

        engine.appendEvents(new GenericDomainEventMessage<>("Person", "person-reviewer-61", 0,
                new Ended("reviewer-61", RECEIVED.toEpochMilli(), null)));

        assertThat(clock.readings).as("read when the position was fixed, and again after the other node's commit").hasValue(2);
        assertThat(readAll(engine, null).stream().map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier()))
                .containsExactly("permit-1", "act-of-reviewer-61", "person-reviewer-61");
        assertThat(engine.readEvents("person-reviewer-61").asStream().findFirst().orElseThrow().getPayload())
                .isEqualTo(new Ended("reviewer-61", RECEIVED.plusSeconds(3_602).toEpochMilli(), RECEIVED.toEpochMilli()));
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify()).satisfies(r -> assertThat(r.ok()).isTrue())
                .satisfies(r -> assertThat(r.events()).isEqualTo(3)).satisfies(r -> assertThat(r.tombstones()).isZero());
    }

    @Test
    @DisplayName("ADR 0061 item 9: the ends of authority take effect when stored; sealed again (a position taken by another node), an end "
            + "keeps its first receipt")
    void an_end_sealed_again_keeps_its_first_receipt() {
        PersonId person = new PersonId("reviewer-61");
        RoleRevoked role = new RoleRevoked(person, Role.MINISTRY_REVIEWER, null, RECEIVED, new PersonId("supervisor-1"), "ended");
        assertThat(role.inForceFrom(RECEIVED.plusSeconds(1)).inForceFrom(RECEIVED.plusSeconds(2)))
                .isEqualTo(new RoleRevoked(person, Role.MINISTRY_REVIEWER, null, RECEIVED.plusSeconds(2), new PersonId("supervisor-1"), "ended", RECEIVED));
        SignerCertificateRevoked certificate = new SignerCertificateRevoked(person, "ab12", RECEIVED, new PersonId("supervisor-1"), "lost", "cd34");
        assertThat(certificate.inForceFrom(RECEIVED.plusSeconds(1)).inForceFrom(RECEIVED.plusSeconds(2))).isEqualTo(new SignerCertificateRevoked(
                person, "ab12", RECEIVED.plusSeconds(2), new PersonId("supervisor-1"), "lost", "cd34", RECEIVED));
    }

    /** A signed act's commit, made during its command's run as the registry's pipeline makes it, received at {@code receivedAt}. */
    private static void actReceivedAt(GaplessEventStorageEngine node, String commandId, Instant receivedAt) {
        CommandCommits.during(commandId, receivedAt, () -> {
            node.appendEvents(event("act-of-reviewer-61", 0).andMetaData(org.axonframework.messaging.MetaData.with("commandId", commandId)));
            return null;
        });
    }

    private static Ended endStoredThrough(GaplessEventStorageEngine node) {
        node.appendEvents(new GenericDomainEventMessage<>("Person", "person-reviewer-61", 0, new Ended("reviewer-61", RECEIVED.toEpochMilli(), null)));
        return (Ended) node.readEvents("person-reviewer-61").asStream().findFirst().orElseThrow().getPayload();
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 12, O147): an act received on a node whose clock runs 5 minutes ahead is stored first; the end, stored on a "
            + "node whose position it took, is in force after the act's receipt, not from its own clock's time")
    void an_end_is_in_force_after_the_receipt_of_an_act_stored_first_on_a_node_whose_clock_runs_ahead() {
        Instant storing = RECEIVED.plusSeconds(1);
        GaplessEventStorageEngine endsNode = engine(database).clock(Clock.fixed(storing, ZoneOffset.UTC)).build();
        GaplessEventStorageEngine aheadNode = engine(database).clock(Clock.fixed(storing.plusSeconds(300), ZoneOffset.UTC)).build();
        endsNode.appendEvents(event("permit-1", 0));
        Instant actReceived = storing.plusSeconds(300).minusMillis(3); // on the node ahead: received, then stored
        actReceivedAt(aheadNode, "act-1", actReceived);

        Ended end = endStoredThrough(endsNode); // its position taken by the act: learned from the store

        assertThat(readAll(endsNode, null).stream().map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier()))
                .containsExactly("permit-1", "act-of-reviewer-61", "person-reviewer-61");
        assertThat(Instant.ofEpochMilli(end.validUntil())).as("in force after the receipt of every act stored before it").isAfter(actReceived);
        assertThat(end.receivedAt()).isEqualTo(RECEIVED.toEpochMilli());
        assertThat(new StoreVerifier(database, TestSealingKeys.publicKeys()).verify()).satisfies(r -> assertThat(r.ok()).isTrue());
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 12, O147): the act stored first on a node whose clock runs ahead was found by the head look of the end's "
            + "node (its readers); the end is in force after the act's receipt")
    void an_end_is_in_force_after_the_receipt_of_an_act_its_node_found_by_the_head_look() {
        Instant storing = RECEIVED.plusSeconds(1);
        GaplessEventStorageEngine endsNode = engine(database).clock(Clock.fixed(storing, ZoneOffset.UTC)).build();
        GaplessEventStorageEngine aheadNode = engine(database).build();
        endsNode.appendEvents(event("permit-1", 0));
        Instant actReceived = storing.plusSeconds(120);
        actReceivedAt(aheadNode, "act-1", actReceived);
        assertThat(endsNode.reservedUpTo()).as("the end's node looked at the head: it knows the act is stored").isEqualTo(2);

        assertThat(Instant.ofEpochMilli(endStoredThrough(endsNode).validUntil())).isAfter(actReceived);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 12, O147): an act whose receipt is later than the clock of its own node at the end's storing (the clock set "
            + "back meanwhile) is stored first; the end is in force after that receipt")
    void an_end_is_in_force_after_the_receipt_of_an_act_its_own_node_stored() {
        Instant storing = RECEIVED.plusSeconds(1);
        GaplessEventStorageEngine node = engine(database).clock(Clock.fixed(storing, ZoneOffset.UTC)).build();
        Instant actReceived = storing.plusMillis(1_500);
        actReceivedAt(node, "act-1", actReceived);

        assertThat(Instant.ofEpochMilli(endStoredThrough(node).validUntil())).isAfter(actReceived);
        assertThat(database.getCollection("events").find(new org.bson.Document(CommandCommits.FIELD, "act-1#0")).first())
                .as("the act's commit records its receipt").satisfies(c -> assertThat(c.get(CommandCommits.RECEIVED)).isEqualTo(actReceived.toEpochMilli()));
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 13): a node that starts from the start hint, the act stored below it on a node whose clock "
            + "runs ahead, stores an end: the end is in force after the act's receipt, kept beside the hint")
    void an_end_stored_by_a_node_just_started_is_in_force_after_the_receipts_below_its_start_hint() {
        Instant storing = RECEIVED.plusSeconds(1);
        GaplessEventStorageEngine aheadNode = engine(database).build();
        Instant actReceived = storing.plusSeconds(300);
        actReceivedAt(aheadNode, "act-1", actReceived);
        aheadNode.appendEvents(events("permit-1", 0, (int) GaplessEventStorageEngine.COUNTER_STRIDE)); // the start hint raised past the act

        GaplessEventStorageEngine startedNode = engine(database).clock(Clock.fixed(storing, ZoneOffset.UTC)).build();
        Ended end = endStoredThrough(startedNode);

        assertThat(Instant.ofEpochMilli(end.validUntil())).isAfter(actReceived);
    }
}
