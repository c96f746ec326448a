package mn.registry.freezone.report;

import mn.registry.command.api.SignedCommandType;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.freezone.zone.ZoneStreamCommands;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code SignQuarterlyReport}: the governor signs the quarter's report of foreign-invested entities (003 art. 12.3). */
@Configuration
class QuarterlyReportTypes {

    record ReportAnswer(ZoneId zoneId, int year, int quarter, String reportSha256, String status) {
    }

    @Bean
    SignedCommandType<ZoneCommands.SignQuarterlyReport> signQuarterlyReportType(CommandGateway gateway) {
        return GovernorCommandType.of("SignQuarterlyReport", ZoneCommands.SignQuarterlyReport.class, (body, context) -> {
            gateway.sendAndWait(new ZoneStreamCommands.RecordReportSigned(body, context.receivedAt(), context.actor()));
            return new ReportAnswer(body.zoneId(), body.year(), body.quarter(), body.reportSha256(), "SIGNED");
        });
    }
}
