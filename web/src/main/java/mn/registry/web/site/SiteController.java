package mn.registry.web.site;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.publicregister.PublicRegister;
import mn.registry.publicregister.RegisterEntry;
import mn.registry.kernel.problem.RegistryProblem;
import mn.registry.publicregister.RegisterKind;
import mn.registry.publicregister.RegisterQuery;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import mn.registry.publicregister.RegisterSearches;
import mn.registry.publicregister.SearchParameters;
import mn.registry.publicregister.SearchResults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The public pages, no login: home with recent decisions and statistics ({@code /}), the register search
 * ({@code /register?q=&kind=&status=&zone=&activity=&from=&to=&offset=}, every kind at once), a page per permit, provider, zone, governor, entity or land
 * licence with its published history ({@code /register/{kind}/{id}}), the latest published decisions
 * ({@code /decisions}), a decision ({@code /decisions/{logIndex}}) and "verify this decision" ({@code /verify}).
 */
@Controller
class SiteController {

    static final int RECENT = 10;
    static final int LISTED = 100;
    static final int PAGE = 50;
    /** The permit statuses counted on the home page (002 art. 22.1.2: permits granted, suspended and revoked). */
    static final List<String> PERMIT_STATUSES = List.of("VALID", "SUSPENDED", "REVOKED", "EXPIRED");

    private final PublishedRecords records;
    private final PublicRegister register;
    private final RegisterExtract extract;

    SiteController(PublishedRecords records, PublicRegister register, RegisterExtract extract) {
        this.records = records;
        this.register = register;
        this.extract = extract;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        for (RegisterKind kind : RegisterKind.values()) {
            kinds.put(kind.path(), register.all(kind).size());
        }
        List<RegisterEntry> permits = register.all(RegisterKind.PERMIT);
        List<Map<String, Object>> byStatus = PERMIT_STATUSES.stream().map(status -> Map.<String, Object>of("status", status,
                "count", permits.stream().filter(p -> status.equals(p.status())).count())).toList();
        model.addAttribute("kinds", kinds);
        model.addAttribute("permitStatuses", byStatus);
        model.addAttribute("maxCount", Math.max(1L, byStatus.stream().mapToLong(m -> (Long) m.get("count")).max().orElse(1L)));
        model.addAttribute("recent", records.recent(RECENT).stream().map(this::row).toList());
        model.addAttribute("logSize", records.size());
        model.addAttribute("zones", register.all(RegisterKind.ZONE));
        return "site/home";
    }

    /**
     * The register search: one text (name or number, Cyrillic or Latin, whole, a start or a part) across every kind, or
     * one, with the filters as controls and the counts beside them. {@code name} and {@code number} (the parameters of
     * the earlier per-kind search) are read as text too. A refused search (too long, a bad date) shows why, in the
     * page's language, with status 400.
     */
    @GetMapping("/register")
    String search(SearchParameters p, Model model, HttpServletResponse response) {
        String text = p.text();
        String k = RegisterKind.ofPath(blank(p.kind()) == null ? "" : p.kind().strip()).map(RegisterKind::path).orElse(null);
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("q", text);
        criteria.put("kind", k);
        criteria.put("status", blank(p.status()));
        criteria.put("zone", blank(p.zone()));
        criteria.put("activity", blank(p.activity()));
        criteria.put("from", blank(p.from()));
        criteria.put("to", blank(p.to()));
        criteria.forEach((key, value) -> model.addAttribute(key, value == null ? "" : value));
        model.addAttribute("kinds", Arrays.stream(RegisterKind.values()).map(RegisterKind::path).toList());
        model.addAttribute("zoneNames", register.all(RegisterKind.ZONE).stream().collect(java.util.stream.Collectors.toMap(RegisterEntry::id,
                z -> z.name() == null ? z.id() : z.name(), (a, b) -> a, LinkedHashMap::new)));
        SearchResults results;
        try {
            results = register.find(RegisterSearches.of(text, k, criteria.get("status"), criteria.get("zone"), criteria.get("activity"),
                    criteria.get("from"), criteria.get("to"), p.offsetOrFirst().matches("[0-9]{1,9}") ? p.offsetOrFirst() : "0", Integer.toString(PAGE)));
        } catch (mn.registry.kernel.problem.RegistryProblem problem) {
            response.setStatus(400);
            model.addAttribute("problem", problem.code());
            results = null;
        }
        model.addAttribute("results", results);
        if (results != null) {
            List<Map<String, Object>> kindLinks = new ArrayList<>();
            results.counts().kind().forEach((path, count) -> kindLinks.add(Map.of("kind", path, "count", count,
                    "href", href(criteria, "kind", path), "current", path.equals(k))));
            model.addAttribute("kindLinks", kindLinks);
            model.addAttribute("allKindsHref", href(criteria, "kind", null));
            model.addAttribute("allKindsCount", results.counts().kind().values().stream().mapToInt(Integer::intValue).sum());
            int first = results.offset();
            model.addAttribute("previousHref", first > 0 ? href(criteria, "offset", Integer.toString(Math.max(0, first - PAGE))) : null);
            model.addAttribute("nextHref", first + results.items().size() < results.total() ? href(criteria, "offset", Integer.toString(first + PAGE)) : null);
        }
        return "site/register";
    }

