package mn.registry.command.api;

import mn.registry.kernel.identity.Role;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * One kind of signed command: its name in the signed payload, the kernel record its body is read
 * into, the roles that may sign it, and how it is carried out. Each implementation is a Spring bean;
 * the command API finds it by {@link #type()}.
 *
 * @param <T> the kernel record of the command's body
 */
public interface SignedCommandType<T> {

    /** The value of {@code "type"} in the signed payload, e.g. {@code "ApplyForPermit"}. */
    String type();

    /** The kernel record the {@code "command"} object of the signed payload is read into. */
    Class<T> bodyType();

    /** Roles of which the signer must hold at least one at signing time (domain-rules §1). */
    Set<Role> allowedRoles();

    /**
     * Carries the command out (usually: enrich with time and calendar, then send through Axon's
     * command gateway and wait). Returns what the HTTP client is answered with; it is stored with the
     * command id so a repeated command gets the same answer. Throws
     * {@link mn.registry.kernel.problem.RegistryProblem} for a refusal that stores nothing.
     */
    Object handle(T body, CommandContext context);

    /**
     * ADR 0061 item 15 (abuse audit O159): the zone {@link #handle} judges the signer's authority in, for a command whose role is held
     * per zone (a governor's, 003 art. 8.7); sealed beside the acting roles so that the public log tells it. Empty for every other command.
     */
    default java.util.Optional<String> actingZone(T body) {
        return java.util.Optional.empty();
    }

    /** A command type whose roles are fixed and whose handling is one function. */
    static <T> SignedCommandType<T> of(String type, Class<T> bodyType, Set<Role> allowedRoles,
                                       BiFunction<T, CommandContext, Object> handler) {
        return new SignedCommandType<>() {
            @Override
            public String type() {
                return type;
            }

            @Override
            public Class<T> bodyType() {
                return bodyType;
            }

            @Override
            public Set<Role> allowedRoles() {
                return allowedRoles;
            }

            @Override
            public Object handle(T body, CommandContext context) {
                return handler.apply(body, context);
            }
        };
    }
}
