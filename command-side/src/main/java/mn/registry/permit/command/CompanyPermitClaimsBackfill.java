package mn.registry.permit.command;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import mn.registry.kernel.permit.PermitTransferred;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import mn.registry.command.backfill.BackfillMarker;
import mn.registry.command.backfill.MarkedBackfill;
import mn.registry.command.backfill.StoreBackfills;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ADR 0031 "Later": applications registered before the one-permit-per-company rule have no claim in
 * {@value CompanyPermitClaims#COLLECTION} (nor those registered by a release before ADR 0070, whose claims are in
 * {@value CompanyPermitClaims#FORMER_COLLECTION}), so without this a company holding such an application could apply again. Once per
 * registry, at start, after Axon has subscribed its handlers (a claim waits for it: {@link #awaitDone()}), it reads the store once from its first event
 * (the pass {@link StoreBackfills} shares among the start-up backfills, ADR 0044),
 * collects every company an application was registered for or passed to (23.3), asks each application whether it still holds
 * the company ({@link PermitCommands.HoldsCompany}, as a claim is judged) and claims the number for the first that does. Then it
 * writes its marker. Idempotent: a claim already there is left alone (a duplicate key), so a second node starting at the same
 * time, or a start stopped half-way and run again, claims nothing twice.
 */
@Component
class CompanyPermitClaimsBackfill extends MarkedBackfill {

    private static final Logger log = LoggerFactory.getLogger(CompanyPermitClaimsBackfill.class);
    /**
     * The marker's id: never a seven-digit registration number nor a SHA-256, so never a claim. ADR 0070 moved the claims into
     * {@value CompanyPermitClaims#COLLECTION} under a new marker (the one of ADR 0031, {@code backfill:adr-0031}, stays in
     * {@value CompanyPermitClaims#FORMER_COLLECTION}): a store written by an earlier release is claimed again from its events once, every
     * company an application still holds, as a store from before ADR 0031 was.
     */
    static final String MARKER = "backfill:adr-0070";
    static final String BACKFILL_COMMAND = "backfill:adr-0031";

    private final MongoCollection<Document> claims;
    private final CommandGateway commands;
    private final Clock clock;

    CompanyPermitClaimsBackfill(MongoDatabase database, EventStore events, CommandGateway commands, Clock clock) {
        super("company claims (ADR 0031)", new BackfillMarker(database.getCollection(CompanyPermitClaims.COLLECTION), MARKER), events);
        this.claims = database.getCollection(CompanyPermitClaims.COLLECTION);
        this.commands = commands;
        this.clock = clock;
    }

    @Override
    public Pass begin() {
        long started = System.nanoTime();
        Map<String, List<ApplicationId>> companies = new LinkedHashMap<>();
        return new Pass() {
            @Override
            public void accept(TrackedEventMessage<?> event) {
                Class<?> type = event.getPayloadType();
                if (type == PermitApplicationRegistered.class) {
                    PermitApplicationRegistered registered = (PermitApplicationRegistered) event.getPayload();
                    candidate(companies, registered.company(), registered.applicationId());
                } else if (type == PermitTransferred.class) {
                    PermitTransferred transferred = (PermitTransferred) event.getPayload();
                    candidate(companies, transferred.successor(), transferred.applicationId());
                }
            }

            @Override
            public void finish(long read) {
                int claimed = 0;
                for (Map.Entry<String, List<ApplicationId>> company : companies.entrySet()) {
                    for (ApplicationId application : company.getValue()) {
                        if (holds(application, company.getKey())) {
                            claimed += claim(company.getKey(), application) ? 1 : 0;
                            break;
                        }
                    }
                }
                marker.write(clock.instant(), new Document("claimed", claimed));
                log.info("company claims (ADR 0031): read {} events, claimed {} of {} companies for applications registered before the rule, in {} ms",
                        read, claimed, companies.size(), (System.nanoTime() - started) / 1_000_000);
                passDone();
            }
        };
    }

    /**
     * Waits for the backfill before a claim is judged: the web server may take requests while it still reads the store, and a
     * company's second application must not slip in before its first is claimed. 503 (retry is safe) if it takes longer.
     */
    void awaitDone() {
        awaitPass(() -> new mn.registry.kernel.problem.RegistryProblem(mn.registry.kernel.problem.RegistryProblem.Kind.UNAVAILABLE,
                "registry.claims-not-ready", "The registry is still claiming the companies of applications registered before ADR 0031; "
                + "retry in a minute.", null, "002 art. 23.2"));
    }

    private static void candidate(Map<String, List<ApplicationId>> companies, Company company, ApplicationId application) {
        if (company != null && mn.registry.kernel.permit.Company.isStateRegistrationNumber(company.registrationNumber())) {
            companies.computeIfAbsent(company.registrationNumber(), k -> new ArrayList<>()).add(application);
        }
    }

    private boolean holds(ApplicationId application, String registrationNumber) {
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(new PermitCommands.HoldsCompany(application, registrationNumber)));
        } catch (AggregateNotFoundException unknown) {
            return false;
        }
    }

    private boolean claim(String registrationNumber, ApplicationId application) {
        try {
            claims.insertOne(new Document("_id", registrationNumber).append("applicationId", application.value())
                    .append("commandId", BACKFILL_COMMAND).append("claimedAt", clock.instant().toString()));
            return true;
        } catch (MongoException e) {
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false; // claimed already, by a command or by another node's backfill
        }
    }

}
