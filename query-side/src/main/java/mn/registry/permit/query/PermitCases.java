package mn.registry.permit.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.RequiredDocument;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/** Reads the permit cases: an application's page, a permit's page, and the supervisor's escalation list. */
@Component
public class PermitCases {

    private final MongoCollection<Document> cases;

    PermitCases(MongoDatabase database) {
        this.cases = database.getCollection(PermitCaseProjection.COLLECTION);
    }

    /** The page data of one application: its case with the 25.1 checklist (each kind: present or missing, with hashes). */
    public Optional<Map<String, Object>> application(String applicationId) {
        return Optional.ofNullable(cases.find(eq("_id", applicationId)).first()).filter(c -> c.get("status") != null).map(c -> {
            Map<String, Object> page = page(c);
            page.put("checklist", checklist(c));
            return page;
        });
    }

    /** The page data of an issued permit; empty when no permit was issued under this id. */
    public Optional<Map<String, Object>> permit(String applicationId) {
        return Optional.ofNullable(cases.find(eq("_id", applicationId)).first()).filter(c -> c.get("permit") != null).map(PermitCases::page);
    }

    /** Every case in brief (id, receipt number, company, status, permit number), by receipt number: the desk's list of files. */
    public List<Map<String, Object>> all() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Document c : cases.find()) {
            if (c.get("status") == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicationId", c.getString("_id"));
            row.put("receiptNumber", c.getString("receiptNumber"));
            Document company = c.get("company", Document.class);
            row.put("companyName", company == null ? null : company.getString("name"));
            row.put("status", c.getString("status"));
            Document permit = c.get("permit", Document.class);
            row.put("permitNumber", permit == null ? null : permit.get("permitNumber"));
            list.add(row);
        }
        list.sort(java.util.Comparator.comparing(r -> String.valueOf(r.get("receiptNumber"))));
        return list;
    }

    /**
     * What needs a supervisor: decisions overdue and not yet made (002 art. 26.1), revocation grounds raised by a
     * suspension that ran out (29.1.5), and duties past their due date.
     */
    public List<Map<String, Object>> escalations() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Document c : cases.find()) {
            List<String> reasons = new ArrayList<>();
            Document decision = c.get("decision", Document.class);
            if (decision != null && Boolean.TRUE.equals(decision.getBoolean("escalated"))
                    && PermitApplicationStatus.REGISTERED.name().equals(c.getString("status"))) {
                reasons.add("decision overdue since " + decision.getString("due") + " (002 art. 26.1)");
            }
            Document ground = c.get("revocationGroundRaised", Document.class);
            if (ground != null) {
                reasons.add("revocation ground " + ground.getString("ground") + " (" + ground.getString("article") + ")");
            }
            Document duties = c.get("duties", Document.class);
            if (duties != null) {
                duties.forEach((duty, value) -> {
                    Document d = (Document) value;
                    if (Boolean.TRUE.equals(d.getBoolean("overdue"))) {
                        reasons.add("duty " + duty + " overdue since " + d.getString("due") + " (" + d.getString("article") + ")");
                    }
                });
            }
            if (!reasons.isEmpty()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("applicationId", c.getString("_id"));
                row.put("receiptNumber", c.getString("receiptNumber"));
                Document company = c.get("company", Document.class);
                row.put("companyName", company == null ? null : company.getString("name"));
                row.put("status", c.getString("status"));
                row.put("reasons", reasons);
                list.add(row);
            }
        }
        return list;
    }

    private static Map<String, Object> page(Document c) {
        Map<String, Object> page = new LinkedHashMap<>(c);
        page.put("applicationId", page.remove("_id"));
        return page;
    }

    // 002 art. 25.1: each required document, present (with its hash) or missing
    private static List<Map<String, Object>> checklist(Document c) {
        boolean holdsOther = false;
        List<Document> documents = c.getList("documents", Document.class, List.of());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (RequiredDocument kind : RequiredDocument.values()) {
            List<Document> received = documents.stream().filter(d -> kind.name().equals(d.getString("kind"))).toList();
            if (kind == RequiredDocument.OTHER_PERMIT_COPY) {
                holdsOther = !received.isEmpty();
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("kind", kind.name());
            row.put("article", kind.article());
            row.put("required", kind.requiredWhen(holdsOther));
            row.put("received", received);
            rows.add(row);
        }
        return rows;
    }
}
