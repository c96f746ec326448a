package mn.registry.kernel.trust;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a service's status history: from {@code startingTime} the service of the permit had {@code status},
 * as decided by the event {@code event} (simple class name) under {@code article}; the provider's name and company
 * registration number as of that entry (a transfer changes them).
 */
public record ServiceStatus(TrustStatus status, Instant startingTime, String providerName, String providerRegistrationNumber,
                            String event, String article) {

    public ServiceStatus {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startingTime, "startingTime");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(event, "event");
    }
}
