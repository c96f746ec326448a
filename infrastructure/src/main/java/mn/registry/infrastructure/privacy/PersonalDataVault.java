package mn.registry.infrastructure.privacy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonEnrolled;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.PersonalDetails;
import mn.registry.kernel.privacy.EncryptedPersonalData;
import mn.registry.kernel.privacy.PersonalDataCipher;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static com.mongodb.client.model.Filters.eq;

/**
 * One AES-256 key per person in {@value #COLLECTION} ({@code _id} = person id; the key, when it was made, and once
 * erased: no key, when and by whom). Events hold only ciphertext and the key id. Erasing removes the key material; from
 * then on the person's data in every event reads as {@link PersonalDetails#ERASED} on every node (keys are cached for
 * at most {@value #CACHE_MILLIS} ms). Reads and writes by {@code _id} only.
 */
@Component
public class PersonalDataVault {

    static final String COLLECTION = "personal_data_keys";
    static final long CACHE_MILLIS = 5_000;

    private record Cached(byte[] key, long readAt) {
    }

    private final MongoCollection<Document> keys;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public PersonalDataVault(MongoDatabase database, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    public static String keyId(PersonId person) {
        return "pdk-" + person.value();
    }

    /** Encrypts the person's details under their key, making the key on first use. */
    public EncryptedPersonalData encrypt(PersonId person, PersonalDetails details) {
        byte[] key = key(person).orElseGet(() -> create(person));
        return PersonalDataCipher.encrypt(key, keyId(person), person.value(), CanonicalJson.canonicalizeValue(details));
    }

    /**
     * The person's details of an enrolment: in clear for old events, decrypted for new ones, empty once erased. An
     * enrolment sealed before encryption (ADR 0008) keeps its clear text in the sealed event, but once the person is
     * erased no view reads it any more (issue 14 item 4): the clear copy reads as erased, as an encrypted one does.
     */
    public Optional<PersonalDetails> details(PersonEnrolled enrolment) {
        if (enrolment.personalData() == null) {
            if (erased(enrolment.personId())) {
                return Optional.empty();
            }
            return Optional.of(new PersonalDetails(enrolment.displayName(), enrolment.certificateBase64Der()));
        }
        return key(enrolment.personId()).map(key -> {
            byte[] json = PersonalDataCipher.decrypt(key, enrolment.personId().value(), enrolment.personalData());
            try {
                return CanonicalJson.mapper().readValue(json, PersonalDetails.class);
            } catch (IOException e) {
                throw new IllegalStateException("the personal data of " + enrolment.personId() + " is not JSON", e);
            }
        });
    }

    /**
     * Other data of a person kept outside events (a signed command with their certificate, a document's file name, the
     * purpose of a read of their data) sealed under the same key, so that erasing the person destroys it too (issue 14
     * item 4). The sealed form is a small document {@code {keyId, nonce, ciphertext}}; {@code context} (e.g.
     * {@code "command-jws"}) is sealed with the text, so a ciphertext moved to another kind of record does not open.
     * Empty when the person's key is already destroyed: nothing of an erased person is kept from then on.
     */
    public Optional<Document> seal(PersonId person, String context, String text) {
        Optional<byte[]> held = key(person);
        if (held.isEmpty() && cache.containsKey(person.value())) {
            return Optional.empty(); // the vault has a record of this person and no key: erased
        }
        byte[] key;
        try {
            key = held.orElseGet(() -> create(person));
        } catch (IllegalStateException erasedMeanwhile) {
            return Optional.empty();
        }
        EncryptedPersonalData sealed = PersonalDataCipher.encrypt(key, keyId(person), person.value(),
                (context + "\n" + text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Optional.of(new Document(SEALED_KEY_ID, sealed.keyId()).append("nonce", sealed.nonce()).append("ciphertext", sealed.ciphertext()));
    }

    /**
     * What {@link #seal} kept, opened with the person's key; empty once the key is destroyed (or if nothing was kept).
     * A plain string (stored before sealing) is answered as it is unless the person is erased.
     */
    public Optional<String> open(PersonId person, String context, Object stored) {
        if (stored instanceof String clear) {
            return erased(person) ? Optional.empty() : Optional.of(clear);
        }
        if (!(stored instanceof Document sealed) || sealed.get(SEALED_KEY_ID) == null) {
            return Optional.empty();
        }
        return key(person).map(key -> {
            String text = new String(PersonalDataCipher.decrypt(key, person.value(), new EncryptedPersonalData(sealed.getString(SEALED_KEY_ID),
                    sealed.getString("nonce"), sealed.getString("ciphertext"))), java.nio.charset.StandardCharsets.UTF_8);
            if (!text.startsWith(context + "\n")) {
                throw new IllegalArgumentException("the data sealed for " + person + " is not a " + context);
            }
            return text.substring(context.length() + 1);
        });
    }

    /** Whether a stored value is data sealed by {@link #seal} (rather than clear text). */
    public static boolean isSealed(Object stored) {
        return stored instanceof Document d && d.get(SEALED_KEY_ID) != null && d.get("ciphertext") != null;
    }

    static final String SEALED_KEY_ID = "keyId";

    /** The name to show for an enrolment: its details' name, or {@link PersonalDetails#ERASED}. */
    public String displayName(PersonEnrolled enrolment) {
        return details(enrolment).map(PersonalDetails::displayName).orElse(PersonalDetails.ERASED);
    }

    /** Whether the person's key was destroyed. */
    public boolean erased(PersonId person) {
        Document d = keys.find(eq("_id", person.value())).first();
        return d != null && d.get("erasedAt") != null;
    }

    /** Destroys the person's key (idempotent): the key material is removed, the record of the erasure kept. */
    public Instant erase(PersonId person, PersonId by) {
        Instant now = clock.instant();
        Document d = keys.find(eq("_id", person.value())).first();
        if (d != null && d.get("erasedAt") != null) {
            cache.remove(person.value());
            return Instant.parse(d.getString("erasedAt"));
        }
        if (d == null) {
            try {
                keys.insertOne(new Document("_id", person.value()).append("erasedAt", now.toString()).append("erasedBy", by.value()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return erase(person, by);
            }
        } else {
            keys.updateOne(eq("_id", person.value()), Updates.combine(Updates.unset("key"), Updates.set("erasedAt", now.toString()),
                    Updates.set("erasedBy", by.value())));
        }
        cache.remove(person.value());
        return now;
    }

    /** The people whose key the vault still holds (read at start to re-apply erasures recorded as events). */
    public java.util.List<PersonId> peopleWithKeys() {
        java.util.List<PersonId> people = new java.util.ArrayList<>();
        for (Document d : keys.find(com.mongodb.client.model.Filters.exists("key", true)).projection(com.mongodb.client.model.Projections.include("_id"))) {
            people.add(new PersonId(d.getString("_id")));
        }
        return people;
    }

    /**
     * Destroys a key again for an erasure the event store records ({@link mn.registry.kernel.identity.PersonalDataErased}):
     * a vault restored from a copy older than the erasure must not bring the key back. Keeps the erasure's own time and
     * official. Answers whether a key was still there.
     */
    public boolean reapply(mn.registry.kernel.identity.PersonalDataErased erasure) {
        boolean removed = keys.updateOne(com.mongodb.client.model.Filters.and(eq("_id", erasure.personId().value()),
                        com.mongodb.client.model.Filters.exists("key", true)),
                Updates.combine(Updates.unset("key"), Updates.set("erasedAt", erasure.erasedAt().toString()),
                        Updates.set("erasedBy", erasure.erasedBy() == null ? null : erasure.erasedBy().value()))).getModifiedCount() > 0;
        cache.remove(erasure.personId().value());
        return removed;
    }

    private Optional<byte[]> key(PersonId person) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(person.value());
        if (cached != null && now - cached.readAt() < CACHE_MILLIS) {
            return Optional.ofNullable(cached.key());
        }
        Document d = keys.find(eq("_id", person.value())).first();
        byte[] key = d == null || d.get("key") == null ? null : d.get("key", Binary.class).getData();
        if (d != null) {
            cache.put(person.value(), new Cached(key, now));
        }
        return Optional.ofNullable(key);
    }

    private byte[] create(PersonId person) {
        byte[] key = PersonalDataCipher.newKey();
        try {
            keys.insertOne(new Document("_id", person.value()).append("key", new Binary(key)).append("createdAt", clock.instant().toString()));
            return key;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            cache.remove(person.value());
            return key(person).orElseThrow(() -> new IllegalStateException("the personal data of " + person + " was erased; "
                    + "a new enrolment needs a new person id"));
        }
    }
}
