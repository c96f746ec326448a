package mn.registry.freezone.land;

import mn.registry.command.api.SignedCommandType;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The governor's signed land commands (003 art. 22.2-22.5). */
@Configuration
class LandCommandTypes {

    record LandAnswer(LandLicenceId licenceId, String status) {
    }

    @Bean
    SignedCommandType<LandCommands.GrantLandRights> grantLandRightsType(CommandGateway gateway, Zones zones) {
        return GovernorCommandType.of("GrantLandRights", LandCommands.GrantLandRights.class, (body, context) -> {
            Zones.Zone zone = zones.require(body.zoneId());
            LandLicenceId id = gateway.sendAndWait(new LandStreamCommands.Grant(body, zone.boundary(), zone.areaHectares(), zone.open(),
                    context.receivedAt(), context.actor()));
            return new LandAnswer(id, "GRANTED_FEE_DUE");
        });
    }

    @Bean
    SignedCommandType<LandCommands.RecordLandFeePaid> recordLandFeePaidType(CommandGateway gateway) {
        return GovernorCommandType.of("RecordLandFeePaid", LandCommands.RecordLandFeePaid.class, (body, context) -> {
            try {
                gateway.sendAndWait(new LandStreamCommands.PayFee(body, context.receivedAt(), context.actor()));
            } catch (AggregateNotFoundException e) {
                throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.licence-unknown", "No land licence " + body.licenceId() + ".",
                        "licenceId", "003 art. 22.5");
            }
            return new LandAnswer(body.licenceId(), "ISSUED");
        });
    }
}
