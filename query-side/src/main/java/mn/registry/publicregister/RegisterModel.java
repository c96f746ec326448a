package mn.registry.publicregister;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.permit.PermitExpired;
import mn.registry.kernel.permit.PermitExtended;
import mn.registry.kernel.permit.PermitExtendedAfterExpiry;
import mn.registry.kernel.permit.PermitIssued;
import mn.registry.kernel.permit.PermitRestored;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitSuspended;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.ReinstatementPublished;
import mn.registry.kernel.permit.RevocationComplaintDecided;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The register as a fold of public records in log order: a pure function of the log prefix it has seen (the same
 * prefix gives the same register, on any node, in any rebuild). Not thread-safe: one reader of the log applies
 * records, and publishes immutable {@link RegisterView}s to everybody else.
 */
final class RegisterModel {

    /** Dates of instants are Ulaanbaatar's, as the law's days are. */
    static final ZoneId MONGOLIA = mn.registry.kernel.calendar.UlaanbaatarTime.ZONE;

    private final Map<RegisterKind, TreeMap<String, RegisterEntry>> entries = new EnumMap<>(RegisterKind.class);
    /** Permit events after the grant name the application; the register lists the permit by its number. */
    private final Map<String, String> permitOfApplication = new HashMap<>();
    private final Map<String, BiConsumer<Long, JsonNode>> handlers = new HashMap<>();
    private long logSize;
    private long position = -1;
    private boolean changed;
    /** Entries put since the search index last took them ({@link #takeChanged()}), by kind and id. */
    private final Map<String, RegisterEntry> changedEntries = new java.util.LinkedHashMap<>();

    RegisterModel() {
        for (RegisterKind kind : RegisterKind.values()) {
            entries.put(kind, new TreeMap<>());
        }
        handlers.put(PermitIssued.class.getName(), this::permitIssued);
        handlers.put(PermitExtended.class.getName(), (i, p) -> permit(i, p, null, e -> e.until(date(p, "validUntil"))));
        handlers.put(PermitSuspended.class.getName(), (i, p) -> permit(i, p, "SUSPENDED", UnaryOperator.identity()));
        handlers.put(PermitRestored.class.getName(), (i, p) -> permit(i, p, "VALID", UnaryOperator.identity()));
        handlers.put(PermitRevoked.class.getName(), (i, p) -> permit(i, p, "REVOKED", UnaryOperator.identity()));
        handlers.put(PermitExpired.class.getName(), (i, p) -> permit(i, p, "EXPIRED", UnaryOperator.identity()));
        handlers.put(PermitExtendedAfterExpiry.class.getName(), (i, p) -> permit(i, p, "VALID", e -> e.until(date(p, "validUntil"))));
        handlers.put(PermitTransferred.class.getName(), this::permitTransferred);
        handlers.put(RevocationComplaintDecided.class.getName(), this::reinstated);
        handlers.put(ReinstatementPublished.class.getName(), this::reinstatementPublished);
        handlers.put(ZoneEvents.ZoneEstablished.class.getName(), this::zoneEstablished);
        handlers.put(ZoneEvents.ZoneResolutionDateRecorded.class.getName(), (i, p) -> zone(i, p, null)); // ADR 0035 item 36: the status stays
        handlers.put(ZoneEvents.ZoneOpened.class.getName(), (i, p) -> zone(i, p, "OPEN"));
        handlers.put(ZoneEvents.ZoneTemporarilyClosed.class.getName(), (i, p) -> zone(i, p, "TEMPORARILY_CLOSED"));
        handlers.put(ZoneEvents.GovernorAppointed.class.getName(), this::governorAppointed);
        handlers.put(ZoneEvents.GovernorDismissed.class.getName(), this::governorDismissed);
        handlers.put(RegistrationEvents.EntityRegistered.class.getName(), this::entityRegistered);
        handlers.put(RegistrationEvents.EntityDeregistered.class.getName(), this::entityDeregistered);
        handlers.put(LandEvents.LandRightsGranted.class.getName(), this::landGranted);
        handlers.put(LandEvents.LandLicenceIssued.class.getName(), (i, p) -> land(i, p, "ISSUED", null));
        handlers.put(LandEvents.LandRightsRevoked.class.getName(), (i, p) -> land(i, p, "REVOKED", date(p, "revokedAt")));
        handlers.put(LandEvents.LandRightsLapsed.class.getName(), (i, p) -> land(i, p, "LAPSED", date(p, "lapsedAt")));
        handlers.put(LandEvents.LandBaseValueRecorded.class.getName(), this::landBaseValue);
        handlers.put(LandEvents.LandBaseValueConfirmed.class.getName(), this::landBaseValueConfirmed);
        handlers.put(LandEvents.LandSelectionResultRecorded.class.getName(), this::landSelected);
        // 003 art. 22.4 (ADR 0035 item 147, F582): the annulment of a result before a grant, beside it in the selected entity's history
        handlers.put(LandEvents.LandSelectionResultAnnulled.class.getName(), this::landSelected);
    }

