package mn.registry.freezone.land;

import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneCertificate;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The standing of a registration as the land register reads it from the registration's own stream (003 art. 12.2, 22.2). */
class LandHoldersTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final LegalEntity ENTITY = new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234");
    static final PersonId APPLICANT = new PersonId("applicant-1");
    static final PersonId GOVERNOR = new PersonId("governor-zamyn-uud");
    static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");

    private final EventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final LandHolders holders = new LandHolders(events);

    private void append(RegistrationId id, Object... payloads) {
        long seq = events.lastSequenceNumberFor(LandHolders.registrationStream(id)).orElse(-1L);
        for (Object payload : payloads) {
            events.publish(new GenericDomainEventMessage<>("ZoneRegistration", LandHolders.registrationStream(id), ++seq, payload));
        }
    }

    static RegistrationEvents.ZoneRegistrationApplied applied(RegistrationId id) {
        return new RegistrationEvents.ZoneRegistrationApplied(id, id.zoneId(), ENTITY, Activity.TRADE, List.of(), AT, LocalDate.of(2026, 12, 8),
                AT.plusSeconds(7 * 86400), WorkingDays.of(5), new CalendarVersion("MN-2026.1"), "003 art. 12.2", APPLICANT);
    }

    static RegistrationEvents.EntityRegistered registered(RegistrationId id) {
        return new RegistrationEvents.EntityRegistered(id, new ZoneCertificate("C-1", id, ENTITY, Activity.TRADE, LocalDate.of(2026, 12, 2), id.zoneId()),
                AT.plusSeconds(86400), GOVERNOR);
    }

    @Test
    @DisplayName("003 art. 12.2: an entity registered only in Zamyn-Uud is not registered in Altanbulag; applied, rejected or deregistered is not registered")
    void standing_is_read_from_the_registration_of_that_zone() {
        RegistrationId inZamynUud = RegistrationId.of(ZAMYN_UUD, ENTITY);
        RegistrationId inAltanbulag = RegistrationId.of(ALTANBULAG, ENTITY);
        append(inZamynUud, applied(inZamynUud), registered(inZamynUud));
        LandHolders.Holder zamynUud = holders.standing(inZamynUud);
        assertThat(new LandHolders.Holder(zamynUud.registrationId(), zamynUud.registered(), zamynUud.representative()))
                .isEqualTo(new LandHolders.Holder(inZamynUud, true, APPLICANT));
        assertThat(zamynUud.registeredAt()).isNotNull();
        assertThat(holders.standing(inAltanbulag)).isEqualTo(new LandHolders.Holder(inAltanbulag, false, null));

        append(inAltanbulag, applied(inAltanbulag));
        assertThat(holders.standing(inAltanbulag).registered()).as("applied, not yet registered").isFalse();
        append(inAltanbulag, new RegistrationEvents.ZoneRegistrationRejected(inAltanbulag, List.of("incomplete"), AT, GOVERNOR));
        assertThat(holders.standing(inAltanbulag).registered()).as("rejected").isFalse();

        append(inZamynUud, new RegistrationEvents.EntityDeregistered(inZamynUud, ZAMYN_UUD, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3",
                "dissolved", AT.plusSeconds(30 * 86400), false, false, GOVERNOR));
        assertThat(holders.standing(inZamynUud).registered()).as("deregistered").isFalse();
        append(inZamynUud, applied(inZamynUud), registered(inZamynUud));
        assertThat(holders.standing(inZamynUud).registered()).as("registered again after applying again").isTrue();
    }
}
