package mn.registry.kernel.freezone;

import mn.registry.kernel.identity.PersonId;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Events of a zone's land register (003 art. 22). */
public final class LandEvents {

    private LandEvents() {
    }

    public record LandRightsGranted(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, String parcelName, GeoPolygon parcel,
                                    BigDecimal areaHectares, String purpose, LocalDate from, LocalDate until,
                                    LandCommands.AllocationMethod method, Money nominalValue, String decision, Instant grantedAt,
                                    PersonId grantedBy) {
    }

    /** 003 art. 22.5: issued once the one-time fee is paid. */
    public record LandLicenceIssued(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, Money feePaid, String receipt,
                                    Instant issuedAt, PersonId issuedBy) {
    }

    /** 003 art. 22.6: revoked because the holder was deregistered on 12.5.1 or 12.5.2. */
    public record LandRightsRevoked(ZoneId zoneId, LandLicenceId licenceId, RegistrationId holder, DeregistrationGround ground,
                                    String article, Instant revokedAt) {
    }
}
