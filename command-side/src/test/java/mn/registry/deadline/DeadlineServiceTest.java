package mn.registry.deadline;

import mn.registry.testing.MovableClock;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.kernel.calendar.Deadline;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.calendar.WorkingDays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The generic deadline service on the embedded MongoDB server: schedule, end, claim, fire once, recompute. */
@ExtendWith(EmbeddedMongoExtension.class)
class DeadlineServiceTest {

    private static final String KIND = "test.decision";
    private static final Instant RECEIVED = Instant.parse("2026-11-20T03:00:00Z");

    record Started(String caseId, long n) {
    }

    record Ended(String caseId) {
    }

    record Moved(ScheduledDeadline deadline) {
    }

    /** Ends the open deadline of the kind and starts the n-th. */
    record Renewed(String caseId, long n) {
    }

    record Fire(String deadlineId, Instant dueAt, Instant firedAt) {
    }

    record Recompute(String deadlineId, Deadline recomputed) {
    }

    /** 17 working days from receipt, ended by {@link Ended}, fired by {@link Fire}. */
    static final class TestRules implements DeadlineRules {
        @Override
        public Set<String> kinds() {
            return Set.of(KIND);
        }

        @Override
        public List<DeadlineInstruction> instructionsFor(Object event, long sequence) {
            if (event instanceof Started s) {
                Deadline d = WorkingDayCalendar.base().deadline(RECEIVED, WorkingDays.of(17));
                return List.of(DeadlineInstruction.start(ScheduledDeadline.workingDays(s.caseId(), KIND, s.n(), d, "decision", "002 art. 26.1")));
            }
            if (event instanceof Ended e) {
                return List.of(DeadlineInstruction.end(e.caseId(), KIND));
            }
            if (event instanceof Renewed r) {
                Deadline d = WorkingDayCalendar.base().deadline(RECEIVED.plusSeconds(86_400 * 30), WorkingDays.of(17));
                return List.of(DeadlineInstruction.end(r.caseId(), KIND),
                        DeadlineInstruction.start(ScheduledDeadline.workingDays(r.caseId(), KIND, r.n(), d, "decision", "002 art. 26.1")));
            }
            if (event instanceof Moved m) {
                return List.of(DeadlineInstruction.start(m.deadline()));
            }
            return List.of();
        }

        @Override
        public Object firingCommand(ScheduledDeadline deadline, Instant firedAt) {
            return new Fire(deadline.id(), deadline.dueAt(), firedAt);
        }

        @Override
        public Object recomputeCommand(ScheduledDeadline deadline, Deadline recomputed) {
            return new Recompute(deadline.id(), recomputed);
        }
    }

    private MongoDeadlines deadlines;
    private MovableClock registryTime;
    private MovableClock realTime;
    private final List<Object> sent = Collections.synchronizedList(new ArrayList<>());
    private DeadlineProjection projection;

    @BeforeEach
    void start(MongoDatabase database) {
        deadlines = new MongoDeadlines(database);
        registryTime = new MovableClock(RECEIVED);
        realTime = new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
        projection = new DeadlineProjection(deadlines, List.of(new TestRules()), WorkingDayCalendar::base, sent::add);
    }

    private DeadlinePoller poller(String node, Consumer<Object> commands) {
        return new DeadlinePoller(deadlines, List.of(new TestRules()), registryTime, realTime, Duration.ofSeconds(30), node, commands);
    }

    @Test
    @DisplayName("a deadline started by an event fires once when the registry clock passes the end of its due date, and never again")
    void fires_once_after_its_end() {
        projection.on(new Started("case-1", 1), 0);
        DeadlinePoller poller = poller("node-a", sent::add);
        String id = ScheduledDeadline.idOf("case-1", KIND, 1);
        assertThat(deadlines.find(id)).get().extracting(ScheduledDeadline::due).isEqualTo(LocalDate.of(2026, 12, 16));

        registryTime.set(Instant.parse("2026-12-16T15:59:59Z")); // 23:59:59 in Ulaanbaatar on the due date: not yet past
        assertThat(poller.pollOnce()).isZero();
        registryTime.set(Instant.parse("2026-12-16T16:00:00Z"));
        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(poller.pollOnce()).isZero();
        assertThat(sent).containsExactly(new Fire(id, Instant.parse("2026-12-16T15:59:59.999999999Z"), Instant.parse("2026-12-16T16:00:00Z")));
        assertThat(deadlines.state(id)).contains(DeadlineState.FIRED);
    }

