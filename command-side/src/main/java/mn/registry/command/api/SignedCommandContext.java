package mn.registry.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;

import java.lang.reflect.Executable;
import java.lang.reflect.Parameter;
import java.util.Map;

/**
 * Hands a command handler the {@link CommandContext} of the signed command it carries out (receipt time, signer, the
 * signer's roles and zones, command id, signature hash): the body is the kernel's published record, and this is how the
 * registry's own facts about it travel beside it, once, in the command message's metadata under {@link #KEY}. Found by
 * Axon through {@code META-INF/services} (on the registry and in the aggregate test fixture alike). A handler that asks
 * for a {@code CommandContext} is not invoked for a message without one (ADR 0026).
 */
public final class SignedCommandContext implements ParameterResolverFactory {

    /** The metadata key of the command context; never copied into events (only the correlation keys are). */
    public static final String KEY = "registry.commandContext";

    /** The Axon command that carries a signed command's kernel body to its handler, with its context. */
    public static <T> CommandMessage<T> message(T body, CommandContext context) {
        return GenericCommandMessage.<T>asCommandMessage(body).andMetaData(Map.of(KEY, context));
    }

    @Override
    public ParameterResolver<CommandContext> createInstance(Executable executable, Parameter[] parameters, int parameterIndex) {
        if (!CommandContext.class.equals(parameters[parameterIndex].getType())) {
            return null;
        }
        return new ParameterResolver<>() {
            @Override
            public CommandContext resolveParameterValue(Message<?> message) {
                return (CommandContext) message.getMetaData().get(KEY);
            }

            @Override
            public boolean matches(Message<?> message) {
                return message.getMetaData().get(KEY) instanceof CommandContext;
            }
        };
    }
}
