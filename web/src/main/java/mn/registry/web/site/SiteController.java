package mn.registry.web.site;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import mn.registry.kernel.crypto.CanonicalJson;
import mn.registry.publicregister.PublicRegister;
import mn.registry.publicregister.RegisterEntry;
import mn.registry.publicregister.RegisterKind;
import mn.registry.publicregister.RegisterPage;
import mn.registry.publicregister.RegisterQuery;
import mn.registry.publicregister.RegisterSearches;
import mn.registry.publicregister.SearchResults;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

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

    SiteController(PublishedRecords records, PublicRegister register) {
        this.records = records;
        this.register = register;
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
    String search(@RequestParam(value = "q", required = false) String q,
                  @RequestParam(value = "kind", required = false) String kind,
                  @RequestParam(value = "name", required = false) String name,
                  @RequestParam(value = "number", required = false) String number,
                  @RequestParam(value = "status", required = false) String status,
                  @RequestParam(value = "zone", required = false) String zone,
                  @RequestParam(value = "activity", required = false) String activity,
                  @RequestParam(value = "from", required = false) String from,
                  @RequestParam(value = "to", required = false) String to,
                  @RequestParam(value = "offset", defaultValue = "0") String offset,
                  Model model, HttpServletResponse response) {
        String text = String.join(" ", java.util.stream.Stream.of(q, name, number).map(SiteController::blank).filter(java.util.Objects::nonNull).toList());
        String k = RegisterKind.ofPath(blank(kind) == null ? "" : kind.strip()).map(RegisterKind::path).orElse(null);
        Map<String, String> criteria = new LinkedHashMap<>();
        criteria.put("q", text);
        criteria.put("kind", k);
        criteria.put("status", blank(status));
        criteria.put("zone", blank(zone));
        criteria.put("activity", blank(activity));
        criteria.put("from", blank(from));
        criteria.put("to", blank(to));
        criteria.forEach((key, value) -> model.addAttribute(key, value == null ? "" : value));
        model.addAttribute("kinds", Arrays.stream(RegisterKind.values()).map(RegisterKind::path).toList());
        model.addAttribute("zoneNames", register.all(RegisterKind.ZONE).stream().collect(java.util.stream.Collectors.toMap(RegisterEntry::id,
                z -> z.name() == null ? z.id() : z.name(), (a, b) -> a, LinkedHashMap::new)));
        SearchResults results;
        try {
            results = register.find(RegisterSearches.of(text, k, criteria.get("status"), criteria.get("zone"), criteria.get("activity"),
                    criteria.get("from"), criteria.get("to"), offset.matches("[0-9]{1,9}") ? offset : "0", Integer.toString(PAGE)));
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
        model.addAttribute("details", details(e.details()));
        model.addAttribute("history", register.history(e).stream().map(h -> row(h.path("logIndex").asLong(), h.path("record"))).toList());
        if (e.kind() == RegisterKind.ZONE) {
            model.addAttribute("boundary", e.details().path("boundary").toString());
            model.addAttribute("parcels", register.search(new RegisterQuery(RegisterKind.LAND_LICENCE, null, null, null, e.id(), null, null, null, 0,
                    RegisterQuery.MAX_LIMIT)).items().stream().filter(l -> l.details().has("parcel")).toList());
            model.addAttribute("zoneEntities", register.search(new RegisterQuery(RegisterKind.ENTITY, null, null, null, e.id(), null, null, null, 0,
                    RegisterQuery.MAX_LIMIT)).items());
        }
        return "site/entry";
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
        row.put("official", record.path("actingOfficial").asText(null));
        Optional<RegisterEntry> subject = subjectOf(index);
        row.put("subject", subject.map(s -> "/register/" + s.kind().path() + "/" + s.id()).orElse(null));
        row.put("title", subject.map(RegisterEntry::name).orElse(null));
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

    /** The public details as name and text, simple values only (a boundary or a parcel is drawn on the map instead). */
    static List<Map.Entry<String, String>> details(JsonNode details) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        details.fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (v.isValueNode() && !v.isNull()) {
                list.add(Map.entry(f.getKey(), v.asText()));
            } else if (v.isObject() && v.has("name")) {
                list.add(Map.entry(f.getKey(), v.path("name").asText()));
            } else if (v.isArray() && v.size() > 0 && v.get(0).isValueNode()) {
                List<String> items = new ArrayList<>();
                v.forEach(x -> items.add(x.asText()));
                list.add(Map.entry(f.getKey(), String.join(", ", items)));
            }
        });
        return list;
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
