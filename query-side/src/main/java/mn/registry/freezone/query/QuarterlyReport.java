package mn.registry.freezone.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.kernel.crypto.Sha256;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.mongodb.client.model.Filters.eq;

/**
 * The report of 003 art. 12.3: per zone and quarter, the foreign-invested legal entities (a foreign entity, or an
 * investment agreement marked foreign) registered by the quarter's last day and not deregistered before its first,
 * with their investments. Built from the projections; the governor signs its SHA-256 (of its RFC 8785 JSON)
 * with {@code SignQuarterlyReport} before it goes to the Cabinet member.
 */
@Component
public class QuarterlyReport {

    public record Entity(String registrationId, String name, String jurisdiction, String country, String certificateNumber, String activity,
                  LocalDate registeredOn, String agreementSignedOn, String agreementEndsOn, BigDecimal investment, String currency, String statusAtQuarterEnd) {
    }

    public record Report(String zoneId, int year, int quarter, LocalDate firstDay, LocalDate lastDay, List<Entity> entities,
                  Map<String, BigDecimal> totalInvestment, String article) {
    }

    /** The report, its hash, and the governor's signature if one was given for exactly these bytes. */
    public record Signed(Report report, String sha256, String signedBy, String signedAt) {
    }

    private final MongoCollection<Document> registrations;
    private final MongoCollection<Document> reports;

    QuarterlyReport(MongoDatabase database) {
        this.registrations = database.getCollection(GovernorDeskProjection.REGISTRATIONS);
        this.reports = database.getCollection(GovernorDeskProjection.REPORTS);
    }

    // 003 art. 12.3: each quarter, foreign-invested legal entities and their investments
    public Report build(String zoneId, int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("a quarter is 1-4");
        }
        LocalDate first = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        LocalDate last = first.plusMonths(3).minusDays(1);
        List<Entity> entities = new ArrayList<>();
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Document row : registrations.find(eq("zoneId", zoneId)).sort(new Document("_id", 1))) {
            String issued = row.getString("certificateIssuedOn");
            boolean foreign = "FOREIGN".equals(row.getString("jurisdiction")) || Boolean.TRUE.equals(row.getBoolean("foreignInvested"));
            if (issued == null || !foreign || LocalDate.parse(issued).isAfter(last)) {
                continue;
            }
            String deregistered = row.getString("deregisteredOn");
            LocalDate deregisteredOn = deregistered == null ? null : LocalDate.parse(deregistered.substring(0, 10));
            if (deregisteredOn != null && deregisteredOn.isBefore(first)) {
                continue;
            }
            BigDecimal investment = row.getString("investmentAmount") == null ? null : new BigDecimal(row.getString("investmentAmount"));
            String currency = row.getString("investmentCurrency");
            if (investment != null) {
                totals.merge(currency, investment, BigDecimal::add);
            }
            entities.add(new Entity(row.getString("_id"), row.getString("entityName"), row.getString("jurisdiction"), row.getString("country"),
                    row.getString("certificateNumber"), row.getString("activity"), LocalDate.parse(issued), row.getString("agreementSignedOn"),
                    row.getString("agreementEndsOn"), investment, currency,
                    deregisteredOn != null && !deregisteredOn.isAfter(last) ? "DEREGISTERED" : "REGISTERED"));
        }
        return new Report(zoneId, year, quarter, first, last, entities, totals, "003 art. 12.3");
    }

    public Signed signed(String zoneId, int year, int quarter) {
        Report report = build(zoneId, year, quarter);
        String sha256 = sha256(report);
        Document signature = reports.find(eq("_id", zoneId + "/" + year + "-Q" + quarter + "/" + sha256)).first();
        return new Signed(report, sha256, signature == null ? null : signature.getString("signedBy"), signature == null ? null : signature.getString("signedAt"));
    }

    public static String sha256(Report report) {
        JsonNode json = CanonicalJson.mapper().valueToTree(report);
        return Sha256.hex(CanonicalJson.canonicalize(json));
    }

    /** RFC 4180 CSV, one line per entity. */
    static String csv(Report report) {
        StringBuilder csv = new StringBuilder("zone,year,quarter,registration_id,name,jurisdiction,country,certificate,activity,registered_on,"
                + "agreement_signed_on,agreement_ends_on,investment,currency,status_at_quarter_end\r\n");
        for (Entity e : report.entities()) {
            List<Object> cells = List.of(report.zoneId(), report.year(), report.quarter(), e.registrationId(), e.name(), e.jurisdiction(),
                    nz(e.country()), nz(e.certificateNumber()), e.activity(), e.registeredOn(), nz(e.agreementSignedOn()), nz(e.agreementEndsOn()),
                    e.investment() == null ? "" : e.investment().toPlainString(), nz(e.currency()), e.statusAtQuarterEnd());
            List<String> quoted = cells.stream().map(c -> quote(String.valueOf(c))).toList();
            csv.append(String.join(",", quoted)).append("\r\n");
        }
        return csv.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String quote(String cell) {
        return cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
