package mn.registry.command.claim;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.permit.PermitDutyFulfilled;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ADR 0057, session 22 (abuse audit F280, was O155; 002 art. 27.7, 28.3, 29.3): a duty's letter claimed before session 21 names its permit
 * alone ({@code permit:<id>}) and so grounds that permit's duties of every article, although each of the three articles asks for a paper of
 * its own. Once per registry, in {@link DocumentClaimsBackfill}'s pass over the store, this names on each such claim the article of the
 * stored duty done on the letter ({@code permit:<id>#<article>}, as a command writes it since session 21), where the permit's stored duties
 * on it are of one article. Where two articles of one permit already share the letter (stored when that was lawful) the claim keeps the
 * permit alone: naming one would set the stored acts against each other (abuse audit O171). A claim no stored duty holds (its command
 * refused, its release lost: the next act takes it over under its own article) is left as it is. Each write is conditional on the claim's
 * grounds still being the old form, so a second node running it at once, or a start run again, changes nothing twice.
 */
final class DutyLetterArticles {

    private static final Logger log = LoggerFactory.getLogger(DutyLetterArticles.class);
    /** The marker's id in {@value DocumentClaims#COLLECTION}: never a SHA-256, so never a claim. */
    static final String MARKER = "backfill:adr-0057:duty-articles";

    /** The articles of the stored duties done on each letter, by letter and permit ({@code <sha256> permit:<id>}). */
    private final Map<String, Set<String>> stored = new HashMap<>();

    /** Reads one stored event: a duty marked done on a letter adds its article to the letter's, for its permit. */
    void accept(Object payload) {
        if (payload instanceof PermitDutyFulfilled done && done.duty() != null && done.applicationId() != null
                && DocumentRef.isSha256Hex(done.evidenceSha256())) {
            stored.computeIfAbsent(key(done.evidenceSha256(), DocumentClaims.Grounds.PERMIT.of(done.applicationId().value())), k -> new TreeSet<>())
                    .add(done.duty().article());
        }
    }

    /** Names the article on each old-form claim of a duty's letter one article's stored duties hold; answers the counts for the marker. */
    Document name(MongoCollection<Document> claims) {
        int named = 0;
        int shared = 0;
        int withoutAStoredDuty = 0;
        for (Document claim : claims.find(Filters.eq("kind", DocumentKind.DUTY_EVIDENCE.code()))) {
            String grounds = claim.getString(DocumentClaims.GROUNDS);
            if (grounds == null || DocumentClaims.Grounds.article(grounds) != null) {
                continue; // named since session 21
            }
            Set<String> articles = stored.getOrDefault(key(String.valueOf(claim.get("_id")), grounds), Set.of());
            if (articles.size() == 1) {
                named += (int) claims.updateOne(Filters.and(Filters.eq("_id", claim.get("_id")), Filters.eq(DocumentClaims.GROUNDS, grounds)),
                        new Document("$set", new Document(DocumentClaims.GROUNDS, grounds + "#" + articles.iterator().next()))).getModifiedCount();
            } else if (articles.isEmpty()) {
                withoutAStoredDuty++;
            } else {
                shared++;
                log.warn("duty letters' articles (ADR 0057, session 22): letter {} holds {}'s stored duties of {}: it keeps grounding the permit's "
                        + "duties of every article (abuse audit O171)", claim.get("_id"), grounds, articles);
            }
        }
        log.info("duty letters' articles (ADR 0057, session 22): {} claims given their duty's article, {} kept for duties of two articles, {} "
                + "without a stored duty left", named, shared, withoutAStoredDuty);
        return new Document("named", named).append("sharedByTwoArticles", shared).append("withoutAStoredDuty", withoutAStoredDuty);
    }

    private static String key(String sha256, String grounds) {
        return sha256.toLowerCase(Locale.ROOT) + " " + grounds;
    }
}
