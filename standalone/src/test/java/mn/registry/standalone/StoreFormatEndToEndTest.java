package mn.registry.standalone;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.axon.NewerStoreFormat;
import mn.registry.infrastructure.axon.StoreFormatGuard;
import mn.registry.kernel.store.StoreFormat;
import mn.registry.store.mongo.RegistryMongo;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ADR 0068 (abuse audit F404, was O227): the registry started on a store whose recorded format is not its own. An operator who rolls back
 * after a newer release stored events this one would mishandle gets a start refused before anything runs, unless they name that number.
 */
class StoreFormatEndToEndTest {

    private static final int NEWER = StoreFormat.CURRENT + 1;

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "--server.port=0";
        args[1] = "--registry.data-dir=" + dataDir;
        args[2] = "--registry.demo=true";
        System.arraycopy(more, 0, args, 3, more.length);
        return RegistryApplication.start(args);
    }

    /** The store as a release of format {@code format} left it (the number alone: what this release reads first). */
    private void recorded(int format) {
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            meta(mongo.client().getDatabase("registry")).insertOne(new Document("_id", StoreFormatGuard.ID).append("format", format));
        }
    }

    private static MongoCollection<Document> meta(MongoDatabase database) {
        return database.getCollection(StoreFormatGuard.COLLECTION);
    }

    private int storedFormat() {
        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            return meta(mongo.client().getDatabase("registry")).find(eq("_id", StoreFormatGuard.ID)).first().getInteger("format");
        }
    }

    @Test
    @DisplayName("ADR 0068 (F404, was O227): a store of a newer format refuses the start, naming both numbers, the setting and docs/production.md; "
            + "nothing ran: no event, no processor's token, no backfill's marker")
    void a_start_on_a_newer_store_is_refused_before_anything_runs() {
        recorded(NEWER);

        assertThatThrownBy(this::start).rootCause().isInstanceOf(NewerStoreFormat.class)
                .hasMessageContaining("The store's format is " + NEWER + ", newer than this release's " + StoreFormat.CURRENT)
                .hasMessageContaining("docs/production.md");

        try (RegistryMongo mongo = RegistryMongo.open(null, dataDir)) {
            MongoDatabase database = mongo.client().getDatabase("registry");
            for (String written : java.util.List.of("events", "tracking_tokens", "document_claims", "identity_archived_orders", "commands")) {
                assertThat(database.getCollection(written).countDocuments()).as(written).isZero();
            }
            assertThat(meta(database).find(eq("_id", StoreFormatGuard.ID)).first().getInteger("format")).isEqualTo(NEWER);
        }
    }

    @Test
    @DisplayName("ADR 0068 (F404): the operator who names that exact number starts the release all the same, and the number is not lowered; "
            + "another number does not")
    void the_operator_accepts_that_exact_number() {
        recorded(NEWER);
        assertThatThrownBy(() -> start("--" + NewerStoreFormat.ACCEPT + "=" + (NEWER + 1))).rootCause().isInstanceOf(NewerStoreFormat.class);

        ConfigurableApplicationContext registry = start("--" + NewerStoreFormat.ACCEPT + "=" + NEWER);
        try {
            assertThat(registry.isActive()).isTrue();
        } finally {
            registry.close();
        }
        assertThat(storedFormat()).isEqualTo(NEWER);
    }

    @Test
    @DisplayName("ADR 0068 (F404): a store of a lower format is raised to this release's once the node has started")
    void a_lower_format_is_raised_once_the_node_has_started() {
        recorded(StoreFormat.CURRENT - 1);
        ConfigurableApplicationContext registry = start();
        try {
            Document format = meta(registry.getBean(MongoDatabase.class)).find(eq("_id", StoreFormatGuard.ID)).first();
            assertThat(format.getInteger("format")).isEqualTo(StoreFormat.CURRENT);
            assertThat(format.getString("by")).isEqualTo(ManagementFactory.getRuntimeMXBean().getName());
        } finally {
            registry.close();
        }
    }

    @Test
    @DisplayName("ADR 0068 (F404, ADR 0016): a node running while a node of a newer release raises the number (against the upgrade's steps) "
            + "reads it within the newer node's wait before its first event, stores nothing more and closes")
    void a_running_node_stops_when_a_newer_release_raises_the_number() throws Exception {
        ConfigurableApplicationContext registry = start();
        try {
            MongoDatabase database = registry.getBean(MongoDatabase.class);
            assertThat(meta(database).find(eq("_id", StoreFormatGuard.ID)).first().getInteger("format")).as("a new store, recorded")
                    .isEqualTo(StoreFormat.CURRENT);

            StoreFormatGuard thisNode = registry.getBean(StoreFormatGuard.class);
            StoreFormatGuard newerNode = StoreFormatGuard.check(database, NEWER, 0, "node-of-a-newer-release");
            newerNode.beforeAppend(); // raises, then waits for the older nodes to stop before its first event
            assertThatThrownBy(thisNode::beforeAppend).as("read within the wait: no more events")
                    .hasMessageContaining("format " + NEWER);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (registry.isActive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(registry.isActive()).as("the node of this release closed").isFalse();
        } finally {
            registry.close();
        }
    }
}
