package mn.registry.freezone.entity;

import com.mongodb.client.MongoDatabase;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.MarkedBackfill;
import mn.registry.command.backfill.StoreBackfills;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ADR 0035 item 6 (abuse audit F46): a registration stored before the rule, with no investment agreement, has no deadline for
 * its year to start (the deadlines projection scheduled it only from the agreement), so the registry would never raise the ground
 * of 003 art. 12.5.1 for it. Once per registry, at start, this reads the store from its first event (the pass {@link StoreBackfills}
 * shares among the start-up backfills, ADR 0044) and starts the deadline
 * {@link FreeZoneDeadlineRules#startFromCertificate} gives for each registration still waiting for its agreement (registered, and
 * since then no agreement, start of operations, deregistration or new application). The deadline has the id a replay of the
 * deadlines projection would give it, so starting it is idempotent: one the projection already started (or fired, or ended) stays
 * as it is; two nodes starting together start it once. A stale one does no harm: its firing ({@code RaiseGroundIfDue}) is judged
 * by the aggregate, which raises nothing that is not due. Then it writes its marker in {@value MongoDeadlines#DAYS}; a replay of
 * the deadlines projection clears that collection and schedules the same deadlines from the events itself, and the marker's
 * absence only makes the next start read the store once more.
 */
@Component
class StartDeadlineBackfill extends MarkedBackfill {

    private static final Logger log = LoggerFactory.getLogger(StartDeadlineBackfill.class);
    /** The marker's id in {@value MongoDeadlines#DAYS}: never a day's bucket. */
    static final String MARKER = "backfill:adr-0035-6";

    /** An event as the store gives it: its payload and its sequence in its aggregate's stream. */
    record Stored(Object payload, long sequence) {
    }

    private final MongoDeadlines deadlines;
    private final Clock clock;

    StartDeadlineBackfill(MongoDatabase database, MongoDeadlines deadlines, EventStore events, Clock clock) {
        super("years to start (ADR 0035 item 6)", new BackfillMarker(database.getCollection(MongoDeadlines.DAYS), MARKER), events);
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public Pass begin() {
        long started = System.nanoTime();
        Map<String, ScheduledDeadline> waiting = new LinkedHashMap<>();
        return new Pass() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                see(waiting, new Stored(event.getPayload(), event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1));
            }

            @Override
            public void finish(long read) {
                int scheduled = schedule(waiting);
                log.info("years to start (ADR 0035 item 6): read {} events, scheduled {} from certificates of registrations without an "
                        + "investment agreement, in {} ms", read, scheduled, (System.nanoTime() - started) / 1_000_000);
            }
        };
    }

    /** Starts the certificate's deadline of every registration in {@code store} still waiting for its agreement; marks it done. */
    int backfill(Iterator<Stored> store) {
        Map<String, ScheduledDeadline> waiting = new LinkedHashMap<>();
        while (store.hasNext()) {
            see(waiting, store.next());
        }
        return schedule(waiting);
    }

    /** Follows one event: a registration starts waiting for its agreement; its agreement, start, deregistration or new application ends that. */
    private static void see(Map<String, ScheduledDeadline> waiting, Stored event) {
        Object payload = event.payload();
        if (payload instanceof RegistrationEvents.EntityRegistered e) {
            waiting.put(e.registrationId().value(), FreeZoneDeadlineRules.startFromCertificate(e, event.sequence()).deadline());
        } else if (payload instanceof RegistrationEvents.InvestmentAgreementRecorded e) {
            waiting.remove(e.registrationId().value());
        } else if (payload instanceof RegistrationEvents.OperationsStarted e) {
            waiting.remove(e.registrationId().value());
        } else if (payload instanceof RegistrationEvents.EntityDeregistered e) {
            waiting.remove(e.registrationId().value());
        } else if (payload instanceof RegistrationEvents.ZoneRegistrationApplied e) {
            waiting.remove(e.registrationId().value());
        } else if (payload instanceof RegistrationEvents.DeregistrationGroundRaised e && e.ground() == DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR) {
            waiting.remove(e.registrationId().value());
        }
    }

    /** Starts the deadline of every registration still waiting; marks the backfill done. */
    private int schedule(Map<String, ScheduledDeadline> waiting) {
        List.copyOf(waiting.values()).forEach(deadlines::start);
        marker.write(clock.instant(), new Document("scheduled", waiting.size()));
        return waiting.size();
    }

}