    /** The search page's address with these criteria and one changed (null: left out); blank criteria are left out. */
    private static String href(Map<String, String> criteria, String key, String value) {
        org.springframework.web.util.UriComponentsBuilder uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/register");
        Map<String, String> all = new LinkedHashMap<>(criteria);
        all.put(key, value);
        all.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                uri.queryParam(k, v);
            }
        });
        return uri.encode().build().toUriString();
    }

    @GetMapping("/register/{kind}/{id}")
    String entry(@PathVariable String kind, @PathVariable String id, Model model, HttpServletResponse response) {
        Optional<RegisterEntry> entry = RegisterKind.ofPath(kind).flatMap(k -> register.entry(k, id));
        if (entry.isEmpty()) {
            response.setStatus(404);
            return "notfound";
        }
        RegisterEntry e = entry.get();
        model.addAttribute("e", e);
        model.addAttribute("kind", e.kind().path());
        model.addAttribute("title", title(e));
        model.addAttribute("facts", extract.facts(e));
        model.addAttribute("history", history(e));
        if (e.kind() == RegisterKind.ZONE) {
            model.addAttribute("boundary", e.details().path("boundary").toString());
            model.addAttribute("parcels", register.search(new RegisterQuery(RegisterKind.LAND_LICENCE, null, null, null, e.id(), null, null, null, 0,
                    RegisterQuery.MAX_LIMIT)).items().stream().filter(l -> l.details().has("parcel")).toList());
            model.addAttribute("zoneEntities", register.search(new RegisterQuery(RegisterKind.ENTITY, null, null, null, e.id(), null, null, null, 0,
                    RegisterQuery.MAX_LIMIT)).items());
        }
        return "site/entry";
    }

    /** The register extract of an entry as a PDF: its facts, its history, the latest record's log index, the checkpoint and where to verify it. */
    @GetMapping(value = "/register/{kind}/{id}/extract.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> entryPdf(@PathVariable String kind, @PathVariable String id) {
        Optional<RegisterEntry> entry = RegisterKind.ofPath(kind).flatMap(k -> register.entry(k, id));
        if (entry.isEmpty() || entry.get().history().isEmpty()) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "register.not-found",
                    "The register has no " + kind + " entry '" + id + "' to extract.", "id", null);
        }
        RegisterEntry e = entry.get();
        List<String> sentences = history(e).stream().map(h -> extract.msg("extract.pdf.step", h.index(), h.sentence())).toList();
        long latest = e.history().get(e.history().size() - 1);
        return pdf(title(e), extract.msg("kind." + e.kind().path()), extract.facts(e), sentences, latest, e.kind().path() + "-" + e.id());
    }

    /** The extract of one published record as a PDF. */
    @GetMapping(value = "/decisions/{logIndex}/extract.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> decisionPdf(@PathVariable long logIndex) {
        Optional<PublishedRecords.Entry> entry = records.entry(logIndex);
        if (entry.isEmpty()) {
            throw new RegistryProblem(RegistryProblem.Kind.NOT_FOUND, "register.not-found",
                    "No record is published at log index " + logIndex + ".", "logIndex", null);
        }
        RegisterExtract.Step step = extract.step(logIndex, entry.get().record());
        Optional<RegisterEntry> subject = subjectOf(logIndex);
        List<RegisterExtract.Fact> facts = new ArrayList<>();
        subject.ifPresent(s -> facts.add(new RegisterExtract.Fact("subject", extract.msg("field.subject"), title(s))));
        facts.add(new RegisterExtract.Fact("time", extract.msg("field.time"), step.time()));
        facts.add(new RegisterExtract.Fact("signedBy", extract.msg("field.actedBy"), step.official()));
        facts.addAll(extract.facts(entry.get().payload()));
        return pdf(step.title(), extract.msg("decision.kind"), facts, List.of(extract.msg("extract.pdf.step", logIndex, step.sentence())), logIndex,
                "record-" + logIndex);
    }

    private ResponseEntity<byte[]> pdf(String title, String kind, List<RegisterExtract.Fact> facts, List<String> history, long logIndex, String file) {
        long size = records.size();
        Optional<mn.registry.kernel.log.Checkpoint> checkpoint = records.checkpoint(size);
        String verify = ServletUriComponentsBuilder.fromCurrentContextPath().path("/verify").queryParam("index", logIndex).toUriString();
        List<RegisterExtract.Fact> proof = new ArrayList<>();
        proof.add(new RegisterExtract.Fact("logIndex", extract.msg("field.logIndex"), Long.toString(logIndex)));
        proof.add(new RegisterExtract.Fact("checkpointSize", extract.msg("extract.pdf.checkpointSize"), Long.toString(size)));
        proof.add(new RegisterExtract.Fact("checkpointRoot", extract.msg("extract.pdf.checkpointRoot"),
                checkpoint.map(c -> java.util.Base64.getEncoder().encodeToString(c.rootHash())).orElse(extract.msg("extract.pdf.noCheckpoint"))));
        proof.add(new RegisterExtract.Fact("verify", extract.msg("extract.pdf.verify"), verify));
        proof.add(new RegisterExtract.Fact("bundle", extract.msg("decision.bundle"),
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/public/bundle/{i}").buildAndExpand(logIndex).toUriString()));
        byte[] bytes = ExtractPdf.render(new ExtractPdf.Content(title, kind, facts, extract.msg("subject.history"), history,
                extract.msg("extract.pdf.proof"), proof, extract.msg("extract.pdf.footer")));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.replaceAll("[^A-Za-z0-9._-]", "_") + ".pdf").build().toString())
                .body(bytes);
    }

    /** The entry's name, or its kind and number where it has no name. */
    private String title(RegisterEntry e) {
        if (e.kind() == RegisterKind.ZONE) {
            return extract.zoneName(e.id());
        }
        return e.name() != null ? e.name() : e.number() != null ? e.number() : extract.msg("kind." + e.kind().path());
    }

    private List<RegisterExtract.Step> history(RegisterEntry e) {
        return register.history(e).stream().map(h -> extract.step(h.path("logIndex").asLong(), h.path("record"))).toList();
    }

    @GetMapping("/decisions")
    String decisions(Model model) {
        model.addAttribute("rows", records.recent(LISTED).stream().map(this::row).toList());
        return "site/decisions";
    }

    @GetMapping("/decisions/{logIndex}")
    String decision(@PathVariable long logIndex, Model model, HttpServletResponse response) {
        Optional<PublishedRecords.Entry> entry = records.entry(logIndex);
        if (entry.isEmpty()) {
            response.setStatus(404);
            return "notfound";
        }
        model.addAttribute("d", row(entry.get()));
        model.addAttribute("step", extract.step(logIndex, entry.get().record()));
        model.addAttribute("facts", extract.facts(entry.get().payload()));
        model.addAttribute("recordJson", pretty(entry.get().record()));
        return "site/decision";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(value = "index", required = false) Long index, Model model) {
        model.addAttribute("index", index);
        return "site/verify";
    }

    private Map<String, Object> row(PublishedRecords.Entry e) {
        return row(e.index(), e.record());
    }

    /** A published record as a row: index, type, time, acting official, and the register entry it belongs to. */
    private Map<String, Object> row(long index, JsonNode record) {
        Map<String, Object> row = new LinkedHashMap<>();
        String type = record.path("type").asText();
        row.put("index", index);
        row.put("type", type.substring(Math.max(type.lastIndexOf('.'), type.lastIndexOf('$')) + 1));
        row.put("timestamp", record.path("timestamp").asText());
        row.put("official", extract.actedBy(record));
        Optional<RegisterEntry> subject = subjectOf(index);
        row.put("subject", subject.map(s -> "/register/" + s.kind().path() + "/" + s.id()).orElse(null));
        row.put("title", subject.map(this::title).orElse(null));
        row.put("number", subject.map(RegisterEntry::number).orElse(null));
        return row;
    }

    /** The register entry whose history holds this log index (a permit before its providers; the register is in memory). */
    private Optional<RegisterEntry> subjectOf(long index) {
        for (RegisterKind kind : List.of(RegisterKind.PERMIT, RegisterKind.ENTITY, RegisterKind.LAND_LICENCE, RegisterKind.GOVERNOR, RegisterKind.ZONE)) {
            for (RegisterEntry e : register.all(kind)) {
                if (e.history().contains(index)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String pretty(JsonNode record) {
        try {
            return CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(record);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
