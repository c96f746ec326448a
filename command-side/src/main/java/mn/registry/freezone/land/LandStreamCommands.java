package mn.registry.freezone.land;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The commands on a zone's land register that nobody signs: the revocation of 003 art. 22.6 sent by
 * {@link LandRevocationProcess}, and the lapse of unpaid rights sent by the deadline service ({@link LandDeadlineRules}). The signed ones reach {@link ZoneLand} as their kernel bodies (ADR 0026).
 */
final class LandStreamCommands {

    private LandStreamCommands() {
    }

    /** 003 art. 22.6: revoke every land right the holder has in the zone (idempotent). */
    record RevokeHolder(@TargetAggregateIdentifier String stream, ZoneId zoneId, RegistrationId holder, DeregistrationGround ground,
                        LocalDate on, Instant at) {
        RevokeHolder(ZoneId zoneId, RegistrationId holder, DeregistrationGround ground, LocalDate on, Instant at) {
            this(zoneId.landStream(), zoneId, holder, ground, on, at);
        }
    }

    /** 003 art. 22.5, 22.7 (choice, ADR 0035 item 20): the rights of {@code licenceId} lapse if still unpaid after their last day (idempotent). */
    record LapseUnpaidLicence(@TargetAggregateIdentifier String stream, ZoneId zoneId, LandLicenceId licenceId, Instant at) {
        LapseUnpaidLicence(LandLicenceId licenceId, Instant at) {
            this(LandDeadlineRules.zoneOf(licenceId).landStream(), LandDeadlineRules.zoneOf(licenceId), licenceId, at);
        }
    }
}
