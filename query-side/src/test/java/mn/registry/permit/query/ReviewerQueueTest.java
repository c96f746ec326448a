package mn.registry.permit.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.ReceiptNumber;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedMongoExtension.class)
class ReviewerQueueTest {

    private static CurrentCalendar calendar;

    private MongoDatabase database;
    private ReviewerQueueProjection projection;

    @BeforeAll
    static void start() {
        calendar = new CurrentCalendar(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(), Clock.systemUTC());
    }

    @BeforeEach
    void fresh(MongoDatabase database) {
        this.database = database;
        projection = new ReviewerQueueProjection(database);
    }

    /** The queue as read at 10:00 in Ulaanbaatar on {@code today}. */
    private List<ReviewerQueueEntry> queueOn(LocalDate today) {
        Instant tenOClock = today.atTime(10, 0).atZone(UlaanbaatarTime.ZONE).toInstant();
        return new ReviewerQueue(database, calendar, Clock.fixed(tenOClock, ZoneOffset.UTC)).awaitingDecision();
    }

    static PermitApplicationRegistered registered(String company, int serial, LocalDate receivedOn, LocalDate due) {
        return new PermitApplicationRegistered(ApplicationId.of(UUID.nameUUIDFromBytes(company.getBytes())), ReceiptNumber.of(2026, serial),
                new Company(company, "65432" + serial, true, "Улаанбаатар"), List.of(),
                receivedOn.atTime(9, 30).atZone(UlaanbaatarTime.ZONE).toInstant(), due, UlaanbaatarTime.endOf(due).toInstant(),
                WorkingDays.of(17), new CalendarVersion("MN-2024.1"), "002 art. 26.1", new PersonId("applicant-1"), "ab".repeat(32));
    }

    @Test
    @DisplayName("a registered application appears in the queue with its receipt, due date and 17-day period")
    void registered_application_becomes_a_row() {
        PermitApplicationRegistered event = registered("Тэмүүжин Итгэл ХХК", 7, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 16));

        projection.on(event, 0);

        ReviewerQueueEntry entry = queueOn(LocalDate.of(2026, 11, 20)).get(0);
        assertThat(entry.applicationId()).isEqualTo(event.applicationId().value());
        assertThat(entry.receiptNumber()).isEqualTo("SP-2026-000007");
        assertThat(entry.companyName()).isEqualTo("Тэмүүжин Итгэл ХХК");
        assertThat(entry.receivedAt()).isEqualTo(Instant.parse("2026-11-20T01:30:00Z"));
        assertThat(entry.due()).isEqualTo(LocalDate.of(2026, 12, 16));
        assertThat(entry.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-16T23:59:59.999999999+08:00"));
        assertThat(entry.workingDays()).isEqualTo(17);
        assertThat(entry.workingDaysLeft()).isEqualTo(17);
        assertThat(entry.overdue()).isFalse();
        assertThat(entry.status()).isEqualTo(PermitApplicationStatus.REGISTERED);
        assertThat(entry.calendarVersion()).isEqualTo("MN-2024.1");
        assertThat(entry.article()).isEqualTo("002 art. 26.1");
    }

    @Test
    @DisplayName("002 art. 26.1: the working days left fall day by day, skip weekends and holidays, and turn negative when overdue")
    void working_days_left_change_with_today() {
        projection.on(registered("A LLC", 1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 16)), 0);

        assertThat(queueOn(LocalDate.of(2026, 11, 23)).get(0).workingDaysLeft()).isEqualTo(16);
        // Wednesday 25 November to Friday 27 November: Thursday 26 November (Republic Day) is a holiday
        assertThat(queueOn(LocalDate.of(2026, 11, 25)).get(0).workingDaysLeft()).isEqualTo(14);
        assertThat(queueOn(LocalDate.of(2026, 11, 27)).get(0).workingDaysLeft()).isEqualTo(13);
        assertThat(queueOn(LocalDate.of(2026, 11, 28)).get(0).workingDaysLeft()).isEqualTo(13);
        ReviewerQueueEntry onDueDay = queueOn(LocalDate.of(2026, 12, 16)).get(0);
        assertThat(onDueDay.workingDaysLeft()).isZero();
        assertThat(onDueDay.overdue()).isFalse();
        ReviewerQueueEntry dayAfter = queueOn(LocalDate.of(2026, 12, 17)).get(0);
        assertThat(dayAfter.workingDaysLeft()).isEqualTo(-1);
        assertThat(dayAfter.overdue()).isTrue();
    }

    @Test
    @DisplayName("002 art. 26.1: the most urgent application comes first, overdue ones before all, whatever the order of receipt")
    void ordered_by_working_days_left() {
        projection.on(registered("Later LLC", 1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 16)), 0);
        projection.on(registered("Middle LLC", 2, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 12, 1)), 0);
        projection.on(registered("Soon LLC", 3, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 27)), 0);
        projection.on(registered("Overdue LLC", 4, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 20)), 0);

        List<ReviewerQueueEntry> queue = queueOn(LocalDate.of(2026, 11, 23));

        assertThat(queue).extracting(ReviewerQueueEntry::companyName).containsExactly("Overdue LLC", "Soon LLC", "Middle LLC", "Later LLC");
        assertThat(queue).extracting(ReviewerQueueEntry::workingDaysLeft).containsExactly(-1, 3, 5, 16);
        assertThat(queue).extracting(ReviewerQueueEntry::overdue).containsExactly(true, false, false, false);
    }

    @Test
    @DisplayName("at equal working days left, the earlier deadline and then the earlier receipt come first")
    void ties_broken_by_due_then_receipt() {
        // Friday 27 and Saturday 28 November both leave 3 working days from Monday 23 November
        projection.on(registered("Saturday due LLC", 1, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 28)), 0);
        projection.on(registered("Friday due, late LLC", 2, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 27)), 0);
        projection.on(registered("Friday due, early LLC", 3, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 27)), 0);

        assertThat(queueOn(LocalDate.of(2026, 11, 23))).extracting(ReviewerQueueEntry::companyName)
                .containsExactly("Friday due, early LLC", "Friday due, late LLC", "Saturday due LLC");
    }

    @Test
    @DisplayName("an event delivered twice leaves one unchanged row; a reset empties the queue for a replay")
    void idempotent_and_replayable() {
        PermitApplicationRegistered event = registered("A LLC", 1, LocalDate.of(2026, 11, 20), LocalDate.of(2026, 12, 16));
        projection.on(event, 0);
        List<ReviewerQueueEntry> once = queueOn(LocalDate.of(2026, 11, 23));

        projection.on(event, 0);

        assertThat(queueOn(LocalDate.of(2026, 11, 23))).isEqualTo(once).hasSize(1);
        assertThat(database.getCollection(ReviewerQueueProjection.COLLECTION).countDocuments()).isEqualTo(1);
        projection.reset();
        assertThat(queueOn(LocalDate.of(2026, 11, 23))).isEmpty();
        projection.on(event, 0);
        assertThat(queueOn(LocalDate.of(2026, 11, 23))).isEqualTo(once);
    }
}
