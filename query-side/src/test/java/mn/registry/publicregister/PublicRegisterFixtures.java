package mn.registry.publicregister;

import com.mongodb.client.MongoDatabase;
import mn.registry.tlog.LogCollections;

import java.time.Duration;

/** For tests in other packages: a log of public records in MongoDB and a register reading it. */
public final class PublicRegisterFixtures {

    private PublicRegisterFixtures() {
    }

    /** Makes the log hold the records of {@code entities} entities, permits and suspensions (appending what is missing). */
    public static int writeLog(MongoDatabase db, int entities) {
        long have = db.getCollection(LogCollections.ENTRIES).countDocuments();
        Records all = RegisterRebuildTest.records(entities);
        RegisterRebuildTest.append(db, all, (int) have);
        return all.all().size();
    }

    public static PublicRegister register(MongoDatabase db) {
        return new PublicRegister(db, Duration.ofMillis(50));
    }
}
