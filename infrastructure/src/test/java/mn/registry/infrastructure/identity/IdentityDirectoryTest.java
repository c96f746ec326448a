package mn.registry.infrastructure.identity;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.StreamChangedException;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import mn.registry.store.mongo.StreamUnchanged;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The directory remembers a person's history between commands; two "nodes" (two event stores on one database) show
 * that an event appended by the other node is seen at the next question, so remembering never answers from a stale
 * history.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class IdentityDirectoryTest {

    private static final PersonId REVIEWER = new PersonId("reviewer-9");
    private static final PersonId SUPERVISOR = new PersonId("supervisor-9");
    private static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");
    private static final String CERT = "ab".repeat(32);

    private final MongoDatabase db;
    private final GaplessEventStorageEngine engineA;
    private final EmbeddedEventStore nodeA;
    private final EmbeddedEventStore nodeB;
    private final PersonalDataVault vault;
    /** ADR 0061 item 9: the registry's time at which the engines store an end, which is in force from it (each test names it). */
    private final java.util.concurrent.atomic.AtomicReference<Instant> storingAt = new java.util.concurrent.atomic.AtomicReference<>(T0);

    IdentityDirectoryTest(MongoDatabase db) {
        this.db = db;
        this.engineA = engine();
        this.nodeA = EmbeddedEventStore.builder().storageEngine(engineA).build();
        this.nodeB = EmbeddedEventStore.builder().storageEngine(engine()).build();
        this.vault = new PersonalDataVault(db, Clock.systemUTC());
    }

    private GaplessEventStorageEngine engine() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return GaplessEventStorageEngine.builder()
                .database(db)
                .sealingKey(TestSealingKeys.sealingKey())
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .clock(new Clock() {
                    @Override
                    public Instant instant() {
                        return storingAt.get();
                    }

                    @Override
                    public java.time.ZoneId getZone() {
                        return java.time.ZoneOffset.UTC;
                    }

                    @Override
                    public Clock withZone(java.time.ZoneId zone) {
                        return this;
                    }
                })
                .build();
    }

    @AfterEach
    void close() {
        nodeA.shutDown();
        nodeB.shutDown();
    }

    private static void append(EmbeddedEventStore store, long seq, Object event) {
        store.publish(new GenericDomainEventMessage<>("Person", IdentityDirectory.streamOf(REVIEWER), seq, event));
    }

    @Test
    @DisplayName("a role revoked through another node counts at the next command, though the directory remembered the person")
    void revocation_on_another_node_is_seen_at_once() {
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        append(nodeA, 1, new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed"));
        IdentityDirectory directory = new IdentityDirectory(nodeA, vault);
        Instant later = T0.plusSeconds(7_200);

        assertThat(directory.actorAt(REVIEWER, CERT, later)).get().extracting(Actor::roles).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.COLLECTION).containsExactly(Role.MINISTRY_REVIEWER);
        // asked again: answered from what it remembered, the same
        assertThat(directory.actorAt(REVIEWER, CERT, later).orElseThrow().roles()).containsExactly(Role.MINISTRY_REVIEWER);

        storingAt.set(T0.plusSeconds(3_600));
        append(nodeB, 2, new RoleRevoked(REVIEWER, Role.MINISTRY_REVIEWER, null, T0.plusSeconds(3_500), SUPERVISOR, "moved"));

        assertThat(directory.actorAt(REVIEWER, CERT, later).orElseThrow().roles()).isEmpty();
        assertThat(directory.actorAt(REVIEWER, CERT, T0.plusSeconds(60)).orElseThrow().roles()).containsExactly(Role.MINISTRY_REVIEWER);
        // ADR 0061 item 9 (F241): received at T0 + 3,500 s, stored at T0 + 3,600 s, the end is in force from its storing
        assertThat(directory.actorAt(REVIEWER, CERT, T0.plusSeconds(3_550)).orElseThrow().roles()).containsExactly(Role.MINISTRY_REVIEWER);
        assertThat(directory.actorAt(REVIEWER, CERT, T0.plusSeconds(3_600)).orElseThrow().roles()).isEmpty();
    }

    @Test
    @DisplayName("ADR 0061 (F240, was O92): the signer as judged carries its stream as read; the end of its role stored through another node "
            + "after the judgement refuses the act's commit on this one, nothing stored; unmoved, the act is stored, judged from memory or not")
    void the_judgement_guards_the_acts_commit_on_every_node() {
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        append(nodeA, 1, new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed"));
        IdentityDirectory directory = new IdentityDirectory(nodeA, vault, engineA);
        Instant receivedAt = T0.plusSeconds(7_200);

        IdentityDirectory.Signer judged = directory.signerAt(REVIEWER, CERT, receivedAt).orElseThrow();
        assertThat(judged.unchanged().lastSequence()).isEqualTo(1);
        actUnder(judged, 0);
        IdentityDirectory.Signer remembered = directory.signerAt(REVIEWER, CERT, receivedAt).orElseThrow(); // the history remembered
        actUnder(remembered, 1);

        IdentityDirectory.Signer beforeTheEnd = directory.signerAt(REVIEWER, CERT, receivedAt).orElseThrow();
        storingAt.set(receivedAt);
        append(nodeB, 2, new RoleRevoked(REVIEWER, Role.MINISTRY_REVIEWER, null, receivedAt, SUPERVISOR, "dismissed"));
        assertThatThrownBy(() -> actUnder(beforeTheEnd, 2)).satisfies(e -> assertThat(StreamChangedException.in(e)).isNotNull());

        assertThat(nodeA.lastSequenceNumberFor("act-of-reviewer-9")).contains(1L);
        assertThat(directory.signerAt(REVIEWER, CERT, receivedAt.plusSeconds(1)).orElseThrow().actor().roles()).isEmpty();
    }

    /** The reviewer's act (event {@code seq} of its own stream) stored under the precondition of its judgement. */
    private void actUnder(IdentityDirectory.Signer signer, long seq) {
        StreamUnchanged.during(signer.unchanged(), () -> {
            nodeA.publish(new GenericDomainEventMessage<>("Act", "act-of-reviewer-9", seq, java.util.Map.of("seq", seq)));
            return null;
        });
    }

    @Test
    @DisplayName("a certificate enrolled through another node is known at the next command; an unknown person has no actor")
    void enrolment_on_another_node_is_seen_at_once() {
        IdentityDirectory directory = new IdentityDirectory(nodeA, vault);
        assertThat(directory.actorAt(REVIEWER, CERT, T0)).isEmpty();
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        assertThat(directory.actorAt(REVIEWER, "cd".repeat(32), T0)).isEmpty();

        append(nodeB, 1, new PersonEnrolled(REVIEWER, "Reviewer Nine", "cd".repeat(32), "AAAA", T0));

        assertThat(directory.actorAt(REVIEWER, "cd".repeat(32), T0)).isPresent();
        assertThat(directory.actorAt(REVIEWER, CERT, T0)).isPresent();
    }

    @Test
    @DisplayName("issue 17: the signer's name is decrypted only when read (a sign-in), not for every command that asks who signed")
    void the_name_is_decrypted_only_when_read() {
        int[] decrypted = {0};
        PersonalDataVault counting = new PersonalDataVault(db, Clock.systemUTC()) {
            @Override
            public String displayName(PersonEnrolled enrolment) {
                decrypted[0]++;
                return super.displayName(enrolment);
            }
        };
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        append(nodeA, 1, new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed"));
        IdentityDirectory directory = new IdentityDirectory(nodeA, counting);

        Actor actor = directory.actorAt(REVIEWER, CERT, T0.plusSeconds(60)).orElseThrow();
        assertThat(actor.person()).isEqualTo(REVIEWER);
        assertThat(actor.roles()).containsExactly(Role.MINISTRY_REVIEWER);
        assertThat(decrypted[0]).as("a command reads person, roles and zones only").isZero();

        // a careless reader asking twice does not decrypt twice; the name is the enrolled one
        assertThat(actor.displayName()).isEqualTo("Reviewer Nine");
        assertThat(actor.displayName()).isEqualTo("Reviewer Nine");
        assertThat(decrypted[0]).isEqualTo(1);
    }

    @Test
    @DisplayName("the session's JSON of an actor keeps the record's shape: person, displayName, roles, zones")
    void actor_json_keeps_its_shape() throws Exception {
        Actor actor = new Actor(REVIEWER, java.util.Set.of(Role.ZONE_GOVERNOR), java.util.Set.of("altanbulag"), () -> "Reviewer Nine");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.writeValueAsString(actor)).isEqualTo("{\"person\":" + json.writeValueAsString(REVIEWER)
                + ",\"displayName\":\"Reviewer Nine\",\"roles\":[\"ZONE_GOVERNOR\"],\"zones\":[\"altanbulag\"]}");
    }

    @Test
    @DisplayName("001 art. 23.1.1: a revoked certificate signs nothing received from the revocation on, whatever the signer claims; "
            + "the person's other certificate and earlier receipts are unaffected")
    void revoked_certificate_signs_nothing_from_its_revocation_on() {
        String other = "cd".repeat(32);
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        append(nodeA, 1, new PersonEnrolled(REVIEWER, "Reviewer Nine", other, "AAAA", T0));
        append(nodeA, 2, new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed"));
        Instant revokedAt = T0.plusSeconds(3_600); // stored then, received a minute before: in force from its storing (ADR 0061 item 9)
        storingAt.set(revokedAt);
        append(nodeB, 3, new SignerCertificateRevoked(REVIEWER, CERT.toUpperCase(java.util.Locale.ROOT), revokedAt.minusSeconds(60), SUPERVISOR,
                "key reported lost"));
        IdentityDirectory directory = new IdentityDirectory(nodeA, vault);

        assertThat(directory.actorAt(REVIEWER, CERT, revokedAt.minusSeconds(1))).isPresent();
        for (Instant received : new Instant[]{revokedAt, revokedAt.plusSeconds(86_400)}) {
            assertThatThrownBy(() -> directory.actorAt(REVIEWER, CERT, received))
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("signer.certificate-revoked"));
        }
        assertThat(directory.actorAt(REVIEWER, other, revokedAt.plusSeconds(60)).orElseThrow().roles()).containsExactly(Role.MINISTRY_REVIEWER);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 12, O147): an end stored in force from after an act received on a node whose clock runs "
            + "ahead is in force for every act judged after it was stored, though received earlier by a clock running behind; asked about "
            + "the past, the directory keeps the end's time")
    void an_end_stored_counts_for_an_act_judged_after_it_whatever_its_time() {
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        append(nodeA, 1, new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed"));
        Instant receivedBehind = T0.plusSeconds(7_200); // this node's clock
        storingAt.set(receivedBehind.plusSeconds(300)); // stored after an act received 5 minutes ahead, on another node
        append(nodeB, 2, new RoleRevoked(REVIEWER, Role.MINISTRY_REVIEWER, null, receivedBehind.minusSeconds(1), SUPERVISOR, "dismissed"));
        IdentityDirectory directory = new IdentityDirectory(nodeA, vault, engineA);

        assertThat(directory.signerAt(REVIEWER, CERT, receivedBehind).orElseThrow().actor().roles())
                .as("an act judged now comes after the end in the store's order").isEmpty();
        assertThat(directory.actorAt(REVIEWER, CERT, receivedBehind).orElseThrow().roles())
                .as("the past: the role stood until the end's time").containsExactly(Role.MINISTRY_REVIEWER);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 16): an act refused because its certificate's revocation, stored in force from after its "
            + "receipt (a clock running ahead), was stored first is told the registry's time of its receipt, not the time it was judged at")
    void a_refusal_for_a_revoked_certificate_names_the_receipt() {
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        append(nodeA, 1, new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed"));
        Instant receivedBehind = T0.plusSeconds(7_200); // this node's clock
        Instant inForceFrom = receivedBehind.plusSeconds(300); // stored after an act received 5 minutes ahead, on another node
        storingAt.set(inForceFrom);
        append(nodeB, 2, new SignerCertificateRevoked(REVIEWER, CERT, receivedBehind.minusSeconds(1), SUPERVISOR, "key reported lost"));
        IdentityDirectory directory = new IdentityDirectory(nodeA, vault, engineA);

        assertThatThrownBy(() -> directory.signerAt(REVIEWER, CERT, receivedBehind)).isInstanceOfSatisfying(RegistryProblem.class, p -> {
            assertThat(p.code()).isEqualTo("signer.certificate-revoked");
            assertThat(p.getMessage()).contains("received this at " + receivedBehind + ".").contains("with effect from " + inForceFrom);
        });
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 17): a session's request judged after an end of the role was stored, the end in force from a "
            + "time ahead (stored after an act received on a clock running ahead), is refused the role: the desk is not read until that time")
    void a_session_counts_every_stored_end_whatever_its_time() {
        append(nodeA, 0, new PersonEnrolled(REVIEWER, "Reviewer Nine", CERT, "AAAA", T0));
        append(nodeA, 1, new RoleGranted(REVIEWER, Role.MINISTRY_REVIEWER, null, T0, SUPERVISOR, "appointed"));
        Instant now = T0.plusSeconds(7_200); // this node's clock
        storingAt.set(now.plusSeconds(300)); // stored after an act received 5 minutes ahead, on another node
        append(nodeB, 2, new RoleRevoked(REVIEWER, Role.MINISTRY_REVIEWER, null, now.minusSeconds(1), SUPERVISOR, "dismissed"));
        String token = "token-of-reviewer-9";
        db.getCollection("sessions").insertOne(new org.bson.Document("_id", mn.registry.kernel.crypto.Sha256.hex(token.getBytes(
                java.nio.charset.StandardCharsets.US_ASCII))).append("person", REVIEWER.value()).append("certificateSha256", CERT)
                .append("expiresAt", now.plusSeconds(3_600).toEpochMilli()));
        mn.registry.infrastructure.session.Sessions sessions = new mn.registry.infrastructure.session.Sessions(db, null,
                new IdentityDirectory(nodeA, vault, engineA), Clock.fixed(now, java.time.ZoneOffset.UTC));

        assertThatThrownBy(() -> sessions.require("Bearer " + token, Role.MINISTRY_REVIEWER))
                .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("signer.role-missing"));
    }
}
