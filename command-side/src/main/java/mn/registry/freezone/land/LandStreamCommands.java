package mn.registry.freezone.land;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.GeoPolygon;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Internal Axon commands on a zone's land register, with the zone's boundary, area and state and the holder's standing
 * read outside the aggregate at the registry's time of receipt.
 */
final class LandStreamCommands {

    private LandStreamCommands() {
    }

    /**
     * An applicant's or holder's registration in the zone as its events stand at receipt (003 art. 12.2, 22.2).
     *
     * @param registered     registered and neither rejected nor deregistered since
     * @param representative the person who signed the entity's registration application (003 art. 12.1), or null
     */
    record Holder(RegistrationId registrationId, boolean registered, PersonId representative) {
    }

    record Apply(@TargetAggregateIdentifier String stream, LandCommands.ApplyForLandUse body, Holder applicant, GeoPolygon zoneBoundary,
                 boolean zoneOpen, Instant at, PersonId by) {
        Apply(LandCommands.ApplyForLandUse body, Holder applicant, GeoPolygon zoneBoundary, boolean zoneOpen, Instant at, PersonId by) {
            this(body.zoneId().landStream(), body, applicant, zoneBoundary, zoneOpen, at, by);
        }
    }

    record Refuse(@TargetAggregateIdentifier String stream, LandCommands.RefuseLandUse body, Instant at, PersonId by) {
        Refuse(LandCommands.RefuseLandUse body, Instant at, PersonId by) {
            this(body.zoneId().landStream(), body, at, by);
        }
    }

    record Grant(@TargetAggregateIdentifier String stream, LandCommands.GrantLandRights body, Holder holder, GeoPolygon zoneBoundary,
                 BigDecimal zoneAreaHectares, boolean zoneOpen, Instant at, PersonId by) {
        Grant(LandCommands.GrantLandRights body, Holder holder, GeoPolygon zoneBoundary, BigDecimal zoneAreaHectares, boolean zoneOpen, Instant at,
              PersonId by) {
            this(body.zoneId().landStream(), body, holder, zoneBoundary, zoneAreaHectares, zoneOpen, at, by);
        }
    }

    record PayFee(@TargetAggregateIdentifier String stream, LandCommands.RecordLandFeePaid body, Holder holder, Instant at, PersonId by) {
        PayFee(LandCommands.RecordLandFeePaid body, Holder holder, Instant at, PersonId by) {
            this(body.zoneId().landStream(), body, holder, at, by);
        }
    }

    record GrantExemption(@TargetAggregateIdentifier String stream, LandCommands.GrantLandFeeExemption body, Instant at, PersonId by) {
        GrantExemption(LandCommands.GrantLandFeeExemption body, Instant at, PersonId by) {
            this(body.zoneId().landStream(), body, at, by);
        }
    }

    /** 003 art. 22.6: revoke every land right the holder has in the zone (idempotent). */
    record RevokeHolder(@TargetAggregateIdentifier String stream, ZoneId zoneId, RegistrationId holder, DeregistrationGround ground,
                        LocalDate on, Instant at) {
        RevokeHolder(ZoneId zoneId, RegistrationId holder, DeregistrationGround ground, LocalDate on, Instant at) {
            this(zoneId.landStream(), zoneId, holder, ground, on, at);
        }
    }
}
