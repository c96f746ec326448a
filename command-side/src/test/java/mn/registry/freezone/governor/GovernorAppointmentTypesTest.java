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
            mock(QuarterlyReportSchedule.class));

    @Test
    @DisplayName("003 art. 8.2: a governor appointed or dismissed on a decision of one no-break or zero-width space is refused; nothing is granted, revoked or recorded")
    void decision_of_invisible_text_is_refused() {
        for (String decision : new String[]{"\u00a0", "\u200b", " "}) {
            RegistryProblem appointed = catchThrowableOfType(RegistryProblem.class,
                    () -> types.appoint(new ZoneCommands.AppointGovernor(ALTANBULAG, GOVERNOR, decision), CABINET));
            RegistryProblem dismissed = catchThrowableOfType(RegistryProblem.class,
                    () -> types.dismiss(new ZoneCommands.DismissGovernor(ALTANBULAG, GOVERNOR, decision), CABINET));
            for (RegistryProblem p : new RegistryProblem[]{appointed, dismissed}) {
                assertThat(p).as(String.valueOf(decision)).isNotNull();
                assertThat(p.code()).isEqualTo("freezone.field-missing");
                assertThat(p.field()).isEqualTo("decision");
            }
        }
        verifyNoInteractions(gateway, grants, zones, events);
    }

    @Test
    @DisplayName("003 art. 8.2: a decision in visible text passes the check (the appointment then goes on to the zone)")
    void decision_in_visible_text_passes() {
        GovernorAppointmentTypes.requireDecision("Order A/12");
        GovernorAppointmentTypes.requireDecision("\u00a0Order A/12\u00a0");
    }
}
