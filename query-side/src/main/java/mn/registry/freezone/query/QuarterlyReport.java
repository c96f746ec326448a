package mn.registry.freezone.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.crypto.Sha256;
import mn.registry.kernel.freezone.QuarterlyReportContent;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.projection.Csv;
import org.bson.Document;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;

/**
 * The report of 003 art. 12.3 as the governor's desk shows it: the kernel's {@link QuarterlyReportContent#build} over the
 * registrations of the zone as the projection holds them, so that its bytes and SHA-256 (of its RFC 8785 JSON) are those
 * the command side builds from the events and checks when the governor signs with {@code SignQuarterlyReport}.
 */
@Component
public class QuarterlyReport {

    public record Entity(String registrationId, String name, String jurisdiction, String country, String certificateNumber, String activity,
                  LocalDate registeredOn, String agreementSignedOn, String agreementEndsOn, BigDecimal investment, String currency, String statusAtQuarterEnd) {
    }

    public record Report(String zoneId, int year, int quarter, LocalDate firstDay, LocalDate lastDay, List<Entity> entities,
                  Map<String, BigDecimal> totalInvestment, String article) {
    }

    /**
     * The report (version 2, ADR 0035 item 52), its hash, and the governor's signature if one was given for exactly these bytes; when it is
     * due (003 art. 12.3, 15 working days after the quarter) and when it was escalated as overdue, if it was. {@code version1} is set when
     * the quarter's latest report was signed on version 1 and is still the registry's content rebuilt as version 1: the quarter then stands
     * on it (shown as signed) unless version 2 lists a period it left out, when version 2 is offered as its correction.
     */
    public record Signed(QuarterlyReportContent.ReportV2 report, String sha256, String signedBy, String signedAt, String dueOn, String escalatedAt,
                         String corrects, Latest latest, Version1 version1) {
    }

    /** A quarter's latest report signed on version 1, rebuilt as version 1; whether version 2 lists a period it left out (O96). */
    public record Version1(Report report, String sha256, boolean earlierPeriodMissing) {
    }

    /**
     * 003 art. 12.3 (ADR 0035 item 26): the quarter's latest signed report (the one that stands), and the earlier report it corrects
     * (null for the quarter's first); a new report of the quarter names it as the report it corrects.
     */
    public record Latest(String sha256, String signedBy, String signedAt, String corrects, int version) {
    }

    private final MongoCollection<Document> registrations;
    private final MongoCollection<Document> reports;
    private final MongoCollection<Document> dues;
    private final MongoCollection<Document> latestReports;
    private final MongoDatabase database;
    /** The desk's tokens: while they replay (ADR 0035 item 58) the desk is not the quarter's report. */
    private final TokenStore tokens;

    /** A desk no processor writes (its rows written directly): rebuilt unless its marker says it is being reset. */
    QuarterlyReport(MongoDatabase database) {
        this(database, new InMemoryTokenStore());
    }

    @Autowired
    QuarterlyReport(MongoDatabase database, TokenStore tokens) {
        this.database = database;
        this.tokens = tokens;
        this.latestReports = database.getCollection(GovernorDeskProjection.REPORT_LATEST);
        this.registrations = database.getCollection(GovernorDeskProjection.REGISTRATIONS);
        this.reports = database.getCollection(GovernorDeskProjection.REPORTS);
        this.dues = database.getCollection(GovernorDeskProjection.REPORT_DUES);
    }

    // 003 art. 12.3: each quarter, foreign-invested legal entities and their investments, as at the quarter's end (version 1, ADR 0035 item 52:
    // the content of the reports signed before version 2, rebuilt to show them; its hole is that it reads each row's latest period only)
    public Report build(String zoneId, int year, int quarter) {
        return of(version1(zoneId, quarterOf(year, quarter), rows(zoneId)));
    }

    /**
     * 003 art. 12.3, version 2 (ADR 0035 items 43, 52): every registration period of each row (those its earlier applications closed, kept
     * in {@code periods}, and its own), the kernel's {@link QuarterlyReportContent#buildV2}: the bytes the command side builds and checks.
     */
    public QuarterlyReportContent.ReportV2 buildV2(String zoneId, int year, int quarter) {
        return version2(zoneId, quarterOf(year, quarter), rows(zoneId));
    }

    private List<Document> rows(String zoneId) {
        GovernorDeskRebuild.awaitRebuilt(database, tokens); // ADR 0035 item 58: a desk half replayed is not the quarter's report
        return registrations.find(eq("zoneId", zoneId)).into(new ArrayList<>());
    }

    private static QuarterlyReportContent.Report version1(String zoneId, QuarterlyReportContent.Quarter quarter, List<Document> rows) {
        List<QuarterlyReportContent.EntityRecord> records = new ArrayList<>();
        for (Document row : rows) {
            if (row.getString("certificateIssuedOn") != null) {
                records.add(record(row.getString("_id"), row));
            }
        }
        return QuarterlyReportContent.build(ZoneId.of(zoneId), quarter, records);
    }

    private static QuarterlyReportContent.ReportV2 version2(String zoneId, QuarterlyReportContent.Quarter quarter, List<Document> rows) {
        List<List<QuarterlyReportContent.EntityRecord>> streams = new ArrayList<>();
        for (Document row : rows) {
            String id = row.getString("_id");
            List<QuarterlyReportContent.EntityRecord> periods = new ArrayList<>();
            row.getList("periods", Document.class, List.of()).forEach(period -> periods.add(record(id, period)));
            if (row.getString("certificateIssuedOn") != null) {
                periods.add(record(id, row));
            }
            streams.add(periods);
        }
        return QuarterlyReportContent.buildV2(ZoneId.of(zoneId), quarter, streams);
    }

