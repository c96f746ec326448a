package mn.registry.freezone.report;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** For the tests of other packages (ADR 0069 item 8): the quarterly report as the registry builds it from each registration's stream. */
public final class QuarterlyReportOn {

    private QuarterlyReportOn() {
    }

    /** The report of {@code applied}'s zone for {@code quarter}, its index on {@code database} naming the registration {@code applied} made. */
    public static QuarterlyReportContent.ReportV2 build(MongoDatabase database, EventStore events, RegistrationEvents.ZoneRegistrationApplied applied,
                                                        QuarterlyReportContent.Quarter quarter) {
        ZoneRegistrationIndex index = new ZoneRegistrationIndex(database);
        index.on(applied);
        return new RegistryQuarterlyReport(index, events).build(applied.zoneId(), quarter);
    }
}
