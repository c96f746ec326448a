package mn.registry.document;

import mn.registry.kernel.permit.DocumentRef;
import mn.registry.kernel.problem.RegistryProblem;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How an act cites a document by its SHA-256: the one check "named, well-formed and received" (001 art. 38.1: an act rests on
 * the original the registry received and keeps), with the field and the article the act's refusals name and what they say.
 * Written once here since session 18; before, about nine copies in the identity, permit and Free Zone code each built the same
 * two refusals ({@code document.sha256-malformed}, {@code document.unknown}) with their own words.
 *
 * <p>{@link DocumentStore#requireReceived} runs it against the store (and cites the document: it is kept for ever from then on);
 * aggregates, which reach the store through their services, run {@link #received(String, Predicate)} with the services' lookup.
 *
 * @param field            the field of the act that names the document
 * @param article          the article the act's refusal names
 * @param unknownMessage   what a refusal of a document never received says
 * @param malformedMessage what a refusal of a malformed hash says; {@code null}: a malformed hash is answered as a document never
 *                         received (the acts whose own "missing" rule already speaks of a missing hash, and those that always did)
 */
public record DocumentCitation(String field, String article, String unknownMessage, String malformedMessage) {

    /** What a refusal of a document never received says unless the act's words are more specific. */
    public static final String UNKNOWN = "No document with this SHA-256 was received; upload it to POST /api/documents first.";

    /** What a refusal of a malformed hash says unless the act's words are more specific. */
    public static final String MALFORMED = "A document is named by the SHA-256 of its bytes in lower-case hex.";

    /** A document cited in {@code field} under {@code article}, refused in the registry's usual words. */
    public static DocumentCitation of(String field, String article) {
        return new DocumentCitation(field, article, UNKNOWN, MALFORMED);
    }

    /** The same citation, its refusal of a document never received saying {@code message} (e.g. naming the Government decision). */
    public DocumentCitation unknownSays(String message) {
        return new DocumentCitation(field, article, message, malformedMessage);
    }

    /** The same citation, its refusal of a malformed hash saying {@code message}. */
    public DocumentCitation malformedSays(String message) {
        return new DocumentCitation(field, article, unknownMessage, message);
    }

    /** The same citation, a malformed hash answered as a document never received ({@code document.unknown}). */
    public DocumentCitation malformedAsUnknown() {
        return new DocumentCitation(field, article, unknownMessage, null);
    }

    /** Refuses a hash that is not 64 lower-case hex characters ({@code document.sha256-malformed}, or {@code document.unknown}). */
    public void wellFormed(String sha256) {
        if (!DocumentRef.isSha256Hex(sha256)) {
            throw malformedMessage == null ? unknown() : RegistryProblem.invalid("document.sha256-malformed", malformedMessage, field, article);
        }
    }

    /** The document found by {@code lookup} under a well-formed hash; refused as malformed or as never received. */
    public <T> T found(String sha256, Function<String, Optional<T>> lookup) {
        wellFormed(sha256);
        return lookup.apply(sha256).orElseThrow(this::unknown);
    }

    /** As {@link #found(String, Function)}, for a lookup that answers only whether the registry received the document. */
    public void received(String sha256, Predicate<String> receivedByTheRegistry) {
        wellFormed(sha256);
        if (!receivedByTheRegistry.test(sha256)) {
            throw unknown();
        }
    }

    /** The refusal of a document never received. */
    public RegistryProblem unknown() {
        return RegistryProblem.invalid("document.unknown", unknownMessage, field, article);
    }
}
