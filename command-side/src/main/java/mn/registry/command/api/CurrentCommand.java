package mn.registry.command.api;

import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The signed command being carried out on this thread. Axon commands sent while it is set get its
 * id, signer and signature hash as metadata, which Axon's correlation data then copies into every
 * event they cause (under the registry seal).
 */
final class CurrentCommand implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final ThreadLocal<CommandContext> CURRENT = new ThreadLocal<>();

    static <T> T runAs(CommandContext context, java.util.function.Supplier<T> work) {
        CommandContext previous = CURRENT.get();
        CURRENT.set(context);
        try {
            // ADR 0019: the commits this run makes get the command key (events its handlers cause later do not), and its receipt (ADR 0061 item 12)
            return mn.registry.store.mongo.CommandCommits.during(context.commandId(), context.receivedAt(), work);
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> {
            CommandContext context = CURRENT.get();
            if (context == null) {
                return message;
            }
            return message.andMetaData(Map.of(
                    AxonStorageConfiguration.COMMAND_ID, context.commandId(),
                    AxonStorageConfiguration.SIGNED_BY, context.actor().value(),
                    AxonStorageConfiguration.JWS_SHA256, context.jwsSha256()));
        };
    }
}