    private static QuarterlyReportContent.Quarter quarterOf(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1-4");
        }
        return new QuarterlyReportContent.Quarter(year, quarter);
    }

    /** One registration period as the row (or a period it keeps) holds it. */
    private static QuarterlyReportContent.EntityRecord record(String registrationId, Document period) {
        String deregistered = period.getString("deregisteredOn");
        return new QuarterlyReportContent.EntityRecord(registrationId, period.getString("entityName"), period.getString("jurisdiction"),
                period.getString("country"), period.getString("certificateNumber"), period.getString("activity"),
                LocalDate.parse(period.getString("certificateIssuedOn")), date(period.getString("agreementSignedOn")),
                date(period.getString("agreementEndsOn")),
                period.getString("investmentAmount") == null ? null : new BigDecimal(period.getString("investmentAmount")),
                period.getString("investmentCurrency"), Boolean.TRUE.equals(period.getBoolean("foreignInvested")),
                deregistered == null ? null : UlaanbaatarTime.dateOf(Instant.parse(deregistered)));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    /** The kernel's report in this API's records (the same fields, so the same JSON and the same hash). */
    static Report of(QuarterlyReportContent.Report r) {
        return new Report(r.zoneId(), r.year(), r.quarter(), r.firstDay(), r.lastDay(), r.entities().stream().map(e -> new Entity(e.registrationId(),
                e.name(), e.jurisdiction(), e.country(), e.certificateNumber(), e.activity(), e.registeredOn(), e.agreementSignedOn(), e.agreementEndsOn(),
                e.investment(), e.currency(), e.statusAtQuarterEnd())).toList(), r.totalInvestment(), r.article());
    }

    public Signed signed(String zoneId, int year, int quarter) {
        QuarterlyReportContent.Quarter q = quarterOf(year, quarter);
        List<Document> rows = rows(zoneId);
        QuarterlyReportContent.ReportV2 report = version2(zoneId, q, rows);
        String sha256 = QuarterlyReportContent.sha256(report);
        Latest latest = latest(zoneId, year, quarter);
        Document signature = signature(zoneId, q, sha256);
        Version1 version1 = null;
        if (signature == null && latest != null && latest.version() == 1) {
            QuarterlyReportContent.Report rebuilt = version1(zoneId, q, rows);
            String rebuiltSha256 = QuarterlyReportContent.sha256(rebuilt);
            if (rebuiltSha256.equals(latest.sha256())) {
                version1 = new Version1(of(rebuilt), rebuiltSha256, QuarterlyReportContent.version1LeftOutAPeriod(rebuilt, report));
                signature = version1.earlierPeriodMissing() ? null : signature(zoneId, q, rebuiltSha256);
            }
        }
        Document due = dues.find(eq("_id", zoneId + "/" + year + "-Q" + quarter)).first();
        return new Signed(report, sha256, signature == null ? null : signature.getString("signedBy"), signature == null ? null : signature.getString("signedAt"),
                due == null ? null : due.getString("dueOn"), due == null ? null : due.getString("escalatedAt"),
                signature == null ? null : signature.getString("corrects"), latest, version1);
    }

    private Document signature(String zoneId, QuarterlyReportContent.Quarter quarter, String sha256) {
        return reports.find(eq("_id", zoneId + "/" + quarter.label() + "/" + sha256)).first();
    }

    /** The quarter's latest signed report, by its row's {@code _id} (ADR 0035 item 29: no scan of the quarter's reports). */
    Latest latest(String zoneId, int year, int quarter) {
        Document last = latestReports.find(eq("_id", GovernorDeskProjection.quarterKey(zoneId, year, quarter))).first();
        return last == null ? null : new Latest(last.getString("reportSha256"), last.getString("signedBy"), last.getString("signedAt"), last.getString("corrects"),
                last.getInteger("contentVersion", 1));
    }

    public static String sha256(Report report) {
        JsonNode json = CanonicalJson.mapper().valueToTree(report);
        return Sha256.hex(CanonicalJson.canonicalize(json));
    }

    /** RFC 4180 CSV ({@link Csv}) of version 2, one line per registration period of an entity (ADR 0035 item 52). */
    static String csv(QuarterlyReportContent.ReportV2 report) {
        List<List<Object>> lines = new ArrayList<>();
        for (QuarterlyReportContent.EntityV2 e : report.entities()) {
            for (QuarterlyReportContent.Period p : e.periods()) {
                lines.add(List.of(report.zoneId(), report.year(), report.quarter(), e.registrationId(), e.name(), e.jurisdiction(),
                        nz(e.country()), nz(p.certificateNumber()), e.activity(), p.registeredOn(), p.deregisteredOn() == null ? "" : p.deregisteredOn(),
                        nz(e.agreementSignedOn()), nz(e.agreementEndsOn()), e.investment() == null ? "" : e.investment().toPlainString(), nz(e.currency()),
                        p.statusAtQuarterEnd()));
            }
        }
        return Csv.of(List.of("zone", "year", "quarter", "registration_id", "name", "jurisdiction", "country", "certificate", "activity",
                "registered_on", "deregistered_on", "agreement_signed_on", "agreement_ends_on", "investment", "currency", "status_at_quarter_end"), lines);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
