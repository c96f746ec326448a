package mn.registry.kernel.freezone;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import mn.registry.kernel.identity.PersonId;

import java.math.BigDecimal;
import mn.registry.kernel.calendar.CalendarVersion;
import mn.registry.kernel.calendar.WorkingDays;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Events of a zone's stream: establishment, opening and closure, governors, signed quarterly reports. */
public final class ZoneEvents {

    private ZoneEvents() {
    }

    /**
     * @param resolutionDate   the State Great Khural resolution's date (003 art. 6.1, ADR 0035 item 31); null in events stored before it (the same bytes back)
     * @param resolutionSha256 the resolution's uploaded document (ADR 0035 item 41); null in events stored before it (the same bytes back)
     */
    public record ZoneEstablished(ZoneId zoneId, String name, String location, BigDecimal areaHectares, GeoPolygon boundary,
                                  List<Activity> activities, boolean economicCooperationZone, String resolution,
                                  Instant establishedAt, PersonId recordedBy, @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate resolutionDate,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String resolutionSha256) {
        @JsonCreator
        public ZoneEstablished {
        }

        /** Without the resolution's document (ADR 0035 item 41): every establishment stored before it. */
        public ZoneEstablished(ZoneId zoneId, String name, String location, BigDecimal areaHectares, GeoPolygon boundary, List<Activity> activities,
                               boolean economicCooperationZone, String resolution, Instant establishedAt, PersonId recordedBy, LocalDate resolutionDate) {
            this(zoneId, name, location, areaHectares, boundary, activities, economicCooperationZone, resolution, establishedAt, recordedBy,
                    resolutionDate, null);
        }

        public ZoneEstablished(ZoneId zoneId, String name, String location, BigDecimal areaHectares, GeoPolygon boundary, List<Activity> activities,
                               boolean economicCooperationZone, String resolution, Instant establishedAt, PersonId recordedBy) {
            this(zoneId, name, location, areaHectares, boundary, activities, economicCooperationZone, resolution, establishedAt, recordedBy, null, null);
        }
    }

    /**
     * 003 art. 6.1 (ADR 0035 item 36): the date of the State Great Khural resolution establishing a zone recorded without it, recorded once
     * by the Cabinet member; from it on the zone's acts are judged against the date as if it had been recorded with the zone.
     */
    public record ZoneResolutionDateRecorded(ZoneId zoneId, LocalDate resolutionDate, Instant recordedAt, PersonId recordedBy,
                                             @JsonInclude(JsonInclude.Include.NON_NULL) String resolutionSha256) {
        @JsonCreator
        public ZoneResolutionDateRecorded {
        }

        /** Without the resolution's document (ADR 0035 item 41): every date recorded before it. */
        public ZoneResolutionDateRecorded(ZoneId zoneId, LocalDate resolutionDate, Instant recordedAt, PersonId recordedBy) {
            this(zoneId, resolutionDate, recordedAt, recordedBy, null);
        }
    }

    /** @param decisionSha256 the Government decision's document (ADR 0035 item 27); null in events stored before it (the same bytes back) */
    public record ZoneOpened(ZoneId zoneId, String decision, Instant openedAt, PersonId recordedBy,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public ZoneOpened {
        }

        public ZoneOpened(ZoneId zoneId, String decision, Instant openedAt, PersonId recordedBy) {
            this(zoneId, decision, openedAt, recordedBy, null);
        }
    }

    /** @param decisionSha256 the Government decision's document (ADR 0035 item 27); null in events stored before it (the same bytes back) */
    public record ZoneTemporarilyClosed(ZoneId zoneId, String decision, Instant closedAt, PersonId recordedBy,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public ZoneTemporarilyClosed {
        }

        public ZoneTemporarilyClosed(ZoneId zoneId, String decision, Instant closedAt, PersonId recordedBy) {
            this(zoneId, decision, closedAt, recordedBy, null);
        }
    }

