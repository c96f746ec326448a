package mn.registry.kernel.freezone;

import mn.registry.kernel.identity.PersonId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Events of a zone's stream: establishment, opening and closure, governors, signed quarterly reports. */
public final class ZoneEvents {

    private ZoneEvents() {
    }

    public record ZoneEstablished(ZoneId zoneId, String name, String location, BigDecimal areaHectares, GeoPolygon boundary,
                                  List<Activity> activities, boolean economicCooperationZone, String resolution,
                                  Instant establishedAt, PersonId recordedBy) {
    }

    public record ZoneOpened(ZoneId zoneId, String decision, Instant openedAt, PersonId recordedBy) {
    }

    public record ZoneTemporarilyClosed(ZoneId zoneId, String decision, Instant closedAt, PersonId recordedBy) {
    }

    /** The public record of an appointment; the authority itself is the RoleGranted on the governor's own stream. */
    public record GovernorAppointed(ZoneId zoneId, PersonId governor, String displayName, String decision, Instant from, PersonId appointedBy) {
    }

    public record GovernorDismissed(ZoneId zoneId, PersonId governor, String decision, Instant until, PersonId dismissedBy) {
    }

    public record QuarterlyReportSigned(ZoneId zoneId, int year, int quarter, String reportSha256, Instant signedAt, PersonId signedBy) {
    }
}
