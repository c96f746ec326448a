package mn.registry.web;

import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions of the Leaflet webjar and of its drawing control Leaflet.draw (ADR 0021) on the classpath, for their paths
 * under {@code /webjars/leaflet/<version>/} and {@code /webjars/leaflet-draw/<version>/}; {@code @leaflet} in templates.
 */
@Component("leaflet")
class Leaflet {

    private final String version;
    private final String drawVersion;

    Leaflet() {
        this.version = version("leaflet");
        this.drawVersion = version("leaflet-draw");
    }

    private static String version(String webjar) {
        try (InputStream in = Leaflet.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the " + webjar + " webjar is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return version;
    }

    /** The version of Leaflet.draw, with which the governor draws a parcel on the land page. */
    public String drawVersion() {
        return drawVersion;
    }
}
