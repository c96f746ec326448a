package mn.registry.keystore;

import mn.registry.kernel.pki.Bc;
import mn.registry.kernel.pki.Pem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The key files of a data directory: PEM private keys written 0600 where the OS allows, never overwritten. */
final class KeyFiles {

    private KeyFiles() {
    }

    public static byte[] readPrivateKey(Path file) throws IOException {
        return Bc.rawPrivateKey(Pem.decode("PRIVATE KEY", Files.readString(file, StandardCharsets.US_ASCII)));
    }

    /** Writes a private key file readable by its owner only, via a temporary file moved into place. */
    public static void writePrivate(Path file, String text) throws IOException {
        writePrivate(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** As {@link #writePrivate(Path, String)}, for binary content (a PKCS#12 keystore). */
    public static void writePrivate(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        OwnerOnly.createFile(tmp);
        Files.write(tmp, content);
        moveIntoPlace(tmp, file);
    }

    /** A certificate: public, yet 0600 like every file of the data directory (it is served over HTTP, not read by others). */
    public static void writePublic(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        OwnerOnly.createFile(tmp);
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        moveIntoPlace(tmp, file);
    }

    private static void moveIntoPlace(Path tmp, Path file) throws IOException {
        if (Files.exists(file)) {
            Files.delete(tmp);
            throw new FileAlreadyExistsException(file.toString(), null, "a key file is never overwritten");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file);
        }
    }
}