    /**
     * The public record of an appointment; the authority itself is the RoleGranted on the governor's own stream.
     *
     * @param decisionSha256 the Cabinet member's decision's document (ADR 0061 item 27), published as a zone's opening decision's is; null in
     *                       events stored before it (the same bytes back)
     */
    public record GovernorAppointed(ZoneId zoneId, PersonId governor, String displayName, String decision, Instant from, PersonId appointedBy,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public GovernorAppointed {
        }

        /** An appointment on a decision named by its reference alone, as stored before ADR 0061 item 27. */
        public GovernorAppointed(ZoneId zoneId, PersonId governor, String displayName, String decision, Instant from, PersonId appointedBy) {
            this(zoneId, governor, displayName, decision, from, appointedBy, null);
        }
    }

    /** @param decisionSha256 the Cabinet member's decision's document (ADR 0061 item 27); null in events stored before it (the same bytes back) */
    public record GovernorDismissed(ZoneId zoneId, PersonId governor, String decision, Instant until, PersonId dismissedBy,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) String decisionSha256) {
        @JsonCreator
        public GovernorDismissed {
        }

        /** A dismissal on a decision named by its reference alone, as stored before ADR 0061 item 27. */
        public GovernorDismissed(ZoneId zoneId, PersonId governor, String decision, Instant until, PersonId dismissedBy) {
            this(zoneId, governor, decision, until, dismissedBy, null);
        }
    }

    /**
     * 003 art. 12.3: the governor signed the quarter's report.
     *
     * @param corrects       the SHA-256 of the quarter's earlier report this one corrects (ADR 0035 item 26); null for a quarter's first
     *                       report and in events stored before the item, which are written back without it (the same bytes)
     * @param contentVersion the version of {@code QuarterlyReportContent} signed (ADR 0035 item 52): 2 from the item on; null in events
     *                       stored before it (version 1), which are written back without it (the same bytes)
     */
    public record QuarterlyReportSigned(ZoneId zoneId, int year, int quarter, String reportSha256, Instant signedAt, PersonId signedBy,
                                        @JsonInclude(JsonInclude.Include.NON_NULL) String corrects,
                                        @JsonInclude(JsonInclude.Include.NON_NULL) Integer contentVersion) {
        @JsonCreator
        public QuarterlyReportSigned {
        }

        /** A report of version 1 (as stored before ADR 0035 item 52), correcting {@code corrects} if not null. */
        public QuarterlyReportSigned(ZoneId zoneId, int year, int quarter, String reportSha256, Instant signedAt, PersonId signedBy, String corrects) {
            this(zoneId, year, quarter, reportSha256, signedAt, signedBy, corrects, null);
        }

        /** A quarter's first report of version 1 (as stored before ADR 0035 item 52). */
        public QuarterlyReportSigned(ZoneId zoneId, int year, int quarter, String reportSha256, Instant signedAt, PersonId signedBy) {
            this(zoneId, year, quarter, reportSha256, signedAt, signedBy, null);
        }

        /** The version of {@code QuarterlyReportContent} the report was signed on: 1 when the event names none (stored before item 52). */
        public int version() {
            return contentVersion == null ? 1 : contentVersion;
        }
    }

    /**
     * 003 art. 12.3 (choice, ADR 0013 §7): the quarter's report is due within {@code workingDays} working days after the
     * quarter's last day (day 0); recorded once per zone and quarter, the fact the deadline service schedules from.
     */
    public record QuarterlyReportDue(ZoneId zoneId, int year, int quarter, LocalDate quarterEnds, LocalDate dueOn, Instant dueAt,
                                     WorkingDays workingDays, CalendarVersion calendarVersion, String article) {
    }

    /** 003 art. 12.3: a calendar change moved the report's due date (same day 0, same working days). */
    public record QuarterlyReportDueRecomputed(ZoneId zoneId, int year, int quarter, LocalDate quarterEnds, LocalDate dueOn, Instant dueAt,
                                               CalendarVersion calendarVersion, String article) {
    }

    /** 003 art. 12.3: the quarter's report was not signed by its due date; escalated once to the Cabinet member. */
    public record QuarterlyReportOverdue(ZoneId zoneId, int year, int quarter, LocalDate dueOn, Instant escalatedAt, String article) {
    }
}
