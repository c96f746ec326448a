package mn.registry.log.query;

import jakarta.servlet.http.HttpServletRequest;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.log.Tiles;
import mn.registry.kernel.pki.Certificates;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.tlog.LogReader;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The transparency log in public, no login: {@code /api/public/checkpoint}, {@code /api/public/log/key},
 * {@code /api/public/proof/{logIndex}}, {@code /api/public/consistency?from=&to=}, C2SP tiles and entry bundles
 * under {@code /api/public/log/tile/...}, and {@code /api/public/bundle/{logIndex}}; a proof or bundle against an
 * earlier published checkpoint with {@code ?size=}.
 * <p>
 * Served through Spring MVC with ordinary HTTP caching (ADR 0018): every answer carries a (weak) ETag of its bytes and
 * an {@code If-None-Match} that matches gets a 304; what never changes (a tile or entry bundle by its path, a proof or
 * bundle against a named tree size) is {@code public, max-age=31536000, immutable}; what moves with the log (the latest
 * checkpoint, and a proof or bundle against it) is {@code public, max-age=1}. The answers come from the reader's one cache.
 */
@RestController
class PublicLogController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final String TILE_PREFIX = "/api/public/log/";

    /** A byte that never changes: a year, and never revalidated. */
    static final CacheControl IMMUTABLE = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();
    /** What moves with the log: a second (C2SP lets a checkpoint be a few seconds stale), then revalidated by ETag. */
    static final CacheControl LATEST = CacheControl.maxAge(1, TimeUnit.SECONDS).cachePublic();
    private static final String IMMUTABLE_HEADER = IMMUTABLE.getHeaderValue();
    private static final String LATEST_HEADER = LATEST.getHeaderValue();
    private static final String TEXT_TYPE = TEXT.toString();

    private final LogReader log;
    private final RegistryKeys keys;
    private final NoteKey logKey;

    PublicLogController(LogReader log, RegistryKeys keys) {
        this.log = log;
        this.keys = keys;
        this.logKey = log.logKey();
    }

    @GetMapping({"/api/public/checkpoint", "/api/public/log/checkpoint"})
    void checkpoint(ServletWebRequest request, HttpServletResponse response) throws IOException {
        LogReader.Published latest = latest();
        send(request, response, TEXT_TYPE, LATEST_HEADER, "W/\"checkpoint-" + latest.size() + "\"", latest.note().getBytes(StandardCharsets.UTF_8));
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
    void proof(@PathVariable("logIndex") String logIndex, @RequestParam(value = "size", required = false) String size,
               ServletWebRequest request, HttpServletResponse response) throws IOException {
        LogReader.Published checkpoint = checkpoint(size);
        LogReader.Answer answer = log.proof(index(logIndex, checkpoint.size()), checkpoint);
        send(request, response, TEXT_TYPE, size == null ? LATEST_HEADER : IMMUTABLE_HEADER, answer.etag(), answer.body());
    }

    record Consistency(long from, long to, String fromRoot, String toRoot, List<String> proof, String fromCheckpoint,
                       String toCheckpoint) {
    }

    @GetMapping(path = "/api/public/consistency", produces = "application/json")
    Consistency consistency(@RequestParam("from") String fromText, @RequestParam("to") String toText) {
        LogReader.Published latest = latest();
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
                log.checkpoint(from).map(LogReader.Published::note).orElse(null),
                log.checkpoint(to).map(LogReader.Published::note).orElse(null));
    }

    @GetMapping("/api/public/log/tile/**")
    void tile(ServletWebRequest webRequest, HttpServletResponse response) throws IOException {
        HttpServletRequest request = webRequest.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length() + TILE_PREFIX.length());
        Tiles.Tile tile = Tiles.parse(path).orElseThrow(() -> RegistryProblem.invalid("log.bad-tile-path",
                "'" + path + "' is not a C2SP tlog-tiles path such as tile/0/x001/234, tile/0/000.p/5 or tile/entries/000.", "path", null));
        LogReader.Answer answer = log.resource(tile, latest().size()).orElseThrow(() -> new RegistryProblem(
                RegistryProblem.Kind.NOT_FOUND, "log.no-such-tile", "The log's latest checkpoint has no " + path + ".", "path", null));
        // a path fixes its bytes, the partial ones too (C2SP tlog-tiles: tile/0/001.p/5 always holds the same 5 hashes)
        send(webRequest, response, MediaType.APPLICATION_OCTET_STREAM_VALUE, IMMUTABLE_HEADER, answer.etag(), answer.body());
    }

    @GetMapping(path = "/api/public/bundle/{logIndex}", produces = "application/json")
    void bundle(@PathVariable("logIndex") String logIndex, @RequestParam(value = "size", required = false) String size,
                ServletWebRequest request, HttpServletResponse response) throws IOException {
        LogReader.Published checkpoint = checkpoint(size);
        long index = index(logIndex, checkpoint.size());
        LogReader.Answer answer = log.bundle(index, checkpoint).orElseThrow(() -> unknown(index, checkpoint.size()));
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"log-entry-" + index + ".json\"");
        send(request, response, MediaType.APPLICATION_JSON_VALUE, size == null ? LATEST_HEADER : IMMUTABLE_HEADER, answer.etag(), answer.body());
    }

    /**
     * Answers with {@code body} under ordinary HTTP caching, as a {@code ResponseEntity} would (Spring's own
     * {@link ServletWebRequest#checkNotModified(String)}: the ETag on every answer, 304 to an {@code If-None-Match} that
     * matches, Cache-Control on both), but written straight to the response: the bytes are already encoded and cached,
     * so the return-value handlers, message converters and body advice (a fifth of the server's time per proof in the
     * session 5 profile) have nothing to do.
     */
    private static void send(ServletWebRequest request, HttpServletResponse response, String contentType, String cacheControl,
                             String etag, byte[] body) throws IOException {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        if (request.checkNotModified(etag)) {
            return; // 304, with the ETag and Cache-Control
        }
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The latest checkpoint, or the one published for a tree of {@code sizeText} leaves. */
    private LogReader.Published checkpoint(String sizeText) {
        LogReader.Published latest = latest();
        if (sizeText == null) {
            return latest;
        }
        long size = number(sizeText, "size");
        return (size > latest.size() ? java.util.Optional.<LogReader.Published>empty() : log.checkpoint(size)).orElseThrow(() ->
                new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "log.size-not-published", "The log published no checkpoint of size "
                        + size + " (the latest has size " + latest.size() + ").", "size", null));
    }

    private LogReader.Published latest() {
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
        if (!isNumber(text)) {
            throw RegistryProblem.invalid("log.bad-number", "'" + field + "' must be a non-negative decimal integer; it was '" + text + "'.", field, null);
        }
        return Long.parseLong(text);
    }

    /** "0" or up to 18 digits without a leading zero (no regular expression compiled per request: a proof is on the hot path). */
    static boolean isNumber(String text) {
        int n = text == null ? 0 : text.length();
        if (n == 0 || n > 18 || (text.charAt(0) == '0' && n > 1)) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
