package mn.registry.freezone.governor;

import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.identity.api.RoleGrants;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.StoredActOrderStated;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.AT;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.CABINET;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.APPOINTMENT_ON_THE_ZONE;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.CABINET_MEMBER;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.GOVERNOR;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Session 28, identity round 11, the governor's side (abuse audit O282, ADR 0061 item 41): a Cabinet member states, as the decision of a
 * governor's appointment recorded on the zone alone ({@link ZoneAloneAppointmentFixture}), the dismissal decision drawn up for that governor.
 * The statement's side is {@code identity.command.IdentityAbuseRound11Test}.
 */
class IdentityAbuseRound11GovernorsTest {

    /** The copy of the dismissal decision the dishonest statement names. */
    private static final String STATED_COPY = "5c".repeat(32);
    /** Another scan of the same dismissal decision, uploaded for the dismissal: a document of its own. */
    private static final String ANOTHER_COPY = "6d".repeat(32);
    private static final String DISMISSAL = "order 2026/311";

    @Test
    @DisplayName("003 art. 8.2 (ADR 0061 item 41, abuse audit O282, held by the lead's reading): the dismissal decision drawn up for a governor, "
            + "stated as the decision of their zone-alone appointment, blocks a dismissal on that copy only (refused, nothing revoked or "
            + "recorded); the dismissal on another copy of the same decision, its reference as written, revokes the role and is recorded")
    void a_dismissal_on_another_copy_passes_a_statement_of_the_decision_drawn_up() {
        EmbeddedEventStore stated = ZoneAloneAppointmentFixture.store(new StoredActOrderStated(GOVERNOR, APPOINTMENT_ON_THE_ZONE, "grant",
                Role.ZONE_GOVERNOR, ZONE.value(), STATED_COPY, AT.minusSeconds(600), CABINET_MEMBER, ZONE.stream()));
        CommandGateway gateway = mock(CommandGateway.class);
        RoleGrants grants = mock(RoleGrants.class);
        // the governor's name as enrolled, which the dismissal reads (the fixture's vault names nobody)
        mn.registry.infrastructure.privacy.PersonalDataVault vault = mock(mn.registry.infrastructure.privacy.PersonalDataVault.class);
        org.mockito.Mockito.when(vault.displayName(org.mockito.ArgumentMatchers.any())).thenReturn("Ганзориг Батсүх");
        GovernorAppointmentTypes types = new GovernorAppointmentTypes(gateway, grants, mock(mn.registry.freezone.zone.Zones.class), stated, vault,
                mock(mn.registry.freezone.zone.QuarterlyReportSchedule.class), GovernorAppointmentTypesTest.decisionsAsCited());

        RegistryProblem blocked = catchThrowableOfType(RegistryProblem.class,
                () -> types.dismiss(new ZoneCommands.DismissGovernor(ZONE, GOVERNOR, DISMISSAL, STATED_COPY), CABINET));
        assertThat(blocked).isNotNull();
        assertThat(blocked.code()).isEqualTo("freezone.governor-decision-used");
        assertThat(blocked.field()).isEqualTo("decisionSha256");
        verifyNoInteractions(gateway, grants);

        assertThat(types.dismiss(new ZoneCommands.DismissGovernor(ZONE, GOVERNOR, DISMISSAL, ANOTHER_COPY), CABINET).tenure()).isEqualTo("DISMISSED");
        verify(grants).revoke(new RoleRevoked(GOVERNOR, Role.ZONE_GOVERNOR, ZONE.value(), AT, CABINET_MEMBER, DISMISSAL, null, ANOTHER_COPY));
        verify(gateway).sendAndWait(new ZoneStreamCommands.RecordDismissal(ZONE, GOVERNOR, DISMISSAL, AT, CABINET_MEMBER, ANOTHER_COPY));
        stated.shutDown();
    }
}
