package mn.registry.standalone;

import mn.registry.infrastructure.RegistryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says, once everything is up, where to open the registry and where its data lives. */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final RegistryProperties properties;

    ReadyBanner(RegistryProperties properties) {
        this.properties = properties;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        String storage = properties.embedded() ? "embedded MongoDB" : "MongoDB at MONGODB_URI";
        log.info("Registry ready at http://localhost:{}/  (data in {}, {}{})", port,
                properties.dataDir().toAbsolutePath().normalize(), storage, properties.demo() ? ", demo mode" : "");
    }
}
