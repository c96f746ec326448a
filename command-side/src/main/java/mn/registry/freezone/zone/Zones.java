package mn.registry.freezone.zone;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the command side needs to know of a zone before acting in it (is it open, its boundary and area),
 * read from the zone's own events at each question, like the identity directory: current on every node.
 */
@Component
public class Zones {

    /**
     * A zone as its events say now, read in one pass over its stream: a land act reads it once and judges by it the zone (open, boundary,
     * area, resolution) and, through {@link #closures}, the periods of 12.5 its closures move (abuse audit O389), and by {@link #activities}
     * the activities it allows.
     *
     * @param resolutionDate the State Great Khural resolution's date (003 art. 6.1, ADR 0035 item 31); null for a zone recorded without it
     * @param closures       003 art. 6.4: its temporary closures in order, each with the day it was reopened (none while still closed)
     * @param activities     the types of activity its establishing resolution allows (003 art. 6.1)
     */
    public record Zone(ZoneId zoneId, String name, BigDecimal areaHectares, GeoPolygon boundary, boolean open, LocalDate resolutionDate,
                       List<FreeZoneTerms.Closure> closures, Set<Activity> activities) {

        public Zone {
            closures = List.copyOf(closures);
            activities = activities == null || activities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(activities));
        }

        /** A zone never closed, allowing no activity (the tests' zones). */
        public Zone(ZoneId zoneId, String name, BigDecimal areaHectares, GeoPolygon boundary, boolean open, LocalDate resolutionDate) {
            this(zoneId, name, areaHectares, boundary, open, resolutionDate, List.of(), Set.of());
        }

        public Zone(ZoneId zoneId, String name, BigDecimal areaHectares, GeoPolygon boundary, boolean open) {
            this(zoneId, name, areaHectares, boundary, open, null);
        }
    }

    private final EventStore events;

    public Zones(EventStore events) {
        this.events = events;
    }

    /** The zone as its events say now, its closures and activities with it (one read of its stream); empty if it was never established. */
    public Optional<Zone> find(ZoneId zoneId) {
        ZoneEvents.ZoneEstablished established = null;
        LocalDate resolutionDate = null;
        boolean open = false;
        List<FreeZoneTerms.Closure> closures = new ArrayList<>();
        for (Object e : WholeStream.payloads(events, zoneId.stream()).toList()) {
            if (e instanceof ZoneEvents.ZoneEstablished z) {
                established = z;
                resolutionDate = z.resolutionDate();
                open = false;
            } else if (e instanceof ZoneEvents.ZoneResolutionDateRecorded r) {
                resolutionDate = r.resolutionDate(); // ADR 0035 item 36: recorded later, it counts as if recorded with the zone
            } else if (e instanceof ZoneEvents.ZoneOpened o) {
                open = true;
                if (!closures.isEmpty() && closures.get(closures.size() - 1).reopenedOn() == null) {
                    closures.set(closures.size() - 1, new FreeZoneTerms.Closure(closures.get(closures.size() - 1).closedOn(),
                            UlaanbaatarTime.dateOf(o.openedAt())));
                }
            } else if (e instanceof ZoneEvents.ZoneTemporarilyClosed c) {
                open = false;
                closures.add(new FreeZoneTerms.Closure(UlaanbaatarTime.dateOf(c.closedAt()), null));
            }
        }
        return established == null ? Optional.empty() : Optional.of(new Zone(established.zoneId(), established.name(), established.areaHectares(),
                established.boundary(), open, resolutionDate, closures,
                established.activities() == null ? Set.of() : Set.copyOf(established.activities())));
    }

    /** 003 art. 6.4: the zone's temporary closures in order, each with the day it was reopened (none while still closed). */
    public List<FreeZoneTerms.Closure> closures(ZoneId zoneId) {
        return find(zoneId).map(Zone::closures).orElse(List.of());
    }

    /** The types of activity the zone's establishing resolution allows (003 art. 6.1); empty when no zone was established. */
    public Set<Activity> allowedActivities(ZoneId zoneId) {
        return find(zoneId).map(Zone::activities).orElse(Set.of());
    }

    /** The zone, or 404 naming it. */
    public Zone require(ZoneId zoneId) {
        return find(zoneId).orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.zone-unknown",
                "No zone " + zoneId + " has been established.", "zoneId", "003 art. 6.1"));
    }

    // 003 art. 6.4 (choice): a temporarily closed zone takes no new registrations or land licences
    public Zone requireOpen(ZoneId zoneId) {
        return openOrRefused(require(zoneId));
    }

    /** 003 art. 6.4: {@code zone}, read once for the act, unless it is temporarily closed ({@code freezone.zone-closed}; abuse audit O403). */
    public static Zone openOrRefused(Zone zone) {
        ZoneId zoneId = zone.zoneId();
        if (!zone.open()) {
            throw RegistryProblem.conflict("freezone.zone-closed", "Zone " + zoneId + " is not open: it takes no new registrations or land licences.",
                    "003 art. 6.4");
        }
        return zone;
    }
}
