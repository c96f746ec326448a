package mn.registry.identity.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import mn.registry.command.api.CommandLog;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.MarkedBackfill;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.identity.StoredActsNamingNoOrder;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.signing.SignedCommandVerifier;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ADR 0061 item 23 (abuse audit F383, was O202; 001 art. 23.1.1): the orders of the grants and ends stored before item 21, which name
 * none on the person's stream. Each was applied by a signed {@code EnrolSigner} or {@code EndSignerRole} whose body names its order
 * ({@code documentSha256}) and whose JWS the command log archives under its signer's key (issue 14 item 4). Once per registry, in the
 * start's one pass over the store (ADR 0044), this collects every such event (a {@code RoleGranted} or {@code RoleRevoked} naming no
 * document, no zone, and an official who signed it), opens the archived JWS of the command its metadata names, checks that it is the very
 * JWS the event was applied from (its SHA-256 is the event's {@code jwsSha256}) and an act of that kind on that person and role, and
 * writes the order under the person's stream in {@value #COLLECTION} (staff-only: {@code {_id: stream, personId, orders: [{sequence, act,
 * role, documentSha256, commandId}]}}), then the marker. The person's stream consults it ({@link Person}) for the acts it holds that name
 * no order, and waits for this node's pass to be done first ({@link #ordersOf}): an act judged before the pass ran does not slip through.
 * Two nodes starting together write the same documents (each a whole replace, derived from the same stored events); a second start reads
 * nothing. An event whose archived command cannot be read (none, its signer's key destroyed, another JWS) is logged by its position and
 * counted in the marker ({@code unread}), with the person and the act's number on their stream; its order stays unknown until an official
 * states it ({@code StateStoredActOrder}, item 31, F420, was O225).
 */
@Component
class ArchivedIdentityOrders extends MarkedBackfill implements Person.OrdersOfStoredActs {

    private static final Logger log = LoggerFactory.getLogger(ArchivedIdentityOrders.class);
    /** The staff-only collection of the orders read from the archive, by the person's stream. */
    static final String COLLECTION = "identity_archived_orders";
    /** The marker's id: never a person's stream ({@code person-<id>}). */
    static final String MARKER = "backfill:adr-0061-23";

    private final MongoCollection<Document> orders;
    private final CommandLog commandLog;
    private final Clock clock;

    ArchivedIdentityOrders(MongoDatabase database, EventStore events, CommandLog commandLog, Clock clock) {
        super("orders of grants and ends stored before ADR 0061 item 21", new BackfillMarker(database.getCollection(COLLECTION), MARKER), events);
        this.orders = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.clock = clock;
    }

    /** An act on a person's stream that names no order: where it is, what it was, and the command that applied it. */
    record Unnamed(String stream, long sequence, long position, String act, String type, String personId, String role, String commandId, String jwsSha256) {
    }

    @Override
    public Pass begin() {
        long started = System.nanoTime();
        List<Unnamed> unnamed = new ArrayList<>();
        return new Pass() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                unnamedOrder(event).ifPresent(unnamed::add);
            }

            @Override
            public void finish(long read) {
                Map<String, List<Document>> byStream = new TreeMap<>();
                int unread = 0;
                for (Unnamed act : unnamed) {
                    Optional<String> order = orderInTheArchive(act);
                    if (order.isEmpty()) {
                        unread++;
                        continue;
                    }
                    byStream.computeIfAbsent(act.stream(), s -> new ArrayList<>()).add(new Document("sequence", act.sequence()).append("act", act.act())
                            .append("role", act.role()).append("documentSha256", order.get()).append("commandId", act.commandId()));
                }
                byStream.forEach((stream, acts) -> orders.replaceOne(Filters.eq("_id", stream), new Document("_id", stream)
                        .append("personId", stream.substring("person-".length())).append("orders", acts), new ReplaceOptions().upsert(true)));
                int found = byStream.values().stream().mapToInt(List::size).sum();
                marker.write(clock.instant(), new Document("found", found).append("unread", unread).append("persons", byStream.size()).append("read", read));
                log.info("orders of grants and ends stored before ADR 0061 item 21: {} read from the archive for {} persons, {} not readable, "
                        + "in {} events and {} ms", found, byStream.size(), unread, read, (System.nanoTime() - started) / 1_000_000);
                passDone();
            }
        };
    }

    /**
     * A grant or an end stored before item 21 by a signed act: naming no document, no zone (a governor's appointment and dismissal rest on
     * their published decision), and signed by an official (the registry's first-start enrolment signs nothing).
     */
    static boolean namesNoOrder(Object payload) {
        if (payload instanceof RoleGranted grant) {
            return grant.documentSha256() == null && grant.zoneId() == null && grant.grantedBy() != null;
        }
        return payload instanceof RoleRevoked end && end.documentSha256() == null && end.zoneId() == null && end.revokedBy() != null;
    }

    private static Optional<Unnamed> unnamedOrder(TrackedEventMessage<?> event) {
        Object payload = event.getPayload();
        if (!namesNoOrder(payload) || !(event instanceof DomainEventMessage<?> stored)) {
            return Optional.empty();
        }
        Unnamed act = payload instanceof RoleGranted grant
                ? unnamed(stored, "grant", "EnrolSigner", grant.personId().value(), grant.role().name())
                : unnamed(stored, "end", "EndSignerRole", ((RoleRevoked) payload).personId().value(), ((RoleRevoked) payload).role().name());
        return Optional.of(act);
    }

    private static Unnamed unnamed(DomainEventMessage<?> stored, String act, String type, String person, String role) {
        Object command = stored.getMetaData().get(AxonStorageConfiguration.COMMAND_ID);
        Object jws = stored.getMetaData().get(AxonStorageConfiguration.JWS_SHA256);
        return new Unnamed(stored.getAggregateIdentifier(), stored.getSequenceNumber(), positionOf(stored).orElse(-1), act, type, person, role,
                command == null ? null : command.toString(), jws == null ? null : jws.toString());
    }

    /**
     * The order the archived signed command of {@code act} names: its JWS is the one the event was applied from (the SHA-256 the event's
     * metadata and the archive's clear field name, and the bytes opened hash to it), of the act's type, on its person and role. The body
     * alone is read, in memory: nothing of the signer's certificate is kept or logged.
     */
    private Optional<String> orderInTheArchive(Unnamed act) {
        Optional<String> jws = act.commandId() == null || act.jwsSha256() == null ? Optional.empty() : commandLog.archived(act.commandId())
                .filter(archived -> act.type().equals(archived.type()) && act.jwsSha256().equals(archived.jwsSha256()))
                .flatMap(CommandLog.Archived::jws)
                .filter(text -> act.jwsSha256().equals(Sha256.hex(text.getBytes(StandardCharsets.UTF_8))));
        Optional<String> order = jws.flatMap(SignedCommandVerifier::unverifiedEnvelope)
                .filter(envelope -> act.type().equals(envelope.path("type").asText()))
                .map(envelope -> envelope.path("command"))
                .filter(body -> act.personId().equals(body.path("personId").asText()) && act.role().equals(body.path("role").asText()))
                .map(body -> body.path("documentSha256"))
                .filter(JsonNode::isTextual)
                .map(document -> document.asText().strip().toLowerCase(Locale.ROOT));
        if (order.isEmpty()) {
            log.warn("orders of grants and ends stored before ADR 0061 item 21: the {} of the {} at position {} (command {}) is not readable in "
                    + "the archive; its order stays unknown until an official states it from the paper file (StateStoredActOrder for person {}, "
                    + "number {}: ADR 0061 item 31)", act.act(), act.role(), act.position(), act.commandId(), act.personId(), act.sequence());
        }
        return order;
    }

    /**
     * The orders the archive names for the acts of {@code stream} that name none, by their sequence on the stream; waits for this node's
     * pass first (503 {@code identity.orders-not-ready} after a minute: a retry is safe).
     */
    @Override
    public Map<Long, String> ordersOf(String stream) {
        awaitPass(ArchivedIdentityOrders::notReady);
        return read(stream);
    }

    /**
     * Abuse audit F441 (was O262; ADR 0061 item 35): the same orders for a page, which does not wait: while this node's pass has not run,
     * 503 {@code identity.orders-not-ready} at once, and the page says the list follows the start's pass.
     */
    @Override
    public Map<Long, String> ordersWithoutWaiting(String stream) {
        if (!passIsDone()) {
            throw notReady();
        }
        return read(stream);
    }

    private static RegistryProblem notReady() {
        return new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, StoredActsNamingNoOrder.NOT_READY, "The registry is still reading the "
                + "orders of grants and ends stored before ADR 0061 item 21; retry in a minute.", null, "001 art. 23.1.1");
    }

    private Map<Long, String> read(String stream) {
        Document person = orders.find(Filters.eq("_id", stream)).first();
        Map<Long, String> named = new LinkedHashMap<>();
        if (person != null) {
            for (Document order : person.getList("orders", Document.class, List.of())) {
                named.put(order.get("sequence", Number.class).longValue(), order.getString("documentSha256"));
            }
        }
        return named;
    }
}
