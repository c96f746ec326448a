package mn.registry.permit.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.permit.PermitApplicationStatus;
import mn.registry.kernel.permit.PermitDuty;
import mn.registry.kernel.permit.RevocationGround;
import mn.registry.kernel.permit.RevocationStanding;
import mn.registry.kernel.permit.RequiredDocument;
import mn.registry.kernel.permit.SuspensionGround;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static com.mongodb.client.model.Filters.eq;

/**
 * Reads the permit cases: an application's page, a permit's page, the supervisor's escalation list, and the
 * applicant's own cases (ADR 0013 §5).
 */
@Component
public class PermitCases {

    /** The processing group that writes what this reads: a page waits for it (ADR 0071). */
    public static final String WRITTEN_BY = PermitCaseProjection.PROCESSING_GROUP;

    private final MongoCollection<Document> cases;
    private final java.time.Clock clock;
    /** When a reader's grant naming a company ceased to name it (ADR 0046 item 169; F580, was O421), the identity directory's answer. */
    private final RepresentationEnded representationEnded;

    /**
     * 002 art. 26.2.1; 001 art. 23.1.1 (ADR 0046 item 169, as ADR 0035 item 125 for the Free Zone): the instant from which {@code person}'s
     * grant of the applicant's role last ceased to name {@code company}, read from their stream
     * ({@link mn.registry.infrastructure.identity.IdentityDirectory#representationEnded}); empty when none ever named it, or one names it still.
     */
    @FunctionalInterface
    interface RepresentationEnded {
        Optional<java.time.Instant> of(PersonId person, String company);
    }

    /** The cases' shape alone (tests): no reader's grant ever named a company, so no case is cut (item 169). */
    PermitCases(MongoDatabase database) {
        this(database, java.time.Clock.systemUTC());
    }

    PermitCases(MongoDatabase database, java.time.Clock clock) {
        this(database, clock, (person, company) -> Optional.empty());
    }

    @org.springframework.beans.factory.annotation.Autowired
    PermitCases(MongoDatabase database, java.time.Clock clock, mn.registry.infrastructure.identity.IdentityDirectory directory) {
        this(database, clock, directory::representationEnded);
    }

    PermitCases(MongoDatabase database, java.time.Clock clock, RepresentationEnded representationEnded) {
        this.cases = database.getCollection(PermitCaseProjection.COLLECTION);
        this.clock = clock;
        this.representationEnded = representationEnded;
    }

    /** The page data of one application: its case with the 25.1 checklist (each kind: present or missing, with hashes). */
    public Optional<Map<String, Object>> application(String applicationId) {
        return Optional.ofNullable(cases.find(eq("_id", applicationId)).first()).filter(c -> c.get("status") != null).map(c -> {
            Map<String, Object> page = page(c);
            page.put("checklist", checklist(c));
            return extensionRequestClosedByTheRevocation(page, c);
        });
    }

    /** The page data of an issued permit; empty when no permit was issued under this id. */
    public Optional<Map<String, Object>> permit(String applicationId) {
        return Optional.ofNullable(cases.find(eq("_id", applicationId)).first()).filter(c -> c.get("permit") != null)
                .map(c -> extensionRequestClosedByTheRevocation(page(c), c));
    }

    /** Every case in brief (id, receipt number, company, status, permit number), by receipt number: the desk's list of files. */
    public List<Map<String, Object>> all() {
        return brief(cases.find(), c -> c.get("status") != null, false);
    }

