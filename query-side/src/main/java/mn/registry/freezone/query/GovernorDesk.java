package mn.registry.freezone.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.infrastructure.calendar.CurrentCalendar;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.calendar.WorkingDayCalendar;
import mn.registry.kernel.freezone.Activity;
import mn.registry.kernel.freezone.LandFeeSchedule;
import mn.registry.kernel.freezone.RegistrationId;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/** What a governor's office reads about its zone, as of now in Ulaanbaatar with the calendar in force. */
@Component
public class GovernorDesk {

    /** The processing group that writes what this reads: a page waits for it (ADR 0071). */
    public static final String WRITTEN_BY = GovernorDeskProjection.PROCESSING_GROUP;


    /** An application awaiting review (003 art. 12.2), with business days left: 0 on the due date, negative when overdue. */
    public record QueueEntry(String registrationId, String entityName, String jurisdiction, String activity, String receivedAt, LocalDate reviewDue,
                      int workingDays, int businessDaysLeft, boolean overdue, boolean escalated, String calendarVersion, String article) {
    }

    /** A raised ground of 003 art. 12.5 on which the governor has to decide. */
    public record GroundDue(String registrationId, String entityName, String ground, String article, LocalDate since) {
    }

    /**
     * 003 art. 12.5.3 (ADR 0035 item 85; F417, was O238): a court's dissolution recorded in another zone that the governor is to record on this
     * registration (of {@code zoneId}) by {@code dueOn}, with business days left (0 on the last day, negative after it), and whether it was
     * escalated.
     */
    public record CourtDecisionToRecord(String registrationId, String zoneId, String entityName, String recordedIn, String reference, LocalDate decidedOn,
                                        LocalDate dueOn, int businessDaysLeft, boolean overdue, boolean escalated, String article) {
    }

    /**
     * 003 art. 12.5.1, 12.5.2 (ADR 0035 item 93; abuse audit F460, was O286): a day by which the registered entity must start, or resume, its
     * operations, or be removed on {@code ground}; {@code passed} once today in Ulaanbaatar is after it; (ADR 0035 item 96; F472, was O301)
     * {@code raisedOn}, the day the registry raised that ground, once it did (null before; {@link EntityDaysToAct} reads it).
     */
    public record DayToAct(String ground, String article, LocalDate dueBy, boolean passed, LocalDate raisedOn) {

        /** The same day, with the day its ground was raised (null: not raised). */
        DayToAct raisedOn(LocalDate day) {
            return new DayToAct(ground, article, dueBy, passed, day);
        }
    }

    /**
     * A land licence with its fee schedule year by year (003 art. 22-23); {@code feeReportSha256}: the receipt's document the holder reported
     * its fee paid with (null: not reported), which the governor's fee form names by default (ADR 0035 item 107; F528, was O359).
     */
    public record Licence(String licenceId, String holder, String parcelName, Map<String, Object> parcel, BigDecimal areaHectares, String purpose,
                   LocalDate from, LocalDate until, String method, BigDecimal nominalValue, String currency, String status,
                   String revocationArticle, List<LandFeeSchedule.FeeYear> feeSchedule, LocalDate feeDueBy, String feeReportedAt,
                   String feeReportSha256) {
    }

    private final MongoCollection<Document> zones;
    private final MongoCollection<Document> registrations;
    private final MongoCollection<Document> land;
    private final MongoCollection<Document> landApplications;
    private final MongoCollection<Document> landExemptions;
    private final CurrentCalendar calendar;
    private final Clock clock;

    GovernorDesk(MongoDatabase database, CurrentCalendar calendar, Clock clock) {
        this.zones = database.getCollection(GovernorDeskProjection.ZONES);
        this.registrations = database.getCollection(GovernorDeskProjection.REGISTRATIONS);
        this.land = database.getCollection(GovernorDeskProjection.LAND);
        this.landApplications = database.getCollection(GovernorDeskProjection.LAND_APPLICATIONS);
        this.landExemptions = database.getCollection(GovernorDeskProjection.LAND_EXEMPTIONS);
        this.calendar = calendar;
        this.clock = clock;
    }

