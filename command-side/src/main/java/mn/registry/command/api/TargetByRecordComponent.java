package mn.registry.command.api;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.lang.reflect.RecordComponent;

/**
 * Finds the aggregate a command is for in the record component of the given name (e.g. {@code applicationId}) of its
 * payload, so that the kernel's published command records reach their aggregate without an Axon annotation (the kernel
 * does not depend on Axon). The id is the component's {@code toString()}, as Axon's annotation resolver takes it.
 * A command whose payload names its target with {@code @TargetAggregateIdentifier} (an internal record) is resolved by
 * that annotation first: Axon's Spring configuration hands a lone {@code CommandTargetResolver} bean to every aggregate,
 * and the other aggregates' commands must resolve as before.
 */
public record TargetByRecordComponent(String component) implements CommandTargetResolver {

    /** The value of the named component of a record, or null when it has none or it is null. */
    public static Object read(Object payload, String component) {
        if (payload instanceof Record r) {
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getName().equals(component)) {
                    try {
                        java.lang.reflect.Method accessor = c.getAccessor();
                        accessor.trySetAccessible(); // a context's internal commands are package-private records
                        return accessor.invoke(r);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }

    private static final CommandTargetResolver ANNOTATED = AnnotationCommandTargetResolver.builder().build();

    /** Whether a payload type has a field or method annotated (or meta-annotated) {@code @TargetAggregateIdentifier}, once per type. */
    private static final ClassValue<Boolean> NAMES_TARGET = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            // the members Axon's AnnotationCommandTargetResolver looks at (its ReflectionUtils: fields and methods of the type,
            // its superclasses and interfaces)
            for (java.lang.reflect.Field f : org.axonframework.common.ReflectionUtils.fieldsOf(type)) {
                if (org.axonframework.common.annotation.AnnotationUtils.isAnnotationPresent(f, TargetAggregateIdentifier.class)) {
                    return true;
                }
            }
            for (java.lang.reflect.Method m : org.axonframework.common.ReflectionUtils.methodsOf(type)) {
                if (org.axonframework.common.annotation.AnnotationUtils.isAnnotationPresent(m, TargetAggregateIdentifier.class)) {
                    return true;
                }
            }
            return false;
        }
    };

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        return annotatedOr(command, payload -> read(payload, component), component);
    }

    /**
     * The target named by {@code @TargetAggregateIdentifier} (an internal record), else {@code idOf} the payload (a kernel
     * body); {@code what} names the missing id in the error.
     */
    public static VersionedAggregateIdentifier annotatedOr(CommandMessage<?> command, java.util.function.Function<Object, ?> idOf, String what) {
        if (NAMES_TARGET.get(command.getPayloadType())) {
            try {
                return ANNOTATED.resolveTarget(command);
            } catch (IllegalArgumentException | IdentifierMissingException notAnnotated) {
                // annotated, but no id in it: read from the body as below
            }
        }
        // a kernel body: no annotation, its id is read from the body (asked without Axon's resolver, which would
        // scan the class and throw, with its stack trace, for every command of this kind)
        Object id = idOf.apply(command.getPayload());
        if (id == null) {
            throw new NoTargetNamed("The command " + command.getPayloadType().getSimpleName() + " names no " + what + ".");
        }
        return new VersionedAggregateIdentifier(id.toString(), null);
    }

    /**
     * Axon's {@link IdentifierMissingException} without a stack trace (session 28, issue 15, ADR 0070 item 11): a creating command's
     * handler ({@code AlwaysCreateAggregateCommandHandler}) asks the resolver and catches this for every command that creates its aggregate
     * (every {@code ApplyForPermit}), so filling in the request thread's stack of some hundred frames was work per command for nobody; the
     * message names the command and the missing id, which is all a refused command's log needs.
     */
    static final class NoTargetNamed extends IdentifierMissingException {

        NoTargetNamed(String message) {
            super(message);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
