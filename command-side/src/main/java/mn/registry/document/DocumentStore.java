package mn.registry.document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import mn.registry.kernel.crypto.Sha256;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Applicants' original documents in the MongoDB collection {@code documents}, content-addressed:
 * {@code _id} is the SHA-256 of the bytes, so uploading the same bytes again changes nothing and
 * answers with the first receipt. Bytes are never rewritten (001 art. 15.6).
 */
@Component
public class DocumentStore {

    static final String COLLECTION = "documents";

    private final MongoCollection<Document> documents;
    private final Clock clock;
    private final DocumentIntake intake;

    @Autowired
    public DocumentStore(MongoDatabase database, Clock clock,
                         @Value("${registry.documents.max-size:10MB}") DataSize maxSize) {
        this(database, clock, maxSize.toBytes());
    }

    DocumentStore(MongoDatabase database, Clock clock, long maxBytes) {
        this.documents = database.getCollection(COLLECTION);
        this.clock = clock;
        this.intake = new DocumentIntake(maxBytes);
    }

    /** The result of an upload: the stored document, and whether these bytes were new. */
    public record Upload(StoredDocument document, boolean created) {
    }

    /** The largest document accepted, in bytes. */
    public long maxBytes() {
        return intake.maxBytes();
    }

    /**
     * Keeps an original. Refuses (with {@link mn.registry.kernel.problem.RegistryProblem}) an empty,
     * oversized or unsupported document. Bytes already held are not stored again.
     */
    public Upload receive(byte[] content, String mediaType, String fileName) {
        String normalizedType = intake.check(content, mediaType);
        String sha256 = Sha256.hex(content);
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredDocument stored = new StoredDocument(sha256, content.length, normalizedType, fileName, receivedAt);
        Document row = new Document("_id", sha256)
                .append("content", new Binary(content))
                .append("size", (long) content.length)
                .append("mediaType", normalizedType)
                .append("fileName", fileName)
                .append("receivedAt", Date.from(receivedAt));
        try {
            documents.insertOne(row);
            return new Upload(stored, true);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return new Upload(find(sha256).orElseThrow(() -> e), false);
        }
    }

    /**
     * What the store knows of the document with this SHA-256 (lower-case hex), without its bytes. A document's
     * record never changes once stored (the first receipt is kept), so what was found is remembered: every
     * application cites six or seven documents, and the embedded server reads a whole document from its file
     * even when the query leaves the bytes out.
     */
    public Optional<StoredDocument> find(String sha256) {
        StoredDocument known = recent.get(sha256);
        if (known != null) {
            return Optional.of(known);
        }
        Document row = documents.find(Filters.eq("_id", sha256)).projection(Projections.exclude("content")).first();
        Optional<StoredDocument> found = Optional.ofNullable(row).map(DocumentStore::metadata);
        found.ifPresent(d -> recent.put(sha256, d));
        return found;
    }

    /** Recently seen document records by SHA-256, least recently used dropped first. */
    private final java.util.Map<String, StoredDocument> recent = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, StoredDocument> eldest) {
                    return size() > 10_000;
                }
            });

    /** The original bytes and what the store knows of them. */
    public Optional<Original> original(String sha256) {
        Document row = documents.find(Filters.eq("_id", sha256)).first();
        return Optional.ofNullable(row).map(r -> new Original(metadata(r), r.get("content", Binary.class).getData()));
    }

    /** A stored document with its original bytes. */
    public record Original(StoredDocument document, byte[] content) {
    }

    private static StoredDocument metadata(Document row) {
        return new StoredDocument(row.getString("_id"), ((Number) row.get("size")).longValue(), row.getString("mediaType"),
                row.getString("fileName"), row.getDate("receivedAt").toInstant());
    }
}
