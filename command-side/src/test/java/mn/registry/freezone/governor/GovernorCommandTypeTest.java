package mn.registry.freezone.governor;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The generic governor-signed row (ADR 0026): zone check once, then the kernel body with its context to its aggregate. */
class GovernorCommandTypeTest {

    static final ZoneId ALTANBULAG = ZoneId.of("altanbulag");
    static final RegistrationId REGISTRATION = RegistrationId.of(ALTANBULAG, new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, "6001234"));
    static final Instant AT = Instant.parse("2026-12-01T03:00:00Z");

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final GovernorCommandType<RegistrationCommands.RegisterEntity> row = GovernorCommandType.toAggregate(RegistrationCommands.RegisterEntity.class,
            gateway, b -> RegistryProblem.invalid("freezone.registration-unknown", "unknown", "registrationId", "003 art. 12.1"), (b, c, returned) -> "answer " + b.registrationId());

    static CommandContext governing(String... zones) {
        return new CommandContext("cmd-1", AT, AT.plusSeconds(1), new PersonId("governor-altanbulag"), Set.of(Role.ZONE_GOVERNOR), Set.of(zones), "cd".repeat(32));
    }

    @Test
    @DisplayName("003 art. 8.7: a command of the governor of its zone goes to its aggregate as the signed body with its context, and is answered")
    void body_goes_with_its_context() {
        CommandContext context = governing("altanbulag");
        Object answer = row.handle(new RegistrationCommands.RegisterEntity(REGISTRATION), context);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway).sendAndWait(sent.capture());
        assertThat(sent.getValue().getPayload()).isEqualTo(new RegistrationCommands.RegisterEntity(REGISTRATION));
        assertThat(sent.getValue().getMetaData().get(SignedCommandContext.KEY)).isEqualTo(context);
        assertThat(answer).isEqualTo("answer " + REGISTRATION);
        assertThat(row.type()).isEqualTo("RegisterEntity");
        assertThat(row.allowedRoles()).isEqualTo(Set.of(Role.ZONE_GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 8.7: a governor of another zone, or a body naming no zone, is refused before anything is sent")
    void outside_zone_or_no_zone_is_refused_before_sending() {
        assertThat(catchThrowableOfType(RegistryProblem.class, () -> row.handle(new RegistrationCommands.RegisterEntity(REGISTRATION), governing("zamyn-uud"))).code())
                .isEqualTo("freezone.governor-outside-zone");
        assertThat(catchThrowableOfType(RegistryProblem.class, () -> row.handle(new RegistrationCommands.RegisterEntity(null), governing("altanbulag"))).code())
                .isEqualTo("freezone.zone-missing");
        assertThat(catchThrowableOfType(RegistryProblem.class, () -> row.handle(null, governing("altanbulag"))).code())
                .isEqualTo("freezone.zone-missing");
        verifyNoInteractions(gateway);
    }

    @Test
    @DisplayName("003 art. 8.7: a command for an aggregate that does not exist is answered with the context's problem")
    void unknown_aggregate_is_the_contexts_problem() {
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new AggregateNotFoundException(REGISTRATION.stream(), "not found"));
        assertThat(catchThrowableOfType(RegistryProblem.class, () -> row.handle(new RegistrationCommands.RegisterEntity(REGISTRATION), governing("altanbulag"))).code())
                .isEqualTo("freezone.registration-unknown");
    }

    @Test
    @DisplayName("ADR 0026: the stream target names a kernel body's stream, and an annotated internal command by its annotation")
    void stream_target() {
        StreamTarget target = new StreamTarget(p -> p instanceof RegistrationCommands.RegisterEntity r ? r.registrationId().stream() : null);
        assertThat(target.resolveTarget(GenericCommandMessage.asCommandMessage(new RegistrationCommands.RegisterEntity(REGISTRATION))).getIdentifier())
                .isEqualTo("fz-registration-altanbulag:mn-6001234");
        assertThat(target.resolveTarget(GenericCommandMessage.asCommandMessage(new Annotated("s-1"))).getIdentifier()).isEqualTo("s-1");
    }

    record Annotated(@org.axonframework.modelling.command.TargetAggregateIdentifier String stream) {
    }
}
