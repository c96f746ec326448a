package mn.registry.document;

import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Uploads need a signed-in session but no signature of their own (an applicant uploads before signing the application
 * that cites the hashes; the quota per person is {@link DocumentStore}'s), so the registry also limits what one client may send: at most {@code registry.documents.uploads-per-minute} uploads
 * (default 120) and {@code registry.documents.bytes-per-minute} bytes (default 256 MB) per client address per
 * minute, refused uploads included; beyond that 429 until the minute is over. Together with the size cap per
 * document and content addressing (the same bytes are kept once), one client can fill the store only slowly.
 */
@Component
class UploadGuard {

    private static final long WINDOW_MILLIS = 60_000;
    private static final int MAX_CLIENTS_TRACKED = 100_000;

    private final int uploadsPerMinute;
    private final long bytesPerMinute;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    @Autowired
    UploadGuard(@Value("${registry.documents.uploads-per-minute:120}") int uploadsPerMinute,
                @Value("${registry.documents.bytes-per-minute:256MB}") DataSize bytesPerMinute) {
        this(uploadsPerMinute, bytesPerMinute.toBytes(), Clock.systemUTC());
    }

    UploadGuard(int uploadsPerMinute, long bytesPerMinute, Clock clock) {
        this.uploadsPerMinute = uploadsPerMinute;
        this.bytesPerMinute = bytesPerMinute;
        this.clock = clock;
    }

    /** One client's count of uploads and bytes in the current minute. */
    private static final class Window {
        long start;
        int uploads;
        long bytes;
    }

    /** Counts an upload of {@code bytes} (its declared length, 0 if unknown) by {@code client}; 429 beyond the limits. */
    void admit(String client, long bytes) {
        count(client, 1, bytes);
    }

    /** Counts the bytes of an upload whose length was not declared, once read; 429 beyond the limit. */
    void received(String client, long bytes) {
        count(client, 0, bytes);
    }

    private void count(String client, int uploads, long bytes) {
        long now = clock.millis();
        if (windows.size() > MAX_CLIENTS_TRACKED) {
            windows.values().removeIf(w -> now - w.start >= WINDOW_MILLIS);
        }
        Window window = windows.computeIfAbsent(client, c -> new Window());
        synchronized (window) {
            if (now - window.start >= WINDOW_MILLIS) {
                window.start = now;
                window.uploads = 0;
                window.bytes = 0;
            }
            window.uploads += uploads;
            window.bytes += Math.max(0, bytes);
            if (window.uploads > uploadsPerMinute || window.bytes > bytesPerMinute) {
                throw new RegistryProblem(RegistryProblem.Kind.TOO_MANY_REQUESTS, "document.rate-limited",
                        "At most " + uploadsPerMinute + " uploads and " + bytesPerMinute / (1024 * 1024) + " MiB per minute per client; try again in a minute.",
                        "body", null);
            }
        }
    }
}
