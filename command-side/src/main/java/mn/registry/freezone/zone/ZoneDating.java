package mn.registry.freezone.zone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.command.api.CommandLog;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.MarkedBackfill;
import mn.registry.command.claim.RegistryWideKey;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * 003 art. 6.1 (choice, the lead, ADR 0035 item 40; abuse audit F179, was O134): the recording of a zone's resolution date and the acts it
 * judges (an exemption from the zone's land fee, 23.3-23.4; an investment agreement of an entity of the zone, 12.5.1) run one at a time in
 * the zone, registry-wide: each holds the zone's key ({@value #KEYS}, {@code _id: zoneId}, {@link RegistryWideKey}) while its check and
 * its act run, so that the second of two acts received at the same instant on two nodes reads what the first stored. The key's holder
 * also keeps the zone's earliest investment agreement ({@value #AGREEMENTS}, {@code {_id: zoneId, signedOn}}), written before the key
 * is released: the date's check reads it there, current on every node, instead of every registration stream found through the quarterly
 * report's lagging index. An agreement stored by a command that stopped before writing it is written by whoever takes the key over (the
 * key names the agreement's day); agreements stored before this release are written once per registry by the shared pass over the store
 * (ADR 0044), and the date's check waits for it: a {@link MarkedBackfill} (ADR 0035 item 80), its marker unchanged.
 */
@Component
public class ZoneDating extends MarkedBackfill {

    private static final Logger log = LoggerFactory.getLogger(ZoneDating.class);

    static final String KEYS = "freezone_zone_dating";
    static final String AGREEMENTS = "freezone_zone_earliest_agreements";
    /** The backfill's marker: never a zone id (a zone id is lower-case letters, digits and '-'). */
    static final String MARKER = "backfill:adr-0035-40";

    private final RegistryWideKey key;
    private final MongoCollection<Document> agreements;

    /** For tests: no pass of its own over the store (the shared pass, or {@link #begin}, runs it). */
    public ZoneDating(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, null);
    }

    @Autowired
    public ZoneDating(MongoDatabase database, CommandLog commandLog, EventStore events) {
        super("zones' earliest agreements (ADR 0035 item 40)", new BackfillMarker(database.getCollection(AGREEMENTS), MARKER), events);
        this.agreements = database.getCollection(AGREEMENTS);
        this.key = new RegistryWideKey(database.getCollection(KEYS), commandLog, () -> new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE,
                "freezone.zone-acts-busy", "Another act dated in this zone is being recorded; retry in a minute.", null, "003 art. 6.1"));
    }

    /** The recording of the zone's resolution date, or an exemption from its land fee, alone among the zone's dated acts. */
    public <T> T alone(ZoneId zone, String commandId, Instant at, Supplier<T> act) {
        return key.hold(claim(zone, commandId, at), this::settle, act);
    }

    /** An investment agreement of an entity of the zone, signed on {@code signedOn}, alone among the zone's dated acts; kept once stored. */
    public <T> T agreementAlone(ZoneId zone, LocalDate signedOn, String commandId, Instant at, Supplier<T> act) {
        return key.hold(claim(zone, commandId, at).append("agreementSignedOn", signedOn.toString()), this::settle, () -> {
            T answer = act.get();
            keep(zone, signedOn);
            return answer;
        });
    }

    private static Document claim(ZoneId zone, String commandId, Instant at) {
        return new Document("_id", zone.value()).append("commandId", commandId).append("claimedAt", at.toString());
    }

    /** A holder that stopped after its agreement was stored, before it kept the day: kept now, before its key is taken over. */
    private void settle(Document holder) {
        String signedOn = holder.getString("agreementSignedOn");
        if (signedOn != null && key.carriedOut(holder)) {
            keep(ZoneId.of(holder.getString("_id")), LocalDate.parse(signedOn));
        }
    }

    private void keep(ZoneId zone, LocalDate signedOn) {
        agreements.updateOne(Filters.eq("_id", zone.value()), Updates.min("signedOn", signedOn.toString()), new UpdateOptions().upsert(true));
    }

    /** The earliest signing day of an investment agreement recorded for an entity of the zone (003 art. 12.5.1), or null. */
    public LocalDate earliestAgreement(ZoneId zone) {
        awaitDone();
        Document kept = agreements.find(Filters.eq("_id", zone.value())).first();
        return kept == null || kept.getString("signedOn") == null ? null : LocalDate.parse(kept.getString("signedOn"));
    }

    // ---------------------------------------------------------------- the backfill of agreements stored before the rule

    @Override
    public Pass begin() {
        return new Pass() {
            final Map<ZoneId, LocalDate> earliest = new HashMap<>();

            @Override
            public void accept(TrackedEventMessage<?> event) {
                if (event.getPayload() instanceof RegistrationEvents.InvestmentAgreementRecorded a && a.signedOn() != null) {
                    earliest.merge(a.registrationId().zoneId(), a.signedOn(), (x, y) -> x.isBefore(y) ? x : y);
                }
            }

            @Override
            public void finish(long read) {
                earliest.forEach(ZoneDating.this::keep);
                marker.write(Instant.now(), new Document("zones", earliest.size()));
                passDone();
                log.info("zones' earliest agreements (ADR 0035 item 40): read {} events, kept the earliest agreement of {} zones", read, earliest.size());
            }
        };
    }

    /** The date's check waits for the backfill; 503 (a retry is safe) if it takes longer than a minute. */
    private void awaitDone() {
        awaitPass(() -> new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "freezone.zones-not-ready", "The registry is still reading the agreements "
                + "recorded before this release; retry in a minute.", null, "003 art. 6.1"));
    }
}
