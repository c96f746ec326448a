package mn.registry.freezone.zone;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.command.api.SignedCommandType;
import mn.registry.command.api.TargetByRecordComponent;
import mn.registry.freezone.governor.StreamTarget;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;
import java.util.function.BiFunction;

/**
 * The signed zone commands of the Cabinet member (003 art. 6.1-6.4), one bean each: the body goes as it is to {@link FreeZone},
 * which checks the resolution and the decision (ADR 0026); the zone's next report is scheduled after each act.
 */
@Configuration
public class ZoneCommandTypes {

    /** What a zone command answers. */
    record ZoneAnswer(ZoneId zoneId, String status) {
    }

    /** A zone's commands name it by {@code zoneId}. */
    @Bean
    CommandTargetResolver freeZoneTarget() {
        return new StreamTarget(ZoneCommandTypes::streamOf);
    }

    static String streamOf(Object body) {
        return TargetByRecordComponent.read(body, "zoneId") instanceof ZoneId zone ? zone.stream() : null;
    }

    @Bean
    SignedCommandType<ZoneCommands.EstablishZone> establishZoneType(CommandGateway gateway, QuarterlyReportSchedule reports, ZoneBoundaries boundaries,
                                                                    ZoneDecisionDocuments documents) {
        return cabinet("EstablishZone", ZoneCommands.EstablishZone.class, (body, context) -> {
            requireZone(body.zoneId());
            // 003 art. 6.1: on the State Great Khural resolution's received document, this zone's only (ADR 0035 item 41, F235); no zone
            // over another's ground (item 24, F161), checked and established alone in the registry (item 25, F165: one registry-wide key,
            // so that two nodes do not both pass the check)
            documents.resolutionClaimedFor(body.resolutionSha256(), body.zoneId(), context, () -> boundaries.establishAlone(body.zoneId(),
                    body.boundary(), context.commandId(), context.receivedAt(), () -> {
                        try {
                            return gateway.sendAndWait(SignedCommandContext.message(body, context));
                        } catch (AggregateStreamCreationException e) {
                            throw RegistryProblem.conflict("freezone.zone-exists", "Zone " + body.zoneId() + " is established already.", "003 art. 6.1");
                        }
                    }));
            reports.scheduleQuarterOf(body.zoneId(), context.receivedAt());
            return new ZoneAnswer(body.zoneId(), "ESTABLISHED");
        });
    }

    @Bean
    SignedCommandType<ZoneCommands.RecordZoneResolutionDate> recordZoneResolutionDateType(CommandGateway gateway, ZoneDating dating,
                                                                                          ZoneDecisionDocuments documents) {
        return cabinet("RecordZoneResolutionDate", ZoneCommands.RecordZoneResolutionDate.class, (body, context) -> {
            requireZone(body.zoneId());
            // 003 art. 6.1 (ADR 0035 item 36, F175): once, for a zone recorded without it, and contradicting no act the zone accepted,
            // alone among the zone's dated acts (item 40, F179: an exemption or agreement on another node waits, or is read), on the
            // resolution's received document (item 41, F235)
            dating.alone(body.zoneId(), context.commandId(), context.receivedAt(), () -> documents.resolutionClaimedFor(body.resolutionSha256(),
                    body.zoneId(), context, () -> {
                        send(gateway, body.zoneId(), SignedCommandContext.message(body, context));
                        return null;
                    }));
            return new ZoneAnswer(body.zoneId(), "RESOLUTION_DATE_RECORDED");
        });
    }

    @Bean
    SignedCommandType<ZoneCommands.OpenZone> openZoneType(CommandGateway gateway, QuarterlyReportSchedule reports, ZoneDecisionDocuments decisions) {
        return cabinet("OpenZone", ZoneCommands.OpenZone.class, (body, context) -> {
            requireZone(body.zoneId());
            // 003 art. 6.4 (ADR 0035 item 27, F167): on the Government decision's received document, cited by this act only
            decisions.claimedFor(body.decisionSha256(), body.zoneId(), context, () -> {
                send(gateway, body.zoneId(), SignedCommandContext.message(body, context));
                return null;
            });
            reports.scheduleQuarterOf(body.zoneId(), context.receivedAt());
            return new ZoneAnswer(body.zoneId(), "OPEN");
        });
    }

    @Bean
    SignedCommandType<ZoneCommands.CloseZoneTemporarily> closeZoneType(CommandGateway gateway, QuarterlyReportSchedule reports, ZoneDecisionDocuments decisions) {
        return cabinet("CloseZoneTemporarily", ZoneCommands.CloseZoneTemporarily.class, (body, context) -> {
            requireZone(body.zoneId());
            // 003 art. 6.4 (ADR 0035 item 27, F167): on the Government decision's received document, cited by this act only
            decisions.claimedFor(body.decisionSha256(), body.zoneId(), context, () -> {
                send(gateway, body.zoneId(), SignedCommandContext.message(body, context));
                return null;
            });
            reports.scheduleQuarterOf(body.zoneId(), context.receivedAt());
            return new ZoneAnswer(body.zoneId(), "TEMPORARILY_CLOSED");
        });
    }

    /** Sends a command to an established zone; 404 when the zone does not exist. */
    public static void send(CommandGateway gateway, ZoneId zoneId, Object command) {
        try {
            gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.zone-unknown", "No zone " + zoneId + " has been established.",
                    "zoneId", "003 art. 6.1");
        }
    }

    /** The body names the zone it is for (its stream): without it the command has no aggregate to go to. */
    private static void requireZone(ZoneId zoneId) {
        if (zoneId == null) {
            throw RegistryProblem.invalid("freezone.zone-missing", "The command names its zone.", "zoneId", "003 art. 6.1");
        }
    }

    private static <T> SignedCommandType<T> cabinet(String type, Class<T> bodyType, BiFunction<T, CommandContext, Object> handler) {
        return SignedCommandType.of(type, bodyType, Set.of(Role.CABINET_MEMBER), handler);
    }
}