    /** A zone as established (003 art. 6.1): name, location, area, boundary (GeoJSON), activities, whether open; public. */
    public java.util.Optional<Document> zone(String zoneId) {
        return java.util.Optional.ofNullable(zones.find(eq("_id", zoneId)).first());
    }

    /** Every zone established (003 art. 6.1), by id, with its serving governor(s) under {@code governors}: the Cabinet member's desk. */
    public List<Document> zones() {
        return zones.find().sort(new Document("_id", 1)).into(new java.util.ArrayList<>());
    }

    // ADR 0035 item 6: a row written before the rule, of a registration without an agreement, shows the year to start from its certificate
    private static Document withStartDueBy(Document row) {
        if (row.get("startDueBy") == null && row.getString("certificateIssuedOn") != null) {
            row.put("startDueBy", mn.registry.kernel.freezone.FreeZoneTerms.startDueBy(LocalDate.parse(row.getString("certificateIssuedOn"))).toString());
        }
        return row;
    }

    /** One registration of the zone by its id, if it is in this zone. */
    public java.util.Optional<Document> entity(String zoneId, String registrationId) {
        return java.util.Optional.ofNullable(registrations.find(eq("_id", registrationId)).first()).filter(r -> zoneId.equals(r.getString("zoneId")))
                .map(GovernorDesk::withStartDueBy);
    }

    /**
     * 003 art. 12.5.3 (the lead, ADR 0035 item 67): the earliest court's dissolution of this row's entity recorded on its registration in
     * another zone ({@code zoneId}, {@code zoneName}, {@code decidedOn}), not dated before this row's certificate; empty if none. One read
     * of a row per established zone, as the command side reads one stream per zone. (ADR 0035 item 71; F337, was O180) In any registration
     * period there, as the command side reads every event of the stream: the row keeps each earlier period's court day.
     */
    public java.util.Optional<Document> dissolutionRecordedElsewhere(Document row) {
        mn.registry.kernel.freezone.RegistrationId registration = new mn.registry.kernel.freezone.RegistrationId(row.getString("_id"));
        String certified = row.getString("certificateIssuedOn");
        return zones().stream().filter(zone -> !zone.getString("_id").equals(row.getString("zoneId")))
                .flatMap(zone -> java.util.Optional.ofNullable(registrations.find(eq("_id", registration.inZone(mn.registry.kernel.freezone.ZoneId.of(zone.getString("_id"))).value())).first())
                        .stream().flatMap(GovernorDesk::courtDaysOfEveryPeriod)
                        .filter(decidedOn -> certified == null || decidedOn.compareTo(certified) >= 0)
                        .map(decidedOn -> new Document("zoneId", zone.getString("_id")).append("zoneName", zone.getString("name"))
                                .append("decidedOn", decidedOn)))
                .min(java.util.Comparator.comparing((Document d) -> d.getString("decidedOn")));
    }

