package mn.registry.kernel.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM blocks (RFC 7468) and the key files that hold them: private keys written 0600 where the OS allows. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END \\1-----");

    private Pem() {
    }

    static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The DER bytes of the first block with this label. */
    static byte[] decode(String label, String pem) {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals(label)) {
                return Base64.getMimeDecoder().decode(m.group(2));
            }
        }
        throw new IllegalArgumentException("no PEM block '" + label + "'");
    }

    static String privateKeyPem(byte[] rawPrivateKey) {
        return encode("PRIVATE KEY", Bc.pkcs8(rawPrivateKey));
    }

    static byte[] readPrivateKey(Path file) throws IOException {
        return Bc.rawPrivateKey(decode("PRIVATE KEY", Files.readString(file, StandardCharsets.US_ASCII)));
    }

    /** Writes a private key file readable by its owner only, via a temporary file moved into place. */
    static void writePrivate(Path file, String text) throws IOException {
        writePrivate(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** As {@link #writePrivate(Path, String)}, for binary content (a PKCS#12 keystore). */
    static void writePrivate(Path file, byte[] content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        OwnerOnly.createFile(tmp);
        Files.write(tmp, content);
        moveIntoPlace(tmp, file);
    }

    /** A certificate: public, yet 0600 like every file of the data directory (it is served over HTTP, not read by others). */
    static void writePublic(Path file, String text) throws IOException {
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
