package mn.registry.freezone.governor;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.util.function.Function;

/**
 * The stream a Free Zone command is for, named from its kernel body (e.g. a {@code RegistrationId}'s
 * {@code fz-registration-...}): the Free Zone aggregates are identified by their stream, not by the id's text, so
 * {@link mn.registry.command.api.TargetByRecordComponent} alone does not name them (ADR 0026). A payload annotated with
 * {@code @TargetAggregateIdentifier} (a command nobody signs: deadlines, sagas, other contexts) resolves by its annotation.
 */
public record StreamTarget(Function<Object, String> streamOf) implements CommandTargetResolver {

    private static final CommandTargetResolver ANNOTATED = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        try {
            return ANNOTATED.resolveTarget(command);
        } catch (IllegalArgumentException | IdentifierMissingException notAnnotated) {
            // a kernel body: its stream is named by its id component
        }
        String stream = streamOf.apply(command.getPayload());
        if (stream == null) {
            throw new IdentifierMissingException("The command " + command.getPayloadType().getSimpleName() + " names no stream.");
        }
        return new VersionedAggregateIdentifier(stream, null);
    }
}
