package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Ed25519;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.pki.CertificateAuthority;
import mn.registry.keystore.RegistryKeys;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse and bad input against every endpoint the registry serves (enumerated from Spring's handler mapping, so a
 * new endpoint cannot escape): malformed JSON, wrong types, huge bodies, deep nesting, bad Unicode (overlong UTF-8,
 * lone surrogates, invalid bytes), hostile path segments, query parameters and bearer tokens; and forged signed
 * commands (truncated, tampered, header swapped, {@code alg: none}, HS256 keyed with the public key, certificates
 * expired, not yet valid, or from an untrusted CA, re-used sign-in). Each answer to a write is a 4xx
 * application/problem+json without a stack trace or class name, each answer to a read is a 2xx or such a 4xx
 * (never a 5xx), and no collection gains a document.
 */
class AbuseAndBadInputTest {

    private static final Pattern LEAK = Pattern.compile("Exception|\\bat [a-z]+\\.[a-z]+|mn\\.registry\\.|org\\.springframework|com\\.mongodb|java\\.[a-z]+\\.|org\\.axonframework");

    /** Path segments a client might send where an id, a date or a number is expected. */
    private static final List<String> BAD_SEGMENTS = List.of("%00", "..%2F..%2Fetc%2Fpasswd", "..", "a".repeat(3000), "%C0%AF", "%ED%A0%80", "%FF%FE",
            "-1", "99999999999999999999999", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%7B%22%24gt%22%3A%22%22%7D", "null", "%F0%9F%92%A9", "1e309");

    private static final String BAD_QUERY = "?from=%C0%AF&to=2026-13-45&workingDays=1e999&at=yesterday&size=99999999999&year=-1&quarter=9&x=%00&zone=%ED%A0%80";

    private static final List<String> BAD_TOKENS = List.of("Bearer %%%", "Bearer " + "A".repeat(10_000), "Basic Zm9vOmJhcg==",
            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJzdXBlcnZpc29yLTEifQ.", "Bearer \u0000", "Bearer null");

    @TempDir
    static Path dataDir;
    private static ConfigurableApplicationContext registry;
    private static RegistryClient client;
    private static String base;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static int tried;
    private static boolean currentIsPage;

    @BeforeAll
    static void start() throws InterruptedException {
        registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.documents.uploads-per-minute=100000");
        int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
        client = new RegistryClient(port, dataDir);
        base = "http://localhost:" + port;
        Processors.awaitCaughtUp(registry, Duration.ofSeconds(60));
        awaitCheckpointCoversLog();
        uploader = "Bearer " + client.signIn("applicant-1");
    }

    /** A signed-in applicant's session: uploads need one (ADR 0014), and the document intake is fuzzed behind it. */
    private static String uploader;

    /**
     * The checkpoint publisher signs a checkpoint a moment after the log grows; until it has caught up, a request
     * fuzzed first (the home page "/" sorts first) would see a checkpoint appear that it did not cause.
     */
    private static void awaitCheckpointCoversLog() throws InterruptedException {
        com.mongodb.client.MongoCollection<org.bson.Document> state = registry.getBean(MongoDatabase.class).getCollection(mn.registry.tlog.LogCollections.STATE);
        for (int i = 0; i < 600; i++) {
            org.bson.Document tree = state.find(com.mongodb.client.model.Filters.eq("_id", mn.registry.tlog.LogCollections.TREE)).first();
            org.bson.Document published = state.find(com.mongodb.client.model.Filters.eq("_id", "checkpoint")).first();
            long size = tree == null ? 0 : tree.get(mn.registry.tlog.LogCollections.SIZE, Number.class).longValue();
            if (published != null && published.get(mn.registry.tlog.LogCollections.SIZE, Number.class).longValue() >= size) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the log's checkpoint never caught up with its tree");
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    /** The number of documents in every collection (sessions' challenges aside: asking for one stores one). */
    private static Map<String, Long> counts() {
        MongoDatabase database = registry.getBean(MongoDatabase.class);
        Map<String, Long> counts = new TreeMap<>();
        for (String name : database.listCollectionNames()) {
            // session_challenges: a sign-in's challenge; permit_representatives: the erasure check's fold of the stored registrations,
            // and permit_companies_on_record the transfer's fold of the stored applications and transfers (ADR 0046 item 102), written by
            // their background catch-up every 2 s (ADR 0058), never by a request
            if (!name.equals("session_challenges") && !name.equals("permit_representatives") && !name.equals("permit_companies_on_record")) {
                counts.put(name, database.getCollection(name).countDocuments());
            }
        }
        return counts;
    }

    record Answer(int status, String contentType, String body) {
    }

    private static Answer send(String method, String pathAndQuery, String contentType, byte[] body, String authorization) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            return null; // not even a URI: no HTTP client would send it
        }
        try {
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
        } catch (IllegalArgumentException e) {
            return null; // a header value no HTTP client would send
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<java.io.InputStream> reply = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String type = reply.headers().firstValue("Content-Type").orElse("");
            try (java.io.InputStream in = reply.body()) {
                // an event stream (the public feed's) is a read that never ends: its status and type are the answer
                String text = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Answer(reply.statusCode(), type, text);
            }
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathAndQuery + ": the registry dropped the connection: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends one bad request and checks the answer: a clean 4xx problem (or, for a read, a 2xx), nothing stored. */
    private static void expectRefusedCleanly(String method, String pathAndQuery, String contentType, byte[] body, String authorization,
                                             boolean mayBeRead, String what) {
        Map<String, Long> before = counts();
        String label = method + " " + (pathAndQuery.length() > 120 ? pathAndQuery.substring(0, 120) + "..." : pathAndQuery) + " with " + what;
        Answer answer;
        try {
            answer = send(method, pathAndQuery, contentType, body, authorization);
        } catch (AssertionError dropped) {
            // Tomcat answers a body far over the limit early and closes the connection rather than read megabytes
            // it will refuse (it swallows at most 2 MB): the client may see the connection close instead of the 413
            if (body == null || body.length <= 2 * 1024 * 1024) {
                throw dropped;
            }
            tried++;
            assertThat(counts()).as(label + " stores nothing").isEqualTo(before);
            return;
        }
        if (answer == null) {
            return;
        }
        tried++;
        if (currentIsPage) {
            assertThat(answer.status()).as(label + " (a page) -> " + abbreviate(answer.body())).isBetween(200, 499);
            assertThat(LEAK.matcher(answer.body()).find()).as(label + " leaks internals: " + abbreviate(answer.body())).isFalse();
            assertThat(counts()).as(label + " stores nothing").isEqualTo(before);
            return;
        }
        if (mayBeRead && answer.status() / 100 == 2) {
            Map<String, Long> after = counts();
            if (method.equals("POST") && pathAndQuery.equals("/api/documents")) {
                boolean kept = after.getOrDefault("documents", 0L) > before.getOrDefault("documents", 0L);
                after.computeIfPresent("documents", (name, count) -> count - (kept ? 1 : 0));
                if (kept) { // the uploader's quota record (one per person and day, ADR 0070 item 16) may be new with their first upload of the day
                    after.computeIfPresent("document_uploads_by_person_day", (name, count) -> before.getOrDefault(name, 0L) == 0 ? count - 1 : count);
                    after.remove("document_uploads_by_person_day", 0L);
                }
            }
            assertThat(after).as(label + " stores nothing (a JSON document upload: that document only)").isEqualTo(before);
            return;
        }
        assertThat(answer.status()).as(label + " -> " + abbreviate(answer.body())).isBetween(400, 499);
        assertThat(answer.contentType()).as(label + " -> " + abbreviate(answer.body())).startsWith("application/problem+json");
        assertThat(LEAK.matcher(answer.body()).find()).as(label + " leaks internals: " + abbreviate(answer.body())).isFalse();
        assertThat(counts()).as(label + " stores nothing").isEqualTo(before);
    }

    private static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "..." : s;
    }

    /** Bodies no endpoint should take: each with a name. */
    private static Map<String, byte[]> badBodies(long seed) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("an empty body", new byte[0]);
        bodies.put("truncated JSON", "{\"protected\": \"eyJ".getBytes(StandardCharsets.UTF_8));
        bodies.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
        bodies.put("a JSON array", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8));
        bodies.put("wrong types", "{\"protected\": 1, \"payload\": [], \"signature\": {\"a\": true}}".getBytes(StandardCharsets.UTF_8));
        bodies.put("deep nesting (100k arrays)", "[".repeat(100_000).getBytes(StandardCharsets.UTF_8));
        bodies.put("deep nesting (20k objects)", "{\"a\":".repeat(20_000).getBytes(StandardCharsets.UTF_8));
        bodies.put("overlong UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'});
        bodies.put("a lone surrogate in UTF-8", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
        bodies.put("invalid bytes", new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xFD, 0, 1, 2});
        bodies.put("an escaped lone surrogate", "{\"protected\": \"\\ud800\", \"payload\": \"\\udfff\", \"signature\": \"x\"}".getBytes(StandardCharsets.UTF_8));
        bodies.put("a huge JSON string (1 MiB)", ("{\"payload\": \"" + "A".repeat(1 << 20) + "\"}").getBytes(StandardCharsets.UTF_8));
        Random random = new Random(seed);
        for (int i = 0; i < 8; i++) {
            byte[] noise = new byte[1 + random.nextInt(2048)];
            random.nextBytes(noise);
            bodies.put("random bytes #" + i + " (seed " + seed + ")", noise);
        }
        return bodies;
    }

    @Test
    @DisplayName("every endpoint, fuzzed with bad paths, queries, tokens and bodies: a 4xx problem+json (or a plain read), never a 5xx or a stack trace, nothing stored")
    void every_endpoint_refuses_bad_input_cleanly() {
        long seed = Long.getLong("registry.fuzz.seed", System.nanoTime());
        System.out.println("AbuseAndBadInputTest: seed " + seed + " (replay with -Dregistry.fuzz.seed=" + seed + ")");
        RequestMappingHandlerMapping mapping = registry.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> endpoints = new TreeSet<>();
        Set<String> pages = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = handler.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            // a page for people (a view, not a @ResponseBody) answers in HTML, may redirect, and refuses in HTML
            boolean page = !handler.getValue().hasMethodAnnotation(ResponseBody.class)
                    && !AnnotatedElementUtils.hasAnnotation(handler.getValue().getBeanType(), ResponseBody.class)
                    && !ResponseEntity.class.isAssignableFrom(handler.getValue().getMethod().getReturnType());
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                    endpoints.add(method + " " + pattern);
                    if (page) {
                        pages.add(method + " " + pattern);
                    }
                }
            }
        }
        assertThat(endpoints).as("endpoints found in the handler mapping").hasSizeGreaterThan(20);
        Map<String, byte[]> bodies = badBodies(seed);
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            boolean read = method.equals("GET");
            currentIsPage = pages.contains(endpoint);
            List<String> paths = new ArrayList<>();
            if (pattern.contains("{") || pattern.contains("*")) {
                for (String segment : BAD_SEGMENTS) {
                    paths.add(pattern.replaceAll("\\{[^}]+}", segment).replace("**", segment));
                }
            } else {
                paths.add(pattern);
            }
            for (String path : paths) {
                expectRefusedCleanly(method, path + BAD_QUERY, null, null, null, read, "bad query parameters");
            }
            for (String token : BAD_TOKENS) {
                expectRefusedCleanly(method, paths.get(0), null, null, token, read, "a bad bearer token");
            }
            if (!read) {
                String session = pattern.equals("/api/documents") ? uploader : null;
                for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
                    for (String type : List.of("application/json", "application/jose+json", "application/xml", "application/pdf", "image/png")) {
                        // a document upload may keep any JSON that parses: that is a JSON document, not bad input
                        boolean aDocument = pattern.equals("/api/documents") && type.equals("application/json") && parsesAsJson(body.getValue());
                        expectRefusedCleanly(method, paths.get(0), type, body.getValue(), session, aDocument, body.getKey() + " as " + type);
                    }
                }
                expectRefusedCleanly(method, paths.get(0), "application/pdf", new byte[11 * 1024 * 1024], session, false, "11 MiB of zeros");
            }
        }
        currentIsPage = false;
        System.out.printf("AbuseAndBadInputTest figures: %d endpoints (%d of them HTML pages), %d bad requests, accepted wrongly 0, 5xx 0, stack traces 0%n", endpoints.size(), pages.size(), tried);
    }

    private static boolean parsesAsJson(byte[] body) {
        try {
            CanonicalJson.mapper().readTree(body);
            return body.length > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---- forged and misused signatures ----

    private static PublicHolidayDeclared holiday() {
        return new PublicHolidayDeclared(LocalDate.of(2038, 8, 3), "Abuse test holiday", "Туршилтын амралт", "Resolution A-1");
    }

    private static String signedCommand(SigningIdentity who, Instant signedAt) {
        JsonNode body = CanonicalJson.mapper().valueToTree(holiday());
        return client.sign(who, new CommandEnvelope("abuse-" + java.util.UUID.randomUUID(), "DeclarePublicHoliday", signedAt.truncatedTo(ChronoUnit.SECONDS), body));
    }

    private static ObjectNode parse(String jws) {
        try {
            return (ObjectNode) CanonicalJson.mapper().readTree(jws);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String withHeader(String jws, ObjectNode header, byte[] signature) {
        ObjectNode forged = parse(jws);
        forged.put("protected", b64(CanonicalJson.canonicalize(header)));
        forged.put("signature", b64(signature));
        return forged.toString();
    }

    private static byte[] hmac(byte[] key, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningIdentity certifiedBy(CertificateAuthority ca, Instant notBefore, Instant notAfter) {
        Ed25519.KeyPair keys = Ed25519.generate(new SecureRandom());
        PersonId supervisor = new PersonId("supervisor-1");
        X509Certificate certificate = ca.issuePerson(supervisor, "Supervisor (test key)", "Ministry", keys.publicKey(), notBefore, notAfter);
        return new SigningIdentity(supervisor, keys.privateKey(), List.of(certificate, ca.certificate()));
    }

    @Test
    @DisplayName("001 art. 23.1.1, 002 art. 6.3: forged, truncated, alg-none, HS256-with-the-public-key, expired, not-yet-valid, untrusted and re-used signatures are refused cleanly, nothing stored")
    void forged_and_misused_signatures_are_refused() throws Exception {
        SigningIdentity supervisor = client.person("cabinet-1"); // the signer a holiday declaration needs: every refusal below is the forgery's
        SigningIdentity reviewer = client.person("reviewer-1");
        Instant now = Instant.now();
        String valid = signedCommand(supervisor, now);
        ObjectNode parsed = parse(valid);
        String protectedHeader = parsed.path("protected").asText();
        String payload = parsed.path("payload").asText();
        ObjectNode header = (ObjectNode) CanonicalJson.mapper().readTree(Base64.getUrlDecoder().decode(protectedHeader));
        String signingInput = protectedHeader + "." + payload;

        Map<String, String> forgeries = new LinkedHashMap<>();
        for (int cut : new int[]{1, valid.length() / 10, valid.length() / 2, valid.length() * 9 / 10, valid.length() - 1}) {
            forgeries.put("truncated at " + cut, valid.substring(0, cut));
        }
        byte[] signature = Base64.getUrlDecoder().decode(parsed.path("signature").asText());
        signature[7] ^= 1;
        forgeries.put("one signature bit flipped", withHeader(valid, header, signature));
        forgeries.put("signature of another command", parse(valid).put("signature", parse(signedCommand(supervisor, now.minusSeconds(1))).path("signature").asText()).toString());
        ObjectNode reviewerHeader = header.deepCopy();
        reviewerHeader.set("x5c", CanonicalJson.mapper().readTree(Base64.getUrlDecoder().decode(parse(signedCommand(reviewer, now)).path("protected").asText()))
                .path("x5c"));
        forgeries.put("another person's certificate in the header", withHeader(valid, reviewerHeader, Base64.getUrlDecoder().decode(parsed.path("signature").asText())));
        ObjectNode none = header.deepCopy().put("alg", "none");
        forgeries.put("alg none, empty signature", withHeader(valid, none, new byte[0]));
        ObjectNode hs256 = header.deepCopy().put("alg", "HS256");
        String hsInput = b64(CanonicalJson.canonicalize(hs256)) + "." + payload;
        forgeries.put("HS256 keyed with the raw public key", withHeader(valid, hs256, hmac(supervisor.publicKey(), hsInput)));
        forgeries.put("HS256 keyed with the certificate's public key info", withHeader(valid, hs256,
                hmac(supervisor.certificate().getPublicKey().getEncoded(), hsInput)));
        forgeries.put("HS256 keyed with the certificate", withHeader(valid, hs256, hmac(supervisor.certificate().getEncoded(), hsInput)));
        forgeries.put("alg EdDSA replaced by ES256", withHeader(valid, header.deepCopy().put("alg", "ES256"), Base64.getUrlDecoder().decode(parsed.path("signature").asText())));
        forgeries.put("no x5c", withHeader(valid, header.deepCopy().without("x5c"), Base64.getUrlDecoder().decode(parsed.path("signature").asText())));
        forgeries.put("payload not base64url", parse(valid).put("payload", "!!!" + payload).toString());
        forgeries.put("compact serialization", signingInput + "." + parsed.path("signature").asText());
        forgeries.put("extra unprotected header", parse(valid).set("header", CanonicalJson.mapper().createObjectNode().put("alg", "none")).toString());

        RegistryKeys keys = registry.getBean(RegistryKeys.class);
        forgeries.put("certificate from the registry's CA, expired", signedCommand(certifiedBy(keys.ca(), now.minus(10, ChronoUnit.DAYS),
                now.minus(1, ChronoUnit.DAYS)), now));
        forgeries.put("certificate from the registry's CA, not yet valid", signedCommand(certifiedBy(keys.ca(), now.plus(1, ChronoUnit.DAYS),
                now.plus(10, ChronoUnit.DAYS)), now));
        CertificateAuthority stranger = CertificateAuthority.create("Somebody else's CA", now.minus(1, ChronoUnit.DAYS), now.plus(365, ChronoUnit.DAYS));
        forgeries.put("certificate from an untrusted CA", signedCommand(certifiedBy(stranger, now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS)), now));
        forgeries.put("enrolled certificate, signed before it was valid", signedCommand(supervisor, supervisor.certificate().getNotBefore().toInstant()
                .minus(1, ChronoUnit.DAYS)));
        forgeries.put("enrolled certificate, signed 3 days ago", signedCommand(supervisor, now.minus(3, ChronoUnit.DAYS)));

        for (Map.Entry<String, String> forged : forgeries.entrySet()) {
            for (String path : List.of("/api/commands", "/api/session")) {
                expectRefusedCleanly("POST", path, "application/json", forged.getValue().getBytes(StandardCharsets.UTF_8), null, false, forged.getKey());
            }
        }

        // a sign-in JWS used twice: the challenge is spent
        String challenge = client.get("/api/session/challenge").body().path("challenge").asText();
        String signIn = client.sign(reviewer, CommandEnvelope.fresh("SignIn", CanonicalJson.mapper().createObjectNode().put("challenge", challenge), Clock.systemUTC()));
        assertThat(client.post("/api/session", signIn, "application/json").status()).isEqualTo(200);
        expectRefusedCleanly("POST", "/api/session", "application/json", signIn.getBytes(StandardCharsets.UTF_8), null, false, "a re-used sign-in");
        // a sign-in JWS sent as a command, and a command sent as a sign-in
        expectRefusedCleanly("POST", "/api/commands", "application/json", signIn.getBytes(StandardCharsets.UTF_8), null, false, "a sign-in sent as a command");
        System.out.printf("AbuseAndBadInputTest figures: %d forged or misused signatures x 2 endpoints refused, accepted wrongly 0%n", forgeries.size());
    }
}
