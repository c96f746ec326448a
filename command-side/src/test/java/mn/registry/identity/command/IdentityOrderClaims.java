package mn.registry.identity.command;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.DocumentKind;

import java.time.Clock;

import static mn.registry.identity.command.PersonEnrolmentTest.AT;
import static mn.registry.identity.command.PersonEnrolmentTest.SUPERVISOR;

/**
 * The claims of identity orders as the identity acts make them (001 art. 23.1.1; ADR 0061 items 45, 55, 63), the set-up the identity abuse
 * tests share ({@link IdentityAbuseRound13Test}, {@link IdentityAbuseRound15Test}): a command log and the document claims over one test
 * database, an act signed by the supervisor logged and its order claimed at {@code AT} on {@code documentSha256}.
 *
 * @param database the test database
 * @param log      the command log the acts are logged in
 * @param claims   the document claims, backfilled from the log
 */
record IdentityOrderClaims(MongoDatabase database, CommandLog log, DocumentClaims claims) {

    /** The field and the article every identity order's claim names. */
    static final String FIELD = "documentSha256";
    static final String ARTICLE = "001 art. 23.1.1";

    static IdentityOrderClaims on(MongoDatabase database) {
        CommandLog log = new CommandLog(database, Clock.systemUTC());
        return new IdentityOrderClaims(database, log, DocumentClaims.backfilled(database, log));
    }

    /** The supervisor's act {@code commandId} of type {@code commandType} is logged. */
    void logged(String commandId, String commandType) {
        log.claim(commandId, "jws", "jws", commandType, SUPERVISOR.value());
    }

    /** The supervisor's act {@code commandId} of type {@code commandType} is logged and claims {@code order} for {@code claimant}. */
    boolean claimedBy(String commandId, String commandType, String order, Claimant claimant) {
        logged(commandId, commandType);
        return claim(commandId, order, claimant);
    }

    /** The act {@code commandId} (logged already, or not at all) claims {@code order} for {@code claimant}: whether the claim is new. */
    boolean claim(String commandId, String order, Claimant claimant) {
        return claims.claim(order, DocumentKind.IDENTITY_ORDER, claimant, commandId, FIELD, ARTICLE, AT);
    }

    /** The claim stored of {@code order}. */
    org.bson.Document stored(String order) {
        return database.getCollection(DocumentClaims.COLLECTION).find(Filters.eq("_id", order)).first();
    }
}
