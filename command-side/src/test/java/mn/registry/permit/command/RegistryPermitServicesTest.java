package mn.registry.permit.command;

import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import mn.registry.kernel.permit.RevocationComplaintFiled;
import mn.registry.kernel.permit.RevocationGround;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.SHA;
import static mn.registry.permit.command.PermitLifecycleTest.SHA2;
import static mn.registry.permit.command.PermitLifecycleTest.SUPERVISOR;
import static mn.registry.permit.command.PermitLifecycleTest.VALID_UNTIL;
import static org.assertj.core.api.Assertions.assertThat;

/** 002 art. 29.4 on the event store: whether a successor is a permit in force is asked of its own aggregate, in the unit of work. */
class RegistryPermitServicesTest {

    private Configuration axon;
    private RegistryPermitServices services;

    @BeforeEach
    void start() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureAggregate(Signed.aggregate())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .buildConfiguration();
        axon.start();
        services = new RegistryPermitServices(new CurrentCalendar(axon.eventStore(), Clock.systemUTC()), axon.eventStore(), null, null,
                () -> axon.repository(PermitApplication.class));
    }

    @AfterEach
    void shutdown() {
        axon.shutdown();
    }

    /** A receipt inside the fixtures' term (2024-12-10 to 2029-12-09), after every event of their histories. */
    private static final Instant RECEIVED_AT = Instant.parse("2025-07-01T02:00:00Z");

    private boolean inForceAfter(List<Object> history) {
        return inForceAfter(history, RECEIVED_AT);
    }

    private boolean inForceAfter(List<Object> history, Instant receivedAt) {
        for (int i = 0; i < history.size(); i++) {
            axon.eventStore().publish(new GenericDomainEventMessage<>("PermitApplication", ID.value(), i, history.get(i)));
        }
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> services.permitInForce(ID, receivedAt)).getPayload();
    }

    @Test
    @DisplayName("002 art. 29.4: an issued permit is in force and may receive a revoked holder's certificate database")
    void issued_permit_is_in_force() {
        assertThat(inForceAfter(PermitLifecycleTest.active())).isTrue();
    }

    @Test
    @DisplayName("002 art. 29.4: a permit restored after its suspension is in force again")
    void restored_permit_is_in_force() {
        List<Object> restored = new ArrayList<>(PermitLifecycleTest.suspended());
        restored.add(new PermitRestored(ID, "remedied", PermitLifecycleTest.SUSPENDED_AT.plusSeconds(86_400 * 30), SUPERVISOR, "002 art. 28.4"));
        assertThat(inForceAfter(restored)).isTrue();
    }

    @Test
    @DisplayName("002 art. 29.4, abuse: a ministry official cannot pass the database to a suspended, a revoked or an unregistered permit")
    void suspended_revoked_or_unknown_is_not_in_force() {
        assertThat(inForceAfter(PermitLifecycleTest.suspended())).isFalse();
        shutdown();
        start();
        assertThat(inForceAfter(PermitLifecycleTest.revoked(RevocationGround.REPEATED_VIOLATIONS))).isFalse();
        ApplicationId unknown = ApplicationId.of(UUID.fromString("11111111-2222-3333-4444-555555555555"));
        assertThat(DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> services.permitInForce(unknown, RECEIVED_AT)).getPayload()).isFalse();
    }

    @Test
    @DisplayName("002 art. 29.6: a permit whose revocation was overturned on complaint is in force again")
    void reinstated_on_complaint_is_in_force() {
        Instant at = Instant.parse("2025-06-10T02:00:00Z");
        List<Object> reinstated = new ArrayList<>(PermitLifecycleTest.revoked(RevocationGround.REPEATED_VIOLATIONS));
        reinstated.add(new RevocationComplaintFiled(ID, SHA, at, PermitLifecycleTest.HOLDER));
        reinstated.add(new RevocationComplaintDecided(ID, true, SHA2, at.plusSeconds(86_400), SUPERVISOR, VALID_UNTIL, RevocationComplaintDecided.ARTICLE));
        assertThat(inForceAfter(reinstated)).isTrue();
    }

    @Test
    @DisplayName("002 art. 29.2, 29.4 (F195, was O115): a permit whose term ended before the act's receipt is no permit in force, though its "
            + "expiry deadline has not fired yet (no PermitExpired); on its last day (Ulaanbaatar) it still is")
    void a_permit_whose_term_ended_at_receipt_is_not_in_force() {
        Instant lastMinute = mn.registry.kernel.calendar.UlaanbaatarTime.endOf(VALID_UNTIL).toInstant().minusSeconds(60);
        assertThat(inForceAfter(PermitLifecycleTest.active(), lastMinute)).isTrue();
        shutdown();
        start();
        assertThat(inForceAfter(PermitLifecycleTest.active(), lastMinute.plusSeconds(120))).isFalse();
    }

    @Test
    @DisplayName("002 art. 26.1; domain-rules §2 (ADR 0046 item 126; F486): the last day an escalation is judged against is counted on the "
            + "calendar read again from its stream, not on the copy this node keeps after another node stored a declaration")
    void the_last_day_at_a_firing_is_counted_on_the_calendar_read_again() {
        RegistryPermitServices onAStoppedClock = new RegistryPermitServices(new CurrentCalendar(axon.eventStore(),
                Clock.fixed(RECEIVED_AT, java.time.ZoneOffset.UTC)), axon.eventStore(), null, null, () -> axon.repository(PermitApplication.class));
        java.time.LocalDate dayZero = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(PermitLifecycleTest.RECEIVED);
        mn.registry.kernel.calendar.Deadline counted = onAStoppedClock.due(dayZero, mn.registry.kernel.permit.PermitDeadlines.DECISION);
        mn.registry.kernel.calendar.PublicHolidayDeclared mourning = new mn.registry.kernel.calendar.PublicHolidayDeclared(counted.due(),
                "Day of mourning", "Гашуудлын өдөр", "Government resolution 2026/414");
        axon.eventStore().publish(new GenericDomainEventMessage<>("Calendar", CurrentCalendar.STREAM, 0, mourning)); // by another node
        assertThat(onAStoppedClock.due(dayZero, mn.registry.kernel.permit.PermitDeadlines.DECISION).due()).as("this node's copy")
                .isEqualTo(counted.due());
        assertThat(onAStoppedClock.dueOnTheCalendarInForceNow(dayZero, mn.registry.kernel.permit.PermitDeadlines.DECISION).due())
                .isAfter(counted.due());
    }
}
