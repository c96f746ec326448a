package mn.registry.freezone.zone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import mn.registry.command.api.CommandLog;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.MarkedBackfill;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.command.claim.RegistryWideKey;
import mn.registry.freezone.land.ParcelGeometry;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * 003 art. 6.1, 8.7, 22.2 (choice, ADR 0035 item 24; abuse audit F161): the boundary of every established zone, registry-wide, so that a
 * zone is not established over another's ground. Each zone's boundary is in its own stream; this collection ({@value #COLLECTION},
 * {@code {_id: zoneId, coordinates}}) names them all. The zone command type writes a zone's boundary once it is established; for
 * zones established before this release, once per registry at start, the shared pass over the store (ADR 0044) writes every
 * {@code ZoneEstablished}'s, then the marker. An establishment waits for that pass ({@link #awaitDone}).
 */
@Component
public class ZoneBoundaries extends MarkedBackfill {

    private static final Logger log = LoggerFactory.getLogger(ZoneBoundaries.class);

    static final String COLLECTION = "freezone_zone_boundaries";
    /**
     * The backfill's marker: never a zone id (a zone id is lower-case letters, digits and '-'). (ADR 0035 item 72; F338, was O181) The second
     * round's: the first ({@code backfill:adr-0035-24}) wrote the zones with a boundary only, so a registry whose first round ran reads the
     * store once more for the zones established without one.
     */
    static final String MARKER = "backfill:adr-0035-24:every-zone";
    /** Every marker of this collection's backfill rounds (a zone id holds no ':'). */
    private static final org.bson.conversions.Bson A_ZONE = Filters.not(Filters.regex("_id", "^backfill:"));

    /**
     * 003 art. 6.1, 22.2 (choice, ADR 0035 item 25; abuse audit F165, was O98): the one registry-wide key every establishment holds
     * while the overlap check and the establishment run, in {@value #ESTABLISHING}, so that two establishments are serialised across
     * nodes. No claim can be keyed on an area; one key for all establishments is enough for an act this rare.
     */
    static final String ESTABLISHING = "freezone_zone_establishing";
    static final String ESTABLISHING_KEY = "establishment";
    private final MongoCollection<Document> boundaries;
    private final RegistryWideKey establishing;

    /** For tests: no pass of its own over the store (the shared pass, or {@link #begin}, runs it). */
    ZoneBoundaries(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, null);
    }

    /** A {@link MarkedBackfill} (ADR 0035 item 80), its marker unchanged. */
    @Autowired
    ZoneBoundaries(MongoDatabase database, CommandLog commandLog, EventStore events) {
        super("zone boundaries (ADR 0035 item 24)", new BackfillMarker(database.getCollection(COLLECTION), MARKER), events);
        this.boundaries = database.getCollection(COLLECTION);
        this.establishing = new RegistryWideKey(database.getCollection(ESTABLISHING), commandLog, () -> new RegistryProblem(
                RegistryProblem.Kind.UNAVAILABLE, "freezone.zones-not-ready", "Another zone is being established; retry in a minute.", null,
                "003 art. 6.1"));
    }

    /** A zone and its boundary as established. */
    record Established(ZoneId zoneId, GeoPolygon boundary) {
    }

    /** Writes (again: idempotent) an established zone and its boundary ({@code null}: a zone established before F161 required one). */
    void record(ZoneId zoneId, GeoPolygon boundary) {
        boundaries.replaceOne(Filters.eq("_id", zoneId.value()), new Document("_id", zoneId.value()).append("coordinates",
                boundary == null ? null : boundary.coordinates()), new ReplaceOptions().upsert(true));
    }

    /**
     * 003 art. 6.1, 12.5.3 (ADR 0035 items 67, 72): every zone established, as this collection names them: each {@code ZoneEstablished}
     * writes its zone, with its boundary or (established before F161 required one) without (F338, was O181).
     */
    public List<ZoneId> established() {
        return all().stream().map(Established::zoneId).toList();
    }

    /** Every established zone and its boundary, null if it has none (after the backfill of zones established before ADR 0035 item 24). */
    @SuppressWarnings("unchecked")
    List<Established> all() {
        awaitDone();
        List<Established> all = new ArrayList<>();
        for (Document d : boundaries.find(A_ZONE)) {
            List<List<List<Double>>> coordinates = (List<List<List<Double>>>) d.get("coordinates");
            all.add(new Established(ZoneId.of(d.getString("_id")), coordinates == null ? null : new GeoPolygon("Polygon", coordinates)));
        }
        return all;
    }

    /**
     * 003 art. 6.1, 8.7, 22.2 (choice, ADR 0035 item 24; abuse audit F161): the State Great Khural sets each zone's boundaries, and within
     * them the zone's governor decides on the use of land. A zone established over part of another's ground puts one parcel under two
     * governors and two land registers, each checking overlaps only in its own: the same ground licensed twice. Refused when the
     * interiors meet (a shared border is allowed); a boundary that is no polygon is left to the zone's own check (6.1).
     */
    static void boundaryOverlapsNoOtherZone(ZoneId zoneId, GeoPolygon boundary, List<Established> established) {
        if (boundary == null || !ParcelGeometry.isValid(boundary)) {
            return;
        }
        Polygon proposed = ParcelGeometry.polygon(boundary);
        for (Established other : established) {
            if (other.zoneId().equals(zoneId) || other.boundary() == null || !ParcelGeometry.isValid(other.boundary())) {
                continue; // the same id is refused as established already; a zone without a boundary (before F161) takes in no ground
            }
            if (ParcelGeometry.overlap(proposed, ParcelGeometry.polygon(other.boundary()))) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.zone-overlaps", "The boundary of " + zoneId + " takes in ground "
                        + "of zone " + other.zoneId() + ": a parcel would be under two governors and two land registers. Zones may share a "
                        + "border, not ground.", "boundary", "003 art. 6.1, 22.2");
            }
        }
    }

    void requireNoOverlap(ZoneId zoneId, GeoPolygon boundary) {
        boundaryOverlapsNoOtherZone(zoneId, boundary, all());
    }

    /**
     * 003 art. 6.1, 22.2 (choice, ADR 0035 item 25; abuse audit F165, was O98): establishes a zone alone in the registry. The command
     * holds the one establishment key ({@link RegistryWideClaim}, atomic on every MongoDB server) while F161's overlap check, the
     * establishment and the boundary's record run, and releases it after, refused or not: a second establishment received at the same
     * instant on another node waits for the first and then sees its boundary. A key whose command is no longer running (answered,
     * refused, or its lease expired in a stop) is taken over.
     */
    <T> T establishAlone(ZoneId zoneId, GeoPolygon boundary, String commandId, Instant at, Supplier<T> establish) {
        return establishing.hold(new Document("_id", ESTABLISHING_KEY).append("commandId", commandId).append("claimedAt", at.toString()),
                holder -> { }, () -> {
                    requireNoOverlap(zoneId, boundary);
                    T answer = establish.get();
                    record(zoneId, boundary);
                    return answer;
                });
    }

    // ---------------------------------------------------------------- the backfill of zones established before the rule

    @Override
    public Pass begin() {
        return new Pass() {
            int zones;

            @Override
            public void accept(TrackedEventMessage<?> event) {
                if (event.getPayload() instanceof ZoneEvents.ZoneEstablished z) { // with or without a boundary (ADR 0035 item 72)
                    record(z.zoneId(), z.boundary());
                    zones++;
                }
            }

            @Override
            public void finish(long read) {
                marker.write(Instant.now(), new Document("zones", zones));
                passDone();
                log.info("zone boundaries (ADR 0035 item 24): read {} events, recorded {} zones", read, zones);
            }
        };
    }

    /** An establishment waits for the backfill; 503 (a retry is safe) if it takes longer than a minute. */
    void awaitDone() {
        awaitPass(() -> new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "freezone.zones-not-ready", "The registry is still reading the boundaries "
                + "of the zones established before this release; retry in a minute.", null, "003 art. 6.1"));
    }
}
