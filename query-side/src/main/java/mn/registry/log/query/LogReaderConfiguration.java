package mn.registry.log.query;

import com.mongodb.client.MongoDatabase;
import mn.registry.keystore.RegistryKeys;
import mn.registry.tlog.LogCollections;
import mn.registry.tlog.LogReader;
import mn.registry.tlog.LogWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one log reader (and so the one cache) of the public endpoints and the web pages. */
@Configuration(proxyBeanMethods = false)
class LogReaderConfiguration {

    @Bean
    LogReader logReader(MongoDatabase database, RegistryKeys keys,
                        @Value("${registry.log.origin:" + LogCollections.DEFAULT_ORIGIN + "}") String origin,
                        @Value("${registry.log.cache-bytes:" + LogReader.DEFAULT_CACHE_BYTES + "}") long cacheBytes,
                        ObjectProvider<LogWriter> writer) {
        LogReader reader = new LogReader(database, keys, origin, cacheBytes);
        // a checkpoint this node publishes is served at once, not at the reader's next re-read (issue 15 target 6)
        writer.ifAvailable(w -> w.onPublished(reader::published));
        return reader;
    }
}
