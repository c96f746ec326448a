package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.pki.SigningIdentity;
import mn.registry.kernel.signing.CommandEnvelope;

import java.io.IOException;
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
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signed commands sent from several client threads at a running registry, each outcome written down: what the
 * registry acknowledged (200), what it refused (a 4xx problem), and what is unknown (the connection broke, e.g.
 * because the registry was killed mid-request). The mix: special-permit applications (002 art. 23.2), Free Zone
 * registration applications in both demo zones (003 art. 12.1) and their registration by the zone's governor
 * (003 art. 8.7, a public act that goes into the transparency log).
 */
final class SignedLoad {

    enum Outcome { ACKNOWLEDGED, REFUSED, UNKNOWN }

    /** One signed command and what became of it (the latest attempt). */
    record Sent(String commandId, String type, String jws, Outcome outcome, int status, String code, String contentType, String body) {
    }

    /** Everything sent, over all the registry's lives. */
    static final class Ledger {
        final Map<String, Sent> sent = new ConcurrentHashMap<>();
        final Queue<Sent> attempts = new ConcurrentLinkedQueue<>();
        final Map<String, String> uploads = new ConcurrentHashMap<>();
        final Map<String, Queue<RegistrationId>> toRegister = new ConcurrentHashMap<>();
        final AtomicInteger numbers = new AtomicInteger();

        long count(Outcome outcome) {
            return sent.values().stream().filter(s -> s.outcome() == outcome).count();
        }

        List<Sent> with(Outcome outcome) {
            return sent.values().stream().filter(s -> s.outcome() == outcome).toList();
        }
    }

    private static final List<String> ZONES = List.of("altanbulag", "zamyn-uud");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    /** The nodes commands go to, one chosen at random per command (several registry nodes, ADR 0016); empty = {@link #base}. */
    private final List<String> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final RegistryClient signer;
    private final Ledger ledger;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    SignedLoad(int port, Path dataDir, Ledger ledger) {
        this.base = "http://localhost:" + port;
        this.signer = new RegistryClient(port, dataDir);
        this.dataDir = dataDir;
        this.ledger = ledger;
    }

    /** Commands to all of {@code ports} at random (the first one also takes the uploads and signs in). */
    SignedLoad(List<Integer> ports, Path dataDir, Ledger ledger) {
        this(ports.get(0), dataDir, ledger);
        ports.forEach(p -> nodes.add("http://localhost:" + p));
    }

    /** Sends no more commands to the node on {@code port} (e.g. it was killed). */
    void without(int port) {
        nodes.remove("http://localhost:" + port);
    }

