package mn.registry.keystore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Creation of keys is done by one thread of one process at a time: a JVM-wide monitor plus an OS file
 * lock on {@code keys/.lock}, so two nodes sharing a data directory never make two CAs.
 */
final class KeyDirectoryLock implements AutoCloseable {

    private static final Object IN_THIS_JVM = new Object();

    private final FileChannel channel;
    private final FileLock lock;

    private KeyDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    interface Work<T> {
        T run() throws IOException;
    }

    static <T> T holding(Path keysDirectory, Work<T> work) throws IOException {
        synchronized (IN_THIS_JVM) {
            OwnerOnly.createDirectories(keysDirectory);
            Path lock = keysDirectory.resolve(".lock");
            if (!Files.exists(lock)) {
                try {
                    OwnerOnly.createFile(lock);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first
                }
            }
            FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try (KeyDirectoryLock held = new KeyDirectoryLock(channel, channel.lock())) {
                return work.run();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
