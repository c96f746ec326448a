package mn.registry.freezone.governor;

import mn.registry.identity.api.RoleGrants;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.ALTANBULAG;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.CABINET;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.GOVERNOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** Session 10's abuse audit (docs/abuse-audit.md F86, F89): the Cabinet member does not appoint themselves a zone's governor, nor on a decision that reads otherwise than signed. */
class SelfAppointmentTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final RoleGrants grants = mock(RoleGrants.class);
    private final Zones zones = mock(Zones.class);
    private final EventStore events = mock(EventStore.class);
    private final GovernorAppointmentTypes types = new GovernorAppointmentTypes(gateway, grants, zones, events, mock(PersonalDataVault.class),
            mock(QuarterlyReportSchedule.class), GovernorAppointmentTypesTest.decisionsAsCited());

    @Test
    @DisplayName("003 art. 8.2, 12.3 (F86): the Cabinet member appointing themselves governor is refused; nothing is granted or recorded")
    void cabinet_member_does_not_appoint_themselves() {
        RegistryProblem p = catchThrowableOfType(RegistryProblem.class,
                () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, CABINET.actor(), "Order A/12", GovernorAppointmentTypesTest.DECISION_DOCUMENT), CABINET));
        assertThat(p).isNotNull();
        assertThat(p.code()).isEqualTo("freezone.self-appointment");
        assertThat(p.field()).isEqualTo("governor");
        assertThat(p.article()).isEqualTo("003 art. 8.2, 12.3");
        verifyNoInteractions(gateway, grants, zones, events);
    }

    @Test
    @DisplayName("003 art. 8.2 (F86): another person appointed by the Cabinet member passes the check")
    void another_person_passes() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, "Order A/12", GovernorAppointmentTypesTest.DECISION_DOCUMENT), CABINET));
        // the mocks know no person, so the appointment stops further on (or goes through): never at this check
        assertThat(t instanceof RegistryProblem rp && "freezone.self-appointment".equals(rp.code())).isFalse();
    }

    @Test
    @DisplayName("003 art. 8.2 (F89): a governor appointed or dismissed on a decision with a bidirectional override or a control character is refused; nothing is granted, revoked or recorded")
    void appointment_decision_has_no_control_characters() {
        for (String decision : new String[]{"Order \u202e21/A", "Order A/12\u200f", "Order\u0007 A/12"}) {
            RegistryProblem appointed = catchThrowableOfType(RegistryProblem.class,
                    () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, decision, GovernorAppointmentTypesTest.DECISION_DOCUMENT), CABINET));
            RegistryProblem dismissed = catchThrowableOfType(RegistryProblem.class,
                    () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, decision, GovernorAppointmentTypesTest.DECISION_DOCUMENT), CABINET));
            for (RegistryProblem p : new RegistryProblem[]{appointed, dismissed}) {
                assertThat(p).as(decision).isNotNull();
                assertThat(p.code()).isEqualTo("privacy.published-text-has-control-characters");
                assertThat(p.field()).isEqualTo("decision");
            }
        }
        verifyNoInteractions(gateway, grants, zones, events);
    }
}
