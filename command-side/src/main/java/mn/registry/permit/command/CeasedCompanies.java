package mn.registry.permit.command;

import mn.registry.infrastructure.axon.DurableEventStorageEngine;
import mn.registry.kernel.permit.PermitRevoked;
import mn.registry.kernel.permit.PermitTransferred;
import mn.registry.kernel.permit.RevocationComplaintDecided;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

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
 * ({@link CompanyCeased#by}), and, since session 32 (ADR 0046 item 166, F577), a revocation on 29.1.2 and an upheld complaint
 * ({@link CompanyLiquidated}: each reads its permit's stream once for the holder); nothing is written. A stream that does not reach the head within {@value #WAIT_MILLIS} ms (the head is a
 * tombstone, or the store lags) answers with the index, caught up ({@link CompaniesOnRecord#of}, outside the lock), and no question
 * asked before that moment waits for the stream again: it is answered by the index too while the stream has not passed its head.
 * <p>
 * ADR 0070 item 5 (session 27, issue 15): the head is taken when the question is asked, before any wait, and a question whose head the
 * stream has already read is answered from memory without the lock; only a question that needs the stream to read further takes it, and
 * a question that waited for the lock while another read finds its head read and waits no more. Session 26's reading took the head after
 * the lock, so at 8 clients each question waited in turn for the commits stored while the one before it read (JFR: the applications queued
 * on this lock and on the stream, about 4 ms per command, and the 8-client rate fell from 225-240/s to 167-211/s).
 */
@Component
class CeasedCompanies {

    static final long WAIT_MILLIS = 200;

    private final CompaniesOnRecord index;
    private final EventStore events;
    private final LongSupplier storedUpTo;
    /** Held by the question that reads the stream further; one that finds its head read needs it not. */
    final ReentrantLock reading = new ReentrantLock();
    private BlockingStream<TrackedEventMessage<?>> stream; // guarded by reading
    /** What the open stream has read; null while none is open (then the next question opens one, under the lock). */
    private volatile Folded folded;
    /** The head a reading last gave up waiting for (guarded by reading): a question up to it is answered by the index, without a wait. */
    private long gaveUpAt = NOT_READ;
    private static final long NOT_READ = -1;

    /** The companies ended by the transfers up to {@link #through}, the position the stream has read (written under the lock only). */
    private static final class Folded {
        final Map<String, CompanyCeased> ceased = new ConcurrentHashMap<>();
        /** The liquidations of 29.1.2 (ADR 0046 item 166), by company, and those an upheld complaint annulled. */
        final Map<String, Set<CompanyLiquidated>> liquidated = new ConcurrentHashMap<>();
        final Set<CompanyLiquidated> annulled = ConcurrentHashMap.newKeySet();
        /** Raised after the events up to it are in {@link #ceased}: a question that reads it finds every ending up to it. */
        volatile long through;

        Folded(long through) {
            this.through = through;
        }

        /** The first ending of a company counts (a company ends once; a second record of it changes nothing). */
        void remember(CompanyCeased ended) {
            ceased.merge(ended.registrationNumber(), ended, (a, b) -> a.on().isAfter(b.on()) ? b : a);
        }

        void remember(CompanyLiquidated recorded) {
            liquidated.computeIfAbsent(recorded.registrationNumber(), k -> ConcurrentHashMap.newKeySet()).add(recorded);
        }

        Optional<CompanyCeased> ceased(String registrationNumber) {
            return Optional.ofNullable(ceased.get(registrationNumber));
        }

        Optional<CompanyLiquidated> liquidated(String registrationNumber) {
            return CompanyLiquidated.standing(liquidated.getOrDefault(registrationNumber, Set.of()), annulled);
        }

        /** Whether the stream has read {@code head} (0: unknown, never taken as read). */
        boolean hasRead(long head) {
            return head > 0 && through >= head;
        }
    }

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
        return answer(read -> read.ceased(registrationNumber), () -> index.of(registrationNumber).filter(CompanyOnRecord::ceased)
                .map(known -> new CompanyCeased(registrationNumber, known.ceasedOn(), known.ceasedBy(), null)));
    }

    /**
     * The revocation because it was liquidated (002 art. 29.1.2; ADR 0046 item 166, F577) that holds the company under
     * {@code registrationNumber} ceased, of those stored before this call, no complaint upheld against it (29.6); empty if none.
     */
    Optional<CompanyLiquidated> liquidated(String registrationNumber) {
        return answer(read -> read.liquidated(registrationNumber), () -> index.of(registrationNumber).map(CompanyOnRecord::liquidated));
    }

    private <T> Optional<T> answer(Function<Folded, Optional<T>> fromMemory, Supplier<Optional<T>> fromTheIndex) {
        long head = storedUpTo.getAsLong(); // every event stored before the question is at or below it: taken before any wait
        Folded read = folded;
        if (read != null && read.hasRead(head)) {
            return fromMemory.apply(read); // read already, by this question's or another's wait
        }
        reading.lock();
        try {
            if (readToTheHead(head)) {
                return fromMemory.apply(folded);
            }
        } catch (RuntimeException e) {
            close(); // read again from the index at the next application
            throw e;
        } finally {
            reading.unlock();
        }
        // the stream has not read the head: the index, caught up, answers (outside the lock: the questions behind need not wait for it)
        return fromTheIndex.get();
    }

    /**
     * Whether the stream reached {@code head}; every event available is folded in any case. A head at or below one a reading gave up on is
     * not waited for again.
     */
    private boolean readToTheHead(long head) {
        if (stream == null) {
            open();
        }
        long giveUpAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(head <= gaveUpAt ? 0 : WAIT_MILLIS);
        try {
            while (stream.hasNextAvailable() || (folded.through < head && stream.hasNextAvailable(waitLeft(giveUpAt), TimeUnit.MILLISECONDS))) {
                fold(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store for the companies ended", e);
        }
        if (folded.through >= head) {
            return true;
        }
        // nothing came: no question asked before now (every one queued behind this one) waits for the stream again up to here
        gaveUpAt = Math.max(gaveUpAt, Math.max(head, storedUpTo.getAsLong()));
        return false;
    }

    private static int waitLeft(long giveUpAt) {
        return (int) Math.max(0, TimeUnit.NANOSECONDS.toMillis(giveUpAt - System.nanoTime()));
    }

    private void open() {
        index.catchUpOrRefuse();
        long position = index.position();
        Folded read = new Folded(position);
        index.ceased().forEach(read::remember);
        index.liquidated().forEach(read::remember);
        read.annulled.addAll(index.annulled());
        stream = events.openStream(position == 0 ? null : new GlobalSequenceTrackingToken(position));
        gaveUpAt = NOT_READ;
        folded = read;
    }

    private void fold(TrackedEventMessage<?> event) {
        Folded read = folded;
        if (event.getPayloadType() == PermitTransferred.class) {
            CompanyCeased.by((PermitTransferred) event.getPayload()).ifPresent(read::remember);
        } else if (event.getPayloadType() == PermitRevoked.class) {
            CompanyLiquidated.recordedBy(event, events).ifPresent(read::remember);
        } else if (event.getPayloadType() == RevocationComplaintDecided.class) {
            CompanyLiquidated.annulledBy(event, events).ifPresent(read.annulled::add);
        }
        read.through = Math.max(read.through, event.trackingToken().position().orElse(read.through)); // after the fold
    }

    private void close() {
        folded = null; // first: no question is answered from this reading any more
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
