package mn.registry.freezone.zone;

import mn.registry.freezone.land.ParcelGeometry;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A Free Zone (003 art. 6): established by resolution, opened and temporarily closed, its governors and signed reports. */
@Aggregate
class FreeZone {

    @AggregateIdentifier
    private String stream;
    private ZoneId zoneId;
    private boolean open;
    private final Set<PersonId> governors = new HashSet<>();
    private final Set<String> signedReports = new HashSet<>();

    FreeZone() {
    }

    // 003 art. 6.1: the State Great Khural resolution names the zone, its location, area, boundaries and types of activity
    @CommandHandler
    FreeZone(ZoneStreamCommands.Establish command) {
        ZoneCommands.EstablishZone body = command.body();
        resolutionDescribesTheZone(body);
        apply(new ZoneEvents.ZoneEstablished(body.zoneId(), body.name(), body.location(), body.areaHectares(), body.boundary(),
                java.util.List.copyOf(body.activities()), body.economicCooperationZone(), body.resolution(), command.at(), command.by()));
    }

    static void resolutionDescribesTheZone(ZoneCommands.EstablishZone body) {
        String article = "003 art. 6.1";
        requireText(body.name(), "name", article);
        requireText(body.location(), "location", article);
        requireText(body.resolution(), "resolution", article);
        if (body.areaHectares() == null || body.areaHectares().signum() <= 0) {
            throw RegistryProblem.invalid("freezone.area-missing", "The zone's area in hectares is required and positive.", "areaHectares", article);
        }
        if (body.boundary() == null || !ParcelGeometry.isValid(body.boundary())) {
            throw RegistryProblem.invalid("freezone.boundary-invalid", "The boundary is a valid GeoJSON polygon.", "boundary", article);
        }
        if (body.activities() == null || body.activities().isEmpty()) {
            throw RegistryProblem.invalid("freezone.activities-missing", "The resolution names the zone's types of activity.", "activities", article);
        }
    }

    // 003 art. 6.4: the Government opens the zone's activities
    @CommandHandler
    void handle(ZoneStreamCommands.Open command) {
        requireText(command.decision(), "decision", "003 art. 6.4");
        if (open) {
            throw RegistryProblem.conflict("freezone.zone-already-open", "Zone " + zoneId + " is open already.", "003 art. 6.4");
        }
        apply(new ZoneEvents.ZoneOpened(zoneId, command.decision(), command.at(), command.by()));
    }

    // 003 art. 6.4: the Government temporarily closes the zone's activities
    @CommandHandler
    void handle(ZoneStreamCommands.Close command) {
        requireText(command.decision(), "decision", "003 art. 6.4");
        if (!open) {
            throw RegistryProblem.conflict("freezone.zone-not-open", "Zone " + zoneId + " is not open.", "003 art. 6.4");
        }
        apply(new ZoneEvents.ZoneTemporarilyClosed(zoneId, command.decision(), command.at(), command.by()));
    }

    // 003 art. 8.2: the Cabinet member appoints the governor of a zone
    @CommandHandler
    void handle(ZoneStreamCommands.RecordAppointment command) {
        if (governors.contains(command.governor())) {
            throw RegistryProblem.conflict("freezone.governor-already-appointed", command.governor() + " already governs " + zoneId + ".", "003 art. 8.2");
        }
        apply(new ZoneEvents.GovernorAppointed(zoneId, command.governor(), command.displayName(), command.decision(), command.from(), command.by()));
    }

    // 003 art. 8.2: the Cabinet member dismisses the governor of a zone
    @CommandHandler
    void handle(ZoneStreamCommands.RecordDismissal command) {
        if (!governors.contains(command.governor())) {
            throw RegistryProblem.conflict("freezone.not-governor", command.governor() + " does not govern " + zoneId + ".", "003 art. 8.2");
        }
        apply(new ZoneEvents.GovernorDismissed(zoneId, command.governor(), command.decision(), command.until(), command.by()));
    }

    // 003 art. 12.3: the governor's office reports each quarter to the Cabinet member
    @CommandHandler
    void handle(ZoneStreamCommands.RecordReportSigned command) {
        ZoneCommands.SignQuarterlyReport body = command.body();
        if (body.quarter() < 1 || body.quarter() > 4 || body.year() < 2000) {
            throw RegistryProblem.invalid("freezone.quarter-invalid", "A quarter is 1-4 of a year.", "quarter", "003 art. 12.3");
        }
        if (body.reportSha256() == null || !body.reportSha256().matches("[0-9a-f]{64}")) {
            throw RegistryProblem.invalid("freezone.report-hash-malformed", "The report is named by its SHA-256 in lower-case hex.", "reportSha256", "003 art. 12.3");
        }
        if (signedReports.contains(body.year() + "-Q" + body.quarter() + "-" + body.reportSha256())) {
            return; // the same report signed again changes nothing
        }
        apply(new ZoneEvents.QuarterlyReportSigned(zoneId, body.year(), body.quarter(), body.reportSha256(), command.at(), command.by()));
    }

    private static void requireText(String value, String field, String article) {
        if (value == null || value.isBlank()) {
            throw RegistryProblem.invalid("freezone.field-missing", "The field " + field + " is required.", field, article);
        }
    }

    @EventSourcingHandler
    void on(ZoneEvents.ZoneEstablished event) {
        stream = event.zoneId().stream();
        zoneId = event.zoneId();
    }

    @EventSourcingHandler
    void on(ZoneEvents.ZoneOpened event) {
        open = true;
    }

    @EventSourcingHandler
    void on(ZoneEvents.ZoneTemporarilyClosed event) {
        open = false;
    }

    @EventSourcingHandler
    void on(ZoneEvents.GovernorAppointed event) {
        governors.add(event.governor());
    }

    @EventSourcingHandler
    void on(ZoneEvents.GovernorDismissed event) {
        governors.remove(event.governor());
    }

    @EventSourcingHandler
    void on(ZoneEvents.QuarterlyReportSigned event) {
        signedReports.add(event.year() + "-Q" + event.quarter() + "-" + event.reportSha256());
    }

    boolean isOpen() {
        return open;
    }
}
