package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;

/**
 * The company claims of ADR 0031 on a started Axon configuration, their backfill run first as at a registry's start; and the documents'
 * claims of ADR 0057 an application takes beside them (session 24), their backfill done.
 */
final class CompanyClaimsFixture {

    private CompanyClaimsFixture() {
    }

    static CompanyPermitClaims claims(MongoDatabase database, Configuration axon) {
        CompanyPermitClaimsBackfill backfill = new CompanyPermitClaimsBackfill(database, axon.eventStore(), axon.commandGateway(),
                java.time.Clock.systemUTC());
        backfill.start();
        return new CompanyPermitClaims(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC()), axon.eventStore(),
                axon.commandGateway(), backfill);
    }

    static mn.registry.command.claim.DocumentClaims documentClaims(MongoDatabase database) {
        return mn.registry.command.claim.DocumentClaims.backfilled(database, new mn.registry.command.api.CommandLog(database, java.time.Clock.systemUTC()));
    }
}
