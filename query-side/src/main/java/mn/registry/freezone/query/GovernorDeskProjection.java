package mn.registry.freezone.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import mn.registry.infrastructure.mongo.BatchedWrites;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.ZoneEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * Keeps the governor's desk in MongoDB: {@code fz_zones}, {@code fz_registrations}, {@code fz_land},
 * {@code fz_reports}. Every handler sets fields from its event ({@code $set}/{@code $addToSet}, upsert), so an
 * event delivered again leaves the same rows. Rows hold facts only; business days left are computed on reading.
 * Written in one bulk write per collection and batch of events ({@link BatchedWrites}).
 */
@Component
@ProcessingGroup(GovernorDeskProjection.PROCESSING_GROUP)
class GovernorDeskProjection {

    static final String PROCESSING_GROUP = "freezone-governor-desk";
    static final String ZONES = "fz_zones";
    static final String REGISTRATIONS = "fz_registrations";
    static final String LAND = "fz_land";
    static final String REPORTS = "fz_reports";
    static final String LAND_APPLICATIONS = "fz_land_applications";
    static final String LAND_EXEMPTIONS = "fz_land_exemptions";
    /** 003 art. 12.3: each quarter's report due date and its escalation, by {@code <zone>/<year>-Q<n>}. */
    static final String REPORT_DUES = "fz_report_dues";
    /**
     * 003 art. 12.3 (ADR 0035 items 26, 29): each reported quarter's latest signed report, by {@code <zone>/<year>-Q<n>}, so that the
     * governor's page and the Cabinet member's desk read it by {@code _id} rather than scan {@value #REPORTS} (a scan on the embedded server).
     */
    static final String REPORT_LATEST = "fz_report_latest";
    /** The marker of the one pass that filled {@value #REPORT_LATEST} from the reports projected before it existed. */
    static final String LATEST_FILLED = "filled-from-fz_reports";

    private static final ObjectMapper JSON = CanonicalJson.mapper();
    private static final UpdateOptions UPSERT = new UpdateOptions().upsert(true);

    private final BatchedWrites zones;
    private final BatchedWrites registrations;
    private final BatchedWrites land;
    private final BatchedWrites reports;
    private final BatchedWrites landApplications;
    private final BatchedWrites landExemptions;
    private final BatchedWrites reportDues;
    private final BatchedWrites reportLatest;

    GovernorDeskProjection(MongoDatabase database) {
        this.reportLatest = BatchedWrites.ordered(database.getCollection(REPORT_LATEST));
        fillLatestReports(database);
        this.landApplications = BatchedWrites.ordered(database.getCollection(LAND_APPLICATIONS));
        this.landExemptions = BatchedWrites.ordered(database.getCollection(LAND_EXEMPTIONS));
        this.zones = BatchedWrites.ordered(database.getCollection(ZONES));
        this.registrations = BatchedWrites.ordered(database.getCollection(REGISTRATIONS));
        this.land = BatchedWrites.ordered(database.getCollection(LAND));
        this.reports = BatchedWrites.ordered(database.getCollection(REPORTS));
        this.reportDues = BatchedWrites.ordered(database.getCollection(REPORT_DUES));
    }

    @EventHandler
    void on(ZoneEvents.ZoneEstablished e) {
        zones.updateOne(eq("_id", e.zoneId().value()), Updates.combine(Updates.set("name", e.name()), Updates.set("location", e.location()),
                Updates.set("areaHectares", e.areaHectares().toPlainString()), Updates.set("boundary", json(e.boundary())),
                Updates.set("resolution", e.resolution()), Updates.set("economicCooperationZone", e.economicCooperationZone()),
                Updates.set("activities", e.activities().stream().map(Enum::name).toList()), Updates.setOnInsert("open", false)), UPSERT);
        if (e.resolutionDate() != null) {
            zones.updateOne(eq("_id", e.zoneId().value()), Updates.set("resolutionDate", e.resolutionDate().toString()), UPSERT);
        }
    }

    // 003 art. 6.1 (ADR 0035 item 36): the resolution's date recorded later; the Cabinet member's desk offers the form for zones without it
    @EventHandler
    void on(ZoneEvents.ZoneResolutionDateRecorded e) {
        zones.updateOne(eq("_id", e.zoneId().value()), Updates.set("resolutionDate", e.resolutionDate().toString()), UPSERT);
    }

