package mn.registry.infrastructure.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDetails;
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
 *
 * <p>Issue 14 item 4: the purpose is free text a reader types (it may well name the person),
 * so it is sealed under the person's key in the {@link PersonalDataVault}; once the person is erased it reads as
 * {@value PersonalDetails#ERASED} and a read made after the erasure keeps no purpose text. Who read (a pseudonymous
 * id), in which role, when and what (the registry's own words, e.g. "enrolment data") stay in clear: that the data was read is kept.
 */
@Component
public class PersonalDataReads implements PersonalDataHolder {

    static final String COLLECTION = "personal_data_reads";
    static final int MAX_PURPOSE = 500;

    /** One read: whose data, who read it, in which role, why, when, and what was read. */
    public record Read(String personId, String reader, String readerRoles, String purpose, Instant at, String what) {
    }

    static final String PURPOSE = "personal-data-read-purpose";

    private final MongoCollection<Document> reads;
    private final PersonalDataVault vault;

    public PersonalDataReads(MongoDatabase database, PersonalDataVault vault) {
        this.reads = database.getCollection(COLLECTION);
        this.vault = vault;
        mn.registry.store.mongo.MongoIndexes.ensure(reads);
    }

    /** 001 art. 53.1: a staff read of personal data states its purpose and is recorded before it is answered. */
    public void recordRead(PersonId person, PersonId reader, String readerRoles, String purpose, Instant at, String what) {
        if (purpose == null || purpose.isBlank() || purpose.length() > MAX_PURPOSE) {
            throw RegistryProblem.invalid("privacy.purpose-required", "A read of personal data states its purpose (1-" + MAX_PURPOSE
                    + " characters) in 'purpose'.", "purpose", "001 art. 53.1");
        }
        reads.insertOne(new Document("_id", UUID.randomUUID().toString()).append("personId", person.value())
                .append("reader", reader.value()).append("readerRoles", readerRoles)
                .append("purpose", vault.seal(person, PURPOSE, purpose.strip()).orElse(null))
                .append("at", at.toString()).append("what", what));
    }

    /** The reads of {@code person}'s data, oldest first. */
    public List<Read> readsOf(PersonId person) {
        List<Read> all = new ArrayList<>();
        for (Document d : reads.find(eq("personId", person.value())).sort(Sorts.ascending("at"))) {
            all.add(new Read(d.getString("personId"), d.getString("reader"), d.getString("readerRoles"),
                    vault.open(person, PURPOSE, d.get("purpose")).orElse(PersonalDetails.ERASED), Instant.parse(d.getString("at")),
                    d.getString("what")));
        }
        return all;
    }

    /** Reads recorded in clear before sealing (issue 14 item 4) lose their purpose with the person's key. */
    @Override
    public long erased(PersonId person) {
        long changed = 0;
        for (Document d : reads.find(eq("personId", person.value()))) {
            if (d.get("purpose") instanceof String) {
                changed += reads.updateOne(eq("_id", d.get("_id")), com.mongodb.client.model.Updates.unset("purpose")).getModifiedCount();
            }
        }
        return changed;
    }
}
