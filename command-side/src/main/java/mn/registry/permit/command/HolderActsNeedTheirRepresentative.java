package mn.registry.permit.command;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.identity.api.ErasureCheck;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplicationId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * 002 art. 26.2.3, 27.2, 29.6, 22.1.2 (choice, ADR 0046 item 42, abuse audit F151): a holder acts only through the representative who
 * applied (the registry knows no other), and an erased person signs nothing again and is never enrolled again under their id. A
 * supervisor who erased the data of the representative of a holder in force (on a ground of their own words: "asked by telephone") would
 * lock the holder out for good: of its complaint against a revocation, its extension request, its reports and its insurance. Such a
 * person is not erased while the holder has acts to make; the companies' claims (ADR 0031) name every application that holds a company,
 * and each is asked ({@link PermitCommands.RepresentsAHolderInForce}).
 */
@Component
class HolderActsNeedTheirRepresentative implements ErasureCheck {

    private final MongoCollection<Document> claims;
    private final CommandGateway commands;

    HolderActsNeedTheirRepresentative(MongoDatabase database, CommandGateway commands) {
        this.claims = database.getCollection(CompanyPermitClaims.COLLECTION);
        this.commands = commands;
    }

    @Override
    public void mayBeErased(PersonId person, Instant at) {
        for (Document claim : claims.find()) {
            String application = claim.getString("applicationId");
            if (application == null) {
                continue; // the backfill's marker
            }
            Boolean represents;
            try {
                represents = commands.sendAndWait(new PermitCommands.RepresentsAHolderInForce(new ApplicationId(application), person, at));
            } catch (org.axonframework.modelling.command.AggregateNotFoundException stale) {
                continue; // a claim whose command was refused and whose release was lost: no application
            }
            if (Boolean.TRUE.equals(represents)) {
                throw new RegistryProblem(RegistryProblem.Kind.CONFLICT, "privacy.holders-representative", person + " represents the holder of "
                        + "application " + application + ", which acts only through them (its insurance, reports, extension and complaint): their "
                        + "personal data is not erased while the holder has acts to make.", "personId", "002 art. 27.2, 29.6 (domain-rules §5)");
            }
        }
    }
}
