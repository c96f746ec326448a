package mn.registry.freezone.entity;

import mn.registry.freezone.zone.ZoneBoundaries;
import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.store.mongo.GaplessEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 003 art. 12.5.3, 26.2 (the lead, ADR 0035 item 67; item 82): the court decisions recorded on the same entity's registrations in the other
 * established zones, as their events say now (any registration period). A court dissolves the legal entity, not one registration: the
 * registration's operations records (item 67) and the land register (item 82) read it. (Item 91, abuse audit O257) One read of the zones' list
 * for all the registrations asked together, one {@code $in} on the store's heads telling which of their registrations elsewhere have a stream,
 * and a read of each such stream only.
 */
@Component
public class CourtDecisionsElsewhere {

    private final EventStore events;
    private final ZoneBoundaries established;
    private final Function<Collection<String>, Set<String>> streamsBegun;

    @Autowired
    CourtDecisionsElsewhere(EventStore events, ZoneBoundaries established, ObjectProvider<EventStorageEngine> engine) {
        this(events, established, streamsBegun(events, DurableEventStorageEngine.gapless(engine.getIfAvailable())));
    }

    /** @param streamsBegun which of the given streams have an event ({@link GaplessEventStorageEngine#streamsBegun}) */
    CourtDecisionsElsewhere(EventStore events, ZoneBoundaries established, Function<Collection<String>, Set<String>> streamsBegun) {
        this.events = events;
        this.established = established;
        this.streamsBegun = streamsBegun;
    }

    /** The registry's engine's one {@code $in}; another engine (a test's in-memory one) is asked stream by stream. */
    static Function<Collection<String>, Set<String>> streamsBegun(EventStore events, GaplessEventStorageEngine gapless) {
        return gapless != null ? gapless::streamsBegun
                : streams -> streams.stream().filter(stream -> events.lastSequenceNumberFor(stream).isPresent()).collect(Collectors.toSet());
    }

    /** The decisions recorded on {@code registration}'s entity in every established zone but its own. */
    public List<RegistrationEvents.CourtDissolutionRecorded> of(RegistrationId registration) {
        return ofEach(List.of(registration)).get(registration);
    }

    /**
     * As {@link #of} for each of {@code registrations} (ADR 0035 item 91; O257): the zones' list read once, and where more than one stream
     * elsewhere is asked, one {@code $in} telling which exist before any is read (a single one is read at once: an empty stream costs one
     * find either way).
     */
    public Map<RegistrationId, List<RegistrationEvents.CourtDissolutionRecorded>> ofEach(Collection<RegistrationId> registrations) {
        List<ZoneId> zones = established.established();
        Map<RegistrationId, List<RegistrationId>> elsewhere = new LinkedHashMap<>();
        registrations.forEach(registration -> elsewhere.put(registration, inTheOtherZones(registration, zones)));
        List<String> asked = elsewhere.values().stream().flatMap(List::stream).map(RegistrationId::stream).distinct().toList();
        Set<String> begun = asked.size() > 1 ? streamsBegun.apply(asked) : Set.copyOf(asked);
        Map<RegistrationId, List<RegistrationEvents.CourtDissolutionRecorded>> decisions = new LinkedHashMap<>();
        elsewhere.forEach((registration, others) -> decisions.put(registration, others.stream().map(RegistrationId::stream).filter(begun::contains)
                .flatMap(stream -> WholeStream.payloads(events, stream))
                .filter(RegistrationEvents.CourtDissolutionRecorded.class::isInstance).map(RegistrationEvents.CourtDissolutionRecorded.class::cast)
                .toList()));
        return decisions;
    }

    /** The ids {@code registration}'s entity has (or would have) in every established zone but its own (read: one find of the zones' list). */
    List<RegistrationId> inTheOtherZones(RegistrationId registration) {
        return inTheOtherZones(registration, established.established());
    }

    private static List<RegistrationId> inTheOtherZones(RegistrationId registration, List<ZoneId> zones) {
        return zones.stream().filter(zone -> !zone.equals(registration.zoneId())).map(registration::inZone).toList();
    }
}
