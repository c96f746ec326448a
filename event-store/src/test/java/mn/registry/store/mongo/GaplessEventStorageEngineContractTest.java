package mn.registry.store.mongo;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.store.testing.TestSealingKeys;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngineTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.function.UnaryOperator;

/**
 * Axon's own storage-engine contract (AbstractEventStorageEngineTest and EventStorageEngineTest from
 * axon-eventsourcing's test-jar) run against this engine on the embedded server, one fresh database per test.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class GaplessEventStorageEngineContractTest
        extends AbstractEventStorageEngineTest<GaplessEventStorageEngine, GaplessEventStorageEngine.Builder> {

    private MongoDatabase database;

    @BeforeEach
    void setUp(MongoDatabase freshDatabase) {
        this.database = freshDatabase;
        setTestSubject(createEngine());
    }

    @Override
    protected GaplessEventStorageEngine createEngine(UnaryOperator<GaplessEventStorageEngine.Builder> customization) {
        GaplessEventStorageEngine.Builder builder = GaplessEventStorageEngine.builder()
                .database(database)
                .sealingKey(TestSealingKeys.sealingKey());
        return customization.apply(builder).build();
    }
}
