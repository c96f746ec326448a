package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * ADR 0031, abuse audit O7 (002 art. 23.2, 28.2; **choice**): a company, by its state registration number, has at most one
 * application under review or permit in force (registered, approved, active, suspended) at a time, so that a holder suspended
 * under one permit cannot go on issuing certificates under another. The registry-wide claim of a number is a document
 * {@code {_id: registrationNumber, applicationId, commandId, claimedAt}} of {@value #COLLECTION}; the unique {@code _id} makes
 * it atomic on every MongoDB server, without transactions. The command type claims the number before the aggregate acts and
 * releases it when the command is refused, so a refusal leaves nothing claimed.
 *
 * <p>ADR 0070: the claims live beside the documents' claims of ADR 0057 (a seven-digit {@code _id} is never a document's SHA-256 nor a
 * marker), so that {@code ApplyForPermit} writes its company's claim and its documents' claims in one unordered insert
 * ({@link #claimBeside}); until session 25 they were a collection of their own, {@value #FORMER_COLLECTION}, which this release no
 * longer reads or writes: its backfill claims again, from the events, what a store of an earlier release holds.
 *
 * <p>Nothing releases a claim when an application ends: a claim counts only while its application still holds the company, and
 * that is asked of the application itself ({@link PermitCommands.HoldsCompany}) when another command wants the number. So a
 * refused, expired or revoked application, or a permit passed to a successor (23.3), frees the number at once, on every node and
 * after any restart, with no event handler to lag or replay. A claim whose application has no events is one still being carried
 * out (its command is in the command log) or one left by a stop between the claim and the events (no command-log entry, or an
 * expired lease): the latter is taken over.
 */
@Component
class CompanyPermitClaims {

    static final String COLLECTION = DocumentClaims.COLLECTION;
    /** Where the claims were until session 25 (ADR 0070): left as it was, for a release rolled back to. */
    static final String FORMER_COLLECTION = "company_permit_claims";

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;
    private final EventStore events;
    private final CommandGateway commands;

    private final CompanyPermitClaimsBackfill backfill;

    CompanyPermitClaims(MongoDatabase database, CommandLog commandLog, EventStore events, CommandGateway commands, CompanyPermitClaimsBackfill backfill) {
        this.backfill = backfill;
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.events = events;
        this.commands = commands;
    }

    /**
     * Claims {@code registrationNumber} for {@code applicationId} on behalf of command {@code commandId}; refuses while another
     * application or permit holds the company. A number that is not a registration number is left to the intake rules.
     */
    void claim(String registrationNumber, String commandId, ApplicationId applicationId, Instant at, String field) {
        DocumentClaims.Beside claim = claimBeside(registrationNumber, commandId, applicationId, at, field);
        if (claim != null) {
            RegistryWideClaim.take(claims, claim.claim(), claim.judge(), claim.gaveUp());
        }
    }

    /**
     * The claim of {@code registrationNumber} for {@code applicationId}, to be written in one insert with the documents' claims of the same
     * command (ADR 0070), with how a claim another command holds is judged (refused while its application still holds the company, else
     * taken over); null for a number that is not a registration number (left to the intake rules). Waits for the backfill.
     */
    DocumentClaims.Beside claimBeside(String registrationNumber, String commandId, ApplicationId applicationId, Instant at, String field) {
        if (!mn.registry.kernel.permit.Company.isStateRegistrationNumber(registrationNumber)) {
            return null;
        }
        backfill.awaitDone();
        Document claim = new Document("_id", registrationNumber).append("applicationId", applicationId.value()).append("commandId", commandId)
                .append("claimedAt", at.toString());
        return new DocumentClaims.Beside(claim, RegistryWideClaim.refusedWhileHeld(existing -> {
            ApplicationId held = new ApplicationId(existing.getString("applicationId"));
            return !held.equals(applicationId) && stillHolds(held, existing.getString("commandId"), registrationNumber);
        }, existing -> alreadyHolds(registrationNumber, existing == null ? null : new ApplicationId(existing.getString("applicationId")), field)),
                () -> alreadyHolds(registrationNumber, null, field));
    }

    /**
     * 002 art. 23.2, 29.6, 27.4, 29.2 (choice, ADR 0046 items 162-163; abuse audit F566, F567): claims {@code registrationNumber} for the
     * permit {@code applicationId} that an act brings back into force (a complaint upheld, an extension granted after the expiry); refused
     * while another application or permit still holds the company. A claim that names this permit already stays as it is (the act goes on
     * without taking it over), so that a refusal of the act, which releases only this command's claim, never deletes the permit's own.
     */
    void claimForThePermitBroughtBack(String registrationNumber, String commandId, ApplicationId applicationId, Instant at, String field) {
        if (!mn.registry.kernel.permit.Company.isStateRegistrationNumber(registrationNumber)) {
            return;
        }
        backfill.awaitDone();
        Document claim = new Document("_id", registrationNumber).append("applicationId", applicationId.value()).append("commandId", commandId)
                .append("claimedAt", at.toString());
        RegistryWideClaim.take(claims, claim, existing -> {
            ApplicationId held = new ApplicationId(existing.getString("applicationId"));
            if (held.equals(applicationId)) {
                return RegistryWideClaim.Verdict.PASS;
            }
            if (stillHolds(held, existing.getString("commandId"), registrationNumber)) {
                throw alreadyHolds(registrationNumber, held, field);
            }
            return RegistryWideClaim.Verdict.TAKE_OVER;
        }, () -> alreadyHolds(registrationNumber, null, field));
    }

    /** Releases this command's claim of the number (the command was refused: nothing was stored). */
    void release(String registrationNumber, String commandId) {
        if (mn.registry.kernel.permit.Company.isStateRegistrationNumber(registrationNumber)) {
            RegistryWideClaim.release(claims, registrationNumber, commandId);
        }
    }

    private boolean stillHolds(ApplicationId held, String ownerCommand, String registrationNumber) {
        if (events.lastSequenceNumberFor(held.value()).isPresent()) {
            try {
                return Boolean.TRUE.equals(commands.sendAndWait(new PermitCommands.HoldsCompany(held, registrationNumber)));
            } catch (AggregateNotFoundException unknown) {
                return false;
            }
        }
        Optional<Document> entry = commandLog.find(ownerCommand);
        return entry.isPresent() && ("done".equals(entry.get().getString("state")) || !leaseExpired(entry.get()));
    }

    private boolean leaseExpired(Document entry) {
        Number acceptedAt = entry.get("acceptedAt", Number.class);
        return acceptedAt != null && commandLog.leaseExpired(Instant.ofEpochMilli(acceptedAt.longValue()));
    }

    private static RegistryProblem alreadyHolds(String registrationNumber, ApplicationId held, String field) {
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "permit.company-already-holds", "The company " + registrationNumber
                + " already has an application under review or a special permit in force" + (held == null ? "" : " (" + held.value() + ")")
                + "; a company holds one at a time (002 art. 23.2, 28.2; ADR 0031).", field, "002 art. 23.2");
    }
}
