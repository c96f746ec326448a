package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.privacy.PublishedText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** Signed command bodies about zones and governors (003 art. 6, 8.2, 12.3). */
public final class ZoneCommands {

    private ZoneCommands() {
    }

    /**
     * 003 art. 6.1-6.3: records a State Great Khural resolution establishing a zone; signed by the Cabinet member.
     *
     * @param resolutionDate the day the State Great Khural adopted the resolution (003 art. 6.1; ADR 0035 item 31): no Government decision
     *                       on the zone (an exemption from its land fee, 23.4) is older; optional (absent, the body's bytes are as before)
     */
    public record EstablishZone(ZoneId zoneId, @PublishedText String name, @PublishedText String location, BigDecimal areaHectares, GeoPolygon boundary,
                                List<Activity> activities, boolean economicCooperationZone, @PublishedText String resolution,
                                @JsonInclude(JsonInclude.Include.NON_NULL) java.time.LocalDate resolutionDate,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String resolutionSha256) {
        @JsonCreator
        public EstablishZone {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(areaHectares, "areaHectares");
            Objects.requireNonNull(boundary, "boundary");
            Objects.requireNonNull(activities, "activities");
            Objects.requireNonNull(resolution, "resolution");
        }

        /** Without the resolution's date, as bodies were signed before ADR 0035 item 31. */
        public EstablishZone(ZoneId zoneId, String name, String location, BigDecimal areaHectares, GeoPolygon boundary, List<Activity> activities,
                             boolean economicCooperationZone, String resolution) {
            this(zoneId, name, location, areaHectares, boundary, activities, economicCooperationZone, resolution, null, null);
        }

        /** Without the resolution's document, as bodies were signed before ADR 0035 item 41: refused by the command type since. */
        public EstablishZone(ZoneId zoneId, String name, String location, BigDecimal areaHectares, GeoPolygon boundary, List<Activity> activities,
                             boolean economicCooperationZone, String resolution, java.time.LocalDate resolutionDate) {
            this(zoneId, name, location, areaHectares, boundary, activities, economicCooperationZone, resolution, resolutionDate, null);
        }
    }

    /**
     * 003 art. 6.1 (choice, ADR 0035 item 36; abuse audit F175, was O103): the Cabinet member records, once, the date of the State Great
     * Khural resolution establishing a zone recorded without it (every zone recorded before ADR 0035 item 31), citing the resolution's
     * uploaded document (item 41, F235, was O132).
     */
    public record RecordZoneResolutionDate(ZoneId zoneId, java.time.LocalDate resolutionDate,
                                           @JsonInclude(JsonInclude.Include.NON_NULL) String resolutionSha256) {
        @JsonCreator
        public RecordZoneResolutionDate {
            Objects.requireNonNull(zoneId, "zoneId");
        }

        /** Without the resolution's document: refused by the command type (ADR 0035 item 41); for the aggregate's own tests. */
        public RecordZoneResolutionDate(ZoneId zoneId, java.time.LocalDate resolutionDate) {
            this(zoneId, resolutionDate, null);
        }
    }

    /** 003 art. 6.4: a Government decision opening the zone's activities, with the decision's uploaded document (ADR 0035 item 27). */
    public record OpenZone(ZoneId zoneId, @PublishedText String decision, @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public OpenZone {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(decision, "decision");
        }

        /** Without the decision's document: refused by the command type (ADR 0035 item 27); for the aggregate's own tests. */
        public OpenZone(ZoneId zoneId, String decision) {
            this(zoneId, decision, null);
        }
    }

    /** 003 art. 6.4: a Government decision temporarily closing the zone's activities, with the decision's uploaded document (ADR 0035 item 27). */
    public record CloseZoneTemporarily(ZoneId zoneId, @PublishedText String decision, @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public CloseZoneTemporarily {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(decision, "decision");
        }

        /** Without the decision's document: refused by the command type (ADR 0035 item 27); for the aggregate's own tests. */
        public CloseZoneTemporarily(ZoneId zoneId, String decision) {
            this(zoneId, decision, null);
        }
    }

    /**
     * 003 art. 8.2: the Cabinet member appoints a governor of a zone.
     *
     * @param decision       the decision's reference as published ("order 2026/94"), screened as every published text
     * @param decisionSha256 the decision's document, uploaded first (ADR 0061 item 27; abuse audit F400, was O226): the act is named by it,
     *                       not by its reference; null in commands signed before, which the command type refuses
     */
    public record AppointGovernor(ZoneId zoneId, PersonId governor, @PublishedText String decision,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public AppointGovernor {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(governor, "governor");
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * 003 art. 8.2: the Cabinet member dismisses a governor; tenure ends at the registry's receipt (ADR 0061 item 9: at its storing).
     *
     * @param decision       the decision's reference as published, screened as every published text
     * @param decisionSha256 the decision's document, uploaded first (ADR 0061 item 27); null in commands signed before, refused
     */
    public record DismissGovernor(ZoneId zoneId, PersonId governor, @PublishedText String decision,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public DismissGovernor {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(governor, "governor");
            Objects.requireNonNull(decision, "decision");
        }
    }

    /**
     * 003 art. 12.3: the governor signs the quarter's report (by its SHA-256) before it goes to the Cabinet member.
     *
     * @param corrects       the SHA-256 of the quarter's latest signed report that this one corrects (ADR 0035 item 26): a quarter already
     *                       reported is reported again only as a correction of its latest report; null for a quarter's first report
     * @param contentVersion the version of {@code QuarterlyReportContent} the hash is of (ADR 0035 item 52): the registry builds version 2
     *                       only, and refuses a body naming none (a client of the release before it, which signed version 1)
     */
    public record SignQuarterlyReport(ZoneId zoneId, int year, int quarter, String reportSha256,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) String corrects,
                                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer contentVersion) implements ZoneCommand {
        @JsonCreator
        public SignQuarterlyReport {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(reportSha256, "reportSha256");
        }

        /** A quarter's first report, of the content's current version (2). */
        public SignQuarterlyReport(ZoneId zoneId, int year, int quarter, String reportSha256) {
            this(zoneId, year, quarter, reportSha256, null);
        }

        /** A report of the content's current version (2), correcting {@code corrects} if not null. */
        public SignQuarterlyReport(ZoneId zoneId, int year, int quarter, String reportSha256, String corrects) {
            this(zoneId, year, quarter, reportSha256, corrects, QuarterlyReportContent.VERSION_2);
        }
    }
}
