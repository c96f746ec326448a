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
     * The report, its hash, and the governor's signature if one was given for exactly these bytes; when it is due (003 art.
     * 12.3, 15 working days after the quarter) and when it was escalated as overdue, if it was.
     */
    public record Signed(Report report, String sha256, String signedBy, String signedAt, String dueOn, String escalatedAt, String corrects,
                         Latest latest) {
    }

    /**
     * 003 art. 12.3 (ADR 0035 item 26): the quarter's latest signed report (the one that stands), and the earlier report it corrects
     * (null for the quarter's first); a new report of the quarter names it as the report it corrects.
     */
    public record Latest(String sha256, String signedBy, String signedAt, String corrects) {
    }

    private final MongoCollection<Document> registrations;
    private final MongoCollection<Document> reports;
    private final MongoCollection<Document> dues;
    private final MongoCollection<Document> latestReports;

    QuarterlyReport(MongoDatabase database) {
        this.latestReports = database.getCollection(GovernorDeskProjection.REPORT_LATEST);
        this.registrations = database.getCollection(GovernorDeskProjection.REGISTRATIONS);
        this.reports = database.getCollection(GovernorDeskProjection.REPORTS);
        this.dues = database.getCollection(GovernorDeskProjection.REPORT_DUES);
    }

    // 003 art. 12.3: each quarter, foreign-invested legal entities and their investments, as at the quarter's end
    public Report build(String zoneId, int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1-4");
        }
        List<QuarterlyReportContent.EntityRecord> records = new ArrayList<>();
        for (Document row : registrations.find(eq("zoneId", zoneId))) {
            String issued = row.getString("certificateIssuedOn");
            if (issued == null) {
                continue;
            }
            String deregistered = row.getString("deregisteredOn");
            records.add(new QuarterlyReportContent.EntityRecord(row.getString("_id"), row.getString("entityName"), row.getString("jurisdiction"),
                    row.getString("country"), row.getString("certificateNumber"), row.getString("activity"), LocalDate.parse(issued),
                    date(row.getString("agreementSignedOn")), date(row.getString("agreementEndsOn")),
                    row.getString("investmentAmount") == null ? null : new BigDecimal(row.getString("investmentAmount")), row.getString("investmentCurrency"),
                    Boolean.TRUE.equals(row.getBoolean("foreignInvested")),
                    deregistered == null ? null : UlaanbaatarTime.dateOf(Instant.parse(deregistered))));
        }
        return of(QuarterlyReportContent.build(ZoneId.of(zoneId), new QuarterlyReportContent.Quarter(year, quarter), records));
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
        Report report = build(zoneId, year, quarter);
        String sha256 = sha256(report);
        Document signature = reports.find(eq("_id", zoneId + "/" + year + "-Q" + quarter + "/" + sha256)).first();
        Document due = dues.find(eq("_id", zoneId + "/" + year + "-Q" + quarter)).first();
        return new Signed(report, sha256, signature == null ? null : signature.getString("signedBy"), signature == null ? null : signature.getString("signedAt"),
                due == null ? null : due.getString("dueOn"), due == null ? null : due.getString("escalatedAt"),
                signature == null ? null : signature.getString("corrects"), latest(zoneId, year, quarter));
    }

    /** The quarter's latest signed report, by its row's {@code _id} (ADR 0035 item 29: no scan of the quarter's reports). */
    Latest latest(String zoneId, int year, int quarter) {
        Document last = latestReports.find(eq("_id", GovernorDeskProjection.quarterKey(zoneId, year, quarter))).first();
        return last == null ? null : new Latest(last.getString("reportSha256"), last.getString("signedBy"), last.getString("signedAt"), last.getString("corrects"));
    }

    public static String sha256(Report report) {
        JsonNode json = CanonicalJson.mapper().valueToTree(report);
        return Sha256.hex(CanonicalJson.canonicalize(json));
    }

    /** RFC 4180 CSV ({@link Csv}), one line per entity. */
    static String csv(Report report) {
        List<List<Object>> lines = new ArrayList<>();
        for (Entity e : report.entities()) {
            lines.add(List.of(report.zoneId(), report.year(), report.quarter(), e.registrationId(), e.name(), e.jurisdiction(),
                    nz(e.country()), nz(e.certificateNumber()), e.activity(), e.registeredOn(), nz(e.agreementSignedOn()), nz(e.agreementEndsOn()),
                    e.investment() == null ? "" : e.investment().toPlainString(), nz(e.currency()), e.statusAtQuarterEnd()));
        }
        return Csv.of(List.of("zone", "year", "quarter", "registration_id", "name", "jurisdiction", "country", "certificate", "activity",
                "registered_on", "agreement_signed_on", "agreement_ends_on", "investment", "currency", "status_at_quarter_end"), lines);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
