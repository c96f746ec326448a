package mn.registry.freezone.governor;

import mn.registry.command.api.TargetByRecordComponent;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.util.function.Function;

/**
 * The stream a Free Zone command is for, named from its kernel body (e.g. a {@code RegistrationId}'s
 * {@code fz-registration-...}): the Free Zone aggregates are identified by their stream, not by the id's text, so
 * {@link mn.registry.command.api.TargetByRecordComponent} alone does not name them (ADR 0026). A payload annotated with
 * {@code @TargetAggregateIdentifier} (a command nobody signs: deadlines, sagas, other contexts) resolves by its annotation.
 */
public record StreamTarget(Function<Object, String> streamOf) implements CommandTargetResolver {

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return TargetByRecordComponent.annotatedOr(command, streamOf::apply, "stream");
    }
}
