package mn.registry.freezone.governor;

import mn.registry.command.api.CommandContext;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.ZoneDecisionDocuments;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.freezone.zone.Zones;
import mn.registry.identity.api.RoleGrants;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.AT;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.CABINET;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.GOVERNOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Session 32, identity round 17, the governor's side (ADR 0061 item 74; abuse audit F592, was O447): a Cabinet member appoints one person
 * governor of two zones at once. The person's side of the round is {@code identity.command.IdentityAbuseRound17Test}.
 */
class IdentityAbuseRound17GovernorsTest {

    private static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    private static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    private static final String DECISION = "Cabinet member's order 2026/317";
    private static final String DECISION_DOCUMENT = "d7".repeat(32);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final RoleGrants grants = mock(RoleGrants.class);
    private final ZoneDecisionDocuments decisions = GovernorAppointmentTypesTest.decisionsAsCited();

    /** The governor's stream as stored after their enrolment: {@code stored}; their name as enrolled is publishable. */
    private GovernorAppointmentTypes withStream(Object... stored) {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        store.publish(new GenericDomainEventMessage<>("Person", "person-" + GOVERNOR.value(), 0, PersonEnrolled.signed(GOVERNOR, "f0".repeat(32),
                AT.minusSeconds(90_000), new mn.registry.kernel.privacy.EncryptedPersonalData("k", "bm9uY2U=", "c2VhbGVk"), new PersonId("cabinet-1"),
                "e0".repeat(32))));
        for (int seq = 0; seq < stored.length; seq++) {
            store.publish(new GenericDomainEventMessage<>("Person", "person-" + GOVERNOR.value(), seq + 1, stored[seq]));
        }
        PersonalDataVault vault = mock(PersonalDataVault.class);
        when(vault.displayName(any())).thenReturn("Ганзориг Батсүх");
        return new GovernorAppointmentTypes(gateway, grants, mock(Zones.class), store, vault, mock(QuarterlyReportSchedule.class), decisions);
    }

