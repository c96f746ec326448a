package mn.registry.identity.command;

import mn.registry.command.claim.DocumentClaims;
import mn.registry.identity.api.ZoneRecordsOfAppointments;
import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.identity.GrantsAndEndsOfAPerson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.SignerCertificateRevoked;
import mn.registry.kernel.identity.StoredActOrderStated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * 001 art. 23.1.1, 003 art. 8.2 (ADR 0061 item 69, choice; abuse audit F535, was O401): a person's grants, ends and certificate revocations
 * with their orders, read from the person's stream as stored (read-only, no aggregate loaded): the order the event names, else the one the
 * start's pass read from the archive ({@link Person.OrdersOfStoredActs#ordersWithoutWaiting}: a page does not wait, F441), else the one
 * stated since ({@code StoredActOrderStated}); then for a governor each governed zone's appointments and dismissals recorded there alone
 * (by their number on the zone's stream) and the zone records' decisions not cited on the person's stream. Beside each order, the persons
 * its claim says its first citation stated it concerns ({@link DocumentClaims#statedConcerns}), so that a second official sees them.
 */
@Component
class PersonsGrantsAndEnds implements GrantsAndEndsOfAPerson {

    private final EventStore events;
    private final Person.OrdersOfStoredActs archive;
    private final ZoneRecordsOfAppointments zoneRecords;
    private final Function<String, Optional<List<String>>> concerns;

    @Autowired
    PersonsGrantsAndEnds(EventStore events, Person.OrdersOfStoredActs archive, ZoneRecordsOfAppointments zoneRecords,
                         ObjectProvider<DocumentClaims> claims) {
        this(events, archive, zoneRecords, order -> {
            DocumentClaims read = claims.getIfAvailable();
            return read == null ? Optional.empty() : read.statedConcerns(order);
        });
    }

    /** @param concerns the persons an order's claim states it concerns (empty: none stated, or no claim) */
    PersonsGrantsAndEnds(EventStore events, Person.OrdersOfStoredActs archive, ZoneRecordsOfAppointments zoneRecords,
                         Function<String, Optional<List<String>>> concerns) {
        this.events = events;
        this.archive = archive;
        this.zoneRecords = zoneRecords;
        this.concerns = concerns;
    }

    @Override
    public Optional<List<GrantOrEnd>> of(PersonId person) {
        String stream = PersonCommands.streamOf(person);
        List<DomainEventMessage<?>> stored = new ArrayList<>();
        WholeStream.events(events, stream).forEach(stored::add);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> statedHere = new HashMap<>();
        Map<String, Map<Long, String>> statedOnZones = new HashMap<>();
        Set<String> zones = new java.util.TreeSet<>();
        boolean namingNone = false;
        for (DomainEventMessage<?> e : stored) {
            if (e.getPayload() instanceof StoredActOrderStated s) {
                if (s.onTheZonesStream() == null) {
                    statedHere.put(s.sequence(), lower(s.documentSha256()));
                } else {
                    statedOnZones.computeIfAbsent(s.onTheZonesStream(), z -> new HashMap<>()).put(s.sequence(), lower(s.documentSha256()));
                }
            } else if (e.getPayload() instanceof RoleGranted g) {
                namingNone |= g.documentSha256() == null;
                if (g.zoneId() != null) {
                    zones.add(g.zoneId());
                }
            } else if (e.getPayload() instanceof RoleRevoked r) {
                namingNone |= r.documentSha256() == null;
            }
        }
        // the archive is read only when an act names no order (a page does not wait for the start's pass: NOT_READY at once)
        Map<Long, String> archived = namingNone ? archive.ordersWithoutWaiting(stream) : Map.of();
        List<GrantOrEnd> acts = new ArrayList<>();
        Set<String> cited = new LinkedHashSet<>();
        Set<String> hereAt = new java.util.HashSet<>();
        for (DomainEventMessage<?> e : stored) {
            long n = e.getSequenceNumber();
            if (e.getPayload() instanceof RoleGranted g) {
                acts.add(row(n, "grant", g.role(), g.zoneId(), g.validFrom(), g.grantedBy(), g.documentSha256(), archived, statedHere, null));
                hereAt.add("grant " + g.zoneId() + " " + g.validFrom());
            } else if (e.getPayload() instanceof RoleRevoked r) {
                acts.add(row(n, "end", r.role(), r.zoneId(), r.validUntil(), r.revokedBy(), r.documentSha256(), archived, statedHere, null));
                hereAt.add("end " + r.zoneId() + " " + r.validUntil());
            } else if (e.getPayload() instanceof SignerCertificateRevoked c) {
                acts.add(row(n, "certificate-revoked", null, null, c.validUntil(), c.revokedBy(), c.documentSha256(), Map.of(), Map.of(), null));
            }
        }
        acts.stream().map(GrantOrEnd::order).filter(java.util.Objects::nonNull).forEach(cited::add);
        for (String zone : zones) {
            String zoneStream = mn.registry.kernel.freezone.ZoneId.of(zone).stream();
            Map<Long, String> stated = statedOnZones.getOrDefault(zoneStream, Map.of());
            new java.util.TreeMap<>(zoneRecords.recordsNamingNoDocument(person, zone)).forEach((number, recorded) -> {
                if (!hereAt.contains(recorded.act() + " " + zone + " " + recorded.at())) {
                    // ADR 0061 item 83 (session 33): with its signer, as the zone's record names it
                    acts.add(row(number, recorded.act(), Role.ZONE_GOVERNOR, zone, recorded.at(), recorded.by(), null, Map.of(), stated, zoneStream));
                }
            });
            // ADR 0061 item 77 (F596, was O432): each with its number on the zone's stream, its time and its signer
            zoneRecords.appointmentsOnTheRecords(person, Set.of(zone)).stream().filter(a -> !cited.contains(lower(a.decisionSha256())))
                    .forEach(a -> acts.add(new GrantOrEnd(a.number(), "grant", Role.ZONE_GOVERNOR, zone, a.at(), a.by(), lower(a.decisionSha256()),
                            OrderFrom.NAMED, concerns.apply(lower(a.decisionSha256())).orElse(null), zoneStream)));
        }
        return Optional.of(List.copyOf(acts));
    }

    private GrantOrEnd row(long n, String act, Role role, String zone, java.time.Instant at, PersonId by, String named,
                           Map<Long, String> archived, Map<Long, String> stated, String onTheZonesStream) {
        String order;
        OrderFrom from;
        if (named != null) {
            order = lower(named);
            from = OrderFrom.NAMED;
        } else if (onTheZonesStream == null && archived.containsKey(n)) {
            order = lower(archived.get(n));
            from = OrderFrom.ARCHIVE;
        } else if (stated.containsKey(n)) {
            order = stated.get(n);
            from = OrderFrom.STATED;
        } else {
            order = null;
            from = OrderFrom.NONE;
        }
        return new GrantOrEnd(n, act, role, zone, at, by, order, from, order == null ? null : concerns.apply(order).orElse(null), onTheZonesStream);
    }

    private static String lower(String sha256) {
        return sha256 == null ? null : sha256.strip().toLowerCase(Locale.ROOT);
    }
}
