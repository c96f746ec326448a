package mn.registry.infrastructure.axon;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.SnapshotTrigger;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0069 item 1: the trigger the long streams name, and its switch {@code registry.snapshots.threshold}. */
class AggregateSnapshotsTest {

    /** The snapshots {@code definition} asks for while a load folds {@code events} events of one stream. */
    private static List<String> scheduledFolding(int events, java.util.function.Function<org.axonframework.eventsourcing.Snapshotter, SnapshotTriggerDefinition> definition) {
        List<String> scheduled = new ArrayList<>();
        SnapshotTrigger trigger = definition.apply((type, id) -> scheduled.add(type.getSimpleName() + ":" + id)).prepareTrigger(Object.class);
        for (int seq = 0; seq < events; seq++) {
            trigger.eventHandled(new GenericDomainEventMessage<>("Object", "stream-1", seq, "event " + seq));
        }
        trigger.initializationFinished();
        return scheduled;
    }

    @Test
    @DisplayName("ADR 0069 item 1: a load that folds 100 events or more asks Axon's snapshotter for one snapshot; 99 or fewer, none; with the "
            + "threshold 0 (the switch off) none, however long the stream")
    void the_trigger_asks_for_a_snapshot_past_its_threshold() {
        assertThat(scheduledFolding(AggregateSnapshots.THRESHOLD - 1, AggregateSnapshots::trigger)).isEmpty();
        assertThat(scheduledFolding(AggregateSnapshots.THRESHOLD, AggregateSnapshots::trigger)).containsExactly("Object:stream-1");
        assertThat(scheduledFolding(5_000, s -> AggregateSnapshots.trigger(s, 0))).isEmpty();
        assertThat(scheduledFolding(20, s -> AggregateSnapshots.trigger(s, 20))).containsExactly("Object:stream-1");
    }
}
