package mn.registry.deadline;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.calendar.WorkingDayCalendar;

import java.util.List;

/**
 * The deadline service's projection outside Spring, for a rebuild measured or checked on its own (issue 15 target 4:
 * {@code benchmarks/run.sh rebuild deadlines}): the same handler as the processing group {@value DeadlineEvents#PROCESSING_GROUP}
 * ({@link DeadlineEvents}), writing into {@code database}'s deadline collections, with the given rules and the base
 * calendar. A calendar declaration among the events is refused: recomputing sends commands to aggregates, which a
 * replay outside the registry has not.
 */
public final class DeadlineReplay {

    /** The collections the projection writes (its content: a rebuild's hash is taken over these). */
    public static final List<String> COLLECTIONS = List.of(MongoDeadlines.COLLECTION, MongoDeadlines.OPEN_SETS, MongoDeadlines.DAYS);

    private DeadlineReplay() {
    }

    /** An Axon event handler (annotated) that applies every event to the deadlines of {@code database}; its indexes made first. */
    public static Object handler(MongoDatabase database, List<DeadlineRules> rules) {
        MongoDeadlines deadlines = new MongoDeadlines(database);
        deadlines.ensureIndexes();
        return new DeadlineEvents(new DeadlineProjection(deadlines, rules, WorkingDayCalendar::base, command -> {
            throw new IllegalStateException("a replay outside the registry cannot send " + command.getClass().getSimpleName());
        }));
    }

    /** Removes what is not the projection's content: the once-only migration mark (it holds the time it was written). */
    public static void dropMarks(MongoDatabase database) {
        database.getCollection(MongoDeadlines.DAYS).deleteOne(new org.bson.Document("_id", MongoDeadlines.DAYS_MIGRATED));
    }
}
