package mn.registry.log.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import jakarta.servlet.http.HttpServletRequest;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.log.Commitment;
import mn.registry.kernel.log.DisclosedBundle;
import mn.registry.kernel.log.Disclosures;
import mn.registry.kernel.log.LogLayout;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.log.SealedEvent;
import mn.registry.kernel.log.Tiles;
import mn.registry.kernel.log.TlogProof;
import mn.registry.kernel.pki.Certificates;
import mn.registry.kernel.pki.RegistryKeys;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The transparency log in public, no login: {@code /api/public/checkpoint}, {@code /api/public/log/key},
 * {@code /api/public/proof/{logIndex}}, {@code /api/public/consistency?from=&to=}, C2SP tiles and entry bundles
 * under {@code /api/public/log/tile/...}, and {@code /api/public/bundle/{logIndex}}.
 */
@RestController
class PublicLogController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final String TILE_PREFIX = "/api/public/log/";

    private final PublicLog log;
    private final RegistryKeys keys;
    private final NoteKey logKey;
    private final AnswerCache proofs = new AnswerCache();
    private final AnswerCache bundles = new AnswerCache();

    PublicLogController(MongoDatabase database, RegistryKeys keys,
                        @Value("${registry.log.origin:" + LogLayout.DEFAULT_ORIGIN + "}") String origin) {
        this.log = new PublicLog(database);
        this.keys = keys;
        this.logKey = new NoteKey(origin, keys.checkpoint().publicKey());
    }

    @GetMapping({"/api/public/checkpoint", "/api/public/log/checkpoint"})
    ResponseEntity<String> checkpoint() {
        PublicLog.Published latest = latest();
        return ResponseEntity.ok().contentType(TEXT).cacheControl(CacheControl.maxAge(1, TimeUnit.SECONDS).cachePublic())
                .body(latest.note());
    }

    @GetMapping("/api/public/log/key")
    ResponseEntity<String> key() {
        return ResponseEntity.ok().contentType(TEXT).body(logKey.text() + "\n");
    }

    /** A registry key's certificate as published: its id, whether it is in use or retired, and its validity. */
    record PublishedKey(String keyId, String status, String notBefore, String notAfter, String certificate, String noteKey) {
    }

    /**
     * The seal certificates by {@code sealKeyId}, the current one and any retired one kept in the keystore, so that a
     * bundle of an event sealed before a rotation can be checked (its record names its {@code sealKeyId}).
     */
    @GetMapping(path = "/api/public/log/seal-keys", produces = "application/json")
    List<PublishedKey> sealKeys() {
        List<PublishedKey> all = new java.util.ArrayList<>();
        all.add(published(mn.registry.infrastructure.keys.KeysConfiguration.keyId(keys.seal().publicKey()), "current", keys.seal().certificate(), null));
        keys.retired().forEach((alias, certificate) -> {
            if (alias.startsWith(RegistryKeys.RETIRED_PREFIX + "seal-")) {
                all.add(published(alias.substring(RegistryKeys.RETIRED_PREFIX.length()), "retired", certificate, null));
            }
        });
        return all;
    }

    /** The checkpoint keys with their validity: the current one and retired ones, so that old checkpoints stay verifiable. */
    @GetMapping(path = "/api/public/log/checkpoint-keys", produces = "application/json")
    List<PublishedKey> checkpointKeys() {
        List<PublishedKey> all = new java.util.ArrayList<>();
        all.add(published(String.format("%08x", logKey.keyHash()), "current", keys.checkpoint().certificate(), logKey.text()));
        keys.retired().forEach((alias, certificate) -> {
            if (alias.startsWith(RegistryKeys.RETIRED_PREFIX + "checkpoint-")) {
                NoteKey old = new NoteKey(logKey.name(), Certificates.ed25519PublicKey(certificate).orElseThrow());
                all.add(published(String.format("%08x", old.keyHash()), "retired", certificate, old.text()));
            }
        });
        return all;
    }

    private static PublishedKey published(String id, String status, X509Certificate certificate, String noteKey) {
        return new PublishedKey(id, status, certificate.getNotBefore().toInstant().toString(), certificate.getNotAfter().toInstant().toString(),
                Certificates.base64Der(certificate), noteKey);
    }

    @GetMapping("/api/public/proof/{logIndex}")
    ResponseEntity<byte[]> proof(@PathVariable("logIndex") String logIndex) {
        PublicLog.Published latest = latest();
        long size = latest.checkpoint().size();
        long index = index(logIndex, size);
        byte[] body = proofs.get(size, index, i -> new TlogProof(null, i, Merkle.inclusionProof(i, size, log.hashes()), latest.note())
                .text().getBytes(StandardCharsets.UTF_8));
        return ResponseEntity.ok().contentType(TEXT).body(body);
    }

    /**
     * The proof bytes for a well-formed index under the latest checkpoint, or null for anything the full endpoint
     * must answer (bad number, unknown index, no checkpoint yet): for {@link ProofFastPath}, which never errs itself.
     */
    byte[] servableProof(String logIndex) {
        if (logIndex == null || !logIndex.matches("0|[1-9][0-9]{0,17}")) {
            return null;
        }
        PublicLog.Published latest = log.latest().orElse(null);
        if (latest == null) {
            return null;
        }
        long size = latest.checkpoint().size();
        long index = Long.parseLong(logIndex);
        if (index >= size) {
            return null;
        }
        return proofs.get(size, index, i -> new TlogProof(null, i, Merkle.inclusionProof(i, size, log.hashes()), latest.note())
                .text().getBytes(StandardCharsets.UTF_8));
    }

    record Consistency(long from, long to, String fromRoot, String toRoot, List<String> proof, String fromCheckpoint,
                       String toCheckpoint) {
    }

    @GetMapping(path = "/api/public/consistency", produces = "application/json")
    Consistency consistency(@RequestParam("from") String fromText, @RequestParam("to") String toText) {
        PublicLog.Published latest = latest();
        long from = number(fromText, "from");
        long to = number(toText, "to");
        if (to > latest.checkpoint().size()) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "log.size-not-published",
                    "'to' (" + to + ") is beyond the latest checkpoint's size " + latest.checkpoint().size() + ".", "to", null);
        }
        if (from > to) {
            throw RegistryProblem.invalid("log.range-reversed", "'from' (" + from + ") is greater than 'to' (" + to + ").", "from", null);
        }
        Merkle.HashReader hashes = log.hashes();
        Base64.Encoder b64 = Base64.getEncoder();
        return new Consistency(from, to, b64.encodeToString(Merkle.root(from, hashes)), b64.encodeToString(Merkle.root(to, hashes)),
                Merkle.consistencyProof(from, to, hashes).stream().map(b64::encodeToString).toList(),
                log.checkpoint(from).map(PublicLog.Published::note).orElse(null),
                log.checkpoint(to).map(PublicLog.Published::note).orElse(null));
    }

    @GetMapping("/api/public/log/tile/**")
    ResponseEntity<byte[]> tile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length() + TILE_PREFIX.length());
        Tiles.Tile tile = Tiles.parse(path).orElseThrow(() -> RegistryProblem.invalid("log.bad-tile-path",
                "'" + path + "' is not a C2SP tlog-tiles path such as tile/0/x001/234, tile/0/000.p/5 or tile/entries/000.", "path", null));
        byte[] body = log.resource(tile, latest().checkpoint().size()).orElseThrow(() -> new RegistryProblem(
                RegistryProblem.Kind.NOT_FOUND, "log.no-such-tile", "The log's latest checkpoint has no " + path + ".", "path", null));
        CacheControl cache = tile.full() ? CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable()
                : CacheControl.maxAge(1, TimeUnit.SECONDS).cachePublic();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(cache).body(body);
    }

    @GetMapping(path = "/api/public/bundle/{logIndex}", produces = "application/json")
    ResponseEntity<byte[]> bundle(@PathVariable("logIndex") String logIndex) {
        PublicLog.Published latest = latest();
        long size = latest.checkpoint().size();
        long index = index(logIndex, size);
        byte[] body = bundles.get(size, index, i -> bundleJson(latest, i));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"log-entry-" + index + ".json\"").body(body);
    }

    private byte[] bundleJson(PublicLog.Published latest, long index) {
        long size = latest.checkpoint().size();
        Document entry = log.entry(index).orElseThrow(() -> unknown(index, size));
        ObjectNode record = (ObjectNode) CanonicalJson.mapper().valueToTree(parse(entry.getString(LogLayout.LEAF)));
        PublicLog.Stored stored = log.sealed(entry.getString(LogLayout.EVENT_ID)).orElseThrow(() ->
                new IllegalStateException("log entry " + index + " names event " + entry.getString(LogLayout.EVENT_ID) + " which the store does not have"));
        // ADR 0015: the bundle discloses the record's payload fields only, against the sealed commitment; no signed
        // command (its SHA-256 and signer are in the record, attested by the seal); nothing of an event sealed before
        Commitment commitment = null;
        List<String> disclosures = new ArrayList<>();
        if (stored.salts() != null && stored.sdSeal() != null) {
            SealedEvent sealed = stored.event();
            Map<String, String> salts = Disclosures.parseSalts(stored.salts());
            commitment = Commitment.of(sealed, salts).sealed(sealed.keyId(), stored.sdSeal());
            JsonNode payload = sealed.payloadJson();
            record.path("payload").fieldNames().forEachRemaining(name ->
                    disclosures.add(Disclosures.disclosure(salts.get(name), name, payload.get(name))));
        }
        TlogProof proof = new TlogProof(null, index, Merkle.inclusionProof(index, size, log.hashes()), latest.note());
        DisclosedBundle bundle = new DisclosedBundle(index, record, commitment, disclosures, base64(keys.seal().chain()), proof.text(),
                latest.timeStampToken(), logKey.text(), base64(keys.checkpoint().chain()), Certificates.base64Der(keys.caCertificate()));
        return bundle.toJsonText().getBytes(StandardCharsets.UTF_8);
    }

    private PublicLog.Published latest() {
        return log.latest().orElseThrow(() -> new RegistryProblem(RegistryProblem.Kind.UNAVAILABLE, "log.no-checkpoint-yet",
                "The log has published no checkpoint yet; try again in a second.", null, null));
    }

    private static long index(String text, long size) {
        long index = number(text, "logIndex");
        if (index >= size) {
            throw unknown(index, size);
        }
        return index;
    }

    private static RegistryProblem unknown(long index, long size) {
        return new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "log.unknown-index",
                "The log has no entry " + index + " under its latest checkpoint (size " + size + ").", "logIndex", null);
    }

    private static long number(String text, String field) {
        if (text == null || !text.matches("0|[1-9][0-9]{0,17}")) {
            throw RegistryProblem.invalid("log.bad-number", "'" + field + "' must be a non-negative decimal integer; it was '" + text + "'.", field, null);
        }
        return Long.parseLong(text);
    }

    private static JsonNode parse(String json) {
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("a log entry is not JSON", e);
        }
    }

    private static List<String> base64(List<X509Certificate> chain) {
        return chain.stream().map(Certificates::base64Der).toList();
    }
}
