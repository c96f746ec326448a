package mn.registry.freezone.zone;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What the command side needs to know of a zone before acting in it (is it open, its boundary and area),
 * read from the zone's own events at each question, like the identity directory: current on every node.
 */
@Component
public class Zones {

    /**
     * A zone as its events say now.
     *
     * @param resolutionDate the State Great Khural resolution's date (003 art. 6.1, ADR 0035 item 31); null for a zone recorded without it
     */
    public record Zone(ZoneId zoneId, String name, BigDecimal areaHectares, GeoPolygon boundary, boolean open, java.time.LocalDate resolutionDate) {

        public Zone(ZoneId zoneId, String name, BigDecimal areaHectares, GeoPolygon boundary, boolean open) {
            this(zoneId, name, areaHectares, boundary, open, null);
        }

        Zone opened(boolean isOpen) {
            return new Zone(zoneId, name, areaHectares, boundary, isOpen, resolutionDate);
        }

        Zone resolved(java.time.LocalDate date) {
            return new Zone(zoneId, name, areaHectares, boundary, open, date);
        }
    }

    private final EventStore events;

    public Zones(EventStore events) {
        this.events = events;
    }

    public Optional<Zone> find(ZoneId zoneId) {
        Zone zone = null;
        for (Object e : WholeStream.payloads(events, zoneId.stream()).toList()) {
            if (e instanceof ZoneEvents.ZoneEstablished z) {
                zone = new Zone(z.zoneId(), z.name(), z.areaHectares(), z.boundary(), false, z.resolutionDate());
            } else if (e instanceof ZoneEvents.ZoneResolutionDateRecorded r && zone != null) {
                zone = zone.resolved(r.resolutionDate()); // ADR 0035 item 36: recorded later, it counts as if recorded with the zone
            } else if (e instanceof ZoneEvents.ZoneOpened && zone != null) {
                zone = zone.opened(true);
            } else if (e instanceof ZoneEvents.ZoneTemporarilyClosed && zone != null) {
                zone = zone.opened(false);
            }
        }
        return Optional.ofNullable(zone);
    }

    /** 003 art. 6.4: the zone's temporary closures in order, each with the day it was reopened (none while still closed). */
    public java.util.List<mn.registry.kernel.freezone.FreeZoneTerms.Closure> closures(ZoneId zoneId) {
        java.util.List<mn.registry.kernel.freezone.FreeZoneTerms.Closure> closures = new java.util.ArrayList<>();
        for (Object e : WholeStream.payloads(events, zoneId.stream()).toList()) {
            if (e instanceof ZoneEvents.ZoneTemporarilyClosed c) {
                closures.add(new mn.registry.kernel.freezone.FreeZoneTerms.Closure(mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(c.closedAt()), null));
            } else if (e instanceof ZoneEvents.ZoneOpened o && !closures.isEmpty() && closures.get(closures.size() - 1).reopenedOn() == null) {
                closures.set(closures.size() - 1, new mn.registry.kernel.freezone.FreeZoneTerms.Closure(closures.get(closures.size() - 1).closedOn(),
                        mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(o.openedAt())));
            }
        }
        return closures;
    }

    /** The types of activity the zone's establishing resolution allows (003 art. 6.1); empty when no zone was established. */
    public Set<Activity> allowedActivities(ZoneId zoneId) {
        Set<Activity> allowed = EnumSet.noneOf(Activity.class);
        WholeStream.payloads(events, zoneId.stream()).filter(ZoneEvents.ZoneEstablished.class::isInstance)
                .forEach(e -> allowed.addAll(((ZoneEvents.ZoneEstablished) e).activities()));
        return Set.copyOf(allowed);
    }

    /** The zone, or 404 naming it. */
    public Zone require(ZoneId zoneId) {
        return find(zoneId).orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.zone-unknown",
                "No zone " + zoneId + " has been established.", "zoneId", "003 art. 6.1"));
    }

    // 003 art. 6.4 (choice): a temporarily closed zone takes no new registrations or land licences
    public Zone requireOpen(ZoneId zoneId) {
        Zone zone = require(zoneId);
        if (!zone.open()) {
            throw RegistryProblem.conflict("freezone.zone-closed", "Zone " + zoneId + " is not open: it takes no new registrations or land licences.",
                    "003 art. 6.4");
        }
        return zone;
    }
}
