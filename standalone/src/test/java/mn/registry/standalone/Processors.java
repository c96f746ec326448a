package mn.registry.standalone;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.Map;

/** The registry's event processors, seen from a test. */
final class Processors {

    private Processors() {
    }

    /**
     * Waits until every segment of every streaming processor is claimed here and at or past the head of the event
     * store. A segment still claimed by a killed process (until its claim times out) is not in the status yet, so
     * counting only the claimed ones could call a processor caught up while some of its segments are behind.
     */
    static void awaitCaughtUp(ConfigurableApplicationContext registry, Duration limit) throws InterruptedException {
        EventStore store = registry.getBean(EventStore.class);
        EventProcessingConfiguration processing = registry.getBean(EventProcessingConfiguration.class);
        TokenStore tokens = registry.getBean(TokenStore.class);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            TrackingToken head = store.createHeadToken();
            long headPosition = head == null ? -1 : head.position().orElse(-1);
            boolean caughtUp = true;
            for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                int segments = tokens.fetchSegments(processor.getName()).length;
                if (status.isEmpty() || status.size() < segments
                        || status.values().stream().anyMatch(s -> s.getCurrentPosition().orElse(-1) < headPosition)) {
                    caughtUp = false;
                }
            }
            if (caughtUp) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("event processors did not reach position " + headPosition + " within " + limit);
            }
            Thread.sleep(200);
        }
    }
}
