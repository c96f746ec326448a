package mn.registry.infrastructure.datadir;

import mn.registry.infrastructure.RegistryProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Opens the data directory before anything is written into it (the database and the keys depend on this bean), and
 * narrows what libraries created in it once the registry has started and again when it stops (a start that fails
 * half-way, e.g. on a port in use, leaves no file open to others for the next start to refuse).
 */
@AutoConfiguration(before = {mn.registry.infrastructure.mongo.MongoConfiguration.class, mn.registry.infrastructure.keys.KeysConfiguration.class})
@EnableConfigurationProperties(RegistryProperties.class)
public class DataDirectoryConfiguration {

    @Bean(destroyMethod = "tighten")
    public DataDirectory dataDirectory(RegistryProperties properties,
                                       @Value("${" + DataDirectory.ALLOW_SHARED + ":false}") boolean allowShared) {
        return DataDirectory.open(properties.dataDir(), allowShared);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> dataDirectoryTightenedWhenReady(DataDirectory dataDirectory) {
        return ready -> dataDirectory.tighten();
    }
}