    /**
     * 003 art. 22.4, 22.5 (ADR 0035 item 131; abuse audit F541, was O364): the result of a tender or auction, public as the grant it grounds:
     * the record in the selected entity's history (its entry otherwise unchanged; the licence follows with the grant).
     */
    private void landSelected(long index, JsonNode p) {
        RegisterEntry winner = entries.get(RegisterKind.ENTITY).get(p.path("winner").asText());
        if (winner != null) {
            put(new Builder(winner).add(index).build());
        }
    }

    /** A register as saved in a generation, which then follows the log from {@code logSize}. */
    static RegisterModel restore(List<RegisterEntry> saved, long logSize, long position) {
        RegisterModel model = new RegisterModel();
        for (RegisterEntry e : saved) {
            model.put(e);
            if (e.kind() == RegisterKind.PERMIT && e.details().hasNonNull("applicationId")) {
                model.permitOfApplication.put(e.details().path("applicationId").asText(), e.id());
            }
        }
        model.logSize = logSize;
        model.position = position;
        model.changed = true;
        return model;
    }

    /** How many entries the register holds. */
    int size() {
        int n = 0;
        for (TreeMap<String, RegisterEntry> m : entries.values()) {
            n += m.size();
        }
        return n;
    }

    /** Every entry, kind by kind in id order. */
    List<RegisterEntry> entries() {
        List<RegisterEntry> all = new ArrayList<>();
        entries.values().forEach(m -> all.addAll(m.values()));
        return all;
    }

    /**
     * The canonical content hash (projection package's {@code CanonicalHash}): every entry keyed {@code kind/id}, and
     * the log size under {@code ~logSize}.
     */
    String hash() {
        java.util.TreeMap<String, JsonNode> sorted = new java.util.TreeMap<>();
        entries.values().forEach(m -> m.values().forEach(e -> sorted.put(e.kind().path() + "/" + e.id(), mn.registry.kernel.crypto.CanonicalJson.mapper().valueToTree(e))));
        sorted.put("~logSize", mn.registry.kernel.crypto.CanonicalJson.mapper().getNodeFactory().numberNode(logSize));
        mn.registry.projection.CanonicalHash hash = new mn.registry.projection.CanonicalHash();
        sorted.forEach(hash::add);
        return hash.hex();
    }

    /** The number of log entries applied: the next one must have this index. */
    long logSize() {
        return logSize;
    }

    /** The global position of the last public record applied (-1: none). */
    long position() {
        return position;
    }

    /** Applies the public record at {@code logIndex}, which must be the next one. */
    void apply(long logIndex, JsonNode record) {
        if (logIndex != logSize) {
            throw new IllegalStateException("log entry " + logIndex + " applied to a register at log size " + logSize);
        }
        BiConsumer<Long, JsonNode> handler = handlers.get(record.path("type").asText());
        if (handler != null) {
            handler.accept(logIndex, record.path("payload"));
            changed = true;
        }
        logSize = logIndex + 1;
        position = record.path("position").asLong(position);
    }

    /** The entries put (added or replaced) since the last call, each once as it stands now; forgets them. */
    List<RegisterEntry> takeChanged() {
        List<RegisterEntry> list = List.copyOf(changedEntries.values());
        changedEntries.clear();
        return list;
    }

