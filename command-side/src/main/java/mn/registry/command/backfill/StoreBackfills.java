package mn.registry.command.backfill;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The start-up backfills (ADR 0044, D2 of the session 9 review): one pass over the store, from its first event, feeds
 * every backfill whose marker is missing; none missing, the store is not read. A registry where one marker is written
 * and the other not runs only the missing one. Runs after Axon has subscribed its handlers (a backfill may ask an
 * aggregate), before the deadline poller.
 */
@Component
public class StoreBackfills implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreBackfills.class);

    private final EventStore events;
    private final List<StartupBackfill> backfills;
    private volatile boolean running;

    StoreBackfills(EventStore events, List<StartupBackfill> backfills) {
        this.events = events;
        this.backfills = List.copyOf(backfills);
    }

    @Override
    public void start() {
        running = true;
        run(events, backfills);
    }

    /** Runs the backfills whose marker is missing over one pass of the store; returns how many ran. */
    public static int run(EventStore events, List<? extends StartupBackfill> backfills) {
        List<StartupBackfill> due = new ArrayList<>();
        for (StartupBackfill b : backfills) {
            if (b.due()) {
                due.add(b);
            } else {
                b.skipped();
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        List<StartupBackfill.Pass> passes = new ArrayList<>();
        due.forEach(b -> passes.add(b.begin()));
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                read++;
                for (StartupBackfill.Pass p : passes) {
                    p.accept(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the store for " + due.stream().map(StartupBackfill::name).toList(), e);
        }
        for (StartupBackfill.Pass p : passes) {
            p.finish(read);
        }
        log.info("start-up backfills {}: one pass over {} events in {} ms", due.stream().map(StartupBackfill::name).toList(), read,
                (System.nanoTime() - started) / 1_000_000);
        return due.size();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // after Axon has subscribed its command handlers (the company claims ask HoldsCompany); the web server may already take
        // requests then, so a claim waits for its backfill (CompanyPermitClaimsBackfill.awaitDone); before the deadline poller
        return Integer.MAX_VALUE - 200;
    }
}
