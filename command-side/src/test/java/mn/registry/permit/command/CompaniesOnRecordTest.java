package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.Reorganisation;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.RECEIVED;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 002 art. 23.3 (ADR 0046 item 102): the companies the permit register has on record are a fold of the stored applications and transfers,
 * caught up to the store's head by the act that asks, written so that a catch-up run again changes nothing.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class CompaniesOnRecordTest {

    private static final Company A = Applications.MONGOLIAN;
    private static final Company B = new Company("Separated Trust LLC", "6400701", true, "Peace Avenue 7, Ulaanbaatar");
    private static final Company C = new Company("Absorbing Trust LLC", "6400702", true, "Peace Avenue 8, Ulaanbaatar");
    private static final Instant SEPARATED_AT = Instant.parse("2025-05-10T02:00:00Z");
    private static final LocalDate SEPARATED_ON = LocalDate.of(2025, 5, 8);
    /** A merger stored before a transfer named its day: it ended B on its receipt's day. */
    private static final Instant MERGED_AT = Instant.parse("2025-08-01T17:00:00Z"); // 2 August in Ulaanbaatar

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 item 102): an application's company is on record from its receipt, a transfer's successor from the "
            + "transfer's; a merger ends its predecessor on the day it took effect (a transfer stored without the day: its receipt's day), a "
            + "separation does not; a catch-up run again, or from the start again, changes nothing")
    void the_companies_on_record_are_folded_from_the_stored_acts(MongoDatabase database) {
        database.getCollection(CompaniesOnRecord.COLLECTION).drop();
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<Object> stored = new ArrayList<>(PermitLifecycleTest.active());
        stored.add(new PermitTransferred(ID, A, B, Reorganisation.SEPARATION, PermitLifecycleTest.SHA2, SEPARATED_AT, SUPERVISOR, SEPARATED_ON, null));
        stored.add(new PermitTransferred(ID, B, C, Reorganisation.MERGER, "8e".repeat(32), MERGED_AT, SUPERVISOR, null, null));
        publish(events, stored, 0);
        try {
            CompaniesOnRecord companies = new CompaniesOnRecord(database, events); // no background catch-up
            assertThat(companies.of(A.registrationNumber())).contains(new CompanyOnRecord(RECEIVED, null, null));
            assertThat(companies.of(B.registrationNumber())).contains(new CompanyOnRecord(SEPARATED_AT, UlaanbaatarTime.dateOf(MERGED_AT),
                    Reorganisation.MERGER));
            assertThat(companies.of(C.registrationNumber())).contains(new CompanyOnRecord(MERGED_AT, null, null));
            assertThat(companies.of("6400709")).as("no stored act names it").isEmpty();
            assertThat(companies.position()).isEqualTo(stored.size() - 1L);
            assertThat(companies.catchUp()).as("nothing new").isZero();

            // a later application for B (refused, say) does not move its first day; a stop before the position was written reads again
            PermitApplicationRegistered again = PermitLifecycleTest.registered();
            publish(events, List.of(new PermitApplicationRegistered(PermitLifecycleTest.ID, again.receiptNumber(), B, again.documents(),
                    MERGED_AT.plusSeconds(86_400), again.decisionDue(), again.decisionDueAt(), again.workingDays(), again.calendarVersion(),
                    again.article(), again.signedBy(), again.commandSignatureSha256())), stored.size());
            database.getCollection(CompaniesOnRecord.COLLECTION).deleteOne(Filters.eq("_id", StoredEventsIndex.THROUGH));
            assertThat(companies.catchUp()).isEqualTo(stored.size() + 1L);
            assertThat(companies.of(B.registrationNumber())).contains(new CompanyOnRecord(SEPARATED_AT, UlaanbaatarTime.dateOf(MERGED_AT),
                    Reorganisation.MERGER));
            assertThat(database.getCollection(CompaniesOnRecord.COLLECTION).find(Filters.eq("_id", B.registrationNumber())).first()
                    .getList("ceased", org.bson.Document.class)).as("the merger written once").hasSize(1);
        } finally {
            events.shutDown();
        }
    }

    @Test
    @DisplayName("002 art. 23.3 (ADR 0046 items 108-110): an index session 25's release wrote (its position without a fold, a transformation "
            + "not read as an end, no zone entity, no list of the ended) is read again from the start once: the transformation ends its "
            + "predecessor, the Mongolian zone entity is on record from its application's receipt, the list names the ended; then the index "
            + "reads only what follows")
    void an_index_an_earlier_release_folded_is_read_again_from_the_start(MongoDatabase database) {
        database.getCollection(CompaniesOnRecord.COLLECTION).drop();
        EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        Instant zoneAppliedAt = Instant.parse("2023-05-02T02:00:00Z");
        mn.registry.kernel.freezone.LegalEntity entity = new mn.registry.kernel.freezone.LegalEntity("Zone Trade LLC",
                mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN, null, "6400703");
        List<Object> stored = new ArrayList<>(PermitLifecycleTest.active());
        stored.add(new PermitTransferred(ID, A, B, Reorganisation.TRANSFORMATION, PermitLifecycleTest.SHA2, SEPARATED_AT, SUPERVISOR, SEPARATED_ON, null));
        stored.add(PermitAbuseRound26Test.zoneApplication(entity, zoneAppliedAt));
        publish(events, stored, 0);
        try {
            // as session 25's fold left it: A and B on record, no end, the position at the head, no fold named
            database.getCollection(CompaniesOnRecord.COLLECTION).insertMany(List.of(
                    new org.bson.Document("_id", A.registrationNumber()).append("since", java.util.Date.from(RECEIVED)),
                    new org.bson.Document("_id", B.registrationNumber()).append("since", java.util.Date.from(SEPARATED_AT)),
                    new org.bson.Document("_id", StoredEventsIndex.THROUGH).append("position", stored.size() - 1L)));
            CompaniesOnRecord companies = new CompaniesOnRecord(database, events);
            assertThat(companies.position()).as("an earlier fold's position is read again from the start").isZero();

            assertThat(companies.catchUp()).isEqualTo(stored.size());
            assertThat(companies.of(A.registrationNumber())).contains(new CompanyOnRecord(RECEIVED, SEPARATED_ON, Reorganisation.TRANSFORMATION));
            assertThat(companies.of(entity.registrationNumber())).contains(new CompanyOnRecord(zoneAppliedAt, null, null));
            assertThat(companies.ceased()).containsExactly(new CompanyCeased(A.registrationNumber(), SEPARATED_ON, Reorganisation.TRANSFORMATION,
                    ID.value()));
            assertThat(companies.position()).isEqualTo(stored.size() - 1L);
            assertThat(companies.catchUp()).as("read once").isZero();
        } finally {
            events.shutDown();
        }
    }

    private static void publish(EmbeddedEventStore events, List<Object> payloads, int from) {
        for (int i = 0; i < payloads.size(); i++) {
            events.publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), from + i, payloads.get(i)));
        }
    }
}
