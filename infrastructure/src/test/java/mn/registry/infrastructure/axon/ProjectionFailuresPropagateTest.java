package mn.registry.infrastructure.axon;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection handler that throws (a database hiccup) must fail its batch so that it is handled again before the token
 * moves on; Axon's default logs the failure and skips the event, losing the projection's write for good.
 */
class ProjectionFailuresPropagateTest {

    static class AProjection {
        @EventHandler
        void on(String event) {
        }
    }

    @Test
    @DisplayName("a projection handler's failure fails its batch (handled again) instead of being logged and the event skipped")
    void handler_failures_propagate() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration();
        new AxonStorageConfiguration().pooledStreamingProcessors(AxonStorageConfiguration.INITIAL_SEGMENTS).configureModule(configurer);
        configurer.eventProcessing(processing -> processing.registerEventHandler(c -> new AProjection()));
        Configuration configuration = configurer.buildConfiguration();

        assertThat(configuration.eventProcessingConfiguration()
                .listenerInvocationErrorHandler(AProjection.class.getPackageName()))
                .isInstanceOf(PropagatingErrorHandler.class);
    }
}
