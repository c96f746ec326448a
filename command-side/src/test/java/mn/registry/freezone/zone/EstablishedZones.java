package mn.registry.freezone.zone;

import com.mongodb.client.MongoDatabase;
import mn.registry.command.api.CommandLog;
import mn.registry.kernel.freezone.ZoneId;

import java.time.Clock;

/** For the tests of other packages that read the zones' list as the registry does ({@link ZoneBoundaries#established}) on a database. */
public final class EstablishedZones {

    private EstablishedZones() {
    }

    /** The zones' list on {@code database} naming {@code zones} (without boundaries), ready to be read. */
    public static ZoneBoundaries of(MongoDatabase database, ZoneId... zones) {
        ZoneBoundaries boundaries = new ZoneBoundaries(database, new CommandLog(database, Clock.systemUTC()));
        for (ZoneId zone : zones) {
            boundaries.record(zone, null);
        }
        boundaries.skipped();
        return boundaries;
    }
}