    @EventHandler
    void on(ZoneEvents.ZoneOpened e) {
        zones.updateOne(eq("_id", e.zoneId().value()), Updates.set("open", true), UPSERT);
    }

    @EventHandler
    void on(ZoneEvents.ZoneTemporarilyClosed e) {
        zones.updateOne(eq("_id", e.zoneId().value()), Updates.set("open", false), UPSERT);
    }

    @EventHandler
    void on(ZoneEvents.GovernorAppointed e) {
        zones.updateOne(eq("_id", e.zoneId().value()), Updates.addToSet("governors", e.governor().value()), UPSERT);
    }

    @EventHandler
    void on(ZoneEvents.GovernorDismissed e) {
        zones.updateOne(eq("_id", e.zoneId().value()), Updates.pull("governors", e.governor().value()), UPSERT);
    }

    @EventHandler
    void on(ZoneEvents.QuarterlyReportSigned e) {
        reports.updateOne(eq("_id", e.zoneId().value() + "/" + e.year() + "-Q" + e.quarter() + "/" + e.reportSha256()),
                Updates.combine(Updates.set("zoneId", e.zoneId().value()), Updates.set("year", e.year()), Updates.set("quarter", e.quarter()),
                        Updates.set("reportSha256", e.reportSha256()), Updates.set("signedAt", e.signedAt().toString()),
                        Updates.set("signedBy", e.signedBy().value()), Updates.set("corrects", e.corrects()),
                        Updates.set("contentVersion", e.version())), UPSERT);
        // the zone accepts a quarter's reports in its stream's order, each the latest (ADR 0035 item 26): the last one projected stands
        reportLatest.replaceOne(eq("_id", quarterKey(e.zoneId().value(), e.year(), e.quarter())), latestRow(e.zoneId().value(), e.year(), e.quarter(),
                e.reportSha256(), e.signedAt().toString(), e.signedBy().value(), e.corrects(), e.version()), new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    static String quarterKey(String zoneId, int year, int quarter) {
        return zoneId + "/" + year + "-Q" + quarter;
    }

    static Document latestRow(String zoneId, int year, int quarter, String sha256, String signedAt, String signedBy, String corrects, int version) {
        return new Document("_id", quarterKey(zoneId, year, quarter)).append("zoneId", zoneId).append("year", year).append("quarter", quarter)
                .append("reportSha256", sha256).append("signedAt", signedAt).append("signedBy", signedBy).append("corrects", corrects)
                .append("contentVersion", version);
    }

    /**
     * ADR 0035 item 29: fills {@value #REPORT_LATEST} once for the reports projected before it existed (the latest of each quarter by the time
     * of signing, as the scan it replaces chose), then writes its marker; a row the projection wrote meanwhile (a newer report) is kept, since
     * each row is inserted only where none is. Runs as the projection is built, before its processor starts on this node.
     */
    static void fillLatestReports(MongoDatabase database) {
        com.mongodb.client.MongoCollection<Document> latest = database.getCollection(REPORT_LATEST);
        if (latest.find(eq("_id", LATEST_FILLED)).first() != null) {
            return;
        }
        java.util.Map<String, Document> last = new java.util.HashMap<>();
        for (Document d : database.getCollection(REPORTS).find()) {
            String key = quarterKey(d.getString("zoneId"), d.getInteger("year"), d.getInteger("quarter"));
            Document seen = last.get(key);
            if (seen == null || java.time.Instant.parse(d.getString("signedAt")).isAfter(java.time.Instant.parse(seen.getString("signedAt")))) {
                last.put(key, d);
            }
        }
        for (Document d : last.values()) {
            insertIfAbsent(latest, latestRow(d.getString("zoneId"), d.getInteger("year"), d.getInteger("quarter"), d.getString("reportSha256"),
                    d.getString("signedAt"), d.getString("signedBy"), d.getString("corrects"), d.getInteger("contentVersion", 1)));
        }
        insertIfAbsent(latest, new Document("_id", LATEST_FILLED).append("article", "003 art. 12.3"));
    }

    private static void insertIfAbsent(com.mongodb.client.MongoCollection<Document> collection, Document row) {
        try {
            collection.insertOne(row);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @EventHandler
    void on(ZoneEvents.QuarterlyReportDue e) {
        reportDues.updateOne(eq("_id", e.zoneId().value() + "/" + e.year() + "-Q" + e.quarter()), Updates.combine(Updates.set("zoneId", e.zoneId().value()),
                Updates.set("dueOn", e.dueOn().toString()), Updates.set("article", e.article())), UPSERT);
    }

    @EventHandler
    void on(ZoneEvents.QuarterlyReportDueRecomputed e) {
        reportDues.updateOne(eq("_id", e.zoneId().value() + "/" + e.year() + "-Q" + e.quarter()), Updates.set("dueOn", e.dueOn().toString()), UPSERT);
    }

    @EventHandler
    void on(ZoneEvents.QuarterlyReportOverdue e) {
        reportDues.updateOne(eq("_id", e.zoneId().value() + "/" + e.year() + "-Q" + e.quarter()), Updates.set("escalatedAt", e.escalatedAt().toString()),
                UPSERT);
    }

    /**
     * The fields of a registration period, kept in the row's {@code periods} when a new application starts the row afresh. The court's day
     * (003 art. 12.5.3; ADR 0035 item 71, F337, was O180): a decision recorded in an earlier period dissolves the entity, so the desk of its
     * other zone judges by it as the command side does ({@link GovernorDesk#dissolutionRecordedElsewhere}).
     */
    static final List<String> PERIOD_FIELDS = List.of("entityName", "jurisdiction", "country", "activity", "certificateNumber",
            "certificateIssuedOn", "registeredAt", "agreementSignedOn", "agreementEndsOn", "investmentAmount", "investmentCurrency",
            "foreignInvested", "deregisteredOn", "courtDecidedOn");

    @EventHandler
    void on(RegistrationEvents.ZoneRegistrationApplied e) {
        // a new application (also after a rejection) starts the row afresh, keeping the registration periods before it (003 art. 12.3,
        // ADR 0035 item 52: the quarterly report's version 2 lists each period of the quarter)
        BatchedWrites.flushPending();
        List<Document> periods = periodsBefore(registrations.collection().find(eq("_id", e.registrationId().value())).first(), e.receivedAt());
        Document row = new Document("zoneId", e.zoneId().value()).append("entityName", e.entity().name())
                .append("jurisdiction", e.entity().jurisdiction().name()).append("country", e.entity().country())
                .append("entityRegistrationNumber", e.entity().registrationNumber()).append("activity", e.activity().name())
                .append("documents", e.documents().stream().map(d -> new Document("kind", d.kind().name()).append("sha256", d.sha256())).toList())
                .append("receivedAt", e.receivedAt().toString()).append("reviewDue", e.reviewDue().toString())
                .append("workingDays", e.workingDays().value()).append("calendarVersion", e.calendarVersion().value())
                .append("article", e.article()).append("status", "APPLIED").append("grounds", List.of()).append("periods", periods);
        registrations.replaceOne(eq("_id", e.registrationId().value()), row.append("_id", e.registrationId().value()),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /**
     * The registration periods before an application received at {@code receivedAt}: those the row keeps and, if it holds a period of its
     * own (a certificate), that period too, each registered before the application and kept once (by the moment of its registration), so
     * that an application handled again (a batch that failed half-way) gives the same periods.
     */
    static List<Document> periodsBefore(Document row, java.time.Instant receivedAt) {
        List<Document> periods = new java.util.ArrayList<>();
        if (row == null) {
            return periods;
        }
        java.util.function.Predicate<Document> before = p -> java.time.Instant.parse(p.getString("registeredAt")).isBefore(receivedAt);
        row.getList("periods", Document.class, List.of()).stream().filter(before).forEach(periods::add);
        if (row.getString("certificateIssuedOn") != null && before.test(row)
                && periods.stream().noneMatch(p -> row.getString("registeredAt").equals(p.getString("registeredAt")))) {
            Document period = new Document();
            PERIOD_FIELDS.forEach(field -> period.append(field, row.get(field)));
            periods.add(period);
        }
        return periods;
    }

    @EventHandler
    void on(RegistrationEvents.ZoneRegistrationReviewOverdue e) {
        set(e.registrationId().value(), Updates.set("escalated", true), Updates.set("escalatedAt", e.escalatedAt().toString()));
    }

    @EventHandler
    void on(RegistrationEvents.ZoneRegistrationReviewDueRecomputed e) {
        set(e.registrationId().value(), Updates.set("reviewDue", e.reviewDue().toString()), Updates.set("calendarVersion", e.calendarVersion().value()));
    }

    @EventHandler
    void on(RegistrationEvents.EntityRegistered e) {
        set(e.registrationId().value(), Updates.set("status", "REGISTERED"), Updates.set("certificateNumber", e.certificate().number()),
                Updates.set("certificateIssuedOn", e.certificate().issuedOn().toString()), Updates.set("validOnlyIn", e.certificate().validOnlyIn().value()),
                Updates.set("registeredAt", e.registeredAt().toString()),
                // 003 art. 12.2 (ADR 0035 item 170; F614): a decision received after the 5 business days, shown late
                e.lateAfter() == null ? Updates.unset("lateAfter") : Updates.set("lateAfter", e.lateAfter().toString()),
                // ADR 0035 item 6: the year to start runs from the certificate until an investment agreement moves it
                Updates.set("startDueBy", mn.registry.kernel.freezone.FreeZoneTerms.startDueBy(e.certificate().issuedOn()).toString()));
    }

    @EventHandler
    void on(RegistrationEvents.ZoneRegistrationRejected e) {
        set(e.registrationId().value(), Updates.set("status", "REJECTED"), Updates.set("rejectionReasons", e.reasons()),
                Updates.set("rejectedAt", e.rejectedAt().toString()),
                e.lateAfter() == null ? Updates.unset("lateAfter") : Updates.set("lateAfter", e.lateAfter().toString()));
    }

    @EventHandler
    void on(RegistrationEvents.InvestmentAgreementRecorded e) {
        set(e.registrationId().value(), Updates.set("agreementSignedOn", e.signedOn().toString()), Updates.set("agreementEndsOn", e.endsOn().toString()),
                Updates.set("investmentAmount", e.investment().amount().toPlainString()), Updates.set("investmentCurrency", e.investment().currency()),
                Updates.set("foreignInvested", e.foreignInvested()), Updates.set("startDueBy", e.startDueBy().toString()));
    }

    @EventHandler
    void on(RegistrationEvents.OperationsStarted e) {
        set(e.registrationId().value(), Updates.set("operationsStartedOn", e.on().toString()));
    }

    @EventHandler
    void on(RegistrationEvents.OperationsInterrupted e) {
        set(e.registrationId().value(), Updates.set("interruptedOn", e.on().toString()), Updates.set("resumeDueBy", e.resumeDueBy().toString()));
    }

    // 003 art. 6.4, 12.5 (ADR 0035 item 21): the year to start or the 12 months of interruption moved by the zone's closure
    @EventHandler
    void on(RegistrationEvents.GroundDueMovedByClosure e) {
        set(e.registrationId().value(), Updates.set(e.ground() == mn.registry.kernel.freezone.DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR
                ? "startDueBy" : "resumeDueBy", e.dueBy().toString()));
    }

    @EventHandler
    void on(RegistrationEvents.OperationsResumed e) {
        set(e.registrationId().value(), Updates.unset("interruptedOn"), Updates.unset("resumeDueBy"), Updates.set("resumedOn", e.on().toString()));
    }

    @EventHandler
    void on(RegistrationEvents.CourtDissolutionRecorded e) {
        set(e.registrationId().value(), Updates.set("courtReference", e.reference()), Updates.set("courtDecidedOn", e.decidedOn().toString()),
                Updates.unset("courtDecisionToRecord"));
    }

    // 003 art. 12.5.3 (ADR 0035 item 85; F417): the governor's duty to record here a dissolution recorded in another zone, its last day, its escalation
    @EventHandler
    void on(RegistrationEvents.CourtDecisionToRecord e) {
        set(e.registrationId().value(), Updates.set("courtDecisionToRecord", new Document("recordedIn", e.recordedIn().value())
                .append("reference", e.reference()).append("decidedOn", e.decidedOn().toString()).append("dueOn", e.dueOn().toString())
                .append("article", e.article())));
    }

    // 003 art. 12.5.3; domain-rules §2 (ADR 0035 item 89; O259): a calendar change moved the duty's last day
    @EventHandler
    void on(RegistrationEvents.CourtDecisionToRecordDueRecomputed e) {
        set(e.registrationId().value(), Updates.set("courtDecisionToRecord.dueOn", e.dueOn().toString()));
    }

    // 003 art. 12.5.3 (ADR 0035 item 88; F418): the governor declined with reasons: the duty leaves the desk's list, the entity's page says why
    @EventHandler
    void on(RegistrationEvents.CourtDecisionRecordingDeclined e) {
        set(e.registrationId().value(), Updates.unset("courtDecisionToRecord"), Updates.set("courtDecisionDeclined",
                new Document("decidedOn", e.decidedOn().toString()).append("reasons", e.reasons()).append("declinedAt", e.declinedAt().toString())
                        .append("declinedBy", e.declinedBy().value()).append("article", e.article())));
    }

    @EventHandler
    void on(RegistrationEvents.CourtDecisionToRecordOverdue e) {
        set(e.registrationId().value(), Updates.set("courtDecisionToRecord.escalatedAt", e.escalatedAt().toString()));
    }

    @EventHandler
    void on(RegistrationEvents.DeregistrationGroundRaised e) {
        set(e.registrationId().value(), Updates.addToSet("grounds", new Document("ground", e.ground().name()).append("article", e.article())
                .append("since", e.since().toString())));
    }

    @EventHandler
    void on(RegistrationEvents.EntityDeregistered e) {
        set(e.registrationId().value(), Updates.set("status", "DEREGISTERED"), Updates.set("deregisteredOn", e.deregisteredAt().toString()),
                Updates.set("deregistrationGround", e.ground().name()), Updates.set("deregistrationArticle", e.article()),
                Updates.set("taxClawbackDue", e.taxClawbackDue()), Updates.unset("courtDecisionToRecord"));
    }

    @EventHandler
    void on(LandEvents.LandRightsGranted e) {
        land.updateOne(eq("_id", e.licenceId().value()), Updates.combine(Updates.set("zoneId", e.zoneId().value()),
                Updates.set("holder", e.holder().value()), Updates.set("parcelName", e.parcelName()), Updates.set("parcel", json(e.parcel())),
                Updates.set("areaHectares", e.areaHectares().toPlainString()), Updates.set("purpose", e.purpose()),
                Updates.set("from", e.from().toString()), Updates.set("until", e.until().toString()), Updates.set("method", e.method().name()),
                Updates.set("nominalValue", e.nominalValue().amount().toPlainString()), Updates.set("currency", e.nominalValue().currency()),
                Updates.set("decision", e.decision()), Updates.set("applicationId", e.applicationId() == null ? null : e.applicationId().value()),
                Updates.set("feeDueBy", e.feeDueBy() == null ? null : e.feeDueBy().toString()), Updates.setOnInsert("status", "GRANTED_FEE_DUE")), UPSERT);
        if (e.applicationId() != null) {
            landApplications.updateOne(eq("_id", e.applicationId().value()), Updates.combine(Updates.set("status", "GRANTED"),
                    Updates.set("licenceId", e.licenceId().value()), Updates.set("decidedAt", e.grantedAt().toString())), UPSERT);
        }
    }

    // 003 art. 22.2, 22.4: the entity's application for land use, pending until the governor decides
    @EventHandler
    void on(LandEvents.LandUseApplied e) {
        landApplications.updateOne(eq("_id", e.applicationId().value()), Updates.combine(Updates.set("zoneId", e.zoneId().value()),
                Updates.set("applicant", e.applicant().value()), Updates.set("parcelName", e.parcelName()), Updates.set("parcel", json(e.parcel())),
                Updates.set("areaHectares", e.areaHectares().toPlainString()), Updates.set("purpose", e.purpose()),
                Updates.set("from", e.from().toString()), Updates.set("until", e.until().toString()), Updates.set("method", e.method().name()),
                Updates.set("receivedAt", e.receivedAt().toString()), Updates.setOnInsert("status", "PENDING")), UPSERT);
    }

    // 003 art. 22.4, 22.5 (ADR 0035 item 130, F541): the result of the tender or auction that selected the application; the grant's form
    // prefills its nominal value (new fields on a new event: no rebuild)
    @EventHandler
    void on(LandEvents.LandSelectionResultRecorded e) {
        landApplications.updateOne(eq("_id", e.applicationId().value()), Updates.combine(Updates.set("selectionValue",
                e.nominalValue().amount().toPlainString()), Updates.set("selectionCurrency", e.nominalValue().currency()),
                Updates.set("selectionSha256", e.resultSha256()), Updates.set("selectedAt", e.recordedAt().toString())), UPSERT);
    }

    // 003 art. 22.4 (ADR 0035 item 147, F582): the result annulled before a grant: the application has none until a new one is recorded
    @EventHandler
    void on(LandEvents.LandSelectionResultAnnulled e) {
        landApplications.updateOne(eq("_id", e.applicationId().value()), Updates.combine(Updates.unset("selectionValue"),
                Updates.unset("selectionCurrency"), Updates.unset("selectionSha256"), Updates.unset("selectedAt"),
                Updates.set("selectionAnnulledAt", e.annulledAt().toString()), Updates.set("selectionAnnulledReasons", e.reasons())), UPSERT);
    }

    @EventHandler
    void on(LandEvents.LandUseRefused e) {
        landApplications.updateOne(eq("_id", e.applicationId().value()), Updates.combine(Updates.set("status", "REFUSED"),
                Updates.set("reasons", e.reasons()), Updates.set("decidedAt", e.refusedAt().toString())), UPSERT);
    }

    // 003 art. 22.2 (ADR 0035 item 86; F416): withdrawn by its applicant: no longer pending, nothing is decided on it
    @EventHandler
    void on(LandEvents.LandApplicationWithdrawn e) {
        landApplications.updateOne(eq("_id", e.applicationId().value()), Updates.combine(Updates.set("status", "WITHDRAWN"),
                Updates.set("decidedAt", e.withdrawnAt().toString())), UPSERT);
    }

    // 003 art. 23.3-23.4: the Government's exemptions, applied in the fee schedules
    @EventHandler
    void on(LandEvents.LandFeeExemptionGranted e) {
        landExemptions.updateOne(eq("_id", e.zoneId().value() + "/" + e.number()), Updates.combine(Updates.set("zoneId", e.zoneId().value()),
                Updates.set("holder", e.holder() == null ? null : e.holder().value()), Updates.set("activity", e.activity() == null ? null : e.activity().name()),
                Updates.set("percent", e.percent()), Updates.set("from", e.from().toString()), Updates.set("until", e.until().toString()),
                Updates.set("decision", e.decision()), Updates.set("decidedOn", e.decidedOn().toString()),
                Updates.set("decisionSha256", e.decisionSha256()), Updates.set("grantedAt", e.grantedAt().toString())), UPSERT);
    }

    @EventHandler
    void on(LandEvents.LandLicenceIssued e) {
        land.updateOne(eq("_id", e.licenceId().value()), Updates.combine(Updates.set("status", "ISSUED"), Updates.set("feeReceipt", e.receipt()),
                Updates.set("issuedAt", e.issuedAt().toString())), UPSERT);
    }

    @EventHandler
    void on(LandEvents.LandRightsRevoked e) {
        land.updateOne(eq("_id", e.licenceId().value()), Updates.combine(Updates.set("status", "REVOKED"), Updates.set("revokedAt", e.revokedAt().toString()),
                Updates.set("revocationArticle", e.article()), Updates.set("revocationGround", e.ground().name())), UPSERT);
    }

    // 003 art. 22.5, 22.7 (F131): the holder reported the fee paid in time, by its receipt's document; the governor records it
    @EventHandler
    void on(LandEvents.LandFeePaymentReported e) {
        land.updateOne(eq("_id", e.licenceId().value()), Updates.combine(Updates.set("feeReportedAt", e.reportedAt().toString()),
                Updates.set("feeReportSha256", e.receiptSha256())), UPSERT);
    }

    // 003 art. 22.5, 22.7 (F125): unpaid by its last day, the grant lapsed and the parcel is free
    @EventHandler
    void on(LandEvents.LandRightsLapsed e) {
        land.updateOne(eq("_id", e.licenceId().value()), Updates.combine(Updates.set("status", "LAPSED"), Updates.set("lapsedAt", e.lapsedAt().toString()),
                Updates.set("revocationArticle", e.article())), UPSERT);
    }

    @ResetHandler
    void reset() {
        zones.collection().deleteMany(new Document());
        registrations.collection().deleteMany(new Document());
        land.collection().deleteMany(new Document());
        reports.collection().deleteMany(new Document());
        landApplications.collection().deleteMany(new Document());
        landExemptions.collection().deleteMany(new Document());
        reportDues.collection().deleteMany(new Document());
        reportLatest.collection().deleteMany(com.mongodb.client.model.Filters.ne("_id", LATEST_FILLED)); // the replay writes every row again
    }

    private void set(String registrationId, Bson... updates) {
        registrations.updateOne(eq("_id", registrationId), Updates.combine(updates), UPSERT);
    }

    private static Document json(Object value) {
        return Document.parse(JSON.valueToTree(value).toString());
    }
}