    @Test
    @DisplayName("an event that ends a deadline before it is due keeps it from firing, and the same events seen twice change nothing")
    void ended_deadline_never_fires() {
        projection.on(new Started("case-2", 1), 0);
        projection.on(new Ended("case-2"), 0);
        projection.on(new Started("case-2", 1), 0); // redelivered: an ended deadline stays ended
        registryTime.set(Instant.parse("2027-06-01T00:00:00Z"));
        assertThat(poller("node-a", sent::add).pollOnce()).isZero();
        assertThat(sent).isEmpty();
        assertThat(deadlines.state(ScheduledDeadline.idOf("case-2", KIND, 1))).contains(DeadlineState.CANCELLED);
    }

    @Test
    @DisplayName("a firing command that fails leaves the deadline open, and the next poll fires it")
    void failed_firing_is_retried() {
        projection.on(new Started("case-3", 1), 0);
        registryTime.set(Instant.parse("2026-12-17T01:00:00Z"));
        AtomicInteger attempts = new AtomicInteger();
        DeadlinePoller poller = poller("node-a", command -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("aggregate busy");
            }
            sent.add(command);
        });
        assertThat(poller.pollOnce()).isZero();
        assertThat(deadlines.state(ScheduledDeadline.idOf("case-3", KIND, 1))).contains(DeadlineState.OPEN);
        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(sent).hasSize(1);
    }

    @Test
    @DisplayName("two nodes polling at the same moment fire each of 60 due deadlines exactly once")
    void two_pollers_racing_fire_each_deadline_once() throws Exception {
        for (int i = 0; i < 60; i++) {
            projection.on(new Started("race-" + i, 1), 0);
        }
        registryTime.set(Instant.parse("2026-12-20T00:00:00Z"));
        Map<String, AtomicInteger> firings = new ConcurrentHashMap<>();
        Consumer<Object> count = c -> firings.computeIfAbsent(((Fire) c).deadlineId(), k -> new AtomicInteger()).incrementAndGet();
        DeadlinePoller a = poller("node-a", count);
        DeadlinePoller b = poller("node-b", count);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger firedA = new AtomicInteger();
        AtomicInteger firedB = new AtomicInteger();
        Thread ta = new Thread(() -> await(go, () -> firedA.set(a.pollOnce())));
        Thread tb = new Thread(() -> await(go, () -> firedB.set(b.pollOnce())));
        ta.start();
        tb.start();
        go.countDown();
        ta.join();
        tb.join();
        assertThat(firings).hasSize(60);
        assertThat(firings.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(firedA.get() + firedB.get()).isEqualTo(60);
    }

    @Test
    @DisplayName("a claim left by a node that died is taken over once it is stale, and the deadline fires")
    void stale_claim_is_taken_over() {
        projection.on(new Started("case-4", 1), 0);
        registryTime.set(Instant.parse("2026-12-17T01:00:00Z"));
        DeadlinePoller dying = poller("node-dead", c -> {
            throw new Error("killed while sending");
        });
        try {
            dying.pollOnce();
        } catch (Error expected) {
            // the node died holding its claim
        }
        DeadlinePoller survivor = poller("node-b", sent::add);
        assertThat(survivor.pollOnce()).as("the claim is still fresh").isZero();
        realTime.advance(Duration.ofSeconds(31));
        assertThat(survivor.pollOnce()).isEqualTo(1);
        assertThat(sent).hasSize(1);
    }

    @Test
    @DisplayName("domain-rules §2: a declared holiday re-computes the open working-day deadline it moves, and the event that records it moves the document")
    void calendar_change_recomputes_open_deadlines() {
        projection.on(new Started("case-5", 1), 0);
        projection.on(new Started("case-6", 1), 0);
        projection.on(new Ended("case-6"), 0);
        PublicHolidayDeclared holiday = new PublicHolidayDeclared(LocalDate.of(2026, 12, 1), "Declared day off", "Амралтын өдөр", "Resolution 1");
        WorkingDayCalendar declared = WorkingDayCalendar.base().apply(holiday);
        projection = new DeadlineProjection(deadlines, List.of(new TestRules()), () -> declared, sent::add);

        projection.on(holiday, 0);

        String id = ScheduledDeadline.idOf("case-5", KIND, 1);
        assertThat(sent).hasSize(1).first().isInstanceOfSatisfying(Recompute.class, r -> {
            assertThat(r.deadlineId()).isEqualTo(id);
            assertThat(r.recomputed().due()).isEqualTo(LocalDate.of(2026, 12, 17));
            assertThat(r.recomputed().calendarVersion()).isEqualTo(declared.version());
        });
        Recompute recompute = (Recompute) sent.get(0);
        projection.on(new Moved(ScheduledDeadline.workingDays("case-5", KIND, 1, recompute.recomputed(), "decision", "002 art. 26.1")), 0);
        assertThat(deadlines.find(id)).get().satisfies(d -> {
            assertThat(d.due()).isEqualTo(LocalDate.of(2026, 12, 17));
            assertThat(d.calendarVersion()).isEqualTo(declared.version());
        });
        registryTime.set(Instant.parse("2026-12-16T17:00:00Z"));
        sent.clear();
        assertThat(poller("node-a", sent::add).pollOnce()).as("no longer due on the old date").isZero();
    }

    @Test
    @DisplayName("a deadline moved while its firing was in flight stays open and fires on its new date")
    void moved_while_claimed_stays_open() {
        projection.on(new Started("case-7", 1), 0);
        String id = ScheduledDeadline.idOf("case-7", KIND, 1);
        registryTime.set(Instant.parse("2026-12-17T01:00:00Z"));
        ScheduledDeadline later = ScheduledDeadline.workingDays("case-7", KIND, 1, WorkingDayCalendar.base()
                .deadline(RECEIVED, WorkingDays.of(18)), "decision", "002 art. 26.1");
        AtomicReference<Object> first = new AtomicReference<>();
        DeadlinePoller poller = poller("node-a", c -> {
            if (first.compareAndSet(null, c)) {
                projection.on(new Moved(later), 0); // the recomputation lands while this firing is being sent
            }
        });
        assertThat(poller.pollOnce()).isZero();
        assertThat(deadlines.state(id)).contains(DeadlineState.OPEN);
        assertThat(deadlines.find(id)).get().extracting(ScheduledDeadline::due).isEqualTo(LocalDate.of(2026, 12, 17));
        registryTime.set(Instant.parse("2026-12-17T16:00:01Z"));
        assertThat(poller.pollOnce()).isEqualTo(1);
    }

    private static void await(CountDownLatch latch, Runnable then) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        then.run();
    }

    @Test
    @DisplayName("an event that ends a deadline and starts the next of its kind, delivered twice, leaves the next one open")
    void renewal_delivered_twice_keeps_the_new_deadline() {
        projection.on(new Started("case-8", 1), 0);
        projection.on(new Renewed("case-8", 2), 1);
        projection.on(new Renewed("case-8", 2), 1);
        assertThat(deadlines.state(ScheduledDeadline.idOf("case-8", KIND, 1))).contains(DeadlineState.CANCELLED);
        assertThat(deadlines.state(ScheduledDeadline.idOf("case-8", KIND, 2))).contains(DeadlineState.OPEN);
        assertThat(deadlines.openOf("case-8")).hasSize(1);
    }

    @Test
    @DisplayName("a full batch of deadlines whose firing command keeps failing does not stop a later deadline from firing in the same poll")
    void failing_deadlines_do_not_starve_later_ones() {
        for (long n = 1; n <= DeadlinePoller.BATCH; n++) {
            projection.on(new Started("failing-" + n, n), 0);
        }
        String later = ScheduledDeadline.idOf("works", KIND, 1);
        deadlines.start(new ScheduledDeadline(later, "works", KIND, LocalDate.of(2026, 12, 17), Instant.parse("2026-12-17T15:59:59Z"),
                "decision", "002 art. 26.1", null, null, null));
        registryTime.set(Instant.parse("2026-12-18T00:00:00Z"));
        DeadlinePoller poller = poller("node-a", command -> {
            if (command instanceof Fire f && !f.deadlineId().equals(later)) {
                throw new IllegalStateException("refused for now");
            }
            sent.add(command);
        });

        assertThat(poller.pollOnce()).isEqualTo(1);
        assertThat(deadlines.state(later)).contains(DeadlineState.FIRED);
        assertThat(deadlines.state(ScheduledDeadline.idOf("failing-1", KIND, 1))).as("tried again at the next poll").contains(DeadlineState.OPEN);
    }
}
