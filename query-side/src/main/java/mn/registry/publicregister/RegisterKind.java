package mn.registry.publicregister;

import java.util.Arrays;
import java.util.Optional;

/** What the public register lists, each under its own path segment of {@code /api/public/register/}. */
public enum RegisterKind {
    /** 002 art. 26.4, 26.6: special permits to issue electronic-signature certificates, by permit number. */
    PERMIT("permits"),
    /** 002 art. 22.1.2: the companies holding (or having held) a special permit, by state registration number. */
    PROVIDER("providers"),
    /** 003 art. 6: Free Zones, by zone id. */
    ZONE("zones"),
    /** 003 art. 8: governors of a zone, by "{zone id}~{person id}". */
    GOVERNOR("governors"),
    /** 003 art. 12: entities registered in a zone, by registration id. */
    ENTITY("entities"),
    /** 003 art. 22: land licences in a zone, by licence id. */
    LAND_LICENCE("land-licences");

    private final String path;

    RegisterKind(String path) {
        this.path = path;
    }

    /** The path segment: {@code /api/public/register/{path}}. */
    public String path() {
        return path;
    }

    public static Optional<RegisterKind> ofPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }
}
