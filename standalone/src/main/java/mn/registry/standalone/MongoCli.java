package mn.registry.standalone;

import mn.registry.store.mongo.EmbeddedMongo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code mongo}: the embedded H2-backed MongoDB server as a process of its own, so that several registry nodes share
 * one database through {@code MONGODB_URI} as they would share a replica set (ADR 0016). It listens on 127.0.0.1 only
 * (it has no authentication), prints its connection string, commits the H2 file after every write before answering,
 * and on SIGTERM (or Ctrl-C) stops listening and closes the file cleanly. Exit code 2 on a usage error or when the
 * file is in use by another process.
 */
final class MongoCli {

    /** The line the server prints once it accepts connections, followed by its connection string. */
    static final String READY = "MongoDB server ready at ";

    private MongoCli() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path dataDir = Path.of("data");
        int port = 27017;
        for (String arg : args) {
            if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else if (arg.startsWith("--port=")) {
                try {
                    port = Integer.parseInt(arg.substring("--port=".length()));
                } catch (NumberFormatException e) {
                    port = -1;
                }
                if (port < 0 || port > 65535) {
                    err.println("mongo: --port must be a number from 0 to 65535 (0 = any free port)");
                    return 2;
                }
            } else {
                err.println("mongo: unknown option " + arg + " (options: --data-dir=DIR, --port=P)");
                return 2;
            }
        }
        EmbeddedMongo server;
        try {
            server = EmbeddedMongo.serving(dataDir, port);
        } catch (RuntimeException e) {
            err.println("mongo: cannot serve " + dataDir.resolve(EmbeddedMongo.DATA_FILE).toAbsolutePath().normalize() + ": " + e.getMessage()
                    + " (is a registry or another mongo process using this data directory?)");
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close(); // commits and closes the H2 file
            out.println("MongoDB server stopped; " + server.dataFile() + " closed");
            out.flush();
            stopped.countDown();
        }, "mongo-shutdown"));
        out.println(READY + server.connectionString() + " (data " + server.dataFile() + "; 127.0.0.1 only, no authentication)");
        out.println("Registry nodes: MONGODB_URI='" + server.connectionString() + "' java -jar registry.jar --registry.data-dir=<the shared keys' data dir>");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
