package mn.registry.command.api;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetByRecordComponentTest {

    record KernelBody(String applicationId, String other) {
    }

    record Internal(@TargetAggregateIdentifier String zoneId, String applicationId) {
    }

    record InternalWithoutId(@TargetAggregateIdentifier String zoneId, String applicationId) {
    }

    @Test
    @DisplayName("a kernel body without the annotation is resolved by its named component, every time the same")
    void kernel_body_by_component() {
        TargetByRecordComponent resolver = new TargetByRecordComponent("applicationId");
        for (int i = 0; i < 3; i++) {
            assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new KernelBody("A-" + i, "x"))).getIdentifier())
                    .isEqualTo("A-" + i);
        }
    }

    @Test
    @DisplayName("an internal record names its target by @TargetAggregateIdentifier first, before the named component")
    void annotation_first() {
        TargetByRecordComponent resolver = new TargetByRecordComponent("applicationId");
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new Internal("Z-1", "A-1"))).getIdentifier()).isEqualTo("Z-1");
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new InternalWithoutId(null, "A-2"))).getIdentifier())
                .as("annotated but empty: the component, as before").isEqualTo("A-2");
    }

    @Test
    @DisplayName("a command naming no target at all is refused with Axon's IdentifierMissingException")
    void no_target() {
        TargetByRecordComponent resolver = new TargetByRecordComponent("applicationId");
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new KernelBody(null, "x"))))
                .isInstanceOf(IdentifierMissingException.class).hasMessageContaining("names no applicationId");
    }

    @Test
    @DisplayName("ADR 0070 item 11 (session 28, issue 15): the refusal of a body naming no target, which Axon's creating handler asks for and "
            + "catches on every application, fills in no stack trace; a body naming its target is resolved as before")
    void no_target_costs_no_stack_trace() {
        TargetByRecordComponent resolver = new TargetByRecordComponent("applicationId");
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new KernelBody(null, "x"))))
                .isInstanceOf(IdentifierMissingException.class)
                .satisfies(e -> assertThat(e.getStackTrace()).as("no stack walked (on main: the test's whole stack)").isEmpty());
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new KernelBody("A-1", "x"))).getIdentifier()).isEqualTo("A-1");
    }
}
