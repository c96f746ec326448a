package mn.registry.command.backfill;

import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;

/**
 * A {@link StartupBackfill} that is due while its {@link BackfillMarker} is missing and can also run alone, with a pass over the
 * store of its own: what the start-up backfills that read the whole store share (their name for the log, their marker, the store).
 */
public abstract class MarkedBackfill implements StartupBackfill {

    private final String name;
    protected final BackfillMarker marker;
    private final EventStore events;

    protected MarkedBackfill(String name, BackfillMarker marker, EventStore events) {
        this.name = name;
        this.marker = marker;
        this.events = events;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public boolean due() {
        return marker.missing();
    }

    /** Runs this backfill alone (its own pass over the store), as at start when the other backfills' markers are written. */
    public void start() {
        StoreBackfills.run(events, List.of(this));
    }
}
