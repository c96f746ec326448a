package mn.registry.identity.command;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.backfill.StoreBackfills;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0015 item 7 (abuse audit O176): the one-off scan of the published officials' ids and governors' names, at start. */
@ExtendWith(EmbeddedMongoExtension.class)
class PublishedPersonDetailsScanTest {

    private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    private static final PersonId SUPERVISOR = new PersonId("supervisor-1");
    private static final PersonId CABINET = new PersonId("cabinet-1");

    private MongoDatabase database;
    private EmbeddedEventStore store;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        database.getCollection(PublishedPersonDetailsScan.COLLECTION).drop();
        store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        logged.start();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(PublishedPersonDetailsScan.class)).addAppender(logged);
    }

    @AfterEach
    void close() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(PublishedPersonDetailsScan.class)).detachAppender(logged);
        store.shutDown();
    }

    private void stored(Object... events) {
        for (Object event : events) {
            store.publish(GenericEventMessage.asEventMessage(event));
        }
    }

    private PublishedPersonDetailsScan scan() {
        return new PublishedPersonDetailsScan(database, store, Clock.fixed(AT, ZoneOffset.UTC));
    }

    private Document marker() {
        return database.getCollection(PublishedPersonDetailsScan.COLLECTION).find(new Document("_id", PublishedPersonDetailsScan.MARKER)).first();
    }

    private List<String> warnings() {
        return logged.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (ADR 0015 item 7, abuse audit O176): the scan at start finds a reviewer's id holding a civil registration "
            + "number, a governor's id holding a phone and a governor's name holding a civil number in the stored published records, logs each by "
            + "its position without the detail, counts them in its marker, and a second start does not scan again")
    void the_scan_finds_the_published_details_once() {
        stored(new RoleGranted(new PersonId("reviewer-1"), Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND),
                new RoleGranted(new PersonId("ub99010112"), Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND),
                new RoleGranted(new PersonId("applicant-99112233"), Role.APPLICANT, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND),
                new ZoneEvents.GovernorAppointed(ZoneId.of("zamyn-uud"), new PersonId("governor-99112233"), "Бат Болд", "order 2026/1", AT, CABINET),
                new ZoneEvents.GovernorAppointed(ZoneId.of("altanbulag"), new PersonId("governor-7"), "Бат Болд УБ99010112", "order 2026/2", AT, CABINET));

        assertThat(StoreBackfills.run(store, List.of(scan()))).isEqualTo(1);

        assertThat(marker()).isNotNull();
        assertThat(marker().getInteger("personIds")).as("the reviewer's and the governor's ids; an applicant's grant is not published").isEqualTo(2);
        assertThat(marker().getInteger("governorNames")).isEqualTo(1);
        assertThat(marker().get("read", Number.class).longValue()).isEqualTo(5);
        assertThat(warnings()).hasSize(3);
        assertThat(warnings().get(0)).contains("RoleGranted at position 1", "person id");
        assertThat(warnings().get(1)).contains("GovernorAppointed at position 3", "person id");
        assertThat(warnings().get(2)).contains("GovernorAppointed at position 4", "name", "a civil registration number");
        assertThat(logged.list).allSatisfy(line -> assertThat(line.getFormattedMessage()).doesNotContain("99010112", "99112233", "Бат"));

        logged.list.clear();
        stored(new RoleGranted(new PersonId("ub88010112"), Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND));
        PublishedPersonDetailsScan secondStart = scan();
        assertThat(secondStart.due()).isFalse();
        assertThat(StoreBackfills.run(store, List.of(secondStart))).as("the second start does not scan again").isZero();
        assertThat(warnings()).isEmpty();
    }

    @Test
    @DisplayName("002 art. 15.3, 30.1 (ADR 0015 item 7): a store whose published ids and names hold no personal detail gives no finding; the "
            + "marker is written with zero counts")
    void a_clean_store_gives_no_finding() {
        stored(new RoleGranted(new PersonId("reviewer-1234567"), Role.MINISTRY_REVIEWER, null, AT, SUPERVISOR, Person.ENROLMENT_GROUND),
                new ZoneEvents.GovernorAppointed(ZoneId.of("zamyn-uud"), new PersonId("governor-zamyn-uud"), "Бат Болд", "order 2026/1", AT, CABINET));

        assertThat(StoreBackfills.run(store, List.of(scan()))).isEqualTo(1);

        assertThat(marker().getInteger("personIds")).isZero();
        assertThat(marker().getInteger("governorNames")).isZero();
        assertThat(warnings()).isEmpty();
    }
}
