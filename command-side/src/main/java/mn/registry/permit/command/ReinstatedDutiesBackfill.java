package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.MarkedBackfill;
import mn.registry.command.backfill.StoreBackfills;
import mn.registry.deadline.MongoDeadlines;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * ADR 0046 item 61 (abuse audit F211, was O125): a complaint upheld before ADR 0046 item 58 (F206) reinstated its permit without raising
 * again the duties its revocation had stopped (the annual inspection, the insurance's renewal, a pending extension or tax request, the
 * suspension's notice), so they stayed open in the aggregate with no deadline behind them. Once per registry, at start, this reads the
 * store from its first event (the pass {@link StoreBackfills} shares among the start-up backfills, ADR 0044), collects each permit whose
 * last revocation a complaint annulled, and sends it {@link PermitCommands.RunReinstatedDutiesAgain} at the registry's time: the aggregate
 * raises the duties still stopped with the same {@code PermitDutyRaised} as F206 (the deadlines projection schedules them), and nothing
 * where they run already. So a second start, a second node or a start stopped half-way raises nothing twice. A permit revoked again since
 * is not asked (its duties wait for that revocation's outcome). The marker ({@value #MARKER}, in {@value MongoDeadlines#DAYS} beside the
 * other deadlines' backfill) is written once every permit answered; a permit that failed (a concurrent command) is asked again at the next
 * start.
 */
@Component
class ReinstatedDutiesBackfill extends MarkedBackfill {

    private static final Logger log = LoggerFactory.getLogger(ReinstatedDutiesBackfill.class);
    /** The marker's id in {@value MongoDeadlines#DAYS}: never a day's bucket. */
    static final String MARKER = "backfill:adr-0046-61";

    private final CommandGateway commands;
    private final Clock clock;

    ReinstatedDutiesBackfill(MongoDatabase database, EventStore events, CommandGateway commands, Clock clock) {
        super("duties of reinstated permits (ADR 0046 item 61)", new BackfillMarker(database.getCollection(MongoDeadlines.DAYS), MARKER), events);
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public Pass begin() {
        long started = System.nanoTime();
        Set<ApplicationId> reinstated = new LinkedHashSet<>();
        return new Pass() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                Class<?> type = event.getPayloadType();
                if (type == RevocationComplaintDecided.class) {
                    RevocationComplaintDecided decided = (RevocationComplaintDecided) event.getPayload();
                    if (decided.upheld()) {
                        reinstated.add(decided.applicationId());
                    }
                } else if (type == PermitRevoked.class) {
                    reinstated.remove(((PermitRevoked) event.getPayload()).applicationId());
                }
            }

            @Override
            public void finish(long read) {
                int failed = 0;
                for (ApplicationId permit : reinstated) {
                    try {
                        commands.sendAndWait(new PermitCommands.RunReinstatedDutiesAgain(permit, clock.instant()));
                    } catch (RuntimeException e) {
                        failed++;
                        log.warn("duties of reinstated permits (ADR 0046 item 61): {} not answered, asked again at the next start: {}", permit.value(),
                                e.toString());
                    }
                }
                if (failed == 0) {
                    marker.write(clock.instant(), new Document("permits", reinstated.size()));
                }
                log.info("duties of reinstated permits (ADR 0046 item 61): read {} events, asked {} reinstated permits ({} failed), in {} ms", read,
                        reinstated.size(), failed, (System.nanoTime() - started) / 1_000_000);
            }
        };
    }
}
