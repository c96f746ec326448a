package mn.registry.freezone.report;

import mn.registry.command.api.SignedCommandType;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.freezone.zone.QuarterlyReportSchedule;
import mn.registry.freezone.zone.ZoneCommandTypes;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code SignQuarterlyReport}: the governor signs the quarter's report of foreign-invested entities (003 art. 12.3), which
 * the registry builds from its own records at receipt; the zone refuses any other hash and any quarter not yet ended.
 */
@Configuration
class QuarterlyReportTypes {

    record ReportAnswer(ZoneId zoneId, int year, int quarter, String reportSha256, String status) {
    }

    @Bean
    SignedCommandType<ZoneCommands.SignQuarterlyReport> signQuarterlyReportType(CommandGateway gateway, RegistryQuarterlyReport reports,
                                                                               QuarterlyReportSchedule schedule) {
        return GovernorCommandType.of("SignQuarterlyReport", ZoneCommands.SignQuarterlyReport.class, (body, context) -> {
            String built = null;
            if (body.quarter() >= 1 && body.quarter() <= 4 && body.year() >= 2000 && body.year() <= 9999) {
                QuarterlyReportContent.Quarter quarter = new QuarterlyReportContent.Quarter(body.year(), body.quarter());
                if (quarter.lastDay().isBefore(UlaanbaatarTime.dateOf(context.receivedAt()))) {
                    built = QuarterlyReportContent.sha256(reports.build(body.zoneId(), quarter));
                }
            }
            ZoneCommandTypes.send(gateway, body.zoneId(), new ZoneStreamCommands.RecordReportSigned(body, built, context.receivedAt(), context.actor()));
            schedule.scheduleQuarterOf(body.zoneId(), context.receivedAt());
            return new ReportAnswer(body.zoneId(), body.year(), body.quarter(), body.reportSha256(), "SIGNED");
        });
    }
}