    /**
     * 002 art. 23.2; 001 art. 23.1.1 (ADR 0046 items 157-158; abuse audit F526, was O405, and F559): the cases an official may act for the holder
     * of, for the staff desk's lists and the inspector's page to ask the holder's-own-official rule of: those naming {@code person} as the
     * holder's representative, and those whose applicant company (after a transfer, the holder) has the number {@code company} (the official's
     * grant in force now names; null: none). Each with its {@code applicationId}, {@code representative} and {@code company}, as the case file
     * has them: the lists are brief and hold neither.
     */
    public List<Map<String, Object>> holderOfficialsCases(PersonId person, String company) {
        org.bson.conversions.Bson naming = eq("representative", person.value());
        if (company != null) {
            naming = com.mongodb.client.model.Filters.or(naming, eq("company.registrationNumber", company));
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Document c : cases.find(naming).projection(com.mongodb.client.model.Projections.include("representative", "company", "status"))) {
            if (c.get("status") == null) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicationId", c.getString("_id"));
            row.put("representative", c.getString("representative"));
            row.put("company", c.get("company"));
            list.add(row);
        }
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

    /**
     * 002 art. 27.3, 29.6 (the lead's reading of O269, ADR 0046 item 114): an extension request on a revoked permit is closed once the
     * revocation stands at the registry's clock (the complaint rejected, the period over with none filed, 29.1.1), as the aggregate counts
     * it (item 111): the page shows the request {@code closedByTheRevocation} and its {@code DECIDE_EXTENSION} duty no longer open. The
     * file keeps the facts (the revocation, the complaint filed since it and its decision); a complaint older than the revocation is an
     * earlier revocation's.
     */
    private Map<String, Object> extensionRequestClosedByTheRevocation(Map<String, Object> page, Document c) {
        Document request = c.get("extensionRequest", Document.class);
        Document revocation = c.get("revocation", Document.class);
        if (request == null || revocation == null || !PermitApplicationStatus.REVOKED.name().equals(c.getString("status"))
                || revocation.getString("revokedAt") == null || revocation.getString("ground") == null) {
            return page;
        }
        java.time.Instant revokedAt = java.time.Instant.parse(revocation.getString("revokedAt"));
        Optional<Map<?, ?>> complaint = ComplaintAgainstTheRevocation.of(c);
        boolean stands = RevocationStanding.stands(RevocationGround.valueOf(revocation.getString("ground")),
                UlaanbaatarTime.dateOf(revokedAt), complaint.isPresent(), complaint.filter(f -> Boolean.FALSE.equals(f.get("upheld"))).isPresent(),
                UlaanbaatarTime.dateOf(clock.instant()));
        if (stands) {
            Map<String, Object> closed = new LinkedHashMap<>(request);
            closed.put("closedByTheRevocation", true);
            page.put("extensionRequest", closed);
            if (c.get("duties") instanceof Document duties) {
                Map<String, Object> open = new LinkedHashMap<>(duties);
                open.remove(PermitDuty.DECIDE_EXTENSION.name());
                page.put("duties", open);
            }
        }
        return page;
    }

    private static Map<String, Object> page(Document c) {
        Map<String, Object> page = new LinkedHashMap<>(c);
        page.put("applicationId", page.remove("_id"));
        page.put("receivedAtUlaanbaatar", inUlaanbaatar(c.getString("receivedAt")));
        return page;
    }

    // ------------------------------------------------------------------ the applicant reads its own case (ADR 0013 §5)

    /**
     * 002 art. 26.2.1, 26.2.2, 26.3: the person who signed the application is told of its receipt and of every decision
     * on it, with reasons. The registry links an applicant to a case only through that signature (no enrolment names
     * the company a person represents), so "its own case" is a case whose application {@code person} signed.
     */
    static boolean isTheApplicantOf(Document c, PersonId person) {
        return c != null && c.get("status") != null && person != null && person.value().equals(c.getString("representative"));
    }

    /**
     * The permits suspended at the tax authority's request whose evasions are not yet recorded as settled, in brief with the
     * suspension's last day (002 art. 28.1, 28.4, ADR 0046 item 19): the tax officer's list of settlements to record.
     */
    public List<Map<String, Object>> awaitingTaxSettlement() {
        List<Document> found = cases.find(eq("status", PermitApplicationStatus.SUSPENDED.name())).into(new ArrayList<>()).stream()
                .filter(PermitCases::awaitsTaxSettlement).toList();
        Map<String, String> until = new java.util.HashMap<>();
        found.forEach(c -> until.put(c.getString("_id"), c.get("suspension", Document.class).getString("until")));
        List<Map<String, Object>> list = brief(found, c -> true, false);
        list.forEach(row -> row.put("suspendedUntil", until.get(String.valueOf(row.get("applicationId")))));
        return list;
    }

    static boolean awaitsTaxSettlement(Document c) {
        Document suspension = c.get("suspension", Document.class);
        return PermitApplicationStatus.SUSPENDED.name().equals(c.getString("status")) && suspension != null
                && SuspensionGround.TAX_EVASIONS.name().equals(suspension.getString("ground")) && c.get("taxSettlement") == null;
    }

    /** The cases whose application {@code person} signed, in brief (id, receipt number and time, company, status, permit number). */
    public List<Map<String, Object>> ofApplicant(PersonId person) {
        return ofApplicant(person, null);
    }

    /**
     * As {@link #ofApplicant(PersonId)}, on the grant of {@code person} in force now naming {@code company} (null: none): a case whose applicant
     * company (after a transfer, the holder) is another is not listed (F522, {@link #representsAnotherCompanyNow}).
     */
    public List<Map<String, Object>> ofApplicant(PersonId person, String company) {
        List<Document> shown = new ArrayList<>();
        for (Document c : cases.find(eq("representative", person.value()))) {
            if (readsTheCase(c, person, company)) {
                java.time.Instant until = readsUntil(c, person, company);
                shown.add(until == null ? c : PermitCaseProjection.asOf(c, until, PermitCases::legalTimeOf));
            }
        }
        return brief(shown, c -> true, true);
    }

    /**
     * 002 art. 26.2.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0046 item 169, the lead's reading, <b>choice</b>; abuse audit F580, was O421; as the
     * Free Zone's ADR 0035 item 125, F527): a signer whose grant of the applicant's role once named the case's company (after a transfer, the
     * holder) and ceased to (ended, or replaced by one naming none), and who does not represent it now, reads the case as it stood until
     * then: the acts received from that instant on (the holder's new representative's, the decisions on them and on the permit) are not
     * theirs to read. Null: nothing is cut (a grant naming the company now, or one that never named it).
     */
    java.time.Instant readsUntil(Document c, PersonId person, String company) {
        Document applicant = c.get("company", Document.class);
        String number = applicant == null ? null : applicant.getString("registrationNumber");
        if (number == null || mn.registry.kernel.permit.Company.grantNames(company, number)) {
            return null;
        }
        return representationEnded.of(person, number).orElse(null);
    }

    /**
     * 002 art. 23.2, 23.3, 26.2.1; 001 art. 23.1.1; ADR 0013 §5 (ADR 0046 item 155, the lead's reading, <b>choice</b>; abuse audit F522, was
     * O414; as the Free Zone's F554, ADR 0035 item 122): a person whose grant of the applicant's role in force now names {@code company} (the
     * session's, judged at each request) other than the case's applicant company (after a transfer, the holder: the successor) has ceased to
     * represent it: F505 refuses their acts for it, and they read nothing of its case, not even the application they signed (which would show
     * the decisions and the acts its new representative makes). When they ceased is not read (the query side reads no person's stream): the
     * case is closed to them whole. A grant naming none (ended, or never granted) keeps ADR 0013 §5's older reading.
     */
    static boolean representsAnotherCompanyNow(Document c, String company) {
        if (c == null || company == null) {
            return false;
        }
        Document applicant = c.get("company", Document.class);
        return mn.registry.kernel.permit.Company.grantNamesAnother(company, applicant == null ? null : applicant.getString("registrationNumber"));
    }

    /** The signer reads the case they signed (or were named for) unless their grant in force now names another company (F522). */
    static boolean readsTheCase(Document c, PersonId person, String company) {
        return isTheApplicantOf(c, person) && !representsAnotherCompanyNow(c, company);
    }

    /** The {@code shown} cases of {@code found} in brief, by receipt number; {@code withReceiptTime} adds the time of receipt (UTC and local). */
    private static List<Map<String, Object>> brief(Iterable<Document> found, Predicate<Document> shown, boolean withReceiptTime) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Document c : found) {
            if (!shown.test(c)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicationId", c.getString("_id"));
            row.put("receiptNumber", c.getString("receiptNumber"));
            if (withReceiptTime) {
                row.put("receivedAt", c.getString("receivedAt"));
                row.put("receivedAtUlaanbaatar", inUlaanbaatar(c.getString("receivedAt")));
            }
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
     * One case as its applicant reads it: the case with its 25.1 checklist, and every decision on it (each act in its
     * history not signed by the applicant: the ministry's decisions, the registry's escalations and expiries) with the
     * decision's content and reasons, each dated in UTC and in Ulaanbaatar. Empty when the case is not {@code person}'s
     * (or does not exist: the two are not told apart, so that nobody learns which cases exist).
     */
    public Optional<Map<String, Object>> forApplicant(String applicationId, PersonId person) {
        return forApplicant(applicationId, person, null);
    }

    /**
     * As {@link #forApplicant(String, PersonId)}, on the grant of {@code person} in force now naming {@code company} (null: none): empty to a
     * signer whose grant names another company than the case's applicant company, or after a transfer its holder (F522, item 155:
     * {@link #representsAnotherCompanyNow}).
     */
    public Optional<Map<String, Object>> forApplicant(String applicationId, PersonId person, String company) {
        Document stored = cases.find(eq("_id", applicationId)).first();
        if (!readsTheCase(stored, person, company)) {
            return Optional.empty();
        }
        java.time.Instant until = readsUntil(stored, person, company);
        Document c = until == null ? stored : PermitCaseProjection.asOf(stored, until, PermitCases::legalTimeOf);
        Map<String, Object> page = page(c);
        if (until != null) {
            page.put("readUntil", until.toString()); // the page says until when it reads (item 169)
            page.put("readUntilUlaanbaatar", inUlaanbaatar(until.toString()));
        }
        page.put("checklist", checklist(c));
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Document h : c.getList("history", Document.class, List.of())) {
            if (person.value().equals(h.getString("signedBy"))) {
                continue;
            }
            Map<String, Object> decision = new LinkedHashMap<>();
            String at = legalTimeOf(h);
            decision.put("type", h.getString("type"));
            decision.put("at", at);
            decision.put("atUlaanbaatar", inUlaanbaatar(at));
            decision.put("signedBy", h.getString("signedBy"));
            decision.put("content", h.get("event"));
            decisions.add(decision);
        }
        page.put("decisions", decisions);
        return Optional.of(extensionRequestClosedByTheRevocation(page, c));
    }

    /** The time of an act: the instant its event states (e.g. {@code refusedAt}, the registry's time of receipt), else when it was stored. */
    static String legalTimeOf(Document history) {
        Document event = history.get("event", Document.class);
        if (event != null) {
            for (Map.Entry<String, Object> field : event.entrySet()) {
                if (field.getKey().endsWith("At") && field.getValue() instanceof String text && inUlaanbaatar(text) != null) {
                    return text;
                }
            }
        }
        return history.getString("at");
    }

    /** An ISO instant as the local date and time in Asia/Ulaanbaatar with its offset, e.g. "2026-11-20T01:30+08:00". */
    static String inUlaanbaatar(String instant) {
        if (instant == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(instant).atZone(mn.registry.kernel.calendar.UlaanbaatarTime.ZONE).toOffsetDateTime().toString();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
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
