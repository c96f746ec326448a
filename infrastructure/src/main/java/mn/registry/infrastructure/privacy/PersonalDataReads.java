package mn.registry.infrastructure.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.mongodb.client.model.Filters.eq;

/**
 * Every staff read of a person's personal data, with its purpose, in {@value #COLLECTION}: written before the data is
 * answered, so no read goes unrecorded (001 art. 53.1: a person may learn who read their personal data, when and
 * why). Listing one person's reads filters on {@code personId} (indexed on a real MongoDB; the embedded server scans,
 * acceptable for a request a person makes now and then).
 */
@Component
public class PersonalDataReads {

    static final String COLLECTION = "personal_data_reads";
    static final int MAX_PURPOSE = 500;

    /** One read: whose data, who read it, in which role, why, when, and what was read. */
    public record Read(String personId, String reader, String readerRoles, String purpose, Instant at, String what) {
    }

    private final MongoCollection<Document> reads;

    public PersonalDataReads(MongoDatabase database) {
        this.reads = database.getCollection(COLLECTION);
        mn.registry.store.mongo.MongoIndexes.ensure(reads);
    }

    /** 001 art. 53.1: a staff read of personal data states its purpose and is recorded before it is answered. */
    public void recordRead(PersonId person, PersonId reader, String readerRoles, String purpose, Instant at, String what) {
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw RegistryProblem.invalid("privacy.purpose-required", "A read of personal data states its purpose (1-" + MAX_PURPOSE
                    + " characters) in 'purpose'.", "purpose", "001 art. 53.1");
        }
        reads.insertOne(new Document("_id", UUID.randomUUID().toString()).append("personId", person.value())
                .append("reader", reader.value()).append("readerRoles", readerRoles).append("purpose", purpose.strip())
                .append("at", at.toString()).append("what", what));
    }

    /** The reads of {@code person}'s data, oldest first. */
    public List<Read> readsOf(PersonId person) {
        List<Read> all = new ArrayList<>();
        for (Document d : reads.find(eq("personId", person.value())).sort(Sorts.ascending("at"))) {
            all.add(new Read(d.getString("personId"), d.getString("reader"), d.getString("readerRoles"), d.getString("purpose"),
                    Instant.parse(d.getString("at")), d.getString("what")));
        }
        return all;
    }
}
