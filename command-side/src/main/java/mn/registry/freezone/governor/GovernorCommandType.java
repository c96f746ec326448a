package mn.registry.freezone.governor;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.kernel.freezone.ZoneCommand;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;

import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A signed command a zone governor makes (003 art. 8.7): every one is checked against the signer's zone and
 * tenure at signing time before anything else happens; {@code carryOut} only carries it out.
 *
 * @param type     the command's type name
 * @param bodyType the kernel body
 * @param carryOut carries out a command whose signer governs its zone
 */
public record GovernorCommandType<T extends ZoneCommand>(String type, Class<T> bodyType, BiFunction<T, CommandContext, Object> carryOut)
        implements SignedCommandType<T> {

    @Override
    public final Set<Role> allowedRoles() {
        return Set.of(Role.ZONE_GOVERNOR);
    }

    @Override
    public final Object handle(T body, CommandContext context) {
        ZoneId zone = zoneOf(body);
        if (zone == null) {
            throw mn.registry.kernel.problem.RegistryProblem.invalid("freezone.zone-missing", "The command names its zone.", "zoneId", GovernorAuthority.ARTICLE);
        }
        GovernorAuthority.requireGovernorOf(context, zone);
        return carryOut.apply(body, context);
    }

    /** ADR 0061 item 15: the zone {@link #handle} judges the governor in, sealed with the act. */
    @Override
    public final java.util.Optional<String> actingZone(T body) {
        return java.util.Optional.ofNullable(zoneOf(body)).map(ZoneId::value);
    }

    private static ZoneId zoneOf(ZoneCommand body) {
        try {
            return body.zoneId();
        } catch (NullPointerException e) {
            return null; // derived from an id the body left out (e.g. registrationId): the zone is missing too
        }
    }

    /** A governor command type carried out by {@code carryOut}. */
    public static <T extends ZoneCommand> GovernorCommandType<T> of(String type, Class<T> bodyType, BiFunction<T, CommandContext, Object> carryOut) {
        return new GovernorCommandType<>(type, bodyType, carryOut);
    }

    /**
     * The one row of a governor-signed command of a converted context (ADR 0026), like the permit's {@code ToApplication}:
     * after the zone check of {@link #handle}, the kernel body goes as it is, with its {@link CommandContext}, to the
     * aggregate its id names; an aggregate that does not exist is answered with {@code unknown} of the body, and the client with
     * {@code answer} of the body, its context and what the aggregate returned. The aggregate takes the receipt time and signer from the context.
     */
    public static <T extends ZoneCommand> GovernorCommandType<T> toAggregate(Class<T> bodyType, CommandGateway commands,
                                                                             Function<T, RegistryProblem> unknown, Answer<T> answer) {
        return of(bodyType.getSimpleName(), bodyType, (body, context) -> {
            Object result;
            try {
                result = commands.sendAndWait(SignedCommandContext.message(body, context));
            } catch (AggregateNotFoundException e) {
                throw unknown.apply(body);
            }
            return answer.of(body, context, result);
        });
    }

    /** What the client is answered, from the body, its context and what the aggregate's handler returned. */
    @FunctionalInterface
    public interface Answer<T> {
        Object of(T body, CommandContext context, Object result);
    }
}
