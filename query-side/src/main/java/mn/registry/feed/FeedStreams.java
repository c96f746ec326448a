package mn.registry.feed;

import mn.registry.infrastructure.time.RepeatedTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live feed as Server-Sent Events: each subscriber has a cursor (its {@code Last-Event-ID}, the last log index it
 * received) and one thread sends every subscriber what was published after its cursor, every
 * {@code registry.feed.stream-interval} (250 ms, as checkpoints are published). Event ids are log indexes, so a client
 * that reconnects with {@code Last-Event-ID} resumes exactly.
 */
@Component
class FeedStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedStreams.class);
    private static final int BATCH = 200;

    private final PublicFeed feed;
    private final Duration interval;
    private final Duration timeout;
    private final ConcurrentHashMap<SseEmitter, long[]> subscribers = new ConcurrentHashMap<>();
    private RepeatedTask sender;

    FeedStreams(PublicFeed feed, @Value("${registry.feed.stream-interval:250ms}") Duration interval,
                @Value("${registry.feed.stream-timeout:30m}") Duration timeout) {
        this.feed = feed;
        this.interval = interval;
        this.timeout = timeout;
    }

    SseEmitter subscribe(long after) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        subscribers.put(emitter, new long[]{after});
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        return emitter;
    }

    private void sendAll() {
        subscribers.forEach((emitter, cursor) -> {
            try {
                FeedPage page;
                do {
                    page = feed.after(cursor[0], BATCH);
                    for (FeedEntry e : page.entries()) {
                        emitter.send(SseEmitter.event().id(Long.toString(e.logIndex())).name("record").data(e, MediaType.APPLICATION_JSON));
                        cursor[0] = e.logIndex();
                    }
                } while (page.entries().size() == BATCH);
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(emitter);
                emitter.completeWithError(e);
            }
        });
    }

    int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public synchronized void start() {
        sender = RepeatedTask.start("feed-stream", Duration.ZERO, interval, this::sendAll, log, "The feed stream's send");
    }

    @Override
    public synchronized void stop() {
        if (sender != null) {
            sender.close();
            sender = null;
        }
        List.copyOf(subscribers.keySet()).forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return sender != null;
    }
}
