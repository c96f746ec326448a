package mn.registry.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Both sides of the registry in one process, with the embedded MongoDB server by default. */
@SpringBootApplication(scanBasePackages = "mn.registry")
public class RegistryApplication {

    public static ConfigurableApplicationContext start(String... args) {
        // Axon reads this as a JVM system property (not a Spring property): nothing phones home.
        System.setProperty("axoniq.update-checker.disabled", "true");
        return SpringApplication.run(RegistryApplication.class, args);
    }
}
