package mn.registry.freezone.entity;

import mn.registry.freezone.zone.ZoneBoundaries;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** For the tests of other packages: {@link CourtDecisionsElsewhere} as the registry builds it, on a store and a zones' list of their own. */
public final class CourtDecisionsElsewhereOn {

    private CourtDecisionsElsewhereOn() {
    }

    /** @param engine the store's engine ({@code null}: another than the registry's, asked stream by stream) */
    public static CourtDecisionsElsewhere store(EventStore events, ZoneBoundaries zones, GaplessEventStorageEngine engine) {
        return new CourtDecisionsElsewhere(events, zones, CourtDecisionsElsewhere.streamsBegun(events, engine));
    }

    /** As the registry read them before ADR 0035 item 91 (session 26): every other zone's stream read, an empty one too. */
    public static CourtDecisionsElsewhere readingEveryStream(EventStore events, ZoneBoundaries zones) {
        return new CourtDecisionsElsewhere(events, zones, java.util.Set::copyOf);
    }
}
