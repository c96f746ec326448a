package mn.registry.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.keystore.DemoPeople;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.kernel.signing.CommandSigner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The benchmark's side of the wire: uploads documents, signs {@code ApplyForPermit} as the demo applicant with the keys
 * the registry wrote under its data directory, posts signed commands, signs in as a reviewer and reads the queue.
 * One {@link HttpClient} (HTTP/1.1, keep-alive), shared by all client threads.
 */
public final class BenchClient {

    /** An HTTP answer: status and body as text (parsed only after the clock stops). */
    public record Reply(int status, String body) {
    }

    private final HttpClient http;
    private final URI base;
    private final Path dataDir;

    public BenchClient(URI base, Path dataDir) {
        this(base, dataDir, "cmd-http");
    }

    /**
     * Session 31 (s31-speed): a client whose HTTP threads are named {@code threads-N} (at most 15 characters with the number: the
     * kernel's name of a thread), so that {@link ThreadCpu} tells the signing clients' HTTP work from the public readers'.
     */
    public BenchClient(URI base, Path dataDir, String threads) {
        this.base = base;
        this.dataDir = dataDir;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .executor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                    Thread t = new Thread(r, threads + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    private String uploader;

    /** The demo applicant's session, signed in at the first upload: uploads need one (ADR 0014). */
    private synchronized String uploader() {
        if (uploader == null) {
            uploader = "Bearer " + signIn("applicant-1");
        }
        return uploader;
    }

    public SigningIdentity person(String id) {
        try {
            return DemoPeople.load(dataDir, new PersonId(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads one made-up PDF of about 16 KiB; returns its SHA-256 as the registry named it. */
    public String uploadPdf(String fileName, String title) {
        Reply reply = send(HttpRequest.newBuilder(base.resolve("/api/documents")).header("Content-Type", "application/pdf")
                .header("Authorization", uploader()).header("X-File-Name", fileName).POST(HttpRequest.BodyPublishers.ofByteArray(pdf(title, PDF_BYTES))).build());
        if (reply.status() != 201 && reply.status() != 200) {
            throw new IllegalStateException("upload of " + fileName + " answered " + reply.status() + ": " + reply.body());
        }
        return json(reply.body()).path("sha256").asText();
    }

    /** A command of {@code type} with {@code body}, signed now by {@code signer}. */
    public static String sign(String type, Object body, SigningIdentity signer) {
        ObjectNode tree = CanonicalJson.mapper().valueToTree(body);
        return new CommandSigner().sign(CommandEnvelope.fresh(type, tree, Clock.systemUTC()), signer);
    }

    /** A GET answered as text, asynchronously (for the readers of the mixed load). */
    public CompletableFuture<Reply> getAsync(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    /**
     * {@code count} signed ApplyForPermit commands of distinct companies named {@code prefix-00001 LLC}..., as applicant-1, each on six papers
     * of its own that {@code papers} writes first (ADR 0057 item 8, session 28: another company's papers are refused).
     */
    public List<String> signApplications(CompanyPapers papers, String prefix, int count) {
        List<List<SubmittedDocument>> own = papers.write(prefix, count);
        SigningIdentity applicant = person("applicant-1");
        CommandSigner signer = new CommandSigner();
        List<String> signed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Company company = new Company(companyName(prefix, i), nextRegistrationNumber(), true,
                    "Bench street " + i + ", Khan-Uul district, Ulaanbaatar");
            ObjectNode body = CanonicalJson.mapper().valueToTree(new ApplyForPermit(company, false, own.get(i)));
            signed.add(signer.sign(CommandEnvelope.fresh("ApplyForPermit", body, Clock.systemUTC()), applicant));
        }
        return signed;
    }

    /**
     * ADR 0031: a company holds one open application at a time, so every application of a run names another company: seven
     * digits (002 art. 25.1.1), counted up from a random start so that runs against one registry seldom meet.
     */
    private static final java.util.concurrent.atomic.AtomicLong NUMBERS =
            new java.util.concurrent.atomic.AtomicLong(1_000_000L + java.util.concurrent.ThreadLocalRandom.current().nextLong(4_000_000L));

    public static String nextRegistrationNumber() {
        return Long.toString(NUMBERS.getAndIncrement());
    }

    public static String companyName(String prefix, int i) {
        return String.format(Locale.ROOT, "%s-%05d LLC", prefix, i);
    }

    public Reply command(String jws) {
        return send(commandRequest(jws));
    }

    public CompletableFuture<Reply> commandAsync(String jws) {
        return http.sendAsync(commandRequest(jws), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    private HttpRequest commandRequest(String jws) {
        return HttpRequest.newBuilder(base.resolve("/api/commands")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(jws)).build();
    }

    public Reply get(String path, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    /** Signs a fresh session challenge as {@code personId}; returns the bearer token. */
    public String signIn(String personId) {
        String challenge = json(get("/api/session/challenge", null).body()).path("challenge").asText();
        ObjectNode body = CanonicalJson.mapper().createObjectNode().put("challenge", challenge);
        String jws = new CommandSigner().sign(CommandEnvelope.fresh("SignIn", body, Clock.systemUTC()), person(personId));
        Reply reply = send(HttpRequest.newBuilder(base.resolve("/api/session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jws)).build());
        if (reply.status() != 200) {
            throw new IllegalStateException("sign-in as " + personId + " answered " + reply.status() + ": " + reply.body());
        }
        return json(reply.body()).path("token").asText();
    }

    public static JsonNode json(String text) {
        try {
            return CanonicalJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** About {@value #PDF_BYTES} bytes starting with the PDF magic the registry checks: the size of a short scanned letter's text layer. */
    static final int PDF_BYTES = 16 * 1024;

    /** About {@code bytes} bytes starting with the PDF magic the registry checks, distinct per title. */
    static byte[] pdf(String title, int bytes) {
        StringBuilder text = new StringBuilder("%PDF-1.4\n% ").append(title).append('\n');
        while (text.length() < bytes) {
            text.append("BT /F1 12 Tf 50 780 Td (").append(title).append(") Tj ET\n");
        }
        return text.append("%%EOF\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