    /** The register as it stands, immutable (the same instance again while nothing changed). */
    RegisterView view(RegisterView previous) {
        if (!changed && previous != null) {
            return previous.at(logSize, position);
        }
        changed = false;
        Map<RegisterKind, List<RegisterEntry>> copy = new EnumMap<>(RegisterKind.class);
        entries.forEach((kind, map) -> copy.put(kind, List.copyOf(map.values())));
        return new RegisterView(copy, logSize, position, previous);
    }

    // --- 002: permits and their holders -------------------------------------------------------------------------

    private void permitIssued(long index, JsonNode p) {
        String number = p.path("permitNumber").asText();
        permitOfApplication.put(p.path("applicationId").asText(), number);
        JsonNode holder = p.path("holder");
        put(new RegisterEntry(RegisterKind.PERMIT, number, holder.path("name").asText(null), number, "VALID", null,
                list(p.path("activity").asText(null)), date(p, "validFrom"), date(p, "validUntil"), p, List.of(index)));
        providerGains(index, holder, number, date(p, "validFrom"));
    }

    private void permit(long index, JsonNode p, String status, UnaryOperator<Builder> change) {
        String number = permitOfApplication.get(p.path("applicationId").asText());
        RegisterEntry permit = number == null ? null : entries.get(RegisterKind.PERMIT).get(number);
        if (permit == null) {
            return;
        }
        Builder b = change.apply(new Builder(permit).merge(p).add(index));
        if (status != null) {
            b.status(status);
        }
        put(b.build());
        String provider = permit.details().path("holder").path("registrationNumber").asText(null);
        if (provider != null) {
            updateProvider(provider, index);
        }
    }

    // 002 art. 29.6 (ADR 0046 item 57): an upheld complaint annuls the revocation, the permit is valid again; a suspension it stood under
    // follows as its own record (F197), and so does an expiry when its term ended meanwhile (F64). Only upheld decisions are published
    private void reinstated(long index, JsonNode p) {
        permit(index, p, p.path("upheld").asBoolean() ? "VALID" : null, UnaryOperator.identity());
    }

    // 002 art. 29.6, 31.1.6 (ADR 0046 item 67, was O123): the correcting record of a complaint upheld before its decisions were public. It
    // lands in the log now, after whatever the permit's later records set, so it sets the permit VALID only when the permit's latest status
    // record is the revocation the decision annulled: the entry stands REVOKED (every later status record sets another status: a suspension,
    // a restoration, an expiry, an extension after expiry, an upheld decision) by a revocation received before the decision (a revocation
    // received after it is a revocation again, which stands). Otherwise a line of the history only. Read from the entry as the log left it,
    // so a register restored from a saved generation folds it as a rebuild does
    private void reinstatementPublished(long index, JsonNode p) {
        String number = permitOfApplication.get(p.path("applicationId").asText());
        RegisterEntry permit = number == null ? null : entries.get(RegisterKind.PERMIT).get(number);
        boolean annulsTheLatest = permit != null && "REVOKED".equals(permit.status()) && permit.details().hasNonNull("revokedAt")
                && Instant.parse(permit.details().path("revokedAt").asText()).isBefore(Instant.parse(p.path("decidedAt").asText()));
        permit(index, p, annulsTheLatest ? "VALID" : null, UnaryOperator.identity());
    }

    // 002 art. 23.3: the successor company takes over the permit
    private void permitTransferred(long index, JsonNode p) {
        String number = permitOfApplication.get(p.path("applicationId").asText());
        RegisterEntry permit = number == null ? null : entries.get(RegisterKind.PERMIT).get(number);
        if (permit == null) {
            return;
        }
        JsonNode successor = p.path("successor");
        ObjectNode details = permit.details().deepCopy();
        details.set("holder", successor);
        details.set("previousHolder", p.path("previousHolder"));
        details.set("reorganisation", p.path("reorganisation"));
        details.set("transferredAt", p.path("transferredAt"));
        put(new Builder(permit).details(details).name(successor.path("name").asText(null)).add(index).build());
        String previous = p.path("previousHolder").path("registrationNumber").asText(null);
        if (previous != null) {
            RegisterEntry old = entries.get(RegisterKind.PROVIDER).get(previous);
            if (old != null) {
                ObjectNode d = old.details().deepCopy();
                ArrayNode permits = d.putArray("permits");
                old.details().path("permits").forEach(n -> {
                    if (!n.asText().equals(number)) {
                        permits.add(n);
                    }
                });
                put(new Builder(old).details(d).add(index).build());
                updateProvider(previous, -1);
            }
        }
        providerGains(index, successor, number, permit.since());
    }

