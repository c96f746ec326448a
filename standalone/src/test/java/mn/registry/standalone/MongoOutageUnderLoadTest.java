package mn.registry.standalone;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.permit.SubmittedDocument;
import mn.registry.store.mongo.EmbeddedMongo;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded MongoDB server (in the registry's process) is stopped while clients send signed commands, and
 * started again on the same port and file: while it is down every command is answered 503 problem+json (never a
 * 500, never a hang), nothing is half-written ({@code verify-store} passes), every command acknowledged before,
 * during or after the outage has its events, and a command refused with 503, sent again, is applied exactly once.
 */
class MongoOutageUnderLoadTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("embedded MongoDB stopped and restarted under load: 503 problem+json while down, nothing half-written, nothing acknowledged lost, resent commands applied once")
    void database_outage_fails_cleanly_and_loses_nothing() throws Exception {
        EmbeddedMongo server = EmbeddedMongo.persistent(dataDir);
        RegistryMongo mongo = RegistryMongo.embedded(server);
        SignedLoad.Ledger ledger = new SignedLoad.Ledger();
        SpringApplication application = new SpringApplication(RegistryApplication.class);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("registryMongo", mongo));
        System.setProperty("axoniq.update-checker.disabled", "true");
        ConfigurableApplicationContext registry = application.run("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true",
                "--registry.commands.lease=1s", SignedLoad.UPLOADS);
        int outages = 2;
        long duringOutage;
        try {
            int port = ((WebServerApplicationContext) registry).getWebServer().getPort();
            SignedLoad load = new SignedLoad(port, dataDir, ledger);
            load.start(3, 42);
            awaitAcknowledged(ledger, 5);
            long before = ledger.attempts.size();
            for (int outage = 0; outage < outages; outage++) {
                int company = load.nextNumber();
                List<SubmittedDocument> papers = load.uploadPapersOf(SignedLoad.companyNumbered(company));
                server.stop();
                // one application surely sent while the database is down (the load's own upload their papers first, and an upload that
                // fails sends nothing): answered 503, sent again below and applied once
                SignedLoad.Sent whileDown = load.applyForPermitOn(company, papers);
                assertThat(whileDown.status()).as("an application sent while the database is down: " + whileDown.body()).isEqualTo(503);
                Thread.sleep(4000);
                server.restart();
                awaitAcknowledged(ledger, ledger.count(SignedLoad.Outcome.ACKNOWLEDGED) + 5);
            }
            load.stop();
            duringOutage = ledger.attempts.stream().filter(a -> a.status() == 503).count();
            assertThat(duringOutage).as("commands answered 503 while the database was down").isPositive();
            for (SignedLoad.Sent attempt : ledger.attempts) {
                assertThat(attempt.status()).as(attempt.type() + " answered " + attempt.body()).isIn(200, 503);
                if (attempt.status() == 503) {
                    assertThat(attempt.contentType()).startsWith("application/problem+json");
                    assertThat(attempt.code()).isEqualTo("registry.storage-unavailable");
                    assertThat(attempt.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at mn.");
                }
            }
            assertThat(ledger.attempts.size()).isGreaterThan((int) before);

            // every command refused with 503 is sent again: it must be applied exactly once (a claim the outage left
            // "accepted" is settled once its 1 s lease runs out)
            Thread.sleep(1500);
            for (SignedLoad.Sent refused : ledger.with(SignedLoad.Outcome.UNKNOWN)) {
                SignedLoad.Sent again = load.submit(refused.commandId(), refused.type(), refused.jws());
                assertThat(again.status()).as("resent " + refused.type() + ": " + again.body()).isEqualTo(200);
                ledger.sent.put(refused.commandId(), again);
            }
            MongoDatabase database = registry.getBean(MongoDatabase.class);
            Map<String, List<String>> effects = StoredEffects.byCommand(database);
            for (SignedLoad.Sent sent : ledger.sent.values()) {
                assertThat(sent.outcome()).isEqualTo(SignedLoad.Outcome.ACKNOWLEDGED);
                assertThat(effects.get(sent.commandId())).as("events of " + sent.type() + " " + sent.commandId()).isNotEmpty().doesNotHaveDuplicates();
            }
            for (String sha256 : ledger.uploads.values()) {
                assertThat(database.getCollection("documents").countDocuments(new Document("_id", sha256))).isEqualTo(1);
            }
        } finally {
            registry.close();
            mongo.close();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(VerifyStoreCli.run(new String[]{"--data-dir", dataDir.toString()}, print, print)).as(out.toString(StandardCharsets.UTF_8)).isZero();
        System.out.printf("MongoOutageUnderLoadTest figures: outages %d, commands acknowledged %d, answered 503 while down %d (all resent, applied once),"
                + " answered 500 0, acknowledged lost 0, applied twice 0, verify-store OK%n", outages, ledger.sent.size(), duringOutage);
    }

    private static void awaitAcknowledged(SignedLoad.Ledger ledger, long atLeast) throws InterruptedException {
        for (int i = 0; i < 600 && ledger.count(SignedLoad.Outcome.ACKNOWLEDGED) < atLeast; i++) {
            Thread.sleep(50);
        }
        assertThat(ledger.count(SignedLoad.Outcome.ACKNOWLEDGED)).as("acknowledged commands").isGreaterThanOrEqualTo(atLeast);
    }
}
