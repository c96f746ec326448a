package mn.registry.opendata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.RegistryKey;
import mn.registry.tlog.LogSource;
import mn.registry.publicregister.RegisterSnapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes one export at a log size into a directory: {@code records.jsonl} (every public record below that size, the
 * log's leaf bytes, one a line, in log order), {@code register.jsonl} (every register entry at that size, canonical
 * JSON, kind by kind in id order), {@code manifest.json} (format, log size, global position, each file's name, lines,
 * bytes and SHA-256; canonical JSON) and {@code manifest.jws} (compact JWS, EdDSA, over the manifest's bytes, by the
 * seal key, its certificate chain in {@code x5c}). Nothing in them depends on when or where the export ran, and
 * Ed25519 signatures are deterministic, so two exports at one log size are identical byte for byte.
 */
final class OpenDataExport {

    static final String FORMAT = "mn.registry/open-data@v1";
    static final String RECORDS = "records.jsonl";
    static final String REGISTER = "register.jsonl";
    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "manifest.jws";
    static final List<String> FILES = List.of(RECORDS, REGISTER, MANIFEST, SIGNATURE);

    private OpenDataExport() {
    }

    /** Writes the export of {@code snapshot} (a register folded to exactly its log size) into {@code dir}, atomically. */
    static ObjectNode write(Path dir, RegisterSnapshot snapshot, LogSource log, RegistryKey seal) {
        try {
            Path tmp = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".tmp");
            ObjectNode manifest = CanonicalJson.mapper().createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("logSize", snapshot.logSize());
            manifest.put("position", snapshot.position());
            manifest.put("register", "https://registry.mn/api/public/register");
            ArrayNode files = manifest.putArray("files");
            files.add(file(tmp.resolve(RECORDS), out -> {
                long[] lines = {0};
                long next = log.stream(0, snapshot.logSize(), e -> {
                    write(out, e.leaf().getBytes(StandardCharsets.UTF_8));
                    lines[0]++;
                });
                if (next != snapshot.logSize()) {
                    throw new IllegalStateException("the log ended at " + next + " before " + snapshot.logSize());
                }
                return lines[0];
            }));
            files.add(file(tmp.resolve(REGISTER), out -> {
                long lines = 0;
                for (var entry : snapshot.entries()) {
                    write(out, CanonicalJson.canonicalizeValue(entry));
                    lines++;
                }
                return lines;
            }));
            byte[] manifestBytes = CanonicalJson.canonicalize(manifest);
            Files.write(tmp.resolve(MANIFEST), manifestBytes);
            Files.writeString(tmp.resolve(SIGNATURE), sign(manifestBytes, seal));
            ownerOnly(tmp);
            if (Files.exists(dir)) {
                deleteTree(dir);
            }
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The export's files 0600 before they take their place: every file of the data directory is the owner's alone (ADR 0014). */
    private static void ownerOnly(Path tmp) throws IOException {
        if (!tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (var files = Files.list(tmp)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, mn.registry.keystore.OwnerOnly.FILE);
            }
        }
    }

    /** RFC 7515 compact JWS with EdDSA (RFC 8037) over the manifest bytes, the seal's chain in x5c. */
    static String sign(byte[] payload, RegistryKey seal) {
        ObjectNode header = CanonicalJson.mapper().createObjectNode();
        header.put("alg", "EdDSA");
        header.put("typ", "open-data-manifest+jws");
        ArrayNode x5c = header.putArray("x5c");
        seal.chain().forEach(c -> x5c.add(Certificates.base64Der(c)));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(CanonicalJson.canonicalize(header)) + "." + b64.encodeToString(payload);
        byte[] signature = Ed25519.sign(seal.privateKey(), input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(signature);
    }

    @FunctionalInterface
    private interface Lines {
        long writeTo(OutputStream out) throws IOException;
    }

    private static JsonNode file(Path path, Lines content) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long lines;
        try (OutputStream raw = new java.io.BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
             DigestOutputStream out = new DigestOutputStream(raw, sha)) {
            lines = content.writeTo(out);
        }
        ObjectNode file = CanonicalJson.mapper().createObjectNode();
        file.put("name", path.getFileName().toString());
        file.put("lines", lines);
        file.put("bytes", Files.size(path));
        file.put("sha256", HexFormat.of().formatHex(sha.digest()));
        return file;
    }

    private static void write(OutputStream out, byte[] line) {
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
