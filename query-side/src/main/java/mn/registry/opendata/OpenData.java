package mn.registry.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.infrastructure.RegistryProperties;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.keystore.RegistryKeys;
import mn.registry.tlog.LogSource;
import mn.registry.publicregister.PublicRegister;
import mn.registry.publicregister.RegisterSnapshot;
import com.mongodb.client.MongoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Open data exports under {@code {data dir}/open-data/{logSize}/}: made on demand and every day at
 * {@code registry.open-data.daily-at} (02:00 Ulaanbaatar time) at the latest checkpoint's size, so every record in
 * an export has an inclusion proof. An export at a size that exists is made again identically (it is a function of
 * the log prefix), so making it twice, or on two nodes, is harmless.
 */
@Component
class OpenData implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OpenData.class);
    private static final ZoneId MONGOLIA = mn.registry.kernel.calendar.UlaanbaatarTime.ZONE;

    private final Path root;
    private final PublicRegister register;
    private final LogSource source;
    private final RegistryKeys keys;
    private final LocalTime dailyAt;
    private ScheduledExecutorService daily;
    private final mn.registry.infrastructure.datadir.DataDirectory dataDirectory;

    OpenData(RegistryProperties properties, PublicRegister register, MongoDatabase database, RegistryKeys keys,
             @Value("${registry.open-data.daily-at:02:00}") LocalTime dailyAt, mn.registry.infrastructure.datadir.DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.root = properties.dataDir().resolve("open-data");
        this.register = register;
        this.source = new LogSource(database);
        this.keys = keys;
        this.dailyAt = dailyAt;
    }

    /** Exports at {@code logSize} (null: the latest checkpoint's size); returns the manifest. */
    synchronized JsonNode export(Long logSize) {
        long size = logSize != null ? logSize : source.checkpointSize();
        RegisterSnapshot snapshot = register.foldAt(size);
        if (snapshot.logSize() != size) {
            throw new IllegalArgumentException("the log has only " + snapshot.logSize() + " entries");
        }
        try {
            mn.registry.keystore.OwnerOnly.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode manifest = OpenDataExport.write(root.resolve(Long.toString(size)), snapshot, source, keys.seal());
        dataDirectory.tighten(); // the export's files are the service account's alone, like every file of the data directory
        log.info("open data exported at log size {} into {}", size, root.resolve(Long.toString(size)));
        return manifest;
    }

    /** The log sizes exported, newest first. */
    List<Long> sizes() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Long> sizes = new ArrayList<>();
        try (var dirs = Files.list(root)) {
            dirs.filter(d -> d.getFileName().toString().matches("[0-9]{1,18}") && Files.exists(d.resolve(OpenDataExport.SIGNATURE)))
                    .forEach(d -> sizes.add(Long.parseLong(d.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sizes.sort(java.util.Comparator.reverseOrder());
        return sizes;
    }

    Optional<Path> file(long logSize, String name) {
        if (!OpenDataExport.FILES.contains(name)) {
            return Optional.empty();
        }
        Path file = root.resolve(Long.toString(logSize)).resolve(name);
        return Files.exists(file) ? Optional.of(file) : Optional.empty();
    }

    Optional<JsonNode> manifest(long logSize) {
        return file(logSize, OpenDataExport.MANIFEST).map(p -> {
            try {
                return CanonicalJson.mapper().readTree(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private long delayToNextRun() {
        ZonedDateTime now = ZonedDateTime.now(MONGOLIA);
        ZonedDateTime next = now.with(dailyAt);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return Duration.between(now, next).toMillis();
    }

    private void scheduleNext() {
        daily.schedule(() -> {
            try {
                export(null);
            } catch (RuntimeException e) {
                log.warn("daily open data export failed: {}", e.toString());
            }
            scheduleNext();
        }, delayToNextRun(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        daily = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "open-data-daily");
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
    }

    @Override
    public synchronized void stop() {
        if (daily != null) {
            daily.shutdownNow();
            daily = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return daily != null;
    }
}
