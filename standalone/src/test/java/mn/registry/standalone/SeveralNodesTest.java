package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.SubmittedZoneDocument;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.log.Checkpoint;
import mn.registry.tlog.LogCollections;
import mn.registry.kernel.log.Merkle;
import mn.registry.kernel.log.NoteKey;
import mn.registry.kernel.permit.ApplyForPermit;
import mn.registry.kernel.permit.Company;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.kernel.signing.CommandEnvelope;
import mn.registry.publicregister.RegisterKind;
import mn.registry.publicregister.RegisterQuery;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several registry nodes on one database, as separate processes (issue 18, ADR 0016): {@code registry.jar mongo} in one
 * JVM and three registry nodes in three more, all sharing it through {@code MONGODB_URI} and one data directory for the
 * keys. Signed commands go to the three at random while public readers read from all three; the node that holds the
 * log sequencer is killed with SIGKILL and another must take the log over; one signed command is sent to two nodes at
 * once; a command answered by one node is read back at another with {@code atLeast=}. At the end: nothing acknowledged
 * lost, nothing applied twice, every checkpoint consistent with the next, the nodes' public register, feed and
 * statistics equal at the same log size, and {@code verify-store} passes on the database's file.
 */
class SeveralNodesTest {

    /** The stated bound on the log sequencer's takeover: the token claim timeout (10 s) plus the processors' claim polling. */
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(40);
    /** A dead node's command claims may be settled by another node after this lease (ADR 0002); short here, 60 s by default. */
    static final String LEASE = "--registry.commands.lease=10s";
    private static final String HEAP = "-Xmx256m";
    private static final String POLL = "--registry.deadlines.poll-interval=300ms";
    /** The demo clock is moved this far on every node: past the decision deadline of every application filed before (002 art. 26.1). */
    private static final int DAYS = 60;

