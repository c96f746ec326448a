package mn.registry.freezone.land;

import mn.registry.command.api.SignedCommandType;
import mn.registry.document.DocumentStore;
import mn.registry.freezone.governor.GovernorCommandType;
import mn.registry.freezone.zone.Zones;
import mn.registry.kernel.freezone.LandApplicationId;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Set;

/**
 * The signed land commands (003 art. 22-23): the entity's application for land use (its representative), the governor's
 * decision on it (grant or refuse, once) and the fee that issues the certificate, and the Government's exemptions (Cabinet
 * member). The applicant's or holder's standing in the zone is read at the registry's time of receipt.
 */
@Configuration
class LandCommandTypes {

    record LandAnswer(LandLicenceId licenceId, String status) {
    }

    record ApplicationAnswer(LandApplicationId applicationId, java.time.Instant receivedAt, String status) {
    }

    record ExemptionAnswer(ZoneId zoneId, int number, String status) {
    }

    @Bean
    LandHolders landHolders(EventStore events) {
        return new LandHolders(events);
    }

    // 003 art. 22.2, 22.4: the entity's own act, signed by its representative
    @Bean
    SignedCommandType<LandCommands.ApplyForLandUse> applyForLandUseType(CommandGateway gateway, Zones zones, LandHolders holders) {
        return SignedCommandType.of("ApplyForLandUse", LandCommands.ApplyForLandUse.class, Set.of(Role.APPLICANT), (body, context) -> {
            if (body.zoneId() == null || body.applicant() == null) {
                throw RegistryProblem.invalid("freezone.field-missing", "The application names the zone and the entity's registration in it.",
                        body.zoneId() == null ? "zoneId" : "applicant", "003 art. 22.2");
            }
            Zones.Zone zone = zones.require(body.zoneId());
            LandApplicationId id = gateway.sendAndWait(new LandStreamCommands.Apply(body, holders.standing(body.applicant()), zone.boundary(),
                    zone.open(), context.receivedAt(), context.actor()));
            return new ApplicationAnswer(id, context.receivedAt(), "PENDING");
        });
    }

    @Bean
    SignedCommandType<LandCommands.RefuseLandUse> refuseLandUseType(CommandGateway gateway) {
        return GovernorCommandType.of("RefuseLandUse", LandCommands.RefuseLandUse.class, (body, context) -> {
            send(gateway, body.applicationId(), new LandStreamCommands.Refuse(body, context.receivedAt(), context.actor()));
            return new ApplicationAnswer(body.applicationId(), context.receivedAt(), "REFUSED");
        });
    }

    @Bean
    SignedCommandType<LandCommands.GrantLandRights> grantLandRightsType(CommandGateway gateway, Zones zones, LandHolders holders) {
        return GovernorCommandType.of("GrantLandRights", LandCommands.GrantLandRights.class, (body, context) -> {
            Zones.Zone zone = zones.require(body.zoneId());
            LandStreamCommands.Holder holder = body.holder() == null ? null : holders.standing(body.holder());
            LandLicenceId id = send(gateway, body.applicationId(), new LandStreamCommands.Grant(body, holder, zone.boundary(), zone.areaHectares(),
                    zone.open(), context.receivedAt(), context.actor()));
            return new LandAnswer(id, "GRANTED_FEE_DUE");
        });
    }

    @Bean
    SignedCommandType<LandCommands.RecordLandFeePaid> recordLandFeePaidType(CommandGateway gateway, LandHolders holders) {
        return GovernorCommandType.of("RecordLandFeePaid", LandCommands.RecordLandFeePaid.class, (body, context) -> {
            LandStreamCommands.Holder holder = body.licenceId() == null ? null
                    : holders.holderOf(body.zoneId(), body.licenceId()).map(holders::standing).orElse(null);
            if (holder == null) {
                throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.licence-unknown", "No land licence " + body.licenceId() + ".",
                        "licenceId", "003 art. 22.5");
            }
            gateway.sendAndWait(new LandStreamCommands.PayFee(body, holder, context.receivedAt(), context.actor()));
            return new LandAnswer(body.licenceId(), "ISSUED");
        });
    }

    // 003 art. 23.3-23.4: the Government decides exemptions; the Cabinet member in charge of Free Zones records them (8.2)
    @Bean
    SignedCommandType<LandCommands.GrantLandFeeExemption> grantLandFeeExemptionType(CommandGateway gateway, Zones zones, DocumentStore documents) {
        return SignedCommandType.of("GrantLandFeeExemption", LandCommands.GrantLandFeeExemption.class, Set.of(Role.CABINET_MEMBER), (body, context) -> {
            if (body.zoneId() == null) {
                throw RegistryProblem.invalid("freezone.zone-missing", "The exemption names its zone.", "zoneId", "003 art. 23.3");
            }
            if (body.decisionSha256() == null || documents.find(body.decisionSha256()).isEmpty()) {
                throw RegistryProblem.invalid("document.unknown", "The Government decision's document (SHA-256) was not received; upload it to "
                        + "POST /api/documents first.", "decisionSha256", "003 art. 23.4");
            }
            zones.require(body.zoneId());
            int number = gateway.sendAndWait(new LandStreamCommands.GrantExemption(body, context.receivedAt(), context.actor()));
            return new ExemptionAnswer(body.zoneId(), number, "GRANTED");
        });
    }

    /** Sends a decision on an application; a zone with no land register has received no application. */
    static <R> R send(CommandGateway gateway, LandApplicationId id, Object command) {
        try {
            return gateway.sendAndWait(command);
        } catch (AggregateNotFoundException e) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "freezone.land-application-unknown", "No application for land use "
                    + (id == null ? "was named" : id + " was received in this zone") + "; land is granted only on an entity's application.",
                    "applicationId", "003 art. 22.2, 8.7.7");
        }
    }
}
