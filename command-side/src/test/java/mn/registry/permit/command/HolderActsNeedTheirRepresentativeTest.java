package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 002 art. 26.2.3, 27.2, 29.6 (ADR 0046 items 42 and 46): the erasure of a person's data asks the applications that person applied for,
 * found by one lookup of the index {@link PermitRepresentatives} (a fold of the stored registrations, caught up by the erasure itself:
 * ADR 0058), and is refused and allowed as item 42 decided: refused while the holder has acts to make (approved, in force, suspended, revoked with
 * its complaint period running), allowed for an application under review or after the period, and for anyone else.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class HolderActsNeedTheirRepresentativeTest {

    static final Instant IN_THE_COMPLAINT_PERIOD = Instant.parse("2025-06-10T02:00:00Z");
    static final Instant AFTER_THE_COMPLAINT_PERIOD = Instant.parse("2025-12-01T02:00:00Z");

    /** Whether the erasure of {@code person} at {@code at} is refused, the application's {@code events} stored before it. */
    private static boolean refused(MongoDatabase database, List<Object> events, PersonId person, Instant at) {
        database.getCollection(PermitRepresentatives.COLLECTION).drop();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(new CurrentCalendar(c.eventStore(), Clock.systemUTC()),
                        c.eventStore(), null, null, () -> c.repository(PermitApplication.class)))
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        try {
            for (int i = 0; i < events.size(); i++) {
                axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), i, events.get(i)));
            }
            PermitRepresentatives representatives = new PermitRepresentatives(database, axon.eventStore()); // no background catch-up
            HolderActsNeedTheirRepresentative check = new HolderActsNeedTheirRepresentative(representatives, axon.commandGateway());
            try {
                check.mayBeErased(person, at);
                return false;
            } catch (RegistryProblem problem) {
                assertThat(problem.code()).isEqualTo("privacy.holders-representative");
                assertThat(problem.field()).isEqualTo("personId");
                return true;
            }
        } finally {
            axon.shutdown();
        }
    }

    @Test
    @DisplayName("ADR 0046 items 42, 46: from the index, the representative of a holder with acts to make is not erased (approved, in force, "
            + "suspended, revoked in its complaint period); under review, after the period, or another person, is")
    void the_erasure_is_refused_and_allowed_as_before(MongoDatabase database) {
        PersonId other = new PersonId("applicant-9");
        assertThat(refused(database, List.of(PermitLifecycleTest.registered()), HOLDER, IN_THE_COMPLAINT_PERIOD)).as("under review").isFalse();
        assertThat(refused(database, PermitLifecycleTest.approved(), HOLDER, IN_THE_COMPLAINT_PERIOD)).as("approved").isTrue();
        assertThat(refused(database, PermitLifecycleTest.active(), HOLDER, IN_THE_COMPLAINT_PERIOD)).as("in force").isTrue();
        assertThat(refused(database, PermitLifecycleTest.suspended(), HOLDER, IN_THE_COMPLAINT_PERIOD)).as("suspended").isTrue();
        List<Object> revoked = PermitLifecycleTest.revoked(RevocationGround.FALSE_DOCUMENTS);
        assertThat(refused(database, revoked, HOLDER, IN_THE_COMPLAINT_PERIOD)).as("revoked, in the complaint period").isTrue();
        assertThat(refused(database, revoked, HOLDER, AFTER_THE_COMPLAINT_PERIOD)).as("revoked, after the period").isFalse();
        assertThat(refused(database, PermitLifecycleTest.active(), other, IN_THE_COMPLAINT_PERIOD)).as("another person").isFalse();
    }

    @Test
    @DisplayName("ADR 0058: the erasure catches the index up itself: an application stored after the last catch-up is seen; a second "
            + "catch-up reads only what is new; an index of session 17 listing a lost command's application is passed over")
    void the_erasure_sees_every_application_stored_before_it(MongoDatabase database) {
        database.getCollection(PermitRepresentatives.COLLECTION).drop();
        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .registerComponent(PermitServices.class, c -> new RegistryPermitServices(new CurrentCalendar(c.eventStore(), Clock.systemUTC()),
                        c.eventStore(), null, null, () -> c.repository(PermitApplication.class)))
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        try {
            PermitRepresentatives representatives = new PermitRepresentatives(database, axon.eventStore());
            assertThat(representatives.catchUp()).as("an empty store").isZero();
            List<Object> active = PermitLifecycleTest.active();
            for (int i = 0; i < active.size(); i++) {
                axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), i, active.get(i)));
            }
            // a session-17 index: a document written by an ApplyForPermit whose command was lost in a stop (no events)
            PersonId lost = new PersonId("applicant-8");
            String neverRegistered = mn.registry.kernel.permit.ApplicationId.of(java.util.UUID.randomUUID()).value();
            database.getCollection(PermitRepresentatives.COLLECTION).insertOne(new org.bson.Document("_id",
                    PermitRepresentatives.shard(lost.value(), neverRegistered)).append("applications", List.of(neverRegistered)));
            HolderActsNeedTheirRepresentative check = new HolderActsNeedTheirRepresentative(representatives, axon.commandGateway());

            assertThatThrownBy(() -> check.mayBeErased(HOLDER, IN_THE_COMPLAINT_PERIOD)).as("stored after the last catch-up, seen")
                    .isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo("privacy.holders-representative"));
            assertThat(representatives.position()).as("the index read the store to its head").isEqualTo(active.size() - 1L);
            assertThat(representatives.catchUp()).as("nothing new").isZero();
            assertThat(representatives.of(HOLDER)).containsExactly(ID);
            assertThatCode(() -> check.mayBeErased(lost, IN_THE_COMPLAINT_PERIOD)).as("a lost command's application").doesNotThrowAnyException();
        } finally {
            axon.shutdown();
        }
    }
}
