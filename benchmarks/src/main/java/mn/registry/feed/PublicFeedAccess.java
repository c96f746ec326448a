package mn.registry.feed;

import com.mongodb.client.MongoDatabase;

/** For the benchmark only: the feed's Java API over a database, without Spring. */
public final class PublicFeedAccess {

    private PublicFeedAccess() {
    }

    public static PublicFeed open(MongoDatabase db) {
        return new PublicFeed(db);
    }
}
