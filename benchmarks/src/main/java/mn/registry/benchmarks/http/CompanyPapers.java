package mn.registry.benchmarks.http;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The papers of each company a benchmark applies for (ADR 0057 item 8, session 28; abuse audit F462): a permit application's documents
 * serve one company's applications, so every company names six papers of its own (until session 28 every application of a run named the
 * same six, uploaded once). They are written before anything timed, straight into the registry's {@code documents} collection through
 * its database (the embedded server's address the registry logs, or the database the nodes share), in batches, as the registry writes a
 * document it receives itself (no uploader, as its demo data: no upload guard, no quota ledger, which thousands of uploads by one person
 * would meet). Each paper is a PDF of about {@value #BYTES} bytes: the registry never reads a cited paper's bytes, and the embedded
 * server keeps every document of a run (six per application, thousands of applications). The measured command stays the signed
 * {@code ApplyForPermit}; it now reads its papers (one find and one update, ADR 0057 item 11), as every real application does, where the
 * six shared papers were in the node's memory.
 */
public final class CompanyPapers implements AutoCloseable {

    /** The size of one paper: a one-page letter's text layer. */
    static final int BYTES = 2 * 1024;
    private static final int BATCH = 600;

    private final MongoClient client;
    private final MongoCollection<Document> documents;
    private final String run;

    private CompanyPapers(String mongoUri, String run) {
        this.client = MongoClients.create(mongoUri);
        this.documents = client.getDatabase("registry").getCollection("documents");
        this.run = run;
    }

    /** The papers of a run on {@code registry} (its embedded server's address read from its log). */
    public static CompanyPapers of(RegistryProcess registry, String run) {
        return new CompanyPapers(registry.embeddedMongoUri(), run);
    }

    /** The papers of a run on the database {@code mongoUri} the registry nodes share. */
    public static CompanyPapers on(String mongoUri, String run) {
        return new CompanyPapers(mongoUri, run);
    }

    /**
     * Writes the six papers of each of {@code count} companies named {@link BenchClient#companyName}({@code prefix}, i) and answers them, the
     * i-th company's at i.
     */
    public List<List<SubmittedDocument>> write(String prefix, int count) {
        List<List<SubmittedDocument>> papers = new ArrayList<>(count);
        List<Document> rows = new ArrayList<>(BATCH);
        Date receivedAt = new Date();
        for (int i = 0; i < count; i++) {
            List<SubmittedDocument> own = new ArrayList<>();
            for (RequiredDocument kind : RequiredDocument.values()) {
                if (kind.requiredWhen(false)) {
                    Document row = row(BenchClient.companyName(prefix, i) + " " + kind + " " + kind.article(), kind.name(), receivedAt);
                    own.add(new SubmittedDocument(kind, row.getString("_id")));
                    rows.add(row);
                }
            }
            papers.add(own);
            if (rows.size() >= BATCH) {
                documents.insertMany(rows, new InsertManyOptions().ordered(false));
                rows.clear();
            }
        }
        if (!rows.isEmpty()) {
            documents.insertMany(rows, new InsertManyOptions().ordered(false));
        }
        return papers;
    }

    /**
     * Writes the papers of one Mongolian entity's Free Zone application but its fee receipt (its application and state registration
     * certificate, 003 art. 12.1, 12.1.1) and answers them (ADR 0057 item 13, session 29; abuse audit F508: a zone application's papers serve
     * one entity's applications, as a permit application's serve one company's). One insert of the two.
     */
    public List<SubmittedZoneDocument> writeZonePapers(String entity) {
        List<SubmittedZoneDocument> own = new ArrayList<>();
        List<Document> rows = new ArrayList<>();
        Date receivedAt = new Date();
        for (ZoneDocument kind : ZoneDocument.requiredFor(Jurisdiction.MONGOLIAN)) {
            if (kind != ZoneDocument.REGISTRATION_FEE_RECEIPT) {
                Document row = row(entity + " zone " + kind + " " + kind.article(), kind.name(), receivedAt);
                own.add(new SubmittedZoneDocument(kind, row.getString("_id")));
                rows.add(row);
            }
        }
        documents.insertMany(rows, new InsertManyOptions().ordered(false));
        return own;
    }

    /** A paper of the run whose text layer reads {@code words}, as the registry stores a document it receives. */
    private Document row(String words, String kind, Date receivedAt) {
        byte[] pdf = BenchClient.pdf(run + " " + words, BYTES);
        return new Document("_id", Sha256.hex(pdf)).append("content", new Binary(pdf)).append("size", (long) pdf.length)
                .append("mediaType", "application/pdf").append("fileName", kind.toLowerCase(Locale.ROOT) + ".pdf").append("receivedAt", receivedAt);
    }

    @Override
    public void close() {
        client.close();
    }
}
