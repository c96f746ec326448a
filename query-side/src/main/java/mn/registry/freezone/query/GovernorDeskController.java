package mn.registry.freezone.query;

import mn.registry.infrastructure.identity.Actor;
import mn.registry.infrastructure.session.Sessions;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The governor's desk, {@code /api/governor/zones/{zone}/...}: queue, grounds due, entities, land, quarterly report.
 * Open to a governor of that zone during their tenure (re-read from events at each request); the quarterly report
 * also to the Cabinet member who receives it (003 art. 12.3).
 */
@RestController
class GovernorDeskController {

    private final GovernorDesk desk;
    private final QuarterlyReport reports;
    private final Sessions sessions;

    GovernorDeskController(GovernorDesk desk, QuarterlyReport reports, Sessions sessions) {
        this.desk = desk;
        this.reports = reports;
        this.sessions = sessions;
    }

    @GetMapping(path = "/api/governor/zones/{zone}/queue", produces = "application/json")
    List<GovernorDesk.QueueEntry> queue(@PathVariable String zone, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return desk.queue(governorOf(zone, authorization));
    }

    @GetMapping(path = "/api/governor/zones/{zone}/grounds", produces = "application/json")
    List<GovernorDesk.GroundDue> grounds(@PathVariable String zone, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return desk.groundsDue(governorOf(zone, authorization));
    }

    /** 003 art. 12.5.3 (ADR 0035 item 85; F417): the court decisions recorded in another zone this zone's governor is to record, with their last day. */
    @GetMapping(path = "/api/governor/zones/{zone}/court-decisions", produces = "application/json")
    List<GovernorDesk.CourtDecisionToRecord> courtDecisions(@PathVariable String zone,
                                                            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return desk.courtDecisionsToRecord(governorOf(zone, authorization));
    }

    @GetMapping(path = "/api/governor/zones/{zone}/entities", produces = "application/json")
    List<Document> entities(@PathVariable String zone, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return desk.entities(governorOf(zone, authorization));
    }

    @GetMapping(path = "/api/governor/zones/{zone}/land", produces = "application/json")
    List<GovernorDesk.Licence> land(@PathVariable String zone, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return desk.licences(governorOf(zone, authorization));
    }

    @GetMapping(path = "/api/governor/zones/{zone}/land/applications", produces = "application/json")
    List<Document> landApplications(@PathVariable String zone, @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return desk.landApplications(governorOf(zone, authorization));
    }

    @GetMapping(path = "/api/governor/zones/{zone}/reports/{year}/{quarter}", produces = "application/json")
    QuarterlyReport.Signed report(@PathVariable String zone, @PathVariable int year, @PathVariable int quarter,
                                  @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        return reports.signed(reader(zone, authorization), year, checked(quarter));
    }

    /**
     * The report's RFC 8785 bytes: what the governor signs by SHA-256; version 2 (ADR 0035 item 52), or with {@code version=1} the content
     * the reports signed before it were signed over, rebuilt to check them.
     */
    @GetMapping(path = "/api/governor/zones/{zone}/reports/{year}/{quarter}/report.json")
    ResponseEntity<byte[]> reportJson(@PathVariable String zone, @PathVariable int year, @PathVariable int quarter,
                                      @RequestParam(value = "version", defaultValue = "2") int version,
                                      @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        String reader = reader(zone, authorization);
        if (version == 1) {
            QuarterlyReport.Report report = reports.build(reader, year, checked(quarter));
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Report-SHA256", QuarterlyReport.sha256(report))
                    .body(CanonicalJson.canonicalizeValue(report));
        }
        QuarterlyReportContent.ReportV2 report = reports.buildV2(reader, year, checked(quarter));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header("Report-SHA256", QuarterlyReportContent.sha256(report))
                .body(CanonicalJson.canonicalizeValue(report));
    }

    @GetMapping(path = "/api/governor/zones/{zone}/reports/{year}/{quarter}/report.csv")
    ResponseEntity<byte[]> reportCsv(@PathVariable String zone, @PathVariable int year, @PathVariable int quarter,
                                     @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        QuarterlyReportContent.ReportV2 report = reports.buildV2(reader(zone, authorization), year, checked(quarter));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Report-SHA256", QuarterlyReportContent.sha256(report))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + zone + "-" + year + "-Q" + quarter + ".csv\"")
                .body(QuarterlyReport.utf8(QuarterlyReport.csv(report)));
    }

    // 003 art. 8.7: a governor reads only their own zone's desk, during their tenure
    private String governorOf(String zone, String authorization) {
        Actor actor = sessions.require(authorization, Role.ZONE_GOVERNOR);
        return ownZone(actor, zone);
    }

    private String reader(String zone, String authorization) {
        Actor actor = sessions.require(authorization, Role.ZONE_GOVERNOR, Role.CABINET_MEMBER);
        return actor.roles().contains(Role.CABINET_MEMBER) ? ZoneId.of(zone).value() : ownZone(actor, zone);
    }

    private static String ownZone(Actor actor, String zone) {
        if (!actor.zones().contains(zone)) {
            throw RegistryProblem.forbidden("freezone.governor-outside-zone", actor.person() + " governs " + actor.zones() + ", not zone " + zone + ".",
                    "003 art. 8.2, 8.7");
        }
        return zone;
    }

    private static int checked(int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw RegistryProblem.invalid("freezone.quarter-invalid", "A quarter is 1-4.", "quarter", "003 art. 12.3");
        }
        return quarter;
    }
}
