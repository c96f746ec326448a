package mn.registry.kernel.freezone;

import java.time.LocalDate;

/** Signed command bodies about land in a zone (003 art. 22). */
public final class LandCommands {

    private LandCommands() {
    }

    /** 003 art. 22.4 */
    public enum AllocationMethod { TENDER, AUCTION }

    /**
     * 003 art. 22.2, 22.4: the governor's decision on land use: parcel, its area (from the polygon), purpose, period,
     * to whom, by tender or auction, and the nominal value whose payment issues the certificate (22.5).
     */
    public record GrantLandRights(ZoneId zoneId, RegistrationId holder, String parcelName, GeoPolygon parcel, String purpose,
                                  LocalDate from, LocalDate until, AllocationMethod method, Money nominalValue, String decision)
            implements ZoneCommand {
    }

    /** 003 art. 22.5: the one-time fee equal to the nominal value was paid; the certificate of land rights is issued. */
    public record RecordLandFeePaid(ZoneId zoneId, LandLicenceId licenceId, Money paid, String receipt) implements ZoneCommand {
    }
}
