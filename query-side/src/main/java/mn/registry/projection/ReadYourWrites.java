package mn.registry.projection;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Read-your-writes: a query may name a global event position ({@code atLeast=} or header {@value #HEADER}; the command
 * API answers with the position of the command's events in {@value #POSITION_HEADER}) and is answered only once the
 * projection behind it has handled every event up to there, or 503 after {@code registry.read-your-writes.timeout}
 * (5 s). How far a processor is comes from its tracking tokens, which all nodes share in MongoDB.
 */
@Component
public class ReadYourWrites {

    public static final String HEADER = "Registry-At-Least";
    public static final String POSITION_HEADER = "Registry-Position";
    /** The processing group that writes the transparency log, which feeds the public register. */
    public static final String LOG_SEQUENCER = "log-sequencer";

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final Duration timeout;

    ReadYourWrites(MongoDatabase database, Serializer serializer,
                   @Value("${registry.read-your-writes.timeout:5s}") Duration timeout) {
        this.tokens = database.getCollection("tracking_tokens");
        this.serializer = serializer;
        this.timeout = timeout;
    }

    /**
     * The global position every segment of a processing group has handled (the lowest of its segments), or empty
     * when it has no token yet.
     */
    public OptionalLong position(String processingGroup) {
        java.util.Map<Integer, OptionalLong> segments = positions(processingGroup);
        long lowest = Long.MAX_VALUE;
        for (OptionalLong p : segments.values()) {
            if (p.isEmpty()) {
                return OptionalLong.empty();
            }
            lowest = Math.min(lowest, p.getAsLong());
        }
        return segments.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lowest);
    }

    /**
     * The global position each stored segment of a processing group has handled, by segment id (one read of its tokens): 0 for a
     * segment with no token yet, empty for a token that has no position.
     */
    public java.util.Map<Integer, OptionalLong> positions(String processingGroup) {
        java.util.Map<Integer, OptionalLong> segments = new java.util.HashMap<>();
        for (Document doc : tokens.find(Filters.eq("processorName", processingGroup))) {
            String data = doc.getString("token");
            segments.put(doc.getInteger("segment"), data == null ? OptionalLong.of(0) : serializer.<String, org.axonframework.eventhandling.TrackingToken>deserialize(
                    new SimpleSerializedObject<>(data, String.class, new SimpleSerializedType(doc.getString("tokenType"), null))).position());
        }
        return segments;
    }

    /**
     * Waits until the log sequencer has handled {@code atLeast} (when given) and then makes the public projection read
     * the log ({@code catchUp}). Returns the position the answer reflects at least (-1 when nothing was asked).
     */
    public long awaitPublic(String atLeast, LongSupplier catchUp) {
        if (atLeast == null || atLeast.isBlank()) {
            return -1;
        }
        long wanted = parse(atLeast);
        OptionalLong handled = until(wanted, System.nanoTime() + timeout.toNanos(), () -> position(LOG_SEQUENCER));
        if (handled.isEmpty()) {
            throw new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "projection.position-not-reached",
                    "The public register has not reached global position " + wanted + " within " + timeout.toMillis()
                            + " ms; try again.", "atLeast", null);
        }
        catchUp.getAsLong();
        return handled.getAsLong();
    }

    /** How often the wait asks how far the register is. */
    static final long POLL_MILLIS = 20;

    /**
     * The one wait for the register (ADR 0071 item 11): asks {@code handled} until it reaches {@code position}, every {@value #POLL_MILLIS} ms,
     * until {@code deadline} ({@link System#nanoTime}); the position it reached, or empty when the deadline passed first. The public
     * register's read-your-writes above and a desk page's wait ({@link RegisterCatchUp}) each keep their own bound, source and answer.
     */
    static OptionalLong until(long position, long deadline, Supplier<OptionalLong> handled) {
        while (true) {
            OptionalLong reached = handled.get();
            if (reached.isPresent() && reached.getAsLong() >= position) {
                return reached;
            }
            if (System.nanoTime() - deadline >= 0) {
                return OptionalLong.empty();
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Adds the position header when a position was asked for. */
    public static ResponseEntity.BodyBuilder withPosition(ResponseEntity.BodyBuilder builder, long position) {
        return position < 0 ? builder : builder.header(POSITION_HEADER, Long.toString(position));
    }

    private static long parse(String text) {
        String t = text.trim();
        if (!t.matches("[0-9]{1,18}")) {
            throw RegistryProblem.invalid("projection.bad-position", "'atLeast' must be a global position (a non-negative integer); it was '"
                    + text + "'.", "atLeast", null);
        }
        return Long.parseLong(t);
    }
}