    private String target() {
        List<String> live = List.copyOf(nodes);
        return live.isEmpty() ? base : live.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(live.size()));
    }

    /**
     * The uploader's session on each node, signed in there on the first upload and again when the node answers 401 (a demo clock moved on
     * past the session's end, as {@code SeveralNodesTest}'s is): an upload belongs to a signed-in person (ADR 0014).
     */
    private final Map<String, String> uploaders = new java.util.concurrent.ConcurrentHashMap<>();
    private final Path dataDir;

    /**
     * Uploads the papers of one Mongolian entity's zone application to a live node (the first may be the one killed) and answers them
     * (ADR 0057 item 13, session 29: a zone application's papers serve one entity's applications, abuse audit F508; its fee receipt pays
     * one registration, ADR 0035 item 19); a permit application uploads its company's own ({@link #uploadPapersOf}).
     */
    List<SubmittedZoneDocument> uploadZonePapersOf(String entity) throws IOException, InterruptedException {
        String node = target();
        List<SubmittedZoneDocument> papers = new java.util.ArrayList<>();
        for (ZoneDocument kind : ZoneDocument.requiredFor(Jurisdiction.MONGOLIAN)) {
            papers.add(new SubmittedZoneDocument(kind, uploaded(node, "zone " + kind + " of " + entity)));
        }
        return papers;
    }

    /**
     * The upload guard of a registry under this load (ADR 0014's 120 uploads a minute from one address): each permit application uploads six
     * papers of its own (F462), each zone application its fee receipt, all from this one client.
     */
    static final String UPLOADS = "--registry.documents.uploads-per-minute=100000";

    /**
     * Uploads the papers of one company's permit application to a live node and answers them (ADR 0057 item 8, session 28: a permit
     * application's papers serve one company's applications, abuse audit F462; as the zone's fee receipt, one of its own per application).
     */
    List<SubmittedDocument> uploadPapersOf(String company) throws IOException, InterruptedException {
        String node = target();
        List<SubmittedDocument> papers = new java.util.ArrayList<>();
        for (RequiredDocument kind : RequiredDocument.values()) {
            if (kind.requiredWhen(false)) {
                papers.add(new SubmittedDocument(kind, uploaded(node, "permit " + kind + " of " + company)));
            }
        }
        return papers;
    }

    /** Uploads the paper of {@code what}'s words to {@code node}, kept in the ledger; answers its SHA-256. */
    private String uploaded(String node, String what) throws IOException, InterruptedException {
        upload(node, what);
        return ledger.uploads.get(what);
    }

    private void upload(String node, String what) throws IOException, InterruptedException {
        byte[] pdf = DemoData.demoPdf("Kill test: " + what);
        HttpResponse<String> reply = uploadAs(uploaders.computeIfAbsent(node, this::signIn), node, pdf);
        if (reply.statusCode() == 401) {
            reply = uploadAs(uploaders.compute(node, (n, expired) -> signIn(n)), node, pdf);
        }
        if (reply.statusCode() / 100 != 2) {
            throw new IllegalStateException("upload refused: " + reply.statusCode() + " " + reply.body());
        }
        ledger.uploads.put(what, CanonicalJson.mapper().readTree(reply.body()).path("sha256").asText());
    }

    private HttpResponse<String> uploadAs(String token, String node, byte[] pdf) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(node + "/api/documents")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/pdf").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(pdf)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String signIn(String node) {
        try {
            return new RegistryClient(Integer.parseInt(node.substring(node.lastIndexOf(':') + 1)), dataDir).signIn("applicant-1");
        } catch (AssertionError refused) {
            throw new IllegalStateException(refused.getMessage(), refused); // the node refused the sign-in: this upload fails, the load goes on
        }
    }

    /** Starts {@code clients} threads, each with its own seeded choice of what to send next. */
    void start(int clients, long seed) {
        for (int i = 0; i < clients; i++) {
            Random random = new Random(seed + i);
            Thread thread = new Thread(() -> {
                while (running) {
                    sendOne(random);
                }
            }, "signed-load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    private void sendOne(Random random) {
        int choice = random.nextInt(4);
        if (choice < 2) {
            applyForPermit();
        } else {
            String zone = ZONES.get(choice - 2);
            RegistrationId waiting = ledger.toRegister.computeIfAbsent(zone, z -> new ConcurrentLinkedQueue<>()).poll();
            if (waiting != null) {
                send("governor-" + zone, "RegisterEntity", new RegistrationCommands.RegisterEntity(waiting));
            } else {
                applyInZone(zone);
            }
        }
    }

    private void applyForPermit() {
        int n = nextNumber();
        List<SubmittedDocument> documents;
        try {
            documents = uploadPapersOf(companyNumbered(n));
        } catch (IOException | RuntimeException e) {
            return; // an upload failed (a node down, the database out): no application is sent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        applyForPermitOn(n, documents);
    }

    /** The next company or entity number of this load (each names papers of its own). */
    int nextNumber() {
        return ledger.numbers.incrementAndGet();
    }

    static String companyNumbered(int n) {
        return "Kill Test " + n + " LLC";
    }

    /**
     * The application of company {@code n} on its papers uploaded before: sent now, whatever the database's state (the outage test sends
     * it while the database is down, where every application of the load uploads first and so is seldom sent; session 29's F508 made the
     * zone's applications upload too).
     */
    Sent applyForPermitOn(int n, List<SubmittedDocument> documents) {
        return send("applicant-1", "ApplyForPermit", new ApplyForPermit(new Company(companyNumbered(n), String.format("7%06d", n), true,
                "Peace Avenue " + n + ", Ulaanbaatar"), false, documents));
    }

    private void applyInZone(String zone) {
        int n = ledger.numbers.incrementAndGet();
        LegalEntity entity = new LegalEntity("Kill Test Entity " + n + " LLC", Jurisdiction.MONGOLIAN, null, String.format("6%06d", n));
        List<SubmittedZoneDocument> documents;
        try {
            documents = uploadZonePapersOf(entity.name()); // its own papers and fee receipt (F508; ADR 0035 item 19)
        } catch (IOException | RuntimeException e) {
            return; // the upload failed (a node down, the database out): no application is sent
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Sent sent = send("applicant-1", "ApplyForZoneRegistration", new RegistrationCommands.ApplyForZoneRegistration(ZoneId.of(zone), entity,
                Activity.TRADE, documents));
        if (sent != null && sent.outcome() == Outcome.ACKNOWLEDGED) {
            ledger.toRegister.get(zone).add(RegistrationId.of(ZoneId.of(zone), entity));
        }
    }

    private Sent send(String person, String type, Object body) {
        SigningIdentity who = signer.person(person);
        CommandEnvelope envelope = CommandEnvelope.fresh(type, CanonicalJson.mapper().valueToTree(body), Clock.systemUTC());
        String jws = signer.sign(who, envelope);
        Sent sent = submit(envelope.commandId(), type, jws);
        ledger.sent.put(sent.commandId(), sent);
        ledger.attempts.add(sent);
        return sent;
    }

    /** Sends a signed command once and says what came of it. */
    Sent submit(String commandId, String type, String jws) {
        try {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(target() + "/api/commands")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jws, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = reply.body().isEmpty() ? CanonicalJson.mapper().nullNode() : CanonicalJson.mapper().readTree(reply.body());
            int status = reply.statusCode();
            Outcome outcome = status == 200 ? Outcome.ACKNOWLEDGED : status >= 400 && status < 500 ? Outcome.REFUSED : Outcome.UNKNOWN;
            return new Sent(commandId, type, jws, outcome, status, body.path("code").asText(null),
                    reply.headers().firstValue("Content-Type").orElse(""), reply.body());
        } catch (IOException e) {
            return new Sent(commandId, type, jws, Outcome.UNKNOWN, 0, e.getClass().getSimpleName(), "", "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Sent(commandId, type, jws, Outcome.UNKNOWN, 0, "interrupted", "", "");
        }
    }
}
