package mn.registry.freezone.governor;

import mn.registry.command.api.CommandContext;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.Zones;
import mn.registry.identity.api.RoleGrants;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** Abuse audit O10: an appointment or dismissal names the Cabinet member's decision in visible text (003 art. 8.2). */
class GovernorAppointmentTypesTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final PersonId GOVERNOR = new PersonId("governor-altanbulag");
    static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");
    static final CommandContext CABINET = new CommandContext("cmd-1", AT, AT, new PersonId("cabinet-1"), Set.of(Role.CABINET_MEMBER), Set.of(),
            "cd".repeat(32));

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final RoleGrants grants = mock(RoleGrants.class);
    private final Zones zones = mock(Zones.class);
    private final EventStore events = mock(EventStore.class);
    private final GovernorAppointmentTypes types = new GovernorAppointmentTypes(gateway, grants, zones, events, mock(PersonalDataVault.class),
            mock(QuarterlyReportSchedule.class), decisionsAsCited());

    /** A decision's document as the act cites it (ADR 0061 item 27), taken as received and claimed: the checks of the document are IdentityAbuseRound7Test's. */
    @SuppressWarnings("unchecked")
    static mn.registry.freezone.zone.ZoneDecisionDocuments decisionsAsCited() {
        mn.registry.freezone.zone.ZoneDecisionDocuments decisions = mock(mn.registry.freezone.zone.ZoneDecisionDocuments.class);
        org.mockito.Mockito.when(decisions.governorsDecisionClaimedFor(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any())).thenAnswer(call -> ((java.util.function.Function<String, Object>) call.getArgument(2))
                .apply(call.getArgument(0)));
        return decisions;
    }

    /** The SHA-256 of a decision's document, uploaded first (its bytes are not read here). */
    static final String DECISION_DOCUMENT = "dd".repeat(32);

    @Test
    @DisplayName("003 art. 8.2: a governor appointed or dismissed on a decision of one no-break or zero-width space is refused; nothing is granted, revoked or recorded")
    void decision_of_invisible_text_is_refused() {
        for (String decision : new String[]{"\u00a0", "\u200b", " "}) {
            RegistryProblem appointed = catchThrowableOfType(RegistryProblem.class,
                    () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, decision, DECISION_DOCUMENT), CABINET));
            RegistryProblem dismissed = catchThrowableOfType(RegistryProblem.class,
                    () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, decision, DECISION_DOCUMENT), CABINET));
            for (RegistryProblem p : new RegistryProblem[]{appointed, dismissed}) {
                assertThat(p).as(String.valueOf(decision)).isNotNull();
                assertThat(p.code()).isEqualTo("freezone.field-missing");
                assertThat(p.field()).isEqualTo("decision");
            }
        }
        verifyNoInteractions(gateway, grants, zones, events);
    }

    /** The governor's stream as stored: its appointments and dismissals (each RoleGranted / RoleRevoked names its decision as ground). */
    static GovernorAppointmentTypes withStream(CommandGateway gateway, RoleGrants grants, Object... stored) {
        org.axonframework.eventsourcing.eventstore.EmbeddedEventStore store = org.axonframework.eventsourcing.eventstore.EmbeddedEventStore.builder()
                .storageEngine(new org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine()).build();
        store.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person", "person-" + GOVERNOR.value(), 0,
                mn.registry.kernel.identity.PersonEnrolled.signed(GOVERNOR, "f0".repeat(32), AT.minusSeconds(90_000),
                        new mn.registry.kernel.privacy.EncryptedPersonalData("k", "bm9uY2U=", "c2VhbGVk"), new PersonId("cabinet-1"), "e0".repeat(32))));
        for (int seq = 0; seq < stored.length; seq++) {
            store.publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("Person", "person-" + GOVERNOR.value(), seq + 1, stored[seq]));
        }
        return new GovernorAppointmentTypes(gateway, grants, mock(Zones.class), store, mock(PersonalDataVault.class), mock(QuarterlyReportSchedule.class),
                decisionsAsCited());
    }

    private static mn.registry.kernel.identity.RoleGranted appointed(ZoneId zone, String decision) {
        return new mn.registry.kernel.identity.RoleGranted(GOVERNOR, Role.ZONE_GOVERNOR, zone.value(), AT.minusSeconds(86_400), new PersonId("cabinet-1"), decision);
    }

    private static mn.registry.kernel.identity.RoleRevoked dismissed(ZoneId zone, String decision) {
        return new mn.registry.kernel.identity.RoleRevoked(GOVERNOR, Role.ZONE_GOVERNOR, zone.value(), AT.minusSeconds(3_600), new PersonId("cabinet-1"), decision);
    }

    @Test
    @DisplayName("003 art. 8.2 (abuse audit F387): the Cabinet member dismisses a governor on the decision that appointed them, or appoints a "
            + "dismissed governor again on the decision of their earlier appointment or of their dismissal (spaced or cased otherwise): refused "
            + "before anything is revoked, granted or recorded")
    void a_governors_decision_is_used_once() {
        ZoneId zamynUud = ZoneId.of("zamyn-uud");
        CommandGateway gateway = mock(CommandGateway.class);
        RoleGrants grants = mock(RoleGrants.class);
        GovernorAppointmentTypes inOffice = withStream(gateway, grants, appointed(ALTANBULAG, "Cabinet member's order 2026/94"));
        RegistryProblem dismissal = catchThrowableOfType(RegistryProblem.class,
                () -> inOffice.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, " cabinet member's  ORDER 2026/94", DECISION_DOCUMENT), CABINET));
        GovernorAppointmentTypes dismissedOnce = withStream(gateway, grants, appointed(ALTANBULAG, "Cabinet member's order 2026/94"),
                dismissed(ALTANBULAG, "Cabinet member's order 2026/120"));
        RegistryProblem again = catchThrowableOfType(RegistryProblem.class,
                () -> dismissedOnce.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, "Cabinet member's order 2026/94", DECISION_DOCUMENT), CABINET));
        RegistryProblem onTheDismissal = catchThrowableOfType(RegistryProblem.class,
                () -> dismissedOnce.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, "Cabinet member's order 2026/120", DECISION_DOCUMENT), CABINET));
        for (RegistryProblem p : new RegistryProblem[]{dismissal, again, onTheDismissal}) {
            assertThat(p).isNotNull();
            assertThat(p.code()).isEqualTo("freezone.governor-decision-used");
            assertThat(p.field()).isEqualTo("decision");
            assertThat(p.article()).isEqualTo("003 art. 8.2");
        }
        verifyNoInteractions(gateway, grants);
        // a decision of its own; one decision appointing the governor of one zone to another (per zone)
        dismissedOnce.decisionOfItsOwn(GOVERNOR, ALTANBULAG, "Cabinet member's order 2026/130", DECISION_DOCUMENT);
        dismissedOnce.decisionOfItsOwn(GOVERNOR, zamynUud, "Cabinet member's order 2026/120", DECISION_DOCUMENT);
    }

    @Test
    @DisplayName("003 art. 8.2: a decision in visible text passes the check (the appointment then goes on to the zone)")
    void decision_in_visible_text_passes() {
        GovernorAppointmentTypes.requireDecision("Order A/12");
        GovernorAppointmentTypes.requireDecision("\u00a0Order A/12\u00a0");
    }
}