    @TempDir
    Path root;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @DisplayName("three registry processes on one database process: kill -9 of the log sequencer's node is taken over, no gap or fork in the log, a command sent to two nodes applies once, read-your-writes across nodes, equal public hashes, nothing lost or doubled, verify-store passes")
    void three_nodes_on_one_database_process() throws Exception {
        long seed = Long.getLong("registry.nodes.seed", System.nanoTime());
        System.out.println("SeveralNodesTest: seed " + seed + " (replay with -Dregistry.nodes.seed=" + seed + ")");
        Random random = new Random(seed);
        long started = System.nanoTime();
        Path data = root.resolve("data"); // the database's file and the keys shared by the nodes (ADR 0016)
        DatabaseProcess database = DatabaseProcess.start(data, root.resolve("mongo.log"));
        List<ChildRegistry> nodes = new ArrayList<>();
        SignedLoad.Ledger ledger = new SignedLoad.Ledger();
        Map<String, String> figures = new LinkedHashMap<>();
        try (AutoCloseable stopAll = () -> {
            for (ChildRegistry node : nodes) {
                node.kill();
            }
            database.kill();
        }) {
            String uri = database.awaitReady(Duration.ofSeconds(60));
            Map<String, String> environment = Map.of("MONGODB_URI", uri);
            // the first node creates the keys and the demo data; the others open them
            nodes.add(ChildRegistry.start(data, root.resolve("node-1.log"), environment, HEAP, LEASE, POLL, SignedLoad.UPLOADS));
            nodes.get(0).awaitReady(Duration.ofSeconds(180));
            nodes.add(ChildRegistry.start(data, root.resolve("node-2.log"), environment, HEAP, LEASE, POLL, SignedLoad.UPLOADS));
            nodes.add(ChildRegistry.start(data, root.resolve("node-3.log"), environment, HEAP, LEASE, POLL, SignedLoad.UPLOADS));
            nodes.get(1).awaitReady(Duration.ofSeconds(180));
            nodes.get(2).awaitReady(Duration.ofSeconds(180));
            figures.put("start", String.format("%.0f s", (System.nanoTime() - started) / 1e9));
            List<Integer> ports = nodes.stream().map(ChildRegistry::port).toList();

            try (MongoClient client = RegistryMongo.client(uri + "/?serverSelectionTimeoutMS=5000")) {
                MongoDatabase db = client.getDatabase("registry");
                RegistryClient first = new RegistryClient(ports.get(0), data);
                Readers readers = new Readers(ports);
                readers.start();
                SignedLoad load = new SignedLoad(ports, data, ledger);
                load.start(3, random.nextLong());
                awaitAcknowledged(ledger, 40, Duration.ofSeconds(120));

                // the decision deadlines of every application filed so far fall due on every node at once: the demo clock is
                // each node's own (ADR 0016), so each is moved by a signed command of its own
                java.util.Set<String> commandsBefore = ledger.with(SignedLoad.Outcome.ACKNOWLEDGED).stream()
                        .filter(sent -> sent.type().equals("ApplyForPermit")).map(SignedLoad.Sent::commandId).collect(java.util.stream.Collectors.toSet());
                for (int port : ports) {
                    RegistryClient node = new RegistryClient(port, data);
                    RegistryClient.Reply moved = node.command(node.sign("supervisor-1", "AdvanceDemoClock", new mn.registry.demo.AdvanceDemoClock(DAYS)));
                    assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
                }

                // 1. kill -9 the node that holds the log sequencer, its deadline poller running; another must take the log over
                ChildRegistry sequencer = sequencerNode(db, nodes, Duration.ofSeconds(60));
                long sizeAtKill = treeSize(db);
                long killedAt = System.nanoTime();
                readers.without(sequencer.port());
                sequencer.kill(); // mid-load: commands in flight to it lose their answer
                load.without(sequencer.port());
                List<ChildRegistry> live = nodes.stream().filter(ChildRegistry::alive).toList();
                System.out.println("SeveralNodesTest: killed node on port " + sequencer.port() + " (pid " + sequencer.pid()
                        + "), which held the log sequencer, at log size " + sizeAtKill);
                // the load goes on to the live nodes: its registrations are public acts for a new sequencer to append. They come at
                // random (a zone registration needs an acknowledged application first), and a run once saw none for 70 s after the
                // kill: the test adds one public act of its own (a minimum insurance setting, published since ADR 0046 item 29)
                RegistryClient survivor = new RegistryClient(live.get(0).port(), data);
                RegistryClient.Reply published = survivor.command(survivor.sign("supervisor-1", "SetMinimumInsurance",
                        new mn.registry.kernel.permit.SetMinimumInsurance(mn.registry.kernel.money.Money.mnt(100_000_000L + random.nextInt(1_000_000)))));
                assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
                Duration takeover = awaitTakeover(db, sequencer.pid(), sizeAtKill, killedAt);
                figures.put("sequencer takeover", takeover.toMillis() + " ms (limit " + TAKEOVER_LIMIT.toSeconds() + " s)");
                assertThat(takeover).as("log sequencer taken over by a live node").isLessThan(TAKEOVER_LIMIT);
                long acknowledgedAfterKill = ledger.count(SignedLoad.Outcome.ACKNOWLEDGED);
                awaitAcknowledged(ledger, acknowledgedAfterKill + 20, Duration.ofSeconds(120));
                load.stop();

                // 2. the same signed command to two nodes at once takes effect once
                List<String> twice = new ArrayList<>();
                List<String> twiceStatuses = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    twice.add(sendToTwoAtOnce(first, data, ledger, live.get(0).port(), live.get(1).port(), i, twiceStatuses));
                }
                figures.put("one command to two nodes at once", twice.size() + " times, answers " + twiceStatuses);

                // 3. read-your-writes across nodes: answered by A, read at B with atLeast=
                for (int i = 0; i < 4; i++) {
                    ChildRegistry a = live.get(i % 2);
                    ChildRegistry b = live.get((i + 1) % 2);
                    readYourWrites(data, ledger, a.port(), b.port(), i);
                }
                figures.put("read-your-writes across nodes", "4 of 4 (answered at one node, read at the other with atLeast=)");

                // 4. commands whose answer died with the killed node, sent again (after the lease) to a live node
                Thread.sleep(11_000);
                SignedLoad resender = new SignedLoad(live.get(0).port(), data, ledger);
                int resentApplied = 0;
                int resentRecovered = 0;
                for (SignedLoad.Sent lost : ledger.with(SignedLoad.Outcome.UNKNOWN)) {
                    SignedLoad.Sent again = resender.submit(lost.commandId(), lost.type(), lost.jws());
                    assertThat(again.status()).as("resent " + lost.type() + " " + lost.commandId() + ": " + again.body()).isEqualTo(200);
                    ledger.sent.put(lost.commandId(), again);
                    if (again.body().contains("\"recovered\":true")) {
                        resentRecovered++;
                    } else {
                        resentApplied++;
                    }
                }
                readers.stop();

                // the killed node started again on the same database and keys: it catches up with the others
                ChildRegistry restarted = ChildRegistry.start(data, root.resolve("node-restarted.log"), environment, HEAP, LEASE, POLL, SignedLoad.UPLOADS);
                nodes.add(restarted);
                restarted.awaitReady(Duration.ofSeconds(180));
                RegistryClient again = new RegistryClient(restarted.port(), data);
                // a restarted node forgets its demo clock's offset (ADR 0016): moved again, as on the others
                RegistryClient.Reply moved = again.command(again.sign("supervisor-1", "AdvanceDemoClock", new mn.registry.demo.AdvanceDemoClock(DAYS)));
                assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
                List<ChildRegistry> answering = new ArrayList<>(live);
                answering.add(restarted);
                assertThat(ledger.with(SignedLoad.Outcome.REFUSED)).as("no command of the load is refused").isEmpty();

                // 5. nothing acknowledged lost, nothing applied twice
                Map<String, List<String>> effects = StoredEffects.byCommand(db);
                for (SignedLoad.Sent sent : ledger.with(SignedLoad.Outcome.ACKNOWLEDGED)) {
                    assertThat(effects.get(sent.commandId())).as("events of acknowledged " + sent.type() + " " + sent.commandId()).isNotEmpty();
                }
                for (String commandId : twice) {
                    assertThat(effects.get(commandId)).as("events of the command sent to two nodes at once").hasSize(1);
                }
                for (Map.Entry<String, List<String>> effect : effects.entrySet()) {
                    assertThat(effect.getValue()).as("events of command " + effect.getKey()).doesNotHaveDuplicates();
                }

                // deadlines: every application filed before the clocks moved escalates exactly once across the nodes
                java.util.Set<String> applications = new java.util.TreeSet<>();
                commandsBefore.forEach(id -> applications.add(effects.get(id).get(0).split(" ", 2)[0]));
                Map<String, Long> overdue = awaitOverdue(db, applications, Duration.ofSeconds(90));
                assertThat(overdue.values()).as("PermitDecisionOverdue per application " + overdue).allMatch(n -> n == 1);
                figures.put("deadlines", applications.size() + " decision deadlines due on 3 nodes, one node killed: each fired exactly once ("
                        + overdue.size() + " escalations in all, none twice)");

                // 6. the log: gapless, every checkpoint a prefix of the final tree and consistent with the next
                long size = awaitLogSettled(db, answering, Duration.ofSeconds(60));
                String logKey = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + live.get(0).port() + "/api/public/log/key")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                int checked = checkLog(db, logKey, answering, size);
                figures.put("log", "size " + size + ", " + checked + " checkpoints, each consistent with the next (proofs from the live nodes), no gap, no fork");

                // 7. every live node answers the same public register, feed and statistics at the same log size
                long head = headPosition(db);
                Map<String, String> reference = null;
                for (ChildRegistry node : answering) {
                    Map<String, String> hashes = publicHashes(node.port(), head);
                    if (reference == null) {
                        reference = hashes;
                    }
                    assertThat(hashes).as("public hashes of the node on port " + node.port() + " vs " + answering.get(0).port()).isEqualTo(reference);
                }
                figures.put("public hashes", "equal on " + answering.size() + " nodes (the killed one restarted) at log size " + size + " (" + reference.size() + " public answers each)");

                figures.put("readers", readers.summary());
                assertThat(readers.failuresOnLiveNodes()).as("public reads that failed on a node that was alive: " + readers.summary()).isZero();
                figures.put("commands", "acknowledged " + ledger.count(SignedLoad.Outcome.ACKNOWLEDGED) + ", answer lost in the kill "
                        + (resentApplied + resentRecovered) + " (resent: " + resentApplied + " carried out now, " + resentRecovered
                        + " found applied), refused 0, acknowledged lost 0, applied twice 0");
            }
            for (ChildRegistry node : nodes) {
                node.kill();
            }
            assertThat(database.terminate(Duration.ofSeconds(30))).as(database.output()).isEqualTo(143);
        }

        // 8. verify-store on the database's file, the process stopped
        ByteArrayOutputStream verifyOut = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(verifyOut, true, StandardCharsets.UTF_8);
        int verified = VerifyStoreCli.run(new String[]{"--data-dir", data.toString()}, print, print);
        assertThat(verified).as(verifyOut.toString(StandardCharsets.UTF_8)).isZero();
        figures.put("verify-store", "OK");
        figures.put("total", String.format("%.0f s", (System.nanoTime() - started) / 1e9));

        StringBuilder text = new StringBuilder("SeveralNodesTest figures: seed " + seed + ", 1 database process, 3 nodes, 1 kill -9");
        figures.forEach((k, v) -> text.append("; ").append(k).append(": ").append(v));
        System.out.println(text);
        Files.writeString(Path.of("target", "several-nodes-figures.txt"), text + System.lineSeparator());
    }

    private static void awaitAcknowledged(SignedLoad.Ledger ledger, long count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (ledger.count(SignedLoad.Outcome.ACKNOWLEDGED) < count) {
            assertThat(System.nanoTime()).as(count + " commands acknowledged in time (so far " + ledger.count(SignedLoad.Outcome.ACKNOWLEDGED)
                    + ", refused " + ledger.with(SignedLoad.Outcome.REFUSED).stream().map(SignedLoad.Sent::body).distinct().limit(3).toList() + ")")
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Document sequencerToken(MongoDatabase db) {
        return db.getCollection("tracking_tokens").find(new Document("processorName", "log-sequencer")).first();
    }

    /** The node whose JVM ({@code pid@host}, the token store's owner name) holds the log sequencer's one segment. */
    private static ChildRegistry sequencerNode(MongoDatabase db, List<ChildRegistry> nodes, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Document token = sequencerToken(db);
            String owner = token == null ? null : token.getString("owner");
            if (owner != null) {
                long pid = Long.parseLong(owner.substring(0, owner.indexOf('@')));
                for (ChildRegistry node : nodes) {
                    if (node.pid() == pid) {
                        return node;
                    }
                }
            }
            assertThat(System.nanoTime()).as("a node claims the log sequencer (token " + token + ")").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long treeSize(MongoDatabase db) {
        Document tree = db.getCollection(LogCollections.STATE).find(new Document("_id", LogCollections.TREE)).first();
        return tree == null ? 0 : tree.get(LogCollections.SIZE, Number.class).longValue();
    }

    private static long headPosition(MongoDatabase db) {
        long head = -1;
        for (Document commit : db.getCollection("events").find().sort(new Document("_id", -1)).limit(1)) {
            // a commit's _id is the position of its first event
            head = ((Number) commit.get("_id")).longValue() + commit.getList("events", Document.class, List.of()).size() - 1;
        }
        return head;
    }

    /** Time from the kill until another process owns the sequencer's segment and the tree has grown past its size at the kill. */
    private static Duration awaitTakeover(MongoDatabase db, long deadPid, long sizeAtKill, long killedAt) throws InterruptedException {
        long deadline = killedAt + TAKEOVER_LIMIT.toNanos() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Document token = sequencerToken(db);
            String owner = token == null ? null : token.getString("owner");
            if (owner != null && !owner.startsWith(deadPid + "@") && treeSize(db) > sizeAtKill) {
                return Duration.ofNanos(System.nanoTime() - killedAt);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no node took the log sequencer over (token " + sequencerToken(db) + ", size " + treeSize(db) + " vs " + sizeAtKill
                + ", the store's head at " + headPosition(db) + ")");
    }

    /** One signed application, sent to two nodes by two threads released together; answers its command id. */
    private String sendToTwoAtOnce(RegistryClient signer, Path data, SignedLoad.Ledger ledger, int portA, int portB, int n, List<String> statuses) throws Exception {
        String company = "Twice Sent " + n + " LLC";
        List<SubmittedDocument> documents = new SignedLoad(portA, data, ledger).uploadPapersOf(company); // its company's own (F462)
        CommandEnvelope envelope = CommandEnvelope.fresh("ApplyForPermit", CanonicalJson.mapper().valueToTree(new ApplyForPermit(
                new Company(company, String.format("8%06d", n), true, "Peace Avenue " + n + ", Ulaanbaatar"), false, documents)),
                Clock.systemUTC());
        String jws = signer.sign(signer.person("applicant-1"), envelope);
        CountDownLatch go = new CountDownLatch(1);
        Map<Integer, HttpResponse<String>> answers = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int port : List.of(portA, portB)) {
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    answers.put(port, http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/commands"))
                            .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(jws)).build(), HttpResponse.BodyHandlers.ofString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(70_000);
        }
        assertThat(answers).as("both nodes answered").hasSize(2);
        List<Integer> codes = answers.values().stream().map(HttpResponse::statusCode).sorted().toList();
        statuses.add(codes.toString());
        assertThat(codes).as("answers to one command sent to two nodes at once: " + answers.values().stream().map(HttpResponse::body).toList())
                .contains(200).allMatch(c -> c == 200 || c == 409);
        return envelope.commandId();
    }

    /** A registration applied for and registered at node A (answered with its position), found at node B with atLeast=. */
    private void readYourWrites(Path data, SignedLoad.Ledger ledger, int portA, int portB, int n) {
        RegistryClient a = new RegistryClient(portA, data);
        RegistryClient b = new RegistryClient(portB, data);
        String name = "Read Your Writes " + n + " LLC";
        LegalEntity entity = new LegalEntity(name, Jurisdiction.MONGOLIAN, null, String.format("5%06d", n));
        List<SubmittedZoneDocument> documents;
        try {
            documents = new SignedLoad(portA, data, ledger).uploadZonePapersOf(name); // its own papers and fee (F508; ADR 0035 item 19)
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        RegistryClient.Reply applied = a.command(a.sign("applicant-1", "ApplyForZoneRegistration",
                new RegistrationCommands.ApplyForZoneRegistration(ZoneId.of("altanbulag"), entity, Activity.TRADE, documents)));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        RegistryClient.Reply registered = a.command(a.sign("governor-altanbulag", "RegisterEntity",
                new RegistrationCommands.RegisterEntity(RegistrationId.of(ZoneId.of("altanbulag"), entity))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        String position = registered.raw().headers().firstValue("Registry-Position").orElseThrow();
        RegistryClient.Reply read = b.get("/api/public/register/entities?limit=" + RegisterQuery.MAX_LIMIT + "&atLeast=" + position);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        assertThat(read.raw().body()).as("node " + portB + " reads what node " + portA + " answered at position " + position).contains(name);
    }

    /** Escalations (PermitDecisionOverdue events) by application, once each of {@code applications} has one. */
    private static Map<String, Long> awaitOverdue(MongoDatabase db, java.util.Set<String> applications, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Map<String, Long> overdue = new TreeMap<>();
            for (Document commit : db.getCollection("events").find()) {
                for (Document event : commit.getList("events", Document.class, List.of())) {
                    if (mn.registry.kernel.permit.PermitDecisionOverdue.class.getName().equals(event.getString("payloadType"))) {
                        overdue.merge(event.getString("aggregateId"), 1L, Long::sum);
                    }
                }
            }
            if (overdue.keySet().containsAll(applications)) {
                return overdue;
            }
            assertThat(System.nanoTime()).as("every due decision deadline fired (missing " + applications.stream()
                    .filter(a -> !overdue.containsKey(a)).limit(5).toList() + ")").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Waits until the tree is complete to the last public event and a checkpoint covers it; answers its size. */
    private static long awaitLogSettled(MongoDatabase db, List<ChildRegistry> live, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long entries = db.getCollection(LogCollections.ENTRIES).countDocuments();
            long size = treeSize(db);
            Document checkpoint = db.getCollection(LogCollections.CHECKPOINTS).find().sort(new Document("_id", -1)).first();
            long published = checkpoint == null ? -1 : ((Number) checkpoint.get("_id")).longValue();
            if (size == entries && published == size) {
                Thread.sleep(1000); // and nothing more arrives
                if (db.getCollection(LogCollections.ENTRIES).countDocuments() == entries) {
                    return size;
                }
            }
            assertThat(System.nanoTime()).as("log settled (entries " + entries + ", tree " + size + ", checkpoint " + published + ")").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * Entries 0..size-1 each once; every signed checkpoint's root is the root of the final tree at its size (one history, no
     * fork) and each is proved consistent with the next by the consistency proof a live node serves.
     */
    private int checkLog(MongoDatabase db, String keyText, List<ChildRegistry> live, long size) throws Exception {
        NoteKey key = NoteKey.parse(keyText);
        List<byte[]> leaves = new ArrayList<>();
        long expected = 0;
        java.util.Set<String> eventIds = new java.util.HashSet<>();
        for (Document entry : db.getCollection(LogCollections.ENTRIES).find().sort(new Document("_id", 1))) {
            assertThat(((Number) entry.get("_id")).longValue()).as("log index without a gap").isEqualTo(expected++);
            assertThat(eventIds.add(entry.getString(LogCollections.EVENT_ID))).as("event logged once: " + entry.getString(LogCollections.EVENT_ID)).isTrue();
            leaves.add(((Binary) entry.get(LogCollections.LEAF_HASH)).getData());
        }
        assertThat(expected).isEqualTo(size);
        Merkle.HashReader finalTree = Merkle.inMemory(leaves);
        TreeMap<Long, Checkpoint> checkpoints = new TreeMap<>();
        for (Document d : db.getCollection(LogCollections.CHECKPOINTS).find()) {
            Checkpoint c = Checkpoint.open(d.getString(LogCollections.NOTE), key);
            assertThat(c.size()).isEqualTo(((Number) d.get("_id")).longValue());
            assertThat(Base64.getEncoder().encodeToString(c.rootHash())).as("checkpoint " + c.size() + " is a prefix of the final tree")
                    .isEqualTo(Base64.getEncoder().encodeToString(Merkle.root(c.size(), finalTree)));
            checkpoints.put(c.size(), c);
        }
        Checkpoint previous = null;
        int i = 0;
        for (Checkpoint c : checkpoints.values()) {
            if (previous != null) {
                int port = live.get(i++ % live.size()).port();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/public/consistency?from="
                        + previous.size() + "&to=" + c.size())).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
                List<byte[]> proof = new ArrayList<>();
                CanonicalJson.mapper().readTree(answer.body()).path("proof").forEach(p -> proof.add(Base64.getDecoder().decode(p.asText())));
                assertThat(Merkle.verifyConsistency(previous.size(), c.size(), previous.rootHash(), c.rootHash(), proof))
                        .as("checkpoint " + previous.size() + " consistent with " + c.size() + " (proof from node " + port + ")").isTrue();
            }
            previous = c;
        }
        assertThat(checkpoints).as("checkpoints published").isNotEmpty();
        return checkpoints.size();
    }

    /** SHA-256 of each public answer of a node, read at {@code atLeast=head} where the endpoint takes it. */
    private Map<String, String> publicHashes(int port, long head) throws Exception {
        List<String> paths = new ArrayList<>();
        for (RegisterKind kind : RegisterKind.values()) {
            paths.add("/api/public/register/" + kind.path() + "?limit=" + RegisterQuery.MAX_LIMIT + "&atLeast=" + head);
        }
        paths.add("/api/public/register");
        paths.add("/api/public/feed?limit=1000");
        paths.add("/api/public/statistics");
        Map<String, String> hashes = new TreeMap<>();
        for (String path : paths) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path + " at " + port + ": " + answer.body()).isEqualTo(200);
            hashes.put(path, Sha256.hex(answer.body().getBytes(StandardCharsets.UTF_8)));
        }
        return hashes;
    }

    /** Public readers, one thread per node, reading the register, the feed, the statistics and the checkpoint in turn. */
    private final class Readers {
        private final Map<Integer, AtomicLong> ok = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicLong> failed = new ConcurrentHashMap<>();
        private final Map<Integer, Boolean> reading = new ConcurrentHashMap<>();
        private final Map<Integer, String> lastFailure = new ConcurrentHashMap<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Readers(List<Integer> ports) {
            for (int port : ports) {
                ok.put(port, new AtomicLong());
                failed.put(port, new AtomicLong());
                reading.put(port, true);
            }
        }

        void start() {
            List<String> paths = List.of("/api/public/register/entities", "/api/public/feed", "/api/public/statistics", "/api/public/checkpoint",
                    "/api/public/register/permits");
            for (int port : ok.keySet()) {
                Thread t = new Thread(() -> {
                    int i = 0;
                    while (running && reading.get(port)) {
                        String path = paths.get(i++ % paths.size());
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                            // 404 for the checkpoint before the first one is published is an answer, not a failure
                            if (answer.statusCode() == 200 || answer.statusCode() == 404 && path.endsWith("checkpoint")) {
                                ok.get(port).incrementAndGet();
                            } else {
                                fail(port, path + " " + answer.statusCode() + " " + answer.body());
                            }
                            Thread.sleep(20);
                        } catch (Exception e) {
                            fail(port, path + " " + e);
                        }
                    }
                }, "public-reader-" + port);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        private void fail(int port, String what) {
            if (reading.get(port) && running) { // a read cut by the kill itself is the kill's, not a failure of a live node
                failed.get(port).incrementAndGet();
                lastFailure.put(port, what);
            }
        }

        void without(int port) {
            reading.put(port, false);
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join(30_000);
            }
        }

        long failuresOnLiveNodes() {
            return failed.values().stream().mapToLong(AtomicLong::get).sum();
        }

        String summary() {
            return "public reads " + ok.values().stream().mapToLong(AtomicLong::get).sum() + " answered, by node " + ok + ", failed on live nodes "
                    + failuresOnLiveNodes() + (lastFailure.isEmpty() ? "" : " " + lastFailure);
        }
    }
}
