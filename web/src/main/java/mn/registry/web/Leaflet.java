package mn.registry.web;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of the Leaflet webjar on the classpath, for its paths under {@code /webjars/leaflet/<version>/}; {@code @leaflet} in templates. */
@Component("leaflet")
public class Leaflet {

    private final String version;

    Leaflet() {
        try (InputStream in = Leaflet.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/leaflet/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Leaflet webjar is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            this.version = p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }
}
