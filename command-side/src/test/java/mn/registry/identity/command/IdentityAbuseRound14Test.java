package mn.registry.identity.command;

import mn.registry.infrastructure.identity.IdentityDirectory;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.ZoneOffset;

import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.FIRST;
import static mn.registry.identity.command.PersonEnrolmentTest.SEALED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * Session 30, identity round 14 (ADR 0061 items 58-62): the registry's own start-up enrolment (the demo's people, an operator's start-up
 * people) grants a company's representative for their company (F540, was O373 in part). On a running demo: {@code IdentityAbuseRound14EndToEndTest}.
 */
class IdentityAbuseRound14Test {

    private static final PersonId REPRESENTATIVE = new PersonId("applicant-70");

    @Test
    @DisplayName("001 art. 23.1.1; 002 art. 23.2 (F540, was O373 in part; ADR 0061 item 58): abuse: the start-up enrolment of a company's "
            + "representative naming no company (none, empty, blank), or a number of another shape, is refused naming the entry, before "
            + "anything is sent; an official naming a company is refused; naming it enrols, the grant naming the company")
    void the_start_up_enrolment_of_a_representative_names_their_company() {
        for (String none : new String[]{null, "", "   "}) {
            CommandGateway commands = mock(CommandGateway.class);
            IdentityDirectory directory = mock(IdentityDirectory.class);
            Enrolment enrolment = new Enrolment(commands, directory, Clock.fixed(AT, ZoneOffset.UTC), mock(PersonalDataVault.class));
            assertThatThrownBy(() -> enrolment.enrolIfAbsent(REPRESENTATIVE, "Representative", FIRST.certificate(), Role.APPLICANT, null, none,
                    null, "start-up")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("applicant-70").hasMessageContaining("names no company").hasMessageContaining("002 art. 23.2");
            assertThatThrownBy(() -> enrolment.enrolIfAbsent(REPRESENTATIVE, "Representative", FIRST.certificate(), Role.APPLICANT, null,
                    null, "start-up")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("applicant-70");
            verifyNoInteractions(commands, directory); // nothing stored, not even asked
        }
        for (String malformed : new String[]{"901 1223", "901122", "90112234", "９０１１２２３", "9O11223"}) {
            assertThatThrownBy(() -> Enrolment.startUpRepresentativeNamesTheirCompany(REPRESENTATIVE, Role.APPLICANT, malformed))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("applicant-70").hasMessageContaining("seven digits");
        }
        assertThatThrownBy(() -> Enrolment.startUpRepresentativeNamesTheirCompany(new PersonId("reviewer-70"), Role.MINISTRY_REVIEWER, "9011223"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reviewer-70");
        assertThat(Enrolment.startUpRepresentativeNamesTheirCompany(new PersonId("reviewer-70"), Role.MINISTRY_REVIEWER, null)).isNull();
        assertThat(Enrolment.startUpRepresentativeNamesTheirCompany(REPRESENTATIVE, Role.APPLICANT, " 9011223 ")).isEqualTo("9011223");

        CommandGateway commands = mock(CommandGateway.class);
        PersonalDataVault vault = mock(PersonalDataVault.class);
        when(vault.encrypt(any(), any())).thenReturn(SEALED);
        Enrolment enrolment = new Enrolment(commands, mock(IdentityDirectory.class), Clock.fixed(AT, ZoneOffset.UTC), vault);
        assertThat(enrolment.enrolIfAbsent(REPRESENTATIVE, "Representative", FIRST.certificate(), Role.APPLICANT, null, "9011223", null,
                "start-up")).isTrue();
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues().get(1)).isInstanceOfSatisfying(PersonCommands.Grant.class, grant ->
                assertThat(grant.grant()).extracting(RoleGranted::role, RoleGranted::company).containsExactly(Role.APPLICANT, "9011223"));
    }
}
