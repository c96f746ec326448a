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

    /**
     * The signed command being carried out, the roles its act is signed under (null: not all of them public) and the zone it is
     * judged in (null: none, or the roles not public).
     */
    private record Running(CommandContext context, List<String> actingRoles, String actingZone) {
    }

    private static final ThreadLocal<Running> CURRENT = new ThreadLocal<>();

    /**
     * Carries out {@code work} as the run of the signed command of {@code context}, signed under {@code actingRoles} (the signer's
     * roles the command may be signed under, ADR 0061 item 14): the Axon commands it sends carry them as metadata
     * ({@link AxonStorageConfiguration#ACTING_ROLES}) when every one is an official's (published), so that the events of the act
     * itself, and not its later consequences, name them in the public log; with them, a governor's act names the zone it is judged in
     * ({@code actingZone}, ADR 0061 item 15; null for none).
     */
    static <T> T runAs(CommandContext context, java.util.Set<mn.registry.kernel.identity.Role> actingRoles, String actingZone,
                       java.util.function.Supplier<T> work) {
        Running previous = CURRENT.get();
        boolean published = !actingRoles.isEmpty() && actingRoles.stream().allMatch(mn.registry.kernel.identity.Role::official);
        CURRENT.set(published ? new Running(context, actingRoles.stream().map(Enum::name).sorted().toList(), actingZone)
                : new Running(context, null, null));
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
            Running running = CURRENT.get();
            if (running == null) {
                return message;
            }
            CommandContext context = running.context();
            Map<String, Object> metaData = new java.util.HashMap<>(Map.of(
                    AxonStorageConfiguration.COMMAND_ID, context.commandId(),
                    AxonStorageConfiguration.SIGNED_BY, context.actor().value(),
                    AxonStorageConfiguration.JWS_SHA256, context.jwsSha256()));
            if (running.actingRoles() != null) {
                metaData.put(AxonStorageConfiguration.ACTING_ROLES, running.actingRoles());
            }
            if (running.actingZone() != null) {
                metaData.put(AxonStorageConfiguration.ACTING_ZONE, running.actingZone());
            }
            return message.andMetaData(metaData);
        };
    }
}
