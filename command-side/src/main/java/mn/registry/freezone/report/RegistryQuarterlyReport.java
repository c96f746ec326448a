package mn.registry.freezone.report;

import mn.registry.infrastructure.axon.WholeStream;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * The quarterly report of 003 art. 12.3 as the registry builds it from its own records: the zone's registrations, each
 * read from its own event stream at the moment of asking, given to the kernel's pure {@link QuarterlyReportContent#buildV2}
 * (version 2, ADR 0035 item 52: every registration period of the quarter).
 */
@Component
public class RegistryQuarterlyReport {

    private final ZoneRegistrationIndex index;
    private final EventStore events;

    RegistryQuarterlyReport(ZoneRegistrationIndex index, EventStore events) {
        this.index = index;
        this.events = events;
    }

    /** Version 2 (ADR 0035 item 52): each registration's periods, read from its stream at the moment of asking. */
    public QuarterlyReportContent.ReportV2 build(ZoneId zone, QuarterlyReportContent.Quarter quarter) {
        List<List<QuarterlyReportContent.EntityRecord>> streams = new ArrayList<>();
        for (RegistrationId id : index.registrationsOf(zone)) {
            streams.add(QuarterlyReportContent.foldPeriods(WholeStream.payloads(events, id.stream()).toList()));
        }
        return QuarterlyReportContent.buildV2(zone, quarter, streams);
    }
}
