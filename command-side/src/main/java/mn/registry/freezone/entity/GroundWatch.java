package mn.registry.freezone.entity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;

/**
 * The registry raising 003 art. 12.5.1 and 12.5.2 itself. The due dates are facts in events
 * ({@code startDueBy}, {@code resumeDueBy}); this keeps them in {@value #COLLECTION} (an idempotent
 * projection) and every few seconds asks each registration whose day has passed, by the registry's clock
 * in Ulaanbaatar, to raise its ground. The aggregate decides and ignores a repeat, so a restart, a second
 * node or a replay raises each ground once in effect.
 */
@Component
@ProcessingGroup(GroundWatch.PROCESSING_GROUP)
public class GroundWatch {

    static final String PROCESSING_GROUP = "freezone-ground-watch";
    static final String COLLECTION = "freezone_ground_watch";
    private static final Logger log = LoggerFactory.getLogger(GroundWatch.class);

    private final MongoCollection<Document> rows;
    private final CommandGateway gateway;
    private final Clock clock;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "freezone-ground-watch");
        t.setDaemon(true);
        return t;
    });

    public GroundWatch(MongoDatabase database, CommandGateway gateway, Clock clock) {
        this.rows = database.getCollection(COLLECTION);
        this.gateway = gateway;
        this.clock = clock;
        scheduler.scheduleWithFixedDelay(this::raiseDueQuietly, 5, 5, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    @EventHandler
    void on(RegistrationEvents.ZoneRegistrationApplied event) {
        rows.deleteOne(eq("_id", event.registrationId().value()));
    }

    @EventHandler
    void on(RegistrationEvents.InvestmentAgreementRecorded event) {
        set(event.registrationId(), "startDueBy", event.startDueBy().toString());
    }

    @EventHandler
    void on(RegistrationEvents.OperationsStarted event) {
        set(event.registrationId(), "startedOn", event.on().toString());
    }

    @EventHandler
    void on(RegistrationEvents.OperationsInterrupted event) {
        set(event.registrationId(), "resumeDueBy", event.resumeDueBy().toString());
    }

    @EventHandler
    void on(RegistrationEvents.OperationsResumed event) {
        rows.updateOne(eq("_id", event.registrationId().value()), Updates.unset("resumeDueBy"));
    }

    @EventHandler
    void on(RegistrationEvents.DeregistrationGroundRaised event) {
        rows.updateOne(eq("_id", event.registrationId().value()), Updates.addToSet("raised", event.ground().name()), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(RegistrationEvents.EntityDeregistered event) {
        rows.deleteOne(eq("_id", event.registrationId().value()));
    }

    @ResetHandler
    void reset() {
        rows.deleteMany(new Document());
    }

    /** Asks every registration whose 12.5.1 / 12.5.2 day has passed to raise its ground; answers how many were asked. */
    public int raiseDue() {
        Instant now = clock.instant();
        LocalDate today = UlaanbaatarTime.dateOf(now);
        List<Object> asks = new ArrayList<>();
        for (Document row : rows.find()) {
            RegistrationId id = new RegistrationId(row.getString("_id"));
            List<String> raised = row.getList("raised", String.class, List.of());
            String startDueBy = row.getString("startDueBy");
            String startedOn = row.getString("startedOn");
            if (startDueBy != null && !raised.contains(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.name())
                    && today.isAfter(LocalDate.parse(startDueBy)) && (startedOn == null || startedOn.compareTo(startDueBy) > 0)) {
                asks.add(new RegistrationStreamCommands.RaiseGroundIfDue(RegistrationStreamCommands.stream(id), id,
                        DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, today, now));
            }
            String resumeDueBy = row.getString("resumeDueBy");
            if (resumeDueBy != null && !raised.contains(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS.name())
                    && today.isAfter(LocalDate.parse(resumeDueBy))) {
                asks.add(new RegistrationStreamCommands.RaiseGroundIfDue(RegistrationStreamCommands.stream(id), id,
                        DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, today, now));
            }
        }
        asks.forEach(gateway::sendAndWait);
        return asks.size();
    }

    private void raiseDueQuietly() {
        try {
            raiseDue();
        } catch (RuntimeException e) {
            log.warn("Raising due deregistration grounds failed; trying again shortly: {}", e.toString());
        }
    }

    private void set(RegistrationId id, String field, String value) {
        rows.updateOne(eq("_id", id.value()), Updates.set(field, value), new UpdateOptions().upsert(true));
    }
}
