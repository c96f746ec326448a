package mn.registry.freezone.land;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * 003 art. 22.5 (choice, ADR 0035 item 18; abuse audit F122, was O82): one payment pays one licence's fee in the whole registry,
 * not only in the zone whose land register compares its receipts (F84). The receipt, read as {@link ZoneLand#receiptKey} reads it,
 * is claimed by a document {@code {_id: key, commandId, zoneId, licenceId, claimedAt}} of {@value #COLLECTION}, inserted under the
 * unique {@code _id} after the zone check and before the aggregate acts (atomic on every MongoDB server, no transaction), and
 * released when the command is refused; the same command again (ADR 0002) finds its own claim, and a claim whose command is no
 * longer in the command log is taken over ({@link RegistryWideClaim}, as the Free Zone acts' documents of ADR 0035 item 8).
 */
@Component
class LandFeeReceiptClaims {

    static final String COLLECTION = "freezone_land_fee_receipts";

    private final MongoCollection<Document> claims;
    private final CommandLog commandLog;
    private final mn.registry.command.claim.OneKindPerDocument acrossKinds;

    /** As the registry runs it: the claim across kinds (ADR 0057) is the registry's one, whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    LandFeeReceiptClaims(MongoDatabase database, CommandLog commandLog, mn.registry.command.claim.OneKindPerDocument acrossKinds) {
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.acrossKinds = acrossKinds;
    }

    /** For tests: the claim across kinds on the same database, its backfill taken as done. */
    LandFeeReceiptClaims(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, mn.registry.command.claim.OneKindPerDocument.backfilled(database, commandLog));
    }

    /** The registry-wide claim across kinds of act (ADR 0057), checked before the report's own (a holder's receipt's document). */
    mn.registry.command.claim.OneKindPerDocument acrossKinds() {
        return acrossKinds;
    }

    /** Claims the receipt for this command's fee; refuses one that paid another licence's fee. Returns the key claimed, or null (no receipt). */
    String claim(String receipt, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        String key = ZoneLand.receiptKey(receipt);
        if (key.isEmpty() || zone == null || licence == null) {
            return null; // the aggregate refuses a missing receipt or licence (freezone.field-missing, freezone.licence-unknown)
        }
        Document existing = claims.find(Filters.eq("_id", key)).first();
        if (existing != null && !commandId.equals(existing.getString("commandId")) && licence.value().equals(existing.getString("licenceId"))
                && zone.value().equals(existing.getString("zoneId"))) {
            return null; // the same licence's fee again: its land register decides (freezone.licence-already-issued)
        }
        RegistryWideClaim.take(claims, claimOf(key, commandId, zone, licence, at), RegistryWideClaim.whileItsCommandIsLogged(commandLog),
                LandFeeReceiptClaims::usedAlready);
        return key;
    }

    /** The claim key of a receipt's uploaded document in a holder's report: never a receipt's key, which is letters and digits only. */
    static String reportKey(String sha256) {
        return "SHA256:" + sha256;
    }

    /**
     * 003 art. 22.5, 22.7 (abuse audit F163; ADR 0035 item 22 left it): the receipt's document a holder reports its fee paid with is one
     * payment, registry-wide: refused ({@code freezone.fee-receipt-reported-already}, field {@code receiptSha256}) when another licence's
     * report, in this zone or another, holds it. Returns the key claimed, or null (no well-formed hash: the land register refuses it; the
     * same licence's report again: its land register decides, {@code freezone.fee-payment-reported-already}).
     */
    String claimReport(String sha256, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        if (!mn.registry.kernel.permit.DocumentRef.isSha256Hex(sha256) || zone == null || licence == null) {
            return null;
        }
        String key = reportKey(sha256);
        Document existing = claims.find(Filters.eq("_id", key)).first();
        if (existing != null && !commandId.equals(existing.getString("commandId")) && licence.value().equals(existing.getString("licenceId"))
                && zone.value().equals(existing.getString("zoneId"))) {
            return null;
        }
        RegistryWideClaim.take(claims, claimOf(key, commandId, zone, licence, at), RegistryWideClaim.whileItsCommandIsLogged(commandLog),
                LandFeeReceiptClaims::reportedAlready);
        return key;
    }

    /** As {@link #adopt}, for a report stored on a document this command did not claim. */
    void adoptReport(String sha256, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        if (!mn.registry.kernel.permit.DocumentRef.isSha256Hex(sha256)) {
            return;
        }
        try {
            RegistryWideClaim.take(claims, claimOf(reportKey(sha256), commandId, zone, licence, at),
                    anotherLicence(licence).and(RegistryWideClaim.whileItsCommandIsLogged(commandLog)), LandFeeReceiptClaims::reportedAlready);
        } catch (RegistryProblem takenMeanwhile) {
            // another licence's report took it between the release and now: it was judged on its own claim; this report is stored
        }
    }

    // 003 art. 22.5 (F131, F163): one payment's receipt reports one licence's fee, in this zone or another
    private static RegistryProblem reportedAlready(Document holder) {
        String where = holder == null ? "another licence" : "licence " + holder.getString("licenceId") + " in zone " + holder.getString("zoneId");
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.fee-receipt-reported-already", "This receipt reported the fee of "
                + where + " already; one payment pays one licence's fee.", "receiptSha256", "003 art. 22.5");
    }

    /**
     * After the land register issued the certificate on a receipt this command did not claim (an earlier command for the same licence
     * held it, and was refused or will be): the issued fee takes the claim over, so that the receipt stays claimed.
     */
    void adopt(String receipt, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        String key = ZoneLand.receiptKey(receipt);
        if (key.isEmpty()) {
            return;
        }
        try {
            RegistryWideClaim.take(claims, claimOf(key, commandId, zone, licence, at), anotherLicence(licence).and(RegistryWideClaim.whileItsCommandIsLogged(commandLog)),
                    LandFeeReceiptClaims::usedAlready);
        } catch (RegistryProblem takenMeanwhile) {
            // another licence's fee took it between the release and now: it was judged on its own claim; this fee is stored
        }
    }

    private static java.util.function.Predicate<Document> anotherLicence(LandLicenceId licence) {
        return holder -> !licence.value().equals(holder.getString("licenceId"));
    }

    /** Releases this command's claim (the command was refused: nothing was stored). */
    void release(String key, String commandId) {
        if (key != null) {
            RegistryWideClaim.release(claims, key, commandId);
        }
    }

    private static Document claimOf(String key, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        return new Document("_id", key).append("commandId", commandId).append("zoneId", zone.value()).append("licenceId", licence.value())
                .append("claimedAt", at.toString());
    }

    // 003 art. 22.5 (F84, F122): the receipt that paid one licence's fee, in this zone or another, does not pay another's
    private static RegistryProblem usedAlready(Document holder) {
        String where = holder == null ? "another licence" : "licence " + holder.getString("licenceId") + " in zone " + holder.getString("zoneId");
        return new RegistryProblem(RegistryProblem.Kind.CONFLICT, "freezone.receipt-used-already", "This receipt paid the fee of " + where
                + " already; one payment pays one licence's fee.", "receipt", "003 art. 22.5");
    }
}
