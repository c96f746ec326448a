package mn.registry.store.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import mn.registry.keystore.OwnerOnly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) on 127.0.0.1 and an ephemeral port, used
 * through the official driver exactly as a real server. Persistent on the H2 MVStore file
 * {@code <dataDir>/mongo.mv}, or in memory for tests.
 */
public final class EmbeddedMongo implements AutoCloseable {

    public static final String DATA_FILE = "mongo.mv";

    private MongoServer server;
    private final String connectionString;
    private final Path dataFile;
    private final int port;
    private MongoBackend backend;
    private boolean stopped;

    private EmbeddedMongo(MongoBackend backend, Path dataFile) {
        this(backend, dataFile, 0);
    }

    private EmbeddedMongo(MongoBackend backend, Path dataFile, int requestedPort) {
        leakTrackingOffUnlessAsked();
        this.server = new MongoServer(backend);
        this.backend = backend;
        InetSocketAddress address;
        try {
            server.bind("127.0.0.1", requestedPort);
            address = server.getLocalAddress();
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
        this.port = address.getPort();
        this.connectionString = "mongodb://127.0.0.1:" + port;
        this.dataFile = dataFile;
        if (dataFile != null) {
            // where a tool on this machine (RestartBenchmark) can read the running registry's progress; 127.0.0.1 only
            org.slf4j.LoggerFactory.getLogger(EmbeddedMongo.class).info("embedded MongoDB on {} ({})", connectionString, dataFile);
        }
    }

    /** Netty's switch of its leak tracker (read by {@link io.netty.util.ResourceLeakDetector}). */
    static final String LEAK_DETECTION = "io.netty.leakDetection.level";

    /**
     * Issue 15 (abuse audit F493, was O322): netty's leak tracker, a debugging aid at its default level ({@code simple}), records a stack
     * trace for a sample of the buffers of the server this process runs (about 0.3 per command); it is turned off when the server starts
     * in this process, unless the operator set {@value #LEAK_DETECTION} (e.g. {@code -Dio.netty.leakDetection.level=simple} to look for a
     * leak). A registry on an external MongoDB starts no server and changes nothing. The property, not netty's API: netty is the server's
     * library, not on this module's compile path.
     */
    static synchronized void leakTrackingOffUnlessAsked() {
        if (System.getProperty(LEAK_DETECTION) == null) {
            // read once, when netty's buffers are first used: by the server this process starts now (the driver does not use netty)
            System.setProperty(LEAK_DETECTION, "disabled");
        }
    }

    /** A server whose data lives in memory only and is gone at {@link #close()}. */
    public static EmbeddedMongo inMemory() {
        return new EmbeddedMongo(new MemoryBackend(), null);
    }

    /**
     * A server persisting to {@code <dataDir>/mongo.mv}; the directory is created if needed (0700), and the file is
     * created 0600 before H2 opens it, so that the events, the personal-data keys and the sessions it holds are never
     * readable by another account, whatever the umask (ADR 0014).
     */
    public static EmbeddedMongo persistent(Path dataDir) {
        Path file = dataDir.resolve(DATA_FILE).toAbsolutePath();
        try {
            OwnerOnly.createDirectories(dataDir);
            if (!Files.exists(file)) {
                OwnerOnly.createFile(file); // H2 opens an empty file as a new store
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // created meanwhile: H2's file lock decides who opens it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        return new EmbeddedMongo(EmbeddedH2Backend.open(file.toString()), file);
    }

    /**
     * The server as a process of its own for several registry nodes ({@code registry.jar mongo}, ADR 0016): persistent
     * on {@code <dataDir>/mongo.mv} like {@link #persistent(Path)}, on 127.0.0.1 and {@code port} (0 = any free one),
     * and committing the H2 file after every write command before it answers. The nodes' clients cannot call
     * {@link #commit()} across the wire, so without this a {@code kill -9} of this process would lose up to the last
     * second of writes the nodes had already acknowledged.
     */
    public static EmbeddedMongo serving(Path dataDir, int port) {
        Path file = prepare(dataDir);
        return new EmbeddedMongo(EmbeddedH2Backend.committingEveryWrite(file.toString()), file, port);
    }

    private static Path prepare(Path dataDir) {
        Path file = dataDir.resolve(DATA_FILE).toAbsolutePath();
        try {
            OwnerOnly.createDirectories(dataDir);
            if (!Files.exists(file)) {
                OwnerOnly.createFile(file);
            }
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // created meanwhile: H2's file lock decides who opens it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDir, e);
        }
        return file;
    }

    /** The port the server listens on (127.0.0.1 only). */
    public int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:<port>}. */
    public String connectionString() {
        return connectionString;
    }

    /** The H2 file, or null for an in-memory server. */
    public Path dataFile() {
        return dataFile;
    }

    /**
     * Writes everything stored so far to the H2 file now. The H2 store commits by itself only about
     * once a second, so a write must pass through here before it is acknowledged if it is to survive
     * the process being killed. A no-op for the in-memory server.
     */
    public synchronized void commit() {
        // while stopped there is nothing to commit: stop() committed every write that reached the server
        if (!stopped && backend instanceof H2Backend h2) {
            h2.commit();
        }
    }

    /**
     * Stops the server as an outage would (clients get connection errors) after writing everything it holds to
     * its file; {@link #restart()} brings it back on the same port and file. For fault tests and operations.
     */
    public synchronized void stop() {
        if (dataFile == null) {
            throw new IllegalStateException("an in-memory server would lose its data when stopped");
        }
        if (!stopped) {
            commit();
            server.shutdownNow();
            stopped = true;
        }
    }

    /** Starts a stopped server again on the same port, reading the same H2 file. */
    public synchronized void restart() {
        if (!stopped) {
            return;
        }
        backend = backend instanceof EmbeddedH2Backend previous && previous.commitsEveryWrite()
                ? EmbeddedH2Backend.committingEveryWrite(dataFile.toString()) : EmbeddedH2Backend.open(dataFile.toString());
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        stopped = false;
    }

    /** Stops listening, closes the backend and, for H2, commits and closes the file. */
    @Override
    public synchronized void close() {
        commit();
        if (!stopped) {
            server.shutdown();
            stopped = true;
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongo[" + connectionString + (dataFile == null ? ", memory" : ", " + dataFile) + "]";
    }
}
