package mn.registry.freezone.governor;

import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.Zones;
import mn.registry.identity.api.RoleGrants;
import mn.registry.identity.api.ZoneRecordsOfAppointments;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.privacy.EncryptedPersonalData;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.mockito.Mockito.mock;

/**
 * Abuse audit O260 (ADR 0061 items 30, 36): a registry that enrolled its governor with the role at its first start (the first start signs
 * nothing: no order, no signer) and whose Cabinet member appointed them before ADR 0061 item 27: the appointment found the role held, so it
 * was recorded on the zone alone, its decision named by reference ("order 2026/94") and no document. The zone's stream holds an earlier
 * governor's appointment and dismissal first, so the appointment's number there ({@link #APPOINTMENT_ON_THE_ZONE}) is not a number of the
 * governor's stream. Shared by the person's side ({@code identity.command.IdentityAbuseRound10Test}) and the governor's
 * ({@link IdentityAbuseRound10GovernorsTest}).
 */
public final class ZoneAloneAppointmentFixture {

    public static final ZoneId ZONE = ZoneId.of("altanbulag");
    public static final PersonId GOVERNOR = new PersonId("governor-altanbulag");
    public static final PersonId EARLIER_GOVERNOR = new PersonId("governor-earlier");
    public static final PersonId CABINET_MEMBER = new PersonId("cabinet-1");
    public static final String GOVERNORS_STREAM = "person-" + GOVERNOR.value();
    /** The registry's first start. */
    public static final Instant FIRST_START = Instant.parse("2025-03-01T00:00:00Z");
    /** The appointment recorded on the zone alone, before session 25. */
    public static final Instant APPOINTED = Instant.parse("2025-06-02T04:00:00Z");
    /** Its number on the zone's stream. */
    public static final long APPOINTMENT_ON_THE_ZONE = 2;
    /** The earlier governor's dismissal's number there (another person's act). */
    public static final long EARLIER_DISMISSAL_ON_THE_ZONE = 1;
    public static final String REFERENCE = "order 2026/94";

    private ZoneAloneAppointmentFixture() {
    }

    /** The governor's stream: enrolled with the role at the first start (signed by nobody, naming no document). */
    public static List<Object> governorsStream() {
        return List.of(PersonEnrolled.encrypted(GOVERNOR, "f0".repeat(32), FIRST_START, new EncryptedPersonalData("k", "bm9uY2U=", "c2VhbGVk")),
                new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ZONE.value(), FIRST_START, null, "first start"));
    }

    /** The zone's stream: an earlier governor appointed (0) and dismissed (1), then this governor's appointment on the zone alone (2). */
    public static List<Object> zonesStream() {
        return List.of(new ZoneEvents.GovernorAppointed(ZONE, EARLIER_GOVERNOR, "Бат Дорж", "order 2025/3", FIRST_START, CABINET_MEMBER),
                new ZoneEvents.GovernorDismissed(ZONE, EARLIER_GOVERNOR, "order 2025/40", APPOINTED.minusSeconds(3_600), CABINET_MEMBER),
                new ZoneEvents.GovernorAppointed(ZONE, GOVERNOR, "Ганзориг Батсүх", REFERENCE, APPOINTED, CABINET_MEMBER));
    }

    /** A store holding both streams, and after the governor's: {@code moreOnTheGovernorsStream}. */
    public static EmbeddedEventStore store(Object... moreOnTheGovernorsStream) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        List<Object> governors = new ArrayList<>(governorsStream());
        governors.addAll(List.of(moreOnTheGovernorsStream));
        for (int seq = 0; seq < governors.size(); seq++) {
            store.publish(new GenericDomainEventMessage<>("Person", GOVERNORS_STREAM, seq, governors.get(seq)));
        }
        List<Object> zone = zonesStream();
        for (int seq = 0; seq < zone.size(); seq++) {
            store.publish(new GenericDomainEventMessage<>("FreeZone", ZONE.stream(), seq, zone.get(seq)));
        }
        return store;
    }

    /** The zones' records as the registry reads them ({@link GovernorAppointmentTypes}), over {@code store}. */
    public static ZoneRecordsOfAppointments zoneRecords(EmbeddedEventStore store) {
        return types(store, mock(CommandGateway.class), mock(RoleGrants.class));
    }

    static GovernorAppointmentTypes types(EmbeddedEventStore store, CommandGateway gateway, RoleGrants grants) {
        return new GovernorAppointmentTypes(gateway, grants, mock(Zones.class), store, mock(PersonalDataVault.class), mock(QuarterlyReportSchedule.class),
                GovernorAppointmentTypesTest.decisionsAsCited());
    }
}