    private void providerGains(long index, JsonNode company, String permitNumber, LocalDate since) {
        String id = company.path("registrationNumber").asText();
        RegisterEntry old = entries.get(RegisterKind.PROVIDER).get(id);
        ObjectNode d = company.deepCopy();
        ArrayNode permits = d.putArray("permits");
        if (old != null) {
            old.details().path("permits").forEach(permits::add);
        }
        permits.add(permitNumber);
        LocalDate first = old == null || old.since() == null || (since != null && since.isBefore(old.since())) ? since : old.since();
        List<Long> history = new ArrayList<>(old == null ? List.of() : old.history());
        history.add(index);
        put(new RegisterEntry(RegisterKind.PROVIDER, id, company.path("name").asText(null), id, "ACTIVE", null,
                old == null ? List.of() : old.activities(), first, null, d, history));
        updateProvider(id, -1);
    }

    /** A provider is ACTIVE while one of its permits is valid, SUSPENDED while its best is suspended, else INACTIVE. */
    private void updateProvider(String id, long index) {
        RegisterEntry provider = entries.get(RegisterKind.PROVIDER).get(id);
        if (provider == null) {
            return;
        }
        String status = "INACTIVE";
        List<String> activities = new ArrayList<>();
        for (JsonNode n : provider.details().path("permits")) {
            RegisterEntry permit = entries.get(RegisterKind.PERMIT).get(n.asText());
            if (permit == null) {
                continue;
            }
            permit.activities().stream().filter(a -> !activities.contains(a)).forEach(activities::add);
            if ("VALID".equals(permit.status())) {
                status = "ACTIVE";
            } else if ("SUSPENDED".equals(permit.status()) && !"ACTIVE".equals(status)) {
                status = "SUSPENDED";
            }
        }
        Builder b = new Builder(provider).status(status).activities(activities);
        if (index >= 0 && !provider.history().contains(index)) {
            b.add(index);
        }
        put(b.build());
    }

    // --- 003: zones, governors, entities, land -------------------------------------------------------------------

    private void zoneEstablished(long index, JsonNode p) {
        List<String> activities = new ArrayList<>();
        p.path("activities").forEach(a -> activities.add(a.asText()));
        String id = p.path("zoneId").asText();
        RegisterEntry old = entries.get(RegisterKind.ZONE).get(id);
        List<Long> history = new ArrayList<>(old == null ? List.of() : old.history());
        history.add(index);
        put(new RegisterEntry(RegisterKind.ZONE, id, p.path("name").asText(null), null, "ESTABLISHED", id, activities,
                date(p, "establishedAt"), null, p, history));
    }

