package mn.registry.statistics;

import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.permit.PermitApplicationApproved;
import mn.registry.kernel.permit.PermitApplicationRefused;
import mn.registry.kernel.permit.PermitDecisionDueRecomputed;
import mn.registry.projection.CanonicalHash;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static mn.registry.statistics.PermitsReceived.OFFICIAL;
import static mn.registry.statistics.PermitsReceived.app;
import static mn.registry.statistics.PermitsReceived.at;
import static mn.registry.statistics.PermitsReceived.received;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics projection handled in processor batches (ADR 0030): it sends no queued write and reads nothing back
 * for what its own batch wrote, and still holds exactly what handling one event at a time gives.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class StatisticsInBatchesTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);
    private final WorkingDayCalendar calendar = WorkingDayCalendar.base();

    private PermitDecisionDueRecomputed dueMoved(int n) {
        return new PermitDecisionDueRecomputed(app(n), MONDAY, MONDAY.plusDays(30), at(MONDAY.plusDays(30)), calendar.version(), "002 art. 26.1");
    }

    private static PermitApplicationApproved approved(int n, LocalDate on) {
        return new PermitApplicationApproved(app(n), null, at(on), OFFICIAL, "002 art. 26.2.2");
    }

    private static PermitApplicationRefused refused(int n, LocalDate on) {
        return new PermitApplicationRefused(app(n), List.of(), at(on), OFFICIAL, "002 art. 26.2.2");
    }

    /** Three applications: decided in the batch of receipt, decided in a later batch, decided twice (a careless repeat). */
    private List<Object> history() {
        return List.of(
                received(0, MONDAY), dueMoved(0), approved(0, MONDAY.plusDays(3)), refused(0, MONDAY.plusDays(9)),
                received(1, MONDAY), received(2, MONDAY),
                dueMoved(1), approved(1, MONDAY.plusDays(4)),
                approved(2, MONDAY.plusDays(5)), approved(2, MONDAY.plusDays(20)));
    }

    @Test
    @DisplayName("002 art. 26.1: in batches of any size the first decision counts and a later one (a careless official's repeat) does not move it, as one event at a time")
    void batches_hold_what_one_event_at_a_time_holds(MongoDatabase perEvent, MongoDatabase inBatches2, MongoDatabase inBatches4, MongoDatabase inOneBatch) {
        List<Object> events = history();
        StatisticsProjection single = new StatisticsProjection(perEvent);
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(single);
        for (Object e : events) {
            handle(adapter, GenericEventMessage.asEventMessage(e));
        }
        handleInBatches(new StatisticsProjection(inBatches2), events, 2);
        handleInBatches(new StatisticsProjection(inBatches4), events, 4);
        handleInBatches(new StatisticsProjection(inOneBatch), events, events.size());

        String expected = hash(perEvent);
        assertThat(hash(inBatches2)).isEqualTo(expected);
        assertThat(hash(inBatches4)).isEqualTo(expected);
        assertThat(hash(inOneBatch)).isEqualTo(expected);
        Document decision2 = perEvent.getCollection(StatisticsProjection.FACTS)
                .find(eq("_id", "decision/permit-decision/" + app(2).value() + "/" + at(MONDAY))).first();
        assertThat(decision2.getString("decidedOn")).as("the first decision counts").isEqualTo(MONDAY.plusDays(5).toString());
        Document decision0 = inOneBatch.getCollection(StatisticsProjection.FACTS)
                .find(eq("_id", "decision/permit-decision/" + app(0).value() + "/" + at(MONDAY))).first();
        assertThat(decision0.getString("decidedOn")).isEqualTo(MONDAY.plusDays(3).toString());
        assertThat(decision0.getString("due")).as("the due date moved in the batch of receipt").isEqualTo(MONDAY.plusDays(30).toString());
    }

    @Test
    @DisplayName("002 art. 26.1: a batch handled again after its writes were sent (a crash before its token) changes nothing")
    void a_batch_handled_again_changes_nothing(MongoDatabase once, MongoDatabase twice) {
        List<Object> events = history();
        handleInBatches(new StatisticsProjection(once), events, 4);
        StatisticsProjection projection = new StatisticsProjection(twice);
        handleInBatches(projection, events, 4);
        handleInBatches(projection, events.subList(4, events.size()), 6); // from a token before the second batch

        assertThat(hash(twice)).isEqualTo(hash(once));
    }

    private static void handleInBatches(StatisticsProjection projection, List<Object> events, int size) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        for (int from = 0; from < events.size(); from += size) {
            List<EventMessage<?>> batch = new ArrayList<>();
            events.subList(from, Math.min(events.size(), from + size)).forEach(e -> batch.add(GenericEventMessage.asEventMessage(e)));
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork,
                    List.of(BatchedWrites.flushInterceptor()), m -> {
                        adapter.handle(m);
                        return null;
                    }).proceed());
            assertThat(result.isExceptional()).as("batch from %d", from).isFalse();
        }
    }

    private static void handle(AnnotationEventHandlerAdapter adapter, EventMessage<?> message) {
        try {
            adapter.handle(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(MongoDatabase db) {
        return CanonicalHash.ofCollections(db, List.of(StatisticsProjection.FACTS));
    }
}
