package mn.registry.command.backfill;

import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * A once-per-registry repair at start that needs the whole store read once (ADR 0031's company claims, ADR 0035 item 6's
 * years to start). Each keeps its own marker; {@link StoreBackfills} reads the store once for all those whose marker is
 * missing and feeds every event to each (ADR 0044, D2 of the session 9 review).
 */
public interface StartupBackfill {

    /** For the start-up log line. */
    String name();

    /** Whether this registry still lacks the marker (the backfill must run). */
    boolean due();

    /** Called instead of a pass when the marker was found. */
    default void skipped() {
    }

    /** A pass over the store starts: what collects this backfill's events. */
    Pass begin();

    /** One pass's collector. */
    interface Pass {
        /** Every event of the store, in the store's order. */
        void accept(TrackedEventMessage<?> event);

        /** The store is read ({@code read} events): act on what was collected and write the marker. */
        void finish(long read);
    }
}
