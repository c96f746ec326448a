package mn.registry.freezone.land;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.command.claim.Claimant;
import mn.registry.command.claim.DocumentKind;
import mn.registry.command.claim.DocumentClaims;
import mn.registry.command.claim.RegistryWideClaim;
import mn.registry.kernel.freezone.FreeZoneTerms;
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
    private final DocumentClaims documents;

    /** As the registry runs it: a reported receipt's document is the registry's one claim of documents (ADR 0057), whose backfill it waits for. */
    @org.springframework.beans.factory.annotation.Autowired
    LandFeeReceiptClaims(MongoDatabase database, CommandLog commandLog, DocumentClaims documents) {
        this.claims = database.getCollection(COLLECTION);
        this.commandLog = commandLog;
        this.documents = documents;
    }

    /** For tests: the claim of documents on the same database, its backfill taken as done. */
    LandFeeReceiptClaims(MongoDatabase database, CommandLog commandLog) {
        this(database, commandLog, DocumentClaims.backfilled(database, commandLog));
    }

    /** Claims the receipt for this command's fee; refuses one that paid another licence's fee. Returns the key claimed, or null (no receipt). */
    String claim(String receipt, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        String key = ZoneLand.receiptKey(receipt);
        if (key.isEmpty() || zone == null || licence == null) {
            return null; // the aggregate refuses a missing receipt or licence (freezone.field-missing, freezone.licence-unknown)
        }
        // one insert; the same licence's fee again is left to its land register (freezone.licence-already-issued)
        return RegistryWideClaim.take(claims, claimOf(key, commandId, zone, licence, at), holder -> {
            if (!RegistryWideClaim.whileItsCommandIsLogged(commandLog).test(holder)) {
                return RegistryWideClaim.Verdict.TAKE_OVER;
            }
            if (!anotherLicence(licence).test(holder) && zone.value().equals(holder.getString("zoneId"))) {
                return RegistryWideClaim.Verdict.PASS;
            }
            throw usedAlready(holder);
        }, () -> usedAlready(null)) ? key : null;
    }

    /** The claim key of a receipt's uploaded document in a holder's report: never a receipt's key, which is letters and digits only. */
    static String reportKey(String sha256) {
        return REPORT_KEY + sha256;
    }

    private static final String REPORT_KEY = "SHA256:";

    /** The land licence a reported receipt pays, as the document's claim names it ({@code licence:<licence> in zone <zone>}). */
    private static String grounds(ZoneId zone, LandLicenceId licence) {
        return DocumentClaims.Grounds.licence(licence.value(), zone.value());
    }

    /**
     * 003 art. 22.5, 22.7 (abuse audit F163; ADR 0035 item 22 left it): the receipt's document a holder reports its fee paid with is one
     * payment, registry-wide: since session 19 the one claim of the document (ADR 0057: kind {@link DocumentKind#LAND_FEE_RECEIPT},
     * {@code ONE_ACT}, naming the licence), refused ({@code freezone.fee-receipt-reported-already}, field {@code receiptSha256}) when
     * another licence's report, in this zone or another, holds it, and refused as another kind's document when another kind of act holds
     * it. Returns the key to release, or null (no well-formed hash: the land register refuses it; the same licence's report again: its land
     * register decides, {@code freezone.fee-payment-reported-already}).
     */
    String claimReport(String sha256, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        if (!mn.registry.kernel.permit.DocumentRef.isSha256Hex(sha256) || zone == null || licence == null) {
            return null;
        }
        return documents.claim(sha256, DocumentKind.LAND_FEE_RECEIPT, Claimant.grounding(grounds(zone, licence)), commandId, "receiptSha256",
                FreeZoneTerms.LAND_FEE_ARTICLE, at) ? reportKey(sha256) : null;
    }

    /** As {@link #adopt}, for a report stored on a document this command did not claim. */
    void adoptReport(String sha256, String commandId, ZoneId zone, LandLicenceId licence, Instant at) {
        if (mn.registry.kernel.permit.DocumentRef.isSha256Hex(sha256) && zone != null && licence != null) {
            documents.adopt(sha256, DocumentKind.LAND_FEE_RECEIPT, Claimant.grounding(grounds(zone, licence)), commandId, at);
        }
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
            RegistryWideClaim.take(claims, claimOf(key, commandId, zone, licence, at), holder -> anotherLicence(licence)
                    .and(RegistryWideClaim.whileItsCommandIsLogged(commandLog)).test(holder) ? RegistryWideClaim.Verdict.PASS
                    : RegistryWideClaim.Verdict.TAKE_OVER, () -> usedAlready(null));
        } catch (RegistryProblem takenMeanwhile) {
            // another licence's fee took it between the release and now: it was judged on its own claim; this fee is stored
        }
    }

    private static java.util.function.Predicate<Document> anotherLicence(LandLicenceId licence) {
        return holder -> !licence.value().equals(holder.getString("licenceId"));
    }

    /** Releases this command's claim (the command was refused: nothing was stored). */
    void release(String key, String commandId) {
        if (key != null && key.startsWith(REPORT_KEY)) {
            documents.release(key.substring(REPORT_KEY.length()), commandId);
        } else if (key != null) {
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
