package mn.registry.document;

import mn.registry.kernel.problem.RegistryProblem;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * {@code POST /api/documents}: the raw bytes as the body, their media type as {@code Content-Type},
 * optionally {@code X-File-Name} (percent-encoded UTF-8), and {@code Authorization: Bearer <session>} of a signed-in
 * person (staff, or an applicant signed in with their certificate; 401 without). Answers 201 with the receipt, or 200
 * with the first receipt when the same bytes were already received. {@code ?for=<record>}: the upload is for that record's act
 * ({@link UploadForAnAct}, ADR 0035 item 76), kept past the retention while the act may cite it.
 * {@code GET /api/documents/{sha256}}: the original bytes with their original media type.
 */
@RestController
class DocumentController {

    private static final int MAX_FILE_NAME = 255;

    private final DocumentStore store;

    private static final org.slf4j.Logger READS = org.slf4j.LoggerFactory.getLogger("mn.registry.audit.document-reads");

    private final Sessions sessions;
    private final UploadGuard guard;
    private final DocumentReaders readers;

    /** The register that says whether an upload may be for an act and keeps it while the act may cite it (ADR 0035 item 76); null: none. */
    private final java.util.function.Supplier<UploadForAnAct> acts;

    @org.springframework.beans.factory.annotation.Autowired
    DocumentController(DocumentStore store, Sessions sessions, UploadGuard guard, DocumentReaders readers,
                       org.springframework.beans.factory.ObjectProvider<UploadForAnAct> acts) {
        this(store, sessions, guard, readers, acts::getIfAvailable);
    }

    DocumentController(DocumentStore store, Sessions sessions, UploadGuard guard, DocumentReaders readers) {
        this(store, sessions, guard, readers, () -> null);
    }

    private DocumentController(DocumentStore store, Sessions sessions, UploadGuard guard, DocumentReaders readers,
                               java.util.function.Supplier<UploadForAnAct> acts) {
        this.store = store;
        this.sessions = sessions;
        this.guard = guard;
        this.readers = readers;
        this.acts = acts;
    }

    /** ADR 0035 item 76: the record whose act the upload is for, if its register lets this uploader name it; else the upload is for no act. */
    private String forAnAct(Actor uploader, String record) {
        UploadForAnAct act = record == null ? null : acts.get();
        return act != null && act.mayName(uploader, record) ? record : null;
    }

    /** The answer to an upload: what an applicant puts in {@code ApplyForPermit.documents[].sha256}. */
    record DocumentReceipt(String sha256, long size, String mediaType, String fileName, Instant receivedAt) {
    }

    @PostMapping("/api/documents")
    ResponseEntity<DocumentReceipt> upload(InputStream body, HttpServletRequest request,
                                           @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                           @RequestHeader(value = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
                                           @RequestHeader(value = "X-File-Name", required = false) String fileName,
                                           @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                           @RequestParam(value = "for", required = false) String uploadedFor) throws IOException {
        Actor uploader = sessions.require(authorization); // an upload belongs to a signed-in person (ADR 0014)
        long declared = request.getContentLengthLong();
        guard.admit(request.getRemoteAddr(), declared < 0 ? 0 : Math.min(declared, store.maxBytes() + 1));
        DocumentIntake.normalizedMediaType(contentType);
        if (contentLength != null && contentLength > store.maxBytes()) {
            throw tooLarge();
        }
        byte[] content = body.readNBytes((int) store.maxBytes() + 1);
        if (declared < 0) {
            guard.received(request.getRemoteAddr(), content.length);
        }
        if (content.length > store.maxBytes()) {
            throw tooLarge();
        }
        DocumentStore.Upload upload = store.receive(content, contentType, fileName(fileName), uploader.person(), forAnAct(uploader, uploadedFor));
        StoredDocument d = upload.document();
        return ResponseEntity.status(upload.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, "/api/documents/" + d.sha256())
                .body(new DocumentReceipt(d.sha256(), d.size(), d.mediaType(), d.fileName(), d.receivedAt()));
    }

    /**
     * Documents' content is never public (domain-rules §5): Ministry staff, or the governor of the zone or the applicant
     * of the registration that cites it ({@code ?registration=}) or of the land application whose acts cite it ({@code ?land=}, F608),
     * {@link DocumentReaders}; each read is logged with who
     * read it (001 art. 53.1: a person may learn who used information about them).
     */
    @GetMapping("/api/documents/{sha256}")
    ResponseEntity<byte[]> original(@PathVariable("sha256") String sha256,
                                    @RequestParam(value = "registration", required = false) String registration,
                                    @RequestParam(value = "application", required = false) String application,
                                    @RequestParam(value = "land", required = false) String land,
                                    @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Actor reader = sessions.require(authorization);
        DocumentCitation.of("sha256", null).malformedSays("A document is named by its SHA-256 in lower-case hex.").wellFormed(sha256);
        readers.admit(reader, sha256, registration, application, land);
        DocumentStore.Original original = store.original(sha256).orElseThrow(() -> new RegistryProblem(
                RegistryProblem.Kind.NOT_FOUND, "document.unknown", "No document has this SHA-256.", "sha256", null));
        StoredDocument d = original.document();
        READS.info("document {} read by {} ({})", d.sha256(), reader.person(), reader.roles());
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(d.fileName() == null ? d.sha256() : d.fileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.mediaType()))
                .contentLength(d.size())
                .eTag("\"" + d.sha256() + "\"")
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(d.sha256())) + ":")
                .body(original.content());
    }

    /** The file name as sent: percent-decoded, without any directory part or control characters. */
    static String fileName(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RegistryProblem.invalid("document.file-name-malformed", "X-File-Name must be percent-encoded UTF-8.", "X-File-Name", null);
        }
        String name = decoded.substring(Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\')) + 1)
                .codePoints().filter(c -> !Character.isISOControl(c) && !hidesOrReorders(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return null;
        }
        int codePoints = name.codePointCount(0, name.length());
        return codePoints > MAX_FILE_NAME ? name.substring(0, name.offsetByCodePoints(0, MAX_FILE_NAME)) : name;
    }

    // 001 art. 38.1 (abuse audit F65): the name a reviewer sees is the name sent, not one rearranged by a right-to-left override
    // (U+202E) or padded with invisible characters (zero-width space, word joiner): format characters are dropped
    private static boolean hidesOrReorders(int codePoint) {
        return Character.getType(codePoint) == Character.FORMAT;
    }

    private static RegistryProblem tooLarge() {
        return new RegistryProblem(RegistryProblem.Kind.TOO_LARGE, "document.too-large",
                "The document is larger than the registry accepts.", "body", null);
    }
}
