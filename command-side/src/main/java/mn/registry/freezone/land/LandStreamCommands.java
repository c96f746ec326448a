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

/** Internal Axon commands on a zone's land register, with the zone's boundary, area and state read outside the aggregate. */
final class LandStreamCommands {

    private LandStreamCommands() {
    }

    record Grant(@TargetAggregateIdentifier String stream, LandCommands.GrantLandRights body, GeoPolygon zoneBoundary,
                 BigDecimal zoneAreaHectares, boolean zoneOpen, Instant at, PersonId by) {
        Grant(LandCommands.GrantLandRights body, GeoPolygon zoneBoundary, BigDecimal zoneAreaHectares, boolean zoneOpen, Instant at, PersonId by) {
            this(body.zoneId().landStream(), body, zoneBoundary, zoneAreaHectares, zoneOpen, at, by);
        }
    }

    record PayFee(@TargetAggregateIdentifier String stream, LandCommands.RecordLandFeePaid body, Instant at, PersonId by) {
        PayFee(LandCommands.RecordLandFeePaid body, Instant at, PersonId by) {
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