    /** The court's days a row records: its current period's and each earlier period's (ADR 0035 item 71). */
    private static java.util.stream.Stream<String> courtDaysOfEveryPeriod(Document row) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(row), row.getList("periods", Document.class, List.of()).stream())
                .map(period -> period.getString("courtDecidedOn")).filter(java.util.Objects::nonNull);
    }

    /**
     * 003 art. 12.5.3, 26.2 (ADR 0035 items 67, 70): the court's day the command side judges this registration's operations against, the
     * earliest of its own current period's and {@code elsewhere}'s ({@link #dissolutionRecordedElsewhere}); empty if neither.
     */
    public static java.util.Optional<LocalDate> courtsDay(Document row, java.util.Optional<Document> elsewhere) {
        return java.util.stream.Stream.concat(java.util.Optional.ofNullable(row.getString("courtDecidedOn")).stream(),
                elsewhere.map(d -> d.getString("decidedOn")).stream()).map(LocalDate::parse).min(Comparator.naturalOrder());
    }

    /**
     * 003 art. 12.5.1, 12.5.2 (ADR 0035 item 93; F460, was O286): the days that run against the registration in its round received at
     * {@code roundReceivedAt}, as the desk shows them (its row's {@code startDueBy} and {@code resumeDueBy}): the year to start until operations
     * started, the 12 months of interruption until they resumed; none unless the row is that round's and it is registered (a later round, or
     * the removal, ends them, as the deadline service ends its deadlines).
     */
    public List<DayToAct> daysToAct(String registrationId, Object roundReceivedAt) {
        Document row = registrations.find(eq("_id", registrationId)).first();
        if (row == null || !"REGISTERED".equals(row.getString("status")) || roundReceivedAt == null
                || !java.time.Instant.parse(String.valueOf(roundReceivedAt)).equals(java.time.Instant.parse(row.getString("receivedAt")))) {
            return List.of();
        }
        withStartDueBy(row);
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        List<DayToAct> days = new ArrayList<>();
        if (row.getString("operationsStartedOn") == null && row.getString("startDueBy") != null) {
            days.add(dayToAct(mn.registry.kernel.freezone.DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, row.getString("startDueBy"), today));
        }
        if (row.getString("resumeDueBy") != null) {
            days.add(dayToAct(mn.registry.kernel.freezone.DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, row.getString("resumeDueBy"), today));
        }
        return days;
    }

    private static DayToAct dayToAct(mn.registry.kernel.freezone.DeregistrationGround ground, String dueBy, LocalDate today) {
        LocalDate day = LocalDate.parse(dueBy);
        return new DayToAct(ground.name(), ground.article(), day, today.isAfter(day), null);
    }

    // 003 art. 12.2: the zone's queue, most urgent first by business days left
    public List<QueueEntry> queue(String zoneId) {
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        WorkingDayCalendar days = calendar.get();
        List<QueueEntry> entries = new ArrayList<>();
        for (Document row : registrations.find(and(eq("zoneId", zoneId), eq("status", "APPLIED")))) {
            LocalDate due = LocalDate.parse(row.getString("reviewDue"));
            entries.add(new QueueEntry(row.getString("_id"), row.getString("entityName"), row.getString("jurisdiction"), row.getString("activity"),
                    row.getString("receivedAt"), due, row.getInteger("workingDays"), days.workingDaysBetween(today, due), today.isAfter(due), Boolean.TRUE.equals(row.getBoolean("escalated")),
                    row.getString("calendarVersion"), row.getString("article")));
        }
        entries.sort(Comparator.comparingInt(QueueEntry::businessDaysLeft).thenComparing(QueueEntry::receivedAt));
        return entries;
    }

    // 003 art. 12.5.3 (ADR 0035 item 85): the court decisions recorded elsewhere this zone's governor is to record here, most urgent first
    public List<CourtDecisionToRecord> courtDecisionsToRecord(String zoneId) {
        return courtDecisionDuties(and(eq("zoneId", zoneId), eq("status", "REGISTERED")));
    }

    // 003 art. 8.7, 12.5.3 (ADR 0035 item 90; abuse audit F439, was O259's second half): the duties every zone's governor left undone past
    // their last day, escalated by the deadline service, for the Cabinet member who appoints and dismisses the governors, oldest first
    public List<CourtDecisionToRecord> escalatedCourtDecisions() {
        return courtDecisionDuties(and(eq("status", "REGISTERED"), com.mongodb.client.model.Filters.exists("courtDecisionToRecord.escalatedAt")));
    }

    private List<CourtDecisionToRecord> courtDecisionDuties(org.bson.conversions.Bson registrationsWithADuty) {
        LocalDate today = UlaanbaatarTime.dateOf(clock.instant());
        WorkingDayCalendar days = calendar.get();
        List<CourtDecisionToRecord> due = new ArrayList<>();
        for (Document row : registrations.find(registrationsWithADuty)) {
            Document duty = row.get("courtDecisionToRecord", Document.class);
            if (duty != null) {
                LocalDate dueOn = LocalDate.parse(duty.getString("dueOn"));
                due.add(new CourtDecisionToRecord(row.getString("_id"), row.getString("zoneId"), row.getString("entityName"), duty.getString("recordedIn"),
                        duty.getString("reference"), LocalDate.parse(duty.getString("decidedOn")), dueOn, days.workingDaysBetween(today, dueOn),
                        today.isAfter(dueOn), duty.getString("escalatedAt") != null, duty.getString("article")));
            }
        }
        due.sort(Comparator.comparing(CourtDecisionToRecord::dueOn).thenComparing(CourtDecisionToRecord::registrationId));
        return due;
    }

    // 003 art. 12.5: registered entities with a raised ground, oldest first
    public List<GroundDue> groundsDue(String zoneId) {
        List<GroundDue> due = new ArrayList<>();
        for (Document row : registrations.find(and(eq("zoneId", zoneId), eq("status", "REGISTERED")))) {
            for (Document g : row.getList("grounds", Document.class, List.of())) {
                due.add(new GroundDue(row.getString("_id"), row.getString("entityName"), g.getString("ground"), g.getString("article"),
                        LocalDate.parse(g.getString("since"))));
            }
        }
        due.sort(Comparator.comparing(GroundDue::since).thenComparing(GroundDue::registrationId));
        return due;
    }

    public List<Document> entities(String zoneId) {
        return registrations.find(eq("zoneId", zoneId)).sort(new Document("_id", 1)).map(GovernorDesk::withStartDueBy).into(new ArrayList<>());
    }

    // 003 art. 22.2, 22.4: the zone's applications for land use, pending first, then newest first
    public List<Document> landApplications(String zoneId) {
        List<Document> rows = landApplications.find(eq("zoneId", zoneId)).sort(new Document("receivedAt", -1)).into(new ArrayList<>());
        rows.sort(Comparator.comparing((Document d) -> !"PENDING".equals(d.getString("status"))));
        return rows;
    }

    // 003 art. 22.2, 23.1-23.4: the zone's parcels and licences, each with its fee schedule for every year of the licence from the holder's
    // registered activity (never the licence's free text), its years of operation and the Government's exemptions
    public List<Licence> licences(String zoneId) {
        List<String> allowed = zone(zoneId).map(z -> z.getList("activities", String.class, List.of())).orElse(List.of());
        List<LandFeeSchedule.GovernmentExemption> exemptions = new ArrayList<>();
        for (Document e : landExemptions.find(eq("zoneId", zoneId))) {
            exemptions.add(new LandFeeSchedule.GovernmentExemption(e.getString("holder") == null ? null : new RegistrationId(e.getString("holder")),
                    e.getString("activity") == null ? null : Activity.valueOf(e.getString("activity")), e.getInteger("percent"),
                    LocalDate.parse(e.getString("from")), LocalDate.parse(e.getString("until")), e.getString("decision")));
        }
        List<Licence> licences = new ArrayList<>();
        for (Document row : land.find(eq("zoneId", zoneId)).sort(new Document("from", 1))) {
            Document holder = registrations.find(eq("_id", row.getString("holder"))).first();
            Activity activity = registeredActivityAllowedByTheZone(holder, allowed);
            LocalDate started = holder == null || holder.getString("operationsStartedOn") == null ? null : LocalDate.parse(holder.getString("operationsStartedOn"));
            LocalDate from = LocalDate.parse(row.getString("from"));
            LocalDate until = LocalDate.parse(row.getString("until"));
            licences.add(new Licence(row.getString("_id"), row.getString("holder"), row.getString("parcelName"), row.get("parcel", Document.class),
                    new BigDecimal(row.getString("areaHectares")), row.getString("purpose"), from, until, row.getString("method"),
                    new BigDecimal(row.getString("nominalValue")), row.getString("currency"), row.getString("status"), row.getString("revocationArticle"),
                    LandFeeSchedule.of(activity, new RegistrationId(row.getString("holder")), started, from, until, exemptions),
                    row.getString("feeDueBy") == null ? null : LocalDate.parse(row.getString("feeDueBy")), row.getString("feeReportedAt"),
                    row.getString("feeReportSha256")));
        }
        return licences;
    }

    // 003 art. 6.1, 23.1-23.2: the exemption class is the holder's activity as registered, and only if the zone's resolution allows that activity
    // (a registration accepted before registrations were checked against the resolution earns no statutory exemption)
    static Activity registeredActivityAllowedByTheZone(Document holder, List<String> allowed) {
        if (holder == null || holder.getString("activity") == null || !allowed.contains(holder.getString("activity"))) {
            return Activity.OTHER;
        }
        return Activity.valueOf(holder.getString("activity"));
    }
}