    private static RoleGranted governs(ZoneId zone, Instant from) {
        return new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, zone.value(), from, new PersonId("cabinet-1"), "Cabinet member's order 2026/1", "a1".repeat(32));
    }

    private static RoleRevoked dismissed(ZoneId zone, Instant until) {
        return new RoleRevoked(GOVERNOR, Role.ZONE_GOVERNOR, zone.value(), until, new PersonId("cabinet-1"), "Cabinet member's order 2026/2", null,
                "a2".repeat(32));
    }

    private static ZoneCommands.AppointGovernor toAltanbulag() {
        return new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, DECISION, DECISION_DOCUMENT);
    }

    @Test
    @DisplayName("003 art. 8.1-8.2 (F592, was O447; ADR 0061 item 74): abuse: the Cabinet member appoints the governor in office of Zamyn-Uud "
            + "governor of Altanbulag too: refused freezone.governor-of-another-zone on governor, before the decision is claimed and before "
            + "the zone's record or the person's grant is written; so too with the first zone's grant stored dated after the receipt (a node's "
            + "clock ahead), and for a governor enrolled with the role at the registry's first start")
    void a_governor_in_office_of_one_zone_is_not_appointed_to_another() {
        for (RoleGranted inOffice : new RoleGranted[]{governs(ZAMYN_UUD, AT.minusSeconds(86_400)), governs(ZAMYN_UUD, AT.plusSeconds(5)),
                new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ZAMYN_UUD.value(), AT.minusSeconds(80_000), null, "first start")}) {
            GovernorAppointmentTypes types = withStream(inOffice);
            RegistryProblem refused = catchThrowableOfType(RegistryProblem.class, () -> types.appoint(toAltanbulag(), CABINET));
            assertThat(refused).as(inOffice.toString()).isNotNull();
            assertThat(refused.code()).isEqualTo("freezone.governor-of-another-zone");
            assertThat(refused.field()).isEqualTo("governor");
            assertThat(refused.article()).isEqualTo("003 art. 8.1-8.2");
            assertThat(refused.kind()).isEqualTo(RegistryProblem.Kind.CONFLICT);
            assertThat(refused.getMessage()).contains("zamyn-uud");
        }
        verifyNoInteractions(gateway, grants, decisions);
    }

    @Test
    @DisplayName("003 art. 8.1-8.2 (ADR 0061 item 74): held: once dismissed from Zamyn-Uud (the same day, a minute before), the person is "
            + "appointed governor of Altanbulag: the zone's record and the grant are written; a dismissal stored dated after the receipt (a "
            + "node's clock ahead) counts as stored; the same zone's appointment is the zone's record's to judge (not this rule's)")
    void after_the_dismissal_the_person_is_appointed_to_another_zone() {
        GovernorAppointmentTypes sameDay = withStream(governs(ZAMYN_UUD, AT.minusSeconds(86_400)), dismissed(ZAMYN_UUD, AT.minusSeconds(60)));
        assertThat(sameDay.appoint(toAltanbulag(), CABINET).tenure()).isEqualTo("APPOINTED");
        verify(gateway).sendAndWait(new ZoneStreamCommands.RecordAppointment(ALTANBULAG, GOVERNOR, "Ганзориг Батсүх", DECISION, AT,
                CABINET.actor(), DECISION_DOCUMENT));
        verify(grants).grant(new RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, ALTANBULAG.value(), AT, CABINET.actor(), DECISION, DECISION_DOCUMENT));

        GovernorAppointmentTypes endAhead = withStream(governs(ZAMYN_UUD, AT.minusSeconds(86_400)), dismissed(ZAMYN_UUD, AT.plusSeconds(5)));
        assertThat(endAhead.appoint(toAltanbulag(), CABINET).tenure()).isEqualTo("APPOINTED");

        GovernorAppointmentTypes sameZone = withStream(governs(ALTANBULAG, AT.minusSeconds(86_400)));
        sameZone.governorHoldsNoOtherZone(GOVERNOR, ALTANBULAG, CABINET);
        GovernorAppointmentTypes reappointed = withStream(governs(ZAMYN_UUD, AT.minusSeconds(86_400)), dismissed(ZAMYN_UUD, AT.minusSeconds(3_600)),
                governs(ZAMYN_UUD, AT.minusSeconds(60)));
        RegistryProblem again = catchThrowableOfType(RegistryProblem.class, () -> reappointed.governorHoldsNoOtherZone(GOVERNOR, ALTANBULAG,
                new CommandContext("cmd-2", AT, AT, CABINET.actor(), Set.of(Role.CABINET_MEMBER), Set.of(), "cd".repeat(32))));
        assertThat(again).as("re-appointed to Zamyn-Uud the same day: in office there again").isNotNull();
        assertThat(again.code()).isEqualTo("freezone.governor-of-another-zone");
    }

    @Test
    @DisplayName("003 art. 8.2 (F596, was O432; ADR 0061 item 77): the zones' records answer each appointment of the governor naming its "
            + "decision's document with its number on the zone's stream, its time and its signer; another governor's, and one naming no "
            + "document (stored before item 27, listed as such by item 36), are not among them")
    void the_zones_records_answer_each_appointments_number_time_and_decision() {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        PersonId earlier = new PersonId("governor-earlier-317");
        PersonId cabinet = new PersonId("cabinet-1");
        Instant first = AT.minusSeconds(86_400 * 30L);
        Object[] zoneStream = {
                new mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed(ALTANBULAG, earlier, "Бат Дорж", "order 2026/3", first, cabinet, "b1".repeat(32)),
                new mn.registry.kernel.freezone.ZoneEvents.GovernorDismissed(ALTANBULAG, earlier, "order 2026/4", first.plusSeconds(60), cabinet, "b2".repeat(32)),
                new mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed(ALTANBULAG, GOVERNOR, "Ганзориг Батсүх", "order 2026/5", first.plusSeconds(120), cabinet),
                new mn.registry.kernel.freezone.ZoneEvents.GovernorDismissed(ALTANBULAG, GOVERNOR, "order 2026/6", first.plusSeconds(180), cabinet, "b4".repeat(32)),
                new mn.registry.kernel.freezone.ZoneEvents.GovernorAppointed(ALTANBULAG, GOVERNOR, "Ганзориг Батсүх", "order 2026/7", first.plusSeconds(240),
                        new PersonId("cabinet-2"), "b5".repeat(32))};
        for (int seq = 0; seq < zoneStream.length; seq++) {
            store.publish(new GenericDomainEventMessage<>("FreeZone", ALTANBULAG.stream(), seq, zoneStream[seq]));
        }
        GovernorAppointmentTypes types = new GovernorAppointmentTypes(gateway, grants, mock(Zones.class), store, mock(PersonalDataVault.class),
                mock(QuarterlyReportSchedule.class), decisions);
        assertThat(types.appointmentsOnTheRecords(GOVERNOR, Set.of(ALTANBULAG.value(), ZAMYN_UUD.value()))).containsExactly(
                new mn.registry.identity.api.ZoneRecordsOfAppointments.RecordedAppointment(ALTANBULAG.value(), 4, first.plusSeconds(240),
                        new PersonId("cabinet-2"), "b5".repeat(32)));
        assertThat(types.appointmentDocuments(GOVERNOR, Set.of(ALTANBULAG.value()))).as("the revocation's rule reads the same documents")
                .containsExactly("b5".repeat(32));
    }
}