    private void zone(long index, JsonNode p, String status) {
        RegisterEntry zone = entries.get(RegisterKind.ZONE).get(p.path("zoneId").asText());
        if (zone != null) {
            put(new Builder(zone).status(status == null ? zone.status() : status).merge(p).add(index).build());
        }
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 116; abuse audit F538, was O384): the zone's basic value of land in force, the last the Cabinet member
     * recorded: per hectare, since the registry's receipt ({@code recordedAt}, from which it is in force), on the Government decision named by
     * its reference and date; kept in the zone's entry under {@code landBaseValue} (its own field names, so that the zone's opening decision
     * is not overwritten), the record in the zone's history. The value it replaces goes to {@code landBaseValuesEarlier} (ADR 0035 item 120;
     * abuse audit F552, was O398), oldest first, with its period: in force from its receipt until this one's receipt, since a grant is judged
     * at its receipt's value.
     */
    private void landBaseValue(long index, JsonNode p) {
        RegisterEntry zone = entries.get(RegisterKind.ZONE).get(p.path("zoneId").asText());
        if (zone != null) {
            ObjectNode details = zone.details().deepCopy();
            details.remove("landBaseValuePending"); // ADR 0035 item 144: a later value supersedes one awaiting its second signature
            if (p.path("awaitsSecondSignature").asBoolean(false)) {
                landBaseValuePending(details, p);
                put(new Builder(zone).details(details).add(index).build());
                return;
            }
            inForce(details, p.path("perHectare"), p.path("decision"), p.path("decidedOn"), p.path("recordedAt"));
            put(new Builder(zone).details(details).add(index).build());
        }
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 144, choice; abuse audit F574, was O409): a value recorded lower than the one in force is not in force until
     * a second Cabinet member confirms it; the zone's page shows it apart, under {@code landBaseValuePending} ("awaiting a second signature":
     * per hectare, the decision's reference and date, recorded at), and the value in force stays {@code landBaseValue}. The last recorded
     * supersedes it (removed by {@link #landBaseValue}); the Cabinet desk lists it for the second signature.
     */
    private static void landBaseValuePending(ObjectNode details, JsonNode p) {
        ObjectNode pending = details.putObject("landBaseValuePending");
        pending.set("landBaseValuePendingPerHectare", p.path("perHectare"));
        pending.set("landBaseValuePendingDecision", p.path("decision"));
        pending.set("landBaseValuePendingDecidedOn", p.path("decidedOn"));
        pending.set("landBaseValuePendingRecordedAt", p.path("recordedAt"));
    }

    /**
     * 003 art. 22.3 (ADR 0035 item 144; F574): the second Cabinet member's confirmation puts the value awaiting it in force from the
     * confirmation's receipt ({@code confirmedAt}); the value it replaces goes to {@code landBaseValuesEarlier} until then.
     */
    private void landBaseValueConfirmed(long index, JsonNode p) {
        RegisterEntry zone = entries.get(RegisterKind.ZONE).get(p.path("zoneId").asText());
        if (zone != null) {
            ObjectNode details = zone.details().deepCopy();
            JsonNode pending = details.path("landBaseValuePending");
            JsonNode decidedOn = pending.path("landBaseValuePendingDecision").asText("").equals(p.path("decision").asText())
                    ? pending.path("landBaseValuePendingDecidedOn") : com.fasterxml.jackson.databind.node.NullNode.getInstance();
            details.remove("landBaseValuePending");
            inForce(details, p.path("perHectare"), p.path("decision"), decidedOn, p.path("confirmedAt"));
            put(new Builder(zone).details(details).add(index).build());
        }
    }

    /** The value in force from {@code since}; the one it replaces goes to {@code landBaseValuesEarlier} with its period (item 120). */
    private static void inForce(ObjectNode details, JsonNode perHectare, JsonNode decision, JsonNode decidedOn, JsonNode since) {
        JsonNode replaced = details.path("landBaseValue");
        if (replaced.isObject()) {
            com.fasterxml.jackson.databind.node.ArrayNode earlier = details.path("landBaseValuesEarlier").isArray()
                    ? (com.fasterxml.jackson.databind.node.ArrayNode) details.get("landBaseValuesEarlier")
                    : details.putArray("landBaseValuesEarlier");
            ObjectNode period = earlier.addObject();
            period.set("perHectare", replaced.path("landBaseValuePerHectare"));
            period.set("decision", replaced.path("landBaseValueDecision"));
            period.set("decidedOn", replaced.path("landBaseValueDecidedOn"));
            period.set("from", replaced.path("landBaseValueSince"));
            period.set("until", since);
        }
        ObjectNode value = details.putObject("landBaseValue");
        value.set("landBaseValuePerHectare", perHectare);
        value.set("landBaseValueSince", since);
        value.set("landBaseValueDecision", decision);
        value.set("landBaseValueDecidedOn", decidedOn);
    }

    private void governorAppointed(long index, JsonNode p) {
        String zoneId = p.path("zoneId").asText();
        String id = zoneId + "~" + p.path("governor").asText();
        RegisterEntry old = entries.get(RegisterKind.GOVERNOR).get(id);
        List<Long> history = new ArrayList<>(old == null ? List.of() : old.history());
        history.add(index);
        put(new RegisterEntry(RegisterKind.GOVERNOR, id, p.path("displayName").asText(null), null, "SERVING", zoneId, List.of(),
                date(p, "from"), null, p, history));
        RegisterEntry zone = entries.get(RegisterKind.ZONE).get(zoneId);
        if (zone != null) {
            put(new Builder(zone).add(index).build());
        }
    }

    private void governorDismissed(long index, JsonNode p) {
        String zoneId = p.path("zoneId").asText();
        RegisterEntry governor = entries.get(RegisterKind.GOVERNOR).get(zoneId + "~" + p.path("governor").asText());
        if (governor != null) {
            put(new Builder(governor).status("DISMISSED").until(date(p, "until")).merge(p).add(index).build());
        }
        RegisterEntry zone = entries.get(RegisterKind.ZONE).get(zoneId);
        if (zone != null) {
            put(new Builder(zone).add(index).build());
        }
    }

    private void entityRegistered(long index, JsonNode p) {
        JsonNode certificate = p.path("certificate");
        JsonNode entity = certificate.path("entity");
        String id = p.path("registrationId").asText();
        put(new RegisterEntry(RegisterKind.ENTITY, id, entity.path("name").asText(null), certificate.path("number").asText(null),
                "REGISTERED", certificate.path("validOnlyIn").asText(null), list(certificate.path("activity").asText(null)),
                date(certificate, "issuedOn"), null, p, List.of(index)));
    }

    private void entityDeregistered(long index, JsonNode p) {
        RegisterEntry entity = entries.get(RegisterKind.ENTITY).get(p.path("registrationId").asText());
        if (entity != null) {
            put(new Builder(entity).status("DEREGISTERED").until(date(p, "deregisteredAt")).merge(p).add(index).build());
        }
    }

    private void landGranted(long index, JsonNode p) {
        String id = p.path("licenceId").asText();
        RegisterEntry holder = entries.get(RegisterKind.ENTITY).get(p.path("holder").asText());
        ObjectNode details = p.deepCopy();
        if (holder != null) {
            details.put("holderName", holder.name());
        }
        put(new RegisterEntry(RegisterKind.LAND_LICENCE, id, p.path("parcelName").asText(null), id, "GRANTED",
                p.path("zoneId").asText(null), holder == null ? List.of() : holder.activities(), date(p, "from"), date(p, "until"),
                details, List.of(index)));
    }

    private void land(long index, JsonNode p, String status, LocalDate until) {
        RegisterEntry licence = entries.get(RegisterKind.LAND_LICENCE).get(p.path("licenceId").asText());
        if (licence != null) {
            Builder b = new Builder(licence).status(status).merge(p).add(index);
            if (until != null) {
                b.until(until);
            }
            put(b.build());
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void put(RegisterEntry entry) {
        entries.get(entry.kind()).put(entry.id(), entry);
        changedEntries.put(RegisterIndex.key(entry.kind(), entry.id()), entry);
    }

    private static List<String> list(String value) {
        return value == null ? List.of() : List.of(value);
    }

    /** A date field, or the Ulaanbaatar date of an instant field; null when absent. */
    static LocalDate date(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String text = v.asText();
        return text.length() == 10 ? LocalDate.parse(text) : Instant.parse(text).atZone(MONGOLIA).toLocalDate();
    }

    /** Copy-and-change of an immutable entry. */
    private static final class Builder {
        private final RegisterEntry base;
        private String name;
        private String status;
        private LocalDate until;
        private ObjectNode details;
        private List<String> activities;
        private final List<Long> history;

        Builder(RegisterEntry base) {
            this.base = base;
            this.name = base.name();
            this.status = base.status();
            this.until = base.until();
            this.activities = base.activities();
            this.history = new ArrayList<>(base.history());
        }

        Builder name(String value) {
            name = value;
            return this;
        }

        Builder status(String value) {
            status = value;
            return this;
        }

        Builder until(LocalDate value) {
            until = value;
            return this;
        }

        Builder activities(List<String> value) {
            activities = value;
            return this;
        }

        Builder details(ObjectNode value) {
            details = value;
            return this;
        }

        /** Sets the event's public fields into details, under their own names (the latest value wins). */
        Builder merge(JsonNode payload) {
            if (details == null) {
                details = base.details().deepCopy();
            }
            payload.fields().forEachRemaining(f -> details.set(f.getKey(), f.getValue()));
            return this;
        }

        Builder add(long index) {
            history.add(index);
            return this;
        }

        RegisterEntry build() {
            return new RegisterEntry(base.kind(), base.id(), name, base.number(), status, base.zoneId(), activities,
                    base.since(), until, details == null ? base.details() : details, history);
        }
    }
}
