package mn.registry.permit.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.axon.AxonStorageConfiguration;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.infrastructure.mongo.PlainBson;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.permit.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * One document per application/permit in {@value #COLLECTION}: where it stands, its documents with their hashes,
 * the permit's content, open duties with due dates, suspension, revocation, complaint, and the history of its events
 * with who signed each (signer, command id, hash of the signed command). Idempotent: an event's history entry is added
 * to a set and its changes are the same when applied again (see {@link #on}); written in one bulk write per batch.
 */
@Component
@ProcessingGroup(PermitCaseProjection.PROCESSING_GROUP)
public class PermitCaseProjection {

    static final String PROCESSING_GROUP = "permit-cases";
    public static final String COLLECTION = "permit_cases";
    private static final String EVENTS_PACKAGE = PermitApplicationRegistered.class.getPackageName();

    private final MongoCollection<Document> cases;
    /** The events of one case in a batch are folded into one update of it; what cannot be folded is sent after it, in order. */
    private final BatchedWrites writes;

    public PermitCaseProjection(MongoDatabase database) {
        this.cases = database.getCollection(COLLECTION);
        this.writes = BatchedWrites.ordered(cases);
    }

    @EventHandler
    public void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domain) || !event.getClass().getPackageName().equals(EVENTS_PACKAGE)) {
            return;
        }
        // the events of one case in a batch become one write of it (Session 9): folded, then encoded once when sent; the
        // case's first event creates it, and the batch's write of it is then an insert (ADR 0060)
        if (domain.getSequenceNumber() == 0) {
            writes.createById(domain.getAggregateIdentifier(), combined(event, domain));
        } else {
            writes.upsertById(domain.getAggregateIdentifier(), combined(event, domain));
        }
    }

    /** The one update of the case that {@code event} makes, encoded as it is sent alone (tests). */
    RawBsonDocument update(Object event, DomainEventMessage<?> message) {
        return PlainBson.encode(combined(event, message), cases.getCodecRegistry(), 1024);
    }

    /** The one update of the case that {@code event} makes: its history entry and its changes. */
    private Document combined(Object event, DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        Map<String, Object> meta = message.getMetaData();
        Document entry = new Document("sequence", sequence)
                .append("type", event.getClass().getSimpleName())
                .append("at", message.getTimestamp().toString())
                .append("signedBy", meta.get(AxonStorageConfiguration.SIGNED_BY))
                .append("commandId", meta.get(AxonStorageConfiguration.COMMAND_ID))
                .append("jwsSha256", meta.get(AxonStorageConfiguration.JWS_SHA256))
                .append("event", asDocument(event));
        // One upsert by _id, no read first (ADR 0019, Session 5): the history entry is added to a set, so an event
        // seen again adds nothing, and its changes ($set, $unset, documents added to a set) give the same case when
        // applied again, because an event is only ever seen again with every later event of its processor after it,
        // in order (the batch that failed, or everything after the stored token), so the last write of every field
        // is the same. The entry and the changes go in one update, so a crash cannot leave one without the other
        // (found by KillNineUnderLoadTest when they were two). A filter with more than _id would make the embedded
        // server scan every case, and it has no update pipelines to make the changes conditional on the history.
        List<Op> update = new ArrayList<>(changes(event));
        update.add(0, new Op("$addToSet", "history", entry));
        return combined(update);
    }

    /**
     * 002 art. 26.2.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0046 item 169, the lead's reading, <b>choice</b>; abuse audit F580, was O421): the
     * case {@code c} as it stood before {@code until}, rebuilt from its history: the acts whose legal time ({@code legalTime}) is before it,
     * in their stream's order, each event's changes ({@link #changes}, the projection's own) applied to an empty case as MongoDB applies them;
     * the history holds those acts only.
     */
    static Document asOf(Document c, java.time.Instant until, java.util.function.Function<Document, String> legalTime) {
        List<Document> kept = c.getList("history", Document.class, List.of()).stream()
                .filter(h -> java.time.Instant.parse(legalTime.apply(h)).isBefore(until))
                .sorted(java.util.Comparator.comparingLong(h -> ((Number) h.get("sequence")).longValue())).toList();
        Document rebuilt = new Document("_id", c.get("_id"));
        for (Document h : kept) {
            for (Op op : changes(storedEvent(h))) {
                applied(rebuilt, op);
            }
        }
        rebuilt.put("history", new ArrayList<>(kept));
        return rebuilt;
    }

    /** The event a history entry holds, as the projection received it (its type in this package, its fields as {@link #asDocument} wrote them). */
    private static Object storedEvent(Document entry) {
        try {
            return CanonicalJson.mapper().convertValue(entry.get("event"), Class.forName(EVENTS_PACKAGE + "." + entry.getString("type")));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a permit case holds an event of no known type: " + entry.getString("type"), e);
        }
    }

    /** {@code op} applied to {@code c} in memory, as MongoDB applies it ({@code $set} and {@code $unset} on a dotted path, {@code $addToSet} with {@code $each}). */
    @SuppressWarnings("unchecked")
    private static void applied(Document c, Op op) {
        String[] path = op.field().split("\\.");
        Map<String, Object> parent = c;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = parent.get(path[i]);
            if (!(next instanceof Map)) {
                if (op.operator().equals("$unset")) {
                    return;
                }
                next = new Document();
                parent.put(path[i], next);
            }
            parent = (Map<String, Object>) next;
        }
        String last = path[path.length - 1];
        switch (op.operator()) {
            case "$set" -> parent.put(last, op.value());
            case "$unset" -> parent.remove(last);
            case "$addToSet" -> {
                List<Object> set = parent.get(last) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
                for (Object value : (List<Object>) ((Document) op.value()).get("$each")) {
                    if (!set.contains(value)) {
                        set.add(value);
                    }
                }
                parent.put(last, set);
            }
            default -> throw new IllegalStateException("no in-memory " + op.operator());
        }
    }

    /** One change of a case: a field under an update operator. */
    private record Op(String operator, String field, Object value) {
    }

    private static Op set(String field, Object value) {
        return new Op("$set", field, value);
    }

    private static Op unset(String field) {
        return new Op("$unset", field, "");
    }

    private static Op addEachToSet(String field, List<?> values) {
        return new Op("$addToSet", field, new Document("$each", values));
    }

    /**
     * The event's update as {@code Updates.combine} of {@code Updates.set/unset/addToSet} wrote it (operators in the
     * order first used, each operator's fields in order, values through the collection's codecs), encoded once
     * (Session 7): the driver turned the combined {@code Bson} into a {@code BsonDocument} tree (a first encoding, for its
     * checks) and encoded that tree again for the wire, about a fifth of the batched rebuild's main thread; raw
     * bytes are checked and copied as they are.
     */
    private static Document combined(List<Op> ops) {
        Document combined = new Document();
        for (Op op : ops) {
            ((Document) combined.computeIfAbsent(op.operator(), k -> new Document())).put(op.field(), op.value());
        }
        return combined;
    }

    /**
     * The event as the read model holds it: what {@code CanonicalJson.mapper().convertValue(event, Map.class)} made, with
     * whole amounts as 64-bit integers (below), built in one pass over the event's serialized tokens (Session 8): the
     * mapper's own serializers still decide every value's form, but the tokens go straight into the document instead of
     * through Jackson's map and untyped-value deserializers and a copy into a {@link Document}. Values are the ones
     * Jackson's untyped deserializer returns (a string; an {@code Integer}, {@code Long} or {@code BigInteger} as written;
     * a {@code BigDecimal}, {@code Float} or {@code Double}; booleans; lists as {@code ArrayList}, objects as
     * {@code LinkedHashMap}), so the stored BSON is byte for byte the same ({@code PermitCaseDocumentTest}, every permit
     * event of the stored samples).
     */
    static Document asDocument(Object value) {
        ObjectMapper mapper = CanonicalJson.mapper();
        try (TokenBuffer tokens = new TokenBuffer(mapper, false)) {
            mapper.writeValue(tokens, value);
            try (JsonParser p = tokens.asParser(mapper)) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw new IllegalArgumentException("not an object: " + value.getClass().getName());
                }
                return object(p, new Document(), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The object whose fields follow; {@code wholeAsLong}: ADR 0022, the one Money holds a BigDecimal; a whole amount
     * stays the 64-bit integer the read model held when permit money was a {@code long}, so a rebuilt read model is the
     * same document. As before, only in objects reached through objects (not inside lists).
     */
    private static <M extends Map<String, Object>> M object(JsonParser p, M into, boolean wholeAsLong) throws IOException {
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            into.put(name, value(p, p.nextToken(), wholeAsLong));
        }
        return into;
    }

    private static Object value(JsonParser p, JsonToken t, boolean wholeAsLong) throws IOException {
        switch (t) {
            case START_OBJECT:
                return object(p, new LinkedHashMap<>(), wholeAsLong);
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, false));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT: {
                JsonParser.NumberType type = p.getNumberType();
                if (type == JsonParser.NumberType.BIG_DECIMAL) {
                    BigDecimal d = p.getDecimalValue();
                    return wholeAsLong ? wholeAsLong(d) : d;
                }
                return type == JsonParser.NumberType.FLOAT ? (Object) p.getFloatValue() : (Object) p.getDoubleValue();
            }
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            case VALUE_EMBEDDED_OBJECT:
                return p.getEmbeddedObject();
            default:
                throw new IllegalStateException("unexpected token " + t);
        }
    }

    private static Object wholeAsLong(BigDecimal d) {
        if (d.stripTrailingZeros().scale() <= 0) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException beyondLong) {
                return d;
            }
        }
        return d;
    }

    private static Op status(PermitApplicationStatus status) {
        return set("status", status.name());
    }

    /** What each event changes in the case, as MongoDB updates. */
    private static List<Op> changes(Object event) {
        List<Op> u = new ArrayList<>();
        if (event instanceof PermitApplicationRegistered e) {
            u.add(status(PermitApplicationStatus.REGISTERED));
            u.add(set("receiptNumber", e.receiptNumber().value()));
            u.add(set("company", asDocument(e.company())));
            u.add(set("receivedAt", e.receivedAt().toString()));
            u.add(set("representative", e.signedBy() == null ? null : e.signedBy().value()));
            u.add(set("decision", new Document("due", e.decisionDue().toString()).append("workingDays", e.workingDays().value())
                    .append("calendarVersion", e.calendarVersion().value()).append("article", e.article()).append("escalated", false)));
            u.add(set("documents", e.documents().stream().map(PermitCaseProjection::document).toList()));
        } else if (event instanceof PermitDocumentsReceived e) {
            u.add(addEachToSet("documents", e.documents().stream().map(PermitCaseProjection::document).toList()));
        } else if (event instanceof PermitDocumentsRequested e) {
            u.add(set("documentsRequested", new Document("kinds", e.kinds().stream().map(Enum::name).toList()).append("note", e.note())
                    .append("at", e.requestedAt().toString())));
        } else if (event instanceof PermitDecisionDueRecomputed e) {
            u.add(set("decision.due", e.decisionDue().toString()));
            u.add(set("decision.calendarVersion", e.calendarVersion().value()));
        } else if (event instanceof PermitDecisionOverdue e) {
            u.add(set("decision.escalated", true));
            u.add(set("decision.escalatedAt", e.escalatedAt().toString()));
        } else if (event instanceof PermitApplicationApproved e) {
            u.add(status(PermitApplicationStatus.APPROVED_PENDING_INSURANCE));
            u.add(set("decision.decidedAt", e.approvedAt().toString()));
            u.add(set("minimumInsurance", asDocument(e.minimumInsurance())));
        } else if (event instanceof PermitApplicationRefused e) {
            u.add(status(PermitApplicationStatus.REFUSED));
            u.add(set("decision.decidedAt", e.refusedAt().toString()));
            u.add(set("refusal", e.reasons().stream().map(r -> new Document("requirement", r.requirement().name())
                    .append("article", r.article()).append("explanation", r.explanation())).toList()));
        } else if (event instanceof PermitInsuranceRecorded e) {
            u.add(set("insurance", asDocument(e)));
        } else if (event instanceof PermitIssued e) {
            u.add(status(PermitApplicationStatus.ACTIVE));
            u.add(set("permit", asDocument(e)));
        } else if (event instanceof PermitDutyRaised e) {
            u.add(set("duties." + e.duty().name(), new Document("due", e.due().toString()).append("article", e.article())
                    .append("overdue", false).append("calendarVersion", e.calendarVersion() == null ? null : e.calendarVersion().value())));
        } else if (event instanceof PermitDutyDueRecomputed e) {
            u.add(set("duties." + e.duty().name() + ".due", e.due().toString()));
        } else if (event instanceof PermitDutyOverdue e) {
            u.add(set("duties." + e.duty().name() + ".overdue", true));
        } else if (event instanceof PermitDutyFulfilled e) {
            u.add(unset("duties." + e.duty().name()));
        } else if (event instanceof PermitExtensionRequested e) {
            u.add(set("extensionRequest", asDocument(e)));
        } else if (event instanceof PermitExtended e) {
            u.add(set("permit.validUntil", e.validUntil().toString()));
            u.add(unset("extensionRequest"));
        } else if (event instanceof PermitExtendedAfterExpiry e) {
            u.add(status(PermitApplicationStatus.ACTIVE));
            u.add(set("permit.validUntil", e.validUntil().toString()));
            u.add(unset("extensionRequest"));
        } else if (event instanceof PermitExtensionRefused) {
            u.add(unset("extensionRequest"));
        } else if (event instanceof PermitExpired) {
            u.add(status(PermitApplicationStatus.EXPIRED));
        } else if (event instanceof PermitSuspended e) {
            u.add(status(PermitApplicationStatus.SUSPENDED));
            u.add(set("suspension", asDocument(e)));
            u.add(unset("taxSettlement")); // a settlement answers the suspension it was recorded on (002 art. 28.4)
            if (e.ground() == SuspensionGround.TAX_EVASIONS) {
                u.add(unset("taxSuspensionRequest")); // the request is decided by this suspension
            }
        } else if (event instanceof PermitRestored) {
            u.add(status(PermitApplicationStatus.ACTIVE));
            u.add(unset("suspension"));
            u.add(unset("revocationGroundRaised"));
        } else if (event instanceof RevocationGroundRaised e) {
            u.add(set("revocationGroundRaised", asDocument(e)));
        } else if (event instanceof PermitRevoked e) {
            u.add(status(PermitApplicationStatus.REVOKED));
            u.add(set("revocation", asDocument(e)));
            // 002 art. 29.6 (ADR 0046 item 122, abuse audit F467, was O298): one complaint per revocation; a permit revoked again after an
            // upheld complaint holds no complaint until the holder complains against this revocation (the earlier one stays in the history)
            u.add(unset("complaint"));
            u.add(unset("revocationGroundRaised"));
            u.add(unset("revocationRequest")); // answered by this revocation, whatever its ground
        } else if (event instanceof PermitRevocationRequested e) {
            u.add(set("revocationRequest", asDocument(e))); // 002 art. 29.1.1: the holder's request waits for a supervisor
        } else if (event instanceof PermitRevocationRequestWithdrawn) {
            u.add(unset("revocationRequest")); // 002 art. 29.1.1: withdrawn by the holder before a decision
        } else if (event instanceof RevocationComplaintFiled e) {
            u.add(set("complaint", asDocument(e)));
        } else if (event instanceof RevocationComplaintDecided e) {
            u.add(set("complaint.upheld", e.upheld()));
            u.add(set("complaint.decidedAt", e.decidedAt().toString()));
            u.add(set("complaint.decisionSha256", e.decisionSha256()));
            // ADR 0046 item 67: upheld before item 57 (no article), never public; the supervisor's desk offers its correcting record
            u.add(set("complaint.storedUnpublished", e.upheld() && e.article() == null));
            if (e.upheld()) {
                u.add(status(PermitApplicationStatus.ACTIVE));
                u.add(unset("revocation"));
                u.add(unset("duties." + PermitDuty.HAND_OVER_DATABASE.name())); // 002 art. 29.3, 29.6 (ADR 0046 item 58): it keeps its database
            }
        } else if (event instanceof ReinstatementPublished e) {
            u.add(set("complaint.storedUnpublished", false));
            u.add(set("complaint.publishedAt", e.recordedAt().toString()));
        } else if (event instanceof PermitTransferred e) {
            u.add(set("company", asDocument(e.successor())));
            u.add(set("permit.holder", asDocument(e.successor())));
            if (e.successorRepresentative() != null) { // 002 art. 23.3 (ADR 0046 item 142, F496): the successor's case is its representative's
                u.add(set("representative", e.successorRepresentative().value()));
            }
        } else if (event instanceof HolderRepresentativeNamed e) { // 002 art. 23.2 (ADR 0046 item 145, F517): the holder's case is its new representative's
            u.add(set("representative", e.representative().value()));
        } else if (event instanceof PermitInspected e) {
            u.add(set("lastInspection", asDocument(e)));
            if (e.violationFound()) { // 002 art. 29.1.4 (ADR 0046 item 23): the violations on record, each once (a set: replays add nothing)
                u.add(addEachToSet("violationsFound", List.of(asDocument(e))));
            }
        } else if (event instanceof PermitSuspensionRequested e) {
            u.add(set("taxSuspensionRequest", asDocument(e))); // 002 art. 28.1: waiting for the ministry's decision
        } else if (event instanceof TaxEvasionsSettled e) {
            u.add(set("taxSettlement", asDocument(e))); // 002 art. 28.4: the tax authority's word that the ground is removed
        } else if (event instanceof PermitSuspensionRequestRefused e) {
            u.add(unset("taxSuspensionRequest"));
            u.add(set("taxSuspensionRequestRefused", asDocument(e)));
        }
        return u;
    }

    // no file name: it may name the uploader and would outlive their erasure (issue 14 item 4); the document store has it
    private static Document document(DocumentRef d) {
        return new Document("kind", d.kind().name()).append("article", d.kind().article()).append("sha256", d.sha256())
                .append("size", d.size()).append("mediaType", d.mediaType())
                .append("receivedAt", d.receivedAt().toString());
    }

    @ResetHandler
    public void reset() {
        cases.deleteMany(new Document());
    }
}
