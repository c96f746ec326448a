package mn.registry.freezone.governor;

import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.Zones;
import mn.registry.identity.api.RoleGrants;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.StoredActOrderStated;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.ALTANBULAG;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.AT;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.CABINET;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.GOVERNOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Session 26, identity round 8, the governor's side (abuse audit F421, F422): the decision's document stated for a governor's appointment
 * stored before decisions were uploaded (ADR 0061 item 31, was O242), and the zones' records of appointments read for the person's stream
 * (item 32, was O243). The person's side is {@code identity.command.IdentityAbuseRound8Test}.
 */
class IdentityAbuseRound8GovernorsTest {

    private static final PersonId CABINET_MEMBER = new PersonId("cabinet-1");
    private static final String COPY = "c9".repeat(32);

    /** A governor appointed before ADR 0061 item 27: the decision named by its reference alone, on the governor's stream (sequence 1). */
    private static RoleGranted appointedByReference() {
        return new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ALTANBULAG.value(), AT.minusSeconds(86_400), CABINET_MEMBER, "order 2026/94");
    }

    @Test
    @DisplayName("003 art. 8.2 (ADR 0061 item 31, abuse audit F422, was O242): the Cabinet member dismisses a governor appointed before decisions "
            + "were uploaded on a copy of the appointment's decision, its reference written otherwise: refused once the copy was stated as the "
            + "stored appointment's decision, before anything is revoked or recorded; without the statement it went on to the revocation")
    void a_stated_decision_of_a_stored_appointment_is_the_same_document() {
        ZoneCommands.DismissGovernor onTheCopy = new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, "Order No. 2026/94", COPY);
        CommandGateway gateway = mock(CommandGateway.class);
        RoleGrants grants = mock(RoleGrants.class);
        GovernorAppointmentTypes stated = GovernorAppointmentTypesTest.withStream(gateway, grants, appointedByReference(),
                new StoredActOrderStated(GOVERNOR, 1, "grant", Role.ZONE_GOVERNOR, ALTANBULAG.value(), COPY, AT.minusSeconds(60), CABINET_MEMBER));

        RegistryProblem refused = catchThrowableOfType(RegistryProblem.class, () -> stated.dismiss(onTheCopy, CABINET));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("freezone.governor-decision-used");
        assertThat(refused.field()).isEqualTo("decisionSha256");
        verifyNoInteractions(gateway, grants);

        // not stated: nothing tells the copy from a decision of its own (O242 as it was)
        GovernorAppointmentTypesTest.withStream(gateway, grants, appointedByReference())
                .decisionOfItsOwn(GOVERNOR, ALTANBULAG, "Order No. 2026/94", COPY);
        // stated for another zone: judged per zone, as every decision is
        stated.decisionOfItsOwn(GOVERNOR, mn.registry.kernel.freezone.ZoneId.of("zamyn-uud"), "Order No. 2026/94", COPY);
    }

    @Test
    @DisplayName("001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 32, abuse audit F421, was O243): the zones' records give the person's stream the "
            + "documents of the decisions that appointed the governor there (not of a dismissal's), that governor's alone, in the zones asked")
    void the_zones_records_name_the_governors_decisions() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        PersonId other = new PersonId("governor-other");
        store.publish(new GenericDomainEventMessage<>("FreeZone", ALTANBULAG.stream(), 0, new ZoneEvents.GovernorAppointed(ALTANBULAG, GOVERNOR,
                "Ганзориг Батсүх", "order 2026/94", AT.minusSeconds(70_000), CABINET_MEMBER, "a7".repeat(32))));
        store.publish(new GenericDomainEventMessage<>("FreeZone", ALTANBULAG.stream(), 1, new ZoneEvents.GovernorDismissed(ALTANBULAG, GOVERNOR,
                "order 2026/120", AT.minusSeconds(60_000), CABINET_MEMBER, "d7".repeat(32))));
        store.publish(new GenericDomainEventMessage<>("FreeZone", ALTANBULAG.stream(), 2, new ZoneEvents.GovernorAppointed(ALTANBULAG, other,
                "Бат Дорж", "order 2026/121", AT.minusSeconds(50_000), CABINET_MEMBER, "b7".repeat(32))));
        store.publish(new GenericDomainEventMessage<>("FreeZone", ALTANBULAG.stream(), 3, new ZoneEvents.GovernorDismissed(ALTANBULAG, other,
                "order 2026/1", AT.minusSeconds(40_000), CABINET_MEMBER, null)));
        GovernorAppointmentTypes types = new GovernorAppointmentTypes(mock(CommandGateway.class), mock(RoleGrants.class), mock(Zones.class), store,
                mock(PersonalDataVault.class), mock(QuarterlyReportSchedule.class), GovernorAppointmentTypesTest.decisionsAsCited());

        assertThat(types.appointmentDocuments(GOVERNOR, Set.of(ALTANBULAG.value()))).containsExactly("a7".repeat(32));
        assertThat(types.appointmentDocuments(other, Set.of(ALTANBULAG.value()))).containsExactly("b7".repeat(32));
        assertThat(types.appointmentDocuments(GOVERNOR, Set.of("zamyn-uud"))).isEmpty();
        store.shutDown();
    }
}
