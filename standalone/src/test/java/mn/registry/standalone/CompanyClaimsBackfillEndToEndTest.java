package mn.registry.standalone;

import com.mongodb.client.MongoCollection;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0031 "Later": a registry whose permit applications were registered before the one-permit-per-company rule holds no claims
 * for them; the first start of this release claims them from the stored events, once, before it takes requests.
 */
class CompanyClaimsBackfillEndToEndTest {

    /** A demo company with an application under review (DemoData). */
    static final String DEMO_COMPANY = "9011223";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir, "--registry.demo=true");
    }

    private RegistryClient client(ConfigurableApplicationContext registry) {
        return new RegistryClient(((WebServerApplicationContext) registry).getWebServer().getPort(), dataDir);
    }

    // ADR 0070: the company claims are kept beside the documents' claims
    private static MongoCollection<Document> claims(RegistryMongo mongo) {
        return mongo.client().getDatabase("registry").getCollection("document_claims");
    }

    // where a release before ADR 0070 (session 25's) kept them
    private static MongoCollection<Document> formerClaims(RegistryMongo mongo) {
        return mongo.client().getDatabase("registry").getCollection("company_permit_claims");
    }

    @Test
    @DisplayName("002 art. 23.2, 28.2 (ADR 0031, ADR 0070): an application registered before the rule, or by a release that kept the company "
            + "claims in a collection of their own, still holds its company after the upgrade: a second application of that company is "
            + "refused, nothing stored; the backfill runs once")
    void applications_registered_before_the_rule_hold_their_company() throws Exception {
        ConfigurableApplicationContext first = start();
        try {
            RegistryClient client = client(first);
            String token = client.signIn("reviewer-1");
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (client.get("/api/reviewer/applications", token).body().size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            first.close();
        }
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            assertThat(claims(mongo).find(eq("_id", DEMO_COMPANY)).first()).as("the demo application's claim, taken at intake").isNotNull();
            // the store as session 25's release left it: the claim and ADR 0031's marker in company_permit_claims, none beside the documents'
            formerClaims(mongo).insertOne(claims(mongo).find(eq("_id", DEMO_COMPANY)).first());
            formerClaims(mongo).insertOne(new Document("_id", "backfill:adr-0031").append("at", "2026-12-06T00:00:00Z"));
            claims(mongo).deleteOne(eq("_id", DEMO_COMPANY));
            claims(mongo).deleteOne(eq("_id", "backfill:adr-0070"));
        }

        String markedAt;
        ConfigurableApplicationContext second = start();
        try {
            RegistryClient client = client(second);
            RegistryClient.Reply again = client.command(client.sign("applicant-1", "ApplyForPermit",
                    ReceiptTimeEndToEndTest.permitApplicationFor(second, "Tenger Trust LLC", DEMO_COMPANY)));
            assertThat(again.status()).as(again.body().toString()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("permit.company-already-holds");
            assertThat(again.body().path("field").asText()).isEqualTo("company.registrationNumber");
        } finally {
            second.close();
        }
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            Document claim = claims(mongo).find(eq("_id", DEMO_COMPANY)).first();
            assertThat(claim).isNotNull();
            assertThat(claim.getString("commandId")).isEqualTo("backfill:adr-0031");
            Document marker = claims(mongo).find(eq("_id", "backfill:adr-0070")).first();
            assertThat(marker).as("the backfill's marker").isNotNull();
            markedAt = marker.getString("at");
            claims(mongo).deleteOne(eq("_id", DEMO_COMPANY)); // a claim lost after the backfill: not the backfill's to restore again
        }

        ConfigurableApplicationContext third = start();
        third.close();
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            assertThat(claims(mongo).find(eq("_id", "backfill:adr-0070")).first().getString("at")).as("the backfill ran once").isEqualTo(markedAt);
            assertThat(claims(mongo).find(eq("_id", DEMO_COMPANY)).first()).as("not backfilled a second time").isNull();
        }
    }
}
