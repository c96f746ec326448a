package mn.registry.infrastructure.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.RegistryProperties;
import mn.registry.infrastructure.datadir.DataDirectory;
import mn.registry.store.mongo.RegistryMongo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * One MongoDB connection per process: to {@code MONGODB_URI} when set, else to the embedded server
 * persisting under {@code registry.data-dir}. The embedded server stops when the context closes.
 */
@AutoConfiguration(before = org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration.class)
@EnableConfigurationProperties(RegistryProperties.class)
public class MongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MongoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public RegistryMongo registryMongo(RegistryProperties properties, DataDirectory dataDirectory) {
        if (properties.embedded()) {
            log.info("Starting the embedded MongoDB server (H2 file under {}); set MONGODB_URI to use a real server",
                    properties.dataDir().toAbsolutePath().normalize());
        } else {
            log.info("Connecting to MongoDB at the server named by MONGODB_URI");
        }
        RegistryMongo mongo = RegistryMongo.open(properties.mongodbUri(), properties.dataDir());
        dataDirectory.tighten(); // whatever the H2 store created beside its file
        return mongo;
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoClient mongoClient(RegistryMongo mongo) {
        return mongo.client();
    }

    @Bean
    @ConditionalOnMissingBean
    public MongoDatabase registryDatabase(MongoClient client, RegistryProperties properties) {
        return client.getDatabase(properties.database());
    }
}
