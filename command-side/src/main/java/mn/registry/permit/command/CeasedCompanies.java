package mn.registry.permit.command;

import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.kernel.permit.PermitTransferred;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The companies a reorganisation ended (002 art. 23.2, 23.3; ADR 0046 item 109, abuse audit F412, was O235), kept in memory so that
 * {@code ApplyForPermit} is judged on every ending stored before its receipt without a round trip to the database in the common case.
 * <p>
 * Read once per node, at the first application: the index {@link CompaniesOnRecord} caught up (its catch-up, at most a minute's wait,
 * then {@code permit.companies-not-ready}), its position and its list of ended companies ({@value CompaniesOnRecord#CEASED}): three
 * round trips and the catch-up's own. From then on one stream of the store is kept open after that position and read to the head the
 * engine knows it stored ({@code storedUpTo()}, no look-up) before each answer: the commits of this node come from memory (Axon's cache
 * of the event store, ADR 0050's held commits), so an application adds no round trip while the node's readers are at the head; after a
 * long pause, or for another node's commits, the stream reads the store as every reader does. Only {@link PermitTransferred} is folded
 * ({@link CompanyCeased#by}); nothing is written. A stream that does not reach the head within {@value #WAIT_MILLIS} ms (the head is a
 * tombstone, or the store lags) answers with the index, caught up ({@link CompaniesOnRecord#of}), and the next application waits no more
 * for that head.
 */
@Component
class CeasedCompanies {

    static final long WAIT_MILLIS = 200;

    private final CompaniesOnRecord index;
    private final EventStore events;
    private final LongSupplier storedUpTo;
    private final ReentrantLock reading = new ReentrantLock();
    private final Map<String, CompanyCeased> ceased = new HashMap<>();
    private BlockingStream<TrackedEventMessage<?>> stream;
    /** The position the stream has read (or the head it gave up waiting for); meaningful once the stream is open. */
    private long through;

    @Autowired
    CeasedCompanies(CompaniesOnRecord index, EventStore events, ObjectProvider<EventStorageEngine> engine) {
        this(index, events, DurableEventStorageEngine.storedUpTo(engine.getIfUnique()));
    }

    /** @param storedUpTo the engine's position every commit at or below which is stored (ADR 0061); 0: unknown, read what is there */
    CeasedCompanies(CompaniesOnRecord index, EventStore events, LongSupplier storedUpTo) {
        this.index = index;
        this.events = events;
        this.storedUpTo = storedUpTo;
    }

    /** How the company under {@code registrationNumber} ceased by a reorganisation stored before this call; empty if none ended it. */
    Optional<CompanyCeased> of(String registrationNumber) {
        reading.lock();
        try {
            if (!readToTheHead(storedUpTo.getAsLong())) {
                return index.of(registrationNumber).filter(CompanyOnRecord::ceased)
                        .map(known -> new CompanyCeased(registrationNumber, known.ceasedOn(), known.ceasedBy(), null));
            }
            return Optional.ofNullable(ceased.get(registrationNumber));
        } catch (RuntimeException e) {
            close(); // read again from the index at the next application
            throw e;
        } finally {
            reading.unlock();
        }
    }

    /** Whether the stream reached {@code head}; every event available is folded in any case. */
    private boolean readToTheHead(long head) {
        if (stream == null) {
            open();
        }
        long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        try {
            while (stream.hasNextAvailable() || (through < head && stream.hasNextAvailable(waitLeft(giveUpAt), TimeUnit.MILLISECONDS))) {
                fold(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store for the companies ended", e);
        }
        if (through >= head) {
            return true;
        }
        through = head; // nothing came: the next application does not wait for this head again
        return false;
    }

    private static int waitLeft(long giveUpAt) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime()));
    }

    private void open() {
        index.catchUpOrRefuse();
        long position = index.position();
        ceased.clear();
        index.ceased().forEach(this::remember);
        through = position;
        stream = events.openStream(position == 0 ? null : new GlobalSequenceTrackingToken(position));
    }

    private void fold(TrackedEventMessage<?> event) {
        through = Math.max(through, event.trackingToken().position().orElse(through));
        if (event.getPayloadType() == PermitTransferred.class) {
            CompanyCeased.by((PermitTransferred) event.getPayload()).ifPresent(this::remember);
        }
    }

    /** The first ending of a company counts (a company ends once; a second record of it changes nothing). */
    private void remember(CompanyCeased ended) {
        ceased.merge(ended.registrationNumber(), ended, (a, b) -> a.on().isAfter(b.on()) ? b : a);
    }

    private void close() {
        if (stream != null) {
            stream.close();
            stream = null;
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        reading.lock();
        try {
            close();
        } finally {
            reading.unlock();
        }
    }
}
