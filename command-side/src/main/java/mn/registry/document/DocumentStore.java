package mn.registry.document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.privacy.PersonalDataHolder;
import mn.registry.infrastructure.privacy.PersonalDataVault;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.kernel.crypto.Sha256;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Applicants' original documents in the MongoDB collection {@code documents}, content-addressed:
 * {@code _id} is the SHA-256 of the bytes, so uploading the same bytes again changes nothing and
 * answers with the first receipt. Bytes are never rewritten (001 art. 15.6).
 *
 * <p>Each upload names its uploader ({@code uploadedBy}, the signed-in person). A document is <em>cited</em> from the
 * moment a command looks it up ({@link #find}; every command that cites a document does so before it records the
 * citation): from then on it is kept for ever. Since session 29 (ADR 0072) a claim of an act ({@code document_claims}) keeps its
 * document as a citation does: a permit application, which claims its papers before it reads them, reads them without marking them
 * cited ({@link #readClaimed}). A document neither cited nor claimed within {@code registry.documents.uncited-retention}
 * (default 7 days) of its receipt is deleted by {@link #deleteUncited()}. The bytes of new documents a person uploaded
 * within that period count against {@code registry.documents.quota-per-person} (default 200 MB); beyond it 429 (ADR 0014).
 *
 * <p>Issue 14 item 4: the file name an uploader gives may name a person ("passport Бат Болд.pdf"), so it is kept sealed
 * under the uploader's key in the {@link PersonalDataVault} and reads as {@code null} once the uploader is erased. The
 * uploader's id is pseudonymous and stays in clear (the quota counts by it).
 */
@Component
public class DocumentStore implements PersonalDataHolder {

    static final String COLLECTION = "documents";

    private final MongoCollection<Document> documents;
    private final UploadQuotaLedger quota;
    /** The acts' claims of documents (ADR 0057), each of which keeps its document (ADR 0072): read by {@link #deleteUncited}. */
    private final MongoCollection<Document> claims;
    private final Clock clock;
    private final DocumentIntake intake;
    private final Duration uncitedRetention;
    private final long quotaBytes;
    private final PersonalDataVault vault;

    /**
     * The upload's durability step: on the embedded server the H2 file commit, grouped with the events' (ADR 0001): an upload is
     * answered only once it is durable, as a command is. Found by {@code KillNineUnderLoadTest} once its load uploaded under the
     * kills: an acknowledged upload was gone after a kill -9. Tests that build a store themselves run without one.
     */
    private Runnable durable = () -> { };

    @Autowired
    public DocumentStore(MongoDatabase database, Clock clock,
                         @Value("${registry.documents.max-size:10MB}") DataSize maxSize,
                         @Value("${registry.documents.uncited-retention:7d}") Duration uncitedRetention,
                         @Value("${registry.documents.quota-per-person:200MB}") DataSize quotaPerPerson, PersonalDataVault vault,
                         mn.registry.infrastructure.mongo.GroupCommit durability) {
        this(database, clock, maxSize.toBytes(), uncitedRetention, quotaPerPerson.toBytes(), vault);
        this.durable = durability::await;
    }

    /** A store with the default retention of uncited documents and quota (tests of other modules). */
    public DocumentStore(MongoDatabase database, Clock clock, DataSize maxSize) {
        this(database, clock, maxSize.toBytes(), DEFAULT_RETENTION, DEFAULT_QUOTA);
    }

    DocumentStore(MongoDatabase database, Clock clock, long maxBytes) {
        this(database, clock, maxBytes, DEFAULT_RETENTION, DEFAULT_QUOTA);
    }

    DocumentStore(MongoDatabase database, Clock clock, long maxBytes, Duration uncitedRetention, long quotaBytes) {
        this(database, clock, maxBytes, uncitedRetention, quotaBytes, new PersonalDataVault(database, clock));
    }

    DocumentStore(MongoDatabase database, Clock clock, long maxBytes, Duration uncitedRetention, long quotaBytes, PersonalDataVault vault) {
        if (uncitedRetention.isNegative() || uncitedRetention.isZero()) {
            throw new IllegalArgumentException("registry.documents.uncited-retention must be positive: " + uncitedRetention);
        }
        this.documents = database.getCollection(COLLECTION);
        mn.registry.store.mongo.MongoIndexes.ensure(documents); // by uploader (ADR 0035 item 77): read by the governor's desk, a person's erasure
        this.quota = new UploadQuotaLedger(database, uncitedRetention);
        this.quota.foldEarlierLedgers(database, clock.instant()); // ADR 0070 item 17: session 28's ledgers, once
        this.claims = database.getCollection(mn.registry.command.claim.DocumentClaims.COLLECTION);
        this.clock = clock;
        this.intake = new DocumentIntake(maxBytes);
        this.uncitedRetention = uncitedRetention;
        this.quotaBytes = quotaBytes;
        this.vault = vault;
    }

    static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    static final long DEFAULT_QUOTA = 200L * 1024 * 1024;

    /** How long a document no command cited is kept after its receipt. */
    public Duration uncitedRetention() {
        return uncitedRetention;
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
        return receive(content, mediaType, fileName, null);
    }

    /**
     * Keeps an original uploaded by {@code uploader} (null: the registry itself, e.g. demo data), counting new bytes
     * against the uploader's quota. Bytes already held answer with the first receipt and count for no one again.
     */
    public Upload receive(byte[] content, String mediaType, String fileName, PersonId uploader) {
        return receive(content, mediaType, fileName, uploader, null);
    }

    /**
     * As {@link #receive(byte[], String, String, PersonId)}, for the act of {@code uploadedFor} (ADR 0035 item 76: {@link UploadForAnAct}, the
     * caller has asked whether the uploader may name it; null: for no act). Bytes already held keep their first receipt, for no act if it was.
     */
    public Upload receive(byte[] content, String mediaType, String fileName, PersonId uploader, String uploadedFor) {
        String normalizedType = intake.check(content, mediaType);
        String sha256 = Sha256.hex(content);
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (uploader != null) {
            Optional<StoredDocument> held = metadataOf(sha256);
            if (held.isPresent()) {
                durable.run(); // held: perhaps inserted by another request a moment ago, answered once durable
                return new Upload(held.get(), false);
            }
            withinQuota(uploader, content.length, receivedAt);
        }
        StoredDocument stored = new StoredDocument(sha256, content.length, normalizedType, fileName, receivedAt);
        Document row;
        try {
            row = rowOf(content, normalizedType, fileName, uploader, uploadedFor, sha256, receivedAt);
            documents.insertOne(row);
        } catch (RuntimeException e) {
            if (uploader != null) { // counted before (withinQuota): not stored, or the same bytes stored by another request and counted for it
                quota.remove(uploader, content.length, receivedAt);
            }
            if (!(e instanceof MongoWriteException write) || write.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            durable.run(); // the same bytes, inserted by another request a moment ago: answered once they are durable too
            return new Upload(metadataOf(sha256).orElseThrow(() -> e), false);
        }
        durable.run();
        row.remove("content");
        receivedHere.put(sha256, row); // ADR 0072: an act naming it on this node reads nothing
        return new Upload(stored, true);
    }

    /** The stored record of an upload, its file name sealed under the uploader's key. */
    private Document rowOf(byte[] content, String mediaType, String fileName, PersonId uploader, String uploadedFor, String sha256,
                           Instant receivedAt) {
        Document row = new Document("_id", sha256)
                .append("content", new Binary(content))
                .append("size", (long) content.length)
                .append("mediaType", mediaType)
                .append("fileName", uploader == null || fileName == null ? fileName
                        : vault.seal(uploader, FILE_NAME_SEALED_AS, fileName).orElse(null))
                .append("receivedAt", Date.from(receivedAt));
        if (uploader != null) {
            row.append(UPLOADED_BY, uploader.value());
            if (uploadedFor != null) {
                row.append(UPLOADED_FOR, uploadedFor);
            }
        }
        return row;
    }

    static final String UPLOADED_BY = "uploadedBy";
    static final String FILE_NAME_SEALED_AS = "document-file-name";
    static final String CITED_AT = "citedAt";
    static final String UPLOADED_FOR = "uploadedFor";

    /**
     * The bytes of new documents one person may upload within any {@link #uncitedRetention} (a choice, ADR 0014): uncited
     * uploads are deleted after that period, so the quota bounds what one signed-in person can make the registry keep,
     * while an applicant who files applications week after week is never stopped by their own past documents. The upload is counted
     * when it fits and taken back if, with the uploads counted meanwhile, it no longer does (ADR 0070 item 16, F514): two concurrent
     * uploads of one person never both fit where one would not; each is counted once, whatever the order; a refusal writes nothing. The cost is the same for the thousandth upload as for the first
     * ({@link UploadQuotaLedger}: one find by {@code _id}s, one {@code $inc} answering the upload's day; the window's other days read
     * again only in the day's first hour, ADR 0070 item 18).
     */
    private void withinQuota(PersonId uploader, long size, Instant now) {
        UploadQuotaLedger.Held before = quota.held(uploader, now);
        long held = before.total();
        if (held + size <= quotaBytes) {
            Document day = quota.addAnswering(uploader, size, now); // the $inc answering the upload's day (ADR 0070 item 18)
            held = quota.heldAfter(uploader, now, day, before) - size; // with the uploads counted meanwhile
            if (held + size <= quotaBytes) {
                return;
            }
            quota.remove(uploader, size, now);
        }
        refuseBeyondQuota(held);
    }

    /** {@code document.quota-exceeded}: 429, nothing stored (ADR 0014). */
    private void refuseBeyondQuota(long held) {
        throw new RegistryProblem(RegistryProblem.Kind.TOO_MANY_REQUESTS, "document.quota-exceeded",
                "You uploaded " + held + " bytes of new documents in the last " + uncitedRetention.toDays() + " days; at most "
                        + quotaBytes + " bytes per person. Cite or wait for older uploads to expire.", "body", null);
    }

    /** The bytes of new documents {@code person} uploaded within the retention before {@code now}, as the quota counts them. */
    long uploadedWithinRetention(PersonId person, Instant now) {
        return quota.within(person, now);
    }

    static final String QUOTA_COLLECTION = UploadQuotaLedger.COLLECTION;

    /**
     * Deletes every document no command cited and no act's claim holds (ADR 0072) that was received more than {@link #uncitedRetention} ago,
     * as of the registry's clock; answers how many. A cited document is never deleted: the filter and the citation in {@link #find}
     * are single-document operations, so a document is either cited first (and kept) or deleted first (and a command
     * citing it is refused as citing an unknown document). A claimed one is never deleted either: its act claims it before it reads it,
     * and reads it uncited only while its retention ends more than {@link #CLAIM_KEEPS_BEYOND} after the act's receipt
     * ({@link #keptByTheActsClaim}), so a sweep that finds it due finds its claim.
     */
    public long deleteUncited() {
        return deleteUncited((record, receivedAt) -> false);
    }

    /**
     * As {@link #deleteUncited()}, keeping a document uploaded for an act ({@value #UPLOADED_FOR}, ADR 0035 item 76) while {@code stillCitable}
     * says the act may still cite it; each such document is deleted, when it is not, on the same condition (uncited, unclaimed) as the others.
     * One read of the candidates, one of their claims ({@code $in}), one delete of those due, each still uncited.
     */
    public long deleteUncited(java.util.function.BiPredicate<String, Instant> stillCitable) {
        quota.prune(clock.instant()); // the quota's days wholly before the window (ADR 0070 item 16)
        org.bson.conversions.Bson uncited = Filters.exists(CITED_AT, false);
        java.util.List<Document> expired = documents.find(Filters.and(uncited, Filters.lt("receivedAt", Date.from(clock.instant().minus(uncitedRetention)))))
                .projection(Projections.include("receivedAt", UPLOADED_FOR)).into(new java.util.ArrayList<>());
        if (expired.isEmpty()) {
            return 0;
        }
        java.util.Set<Object> claimed = claimedAmong(expired.stream().map(row -> row.get("_id")).toList());
        java.util.List<Object> due = expired.stream().filter(row -> !claimed.contains(row.get("_id")))
                .filter(row -> row.getString(UPLOADED_FOR) == null || !stillCitable.test(row.getString(UPLOADED_FOR), row.getDate("receivedAt").toInstant()))
                .map(row -> row.get("_id")).toList();
        return due.isEmpty() ? 0 : documents.deleteMany(Filters.and(Filters.in("_id", due), uncited)).getDeletedCount();
    }

    /**
     * ADR 0072 (choice; abuse audit F492, was O304): a claim of an act keeps its document as a citation does. Which of {@code ids} a claim
     * names, in one read ({@code $in} on the claims' {@code _id}, the document's SHA-256): any claim, held or left by a command that never
     * finished (keeping too much is the safe side, as a refused command's citation kept its documents before).
     */
    private java.util.Set<Object> claimedAmong(java.util.List<Object> ids) {
        java.util.Set<Object> claimed = new java.util.HashSet<>();
        claims.find(Filters.in("_id", ids)).projection(Projections.include("_id")).forEach(claim -> claimed.add(claim.get("_id")));
        return claimed;
    }

    /**
     * ADR 0072: how long after an act's receipt the retention of a document its claim keeps must still run for the act to read it without
     * marking it cited. A paper whose retention ends sooner is marked cited as before, so that a sweep on another node, whose clock may
     * differ from this one's by less than this, never finds it due while the act that claimed it is being stored.
     */
    static final Duration CLAIM_KEEPS_BEYOND = Duration.ofDays(1);

    /** ADR 0072: whether the act's claim keeps this record's document (no citation needed): its retention ends after {@link #CLAIM_KEEPS_BEYOND}. */
    private boolean keptByTheActsClaim(Document row, Instant now) {
        return row.getDate("receivedAt").toInstant().plus(uncitedRetention).isAfter(now.plus(CLAIM_KEEPS_BEYOND));
    }

    /**
     * The document with this SHA-256 (lower-case hex), without its bytes, <em>for a command that cites it</em>: the
     * document is marked cited and is kept for ever from now on (even if the command is then refused: the signer is
     * known, and keeping too much is the safe side). A document's record never changes once cited, so what was found
     * is remembered: every application cites six or seven documents, and the embedded server reads a whole document
     * from its file even when the query leaves the bytes out.
     */
    public Optional<StoredDocument> find(String sha256) {
        // the name opened again each time: gone within seconds of the uploader's erasure, on every node
        return citedRecord(sha256).map(this::metadata);
    }

    /**
     * As {@link #find} (the document marked cited, kept for ever), for a command that cites the document by kind and
     * hash and never by its name ({@link StoredDocument#as}): the record without its file name, which is not opened
     * ({@code fileName} null). Session 10: opening the sealed names of the six or seven documents of every application
     * (an AES-GCM cipher and key schedule each) was a sixth of the aggregate's allocation per {@code ApplyForPermit}.
     */
    public Optional<StoredDocument> cite(String sha256) {
        return citedRecord(sha256).map(DocumentStore::withoutName);
    }

    /** The record as {@link #cite} answers it: without its file name, which is not opened. */
    private static StoredDocument withoutName(Document row) {
        return new StoredDocument(row.getString("_id"), ((Number) row.get("size")).longValue(), row.getString("mediaType"), null,
                row.getDate("receivedAt").toInstant());
    }

    /**
     * The one check "named, well-formed and received" for an act citing a document (001 art. 38.1): the document under this
     * SHA-256, cited as {@link #cite} cites it, or the act's refusal ({@code document.sha256-malformed}, {@code document.unknown})
     * with the field, article and words of {@code citation}.
     */
    public StoredDocument requireReceived(String sha256, DocumentCitation citation) {
        return citation.found(sha256, this::cite);
    }

    /** As {@link #requireReceived(String, DocumentCitation)}, in the registry's usual words. */
    public StoredDocument requireReceived(String sha256, String field, String article) {
        return requireReceived(sha256, DocumentCitation.of(field, article));
    }

    /**
     * The documents one act names <em>and has claimed</em> (ADR 0072, session 29; ADR 0057 item 11): by SHA-256, each as {@link #cite}
     * answers it; a document not among them (unknown, malformed, or deleted as uncited a moment ago) is asked of {@link #cite} alone. The
     * act's claims ({@code document_claims}, written before it reads its papers) keep them, so a paper is not marked cited while its
     * retention ends more than {@link #CLAIM_KEEPS_BEYOND} from now ({@link #keptByTheActsClaim}); one nearer its end is marked cited as
     * before ({@code $min}, one update of them all). Records this node received or cited are taken from memory; the rest are read in one
     * find ({@code $in} on {@code _id}, without their bytes). An application on papers just uploaded to this node makes no round trip
     * here; on papers another node received, one. The caller must hold the claims: only {@code ApplyForPermitType}'s aggregate calls it.
     */
    public java.util.Map<String, StoredDocument> readClaimed(java.util.Collection<String> sha256s) {
        Instant now = clock.instant();
        java.util.Map<String, Document> found = new java.util.HashMap<>();
        java.util.List<String> unseen = new java.util.ArrayList<>();
        for (String sha256 : sha256s.stream().filter(java.util.Objects::nonNull).distinct().toList()) {
            Document known = recent.get(sha256);
            if (known == null) {
                known = receivedHere.get(sha256);
                known = known != null && keptByTheActsClaim(known, now) ? known : null;
            }
            if (known == null) {
                unseen.add(sha256);
            } else {
                found.put(sha256, known);
            }
        }
        if (!unseen.isEmpty()) {
            java.util.List<Document> rows = documents.find(Filters.in("_id", unseen)).projection(Projections.exclude("content")).into(new java.util.ArrayList<>());
            java.util.List<String> ending = rows.stream().filter(row -> row.get(CITED_AT) == null && !keptByTheActsClaim(row, now))
                    .map(row -> row.getString("_id")).toList();
            if (!ending.isEmpty() && documents.updateMany(Filters.in("_id", ending), Updates.min(CITED_AT, Date.from(now))).getMatchedCount() < ending.size()) {
                rows = rows.stream().filter(row -> !ending.contains(row.getString("_id"))).toList(); // one deleted meanwhile: each asked alone
            }
            for (Document row : rows) {
                if (row.get(CITED_AT) != null || ending.contains(row.getString("_id"))) {
                    recent.put(row.getString("_id"), row);
                }
                found.put(row.getString("_id"), row);
            }
        }
        java.util.Map<String, StoredDocument> read = new java.util.HashMap<>();
        found.forEach((sha256, row) -> read.put(sha256, withoutName(row)));
        return read;
    }

    private Optional<Document> citedRecord(String sha256) {
        Document known = recent.get(sha256);
        if (known != null) {
            return Optional.of(known);
        }
        Document row = receivedHere.get(sha256); // received on this node: its record is known, the citation still written (ADR 0072)
        if (row == null) {
            row = documents.find(Filters.eq("_id", sha256)).projection(Projections.exclude("content")).first();
        }
        if (row == null) {
            return Optional.empty();
        }
        // by _id alone, so the store uses its index; $min keeps the first citation's time
        if (row.get(CITED_AT) == null && documents.updateOne(Filters.eq("_id", sha256), Updates.min(CITED_AT, Date.from(clock.instant())))
                .getMatchedCount() == 0) {
            return Optional.empty(); // deleted as uncited just before: the command cites a document the registry no longer holds
        }
        recent.put(sha256, row);
        return Optional.of(row);
    }

    /**
     * The documents {@code person} uploaded, without their bytes or names and without citing them (ADR 0035 item 70: the governor's desk
     * offers the ones a late resumption could cite).
     */
    public java.util.List<StoredDocument> uploadedBy(PersonId person) {
        return documents.find(Filters.eq(UPLOADED_BY, person.value())).projection(Projections.exclude("content", "fileName"))
                .map(row -> new StoredDocument(row.getString("_id"), ((Number) row.get("size")).longValue(), row.getString("mediaType"), null,
                        row.getDate("receivedAt").toInstant())).into(new java.util.ArrayList<>());
    }

    /** What the store holds of these bytes, without citing them. */
    private Optional<StoredDocument> metadataOf(String sha256) {
        return Optional.ofNullable(documents.find(Filters.eq("_id", sha256)).projection(Projections.exclude("content")).first())
                .map(this::metadata);
    }

    /** How many documents the store holds. */
    long count() {
        return documents.countDocuments();
    }

    /** Whether a command has cited this document (it is then never deleted). */
    boolean cited(String sha256) {
        Document row = documents.find(Filters.eq("_id", sha256)).projection(Projections.include(CITED_AT)).first();
        return row != null && row.get(CITED_AT) != null;
    }

    /** Recently seen document records (as stored, the file name sealed) by SHA-256, cited: least recently used dropped first. */
    private final java.util.Map<String, Document> recent = lastUsed();

    /**
     * ADR 0072 (abuse audit F492, was O304): the records of documents this node received (as stored, without their bytes), cited or not,
     * least recently used dropped first: an application on papers just uploaded here reads nothing ({@link #readClaimed}).
     */
    private final java.util.Map<String, Document> receivedHere = lastUsed();

    /** A map of records that keeps the 10,000 used last. */
    private static java.util.Map<String, Document> lastUsed() {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<String, Document> eldest) {
                return size() > 10_000;
            }
        });
    }

    /** The original bytes and what the store knows of them. */
    public Optional<Original> original(String sha256) {
        Document row = documents.find(Filters.eq("_id", sha256)).first();
        return Optional.ofNullable(row).map(r -> new Original(metadata(r), r.get("content", Binary.class).getData()));
    }

    /** A stored document with its original bytes. */
    public record Original(StoredDocument document, byte[] content) {
    }

    private StoredDocument metadata(Document row) {
        return new StoredDocument(row.getString("_id"), ((Number) row.get("size")).longValue(), row.getString("mediaType"),
                fileName(row), row.getDate("receivedAt").toInstant());
    }

    /** The file name as given: opened with the uploader's key when sealed; null once the uploader is erased. */
    private String fileName(Document row) {
        Object stored = row.get("fileName");
        String uploader = row.getString(UPLOADED_BY);
        if (stored == null || uploader == null) {
            return stored instanceof String name ? name : null;
        }
        return vault.open(new PersonId(uploader), FILE_NAME_SEALED_AS, stored).orElse(null);
    }

    /**
     * The uploader is erased: file names they gave in clear (before issue 14 item 4) are removed, and the records held
     * in memory are forgotten (sealed names no longer open anyway).
     */
    @Override
    public long erased(PersonId person) {
        long changed = 0;
        for (Document d : documents.find(Filters.eq(UPLOADED_BY, person.value())).projection(Projections.include("fileName"))) {
            if (d.get("fileName") instanceof String) {
                changed += documents.updateOne(Filters.eq("_id", d.get("_id")), Updates.unset("fileName")).getModifiedCount();
            }
        }
        recent.clear();
        receivedHere.clear();
        return changed;
    }
}
