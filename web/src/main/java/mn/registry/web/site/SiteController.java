package mn.registry.web.site;

import jakarta.servlet.http.HttpServletResponse;
import mn.registry.freezone.query.GovernorDesk;
import mn.registry.kernel.crypto.CanonicalJson;
import org.bson.Document;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The public pages, no login: home ({@code /}), published decisions with a text search ({@code /decisions?q=}), a
 * decision ({@code /decisions/{logIndex}}), a permit, an entity or a zone with its published history, and
 * "verify this decision" ({@code /verify}).
 */
@Controller
class SiteController {

    static final int RECENT = 10;
    static final int LISTED = 200;

    /** The record types counted on the home page: permits granted, suspended, revoked (002 art. 22.1.2) and Free Zone acts. */
    static final List<String> COUNTED = List.of("PermitIssued", "PermitExtended", "PermitSuspended", "PermitRevoked", "EntityRegistered",
            "EntityDeregistered", "LandLicenceIssued");

    private final PublishedRecords records;
    private final GovernorDesk zones;

    SiteController(PublishedRecords records, GovernorDesk zones) {
        this.records = records;
        this.zones = zones;
    }

    @GetMapping("/")
    String home(Model model) {
        Map<String, Long> counts = records.countsByType();
        model.addAttribute("recent", records.recent(RECENT).stream().map(SiteController::row).toList());
        model.addAttribute("counts", COUNTED.stream().map(type -> Map.of("type", type, "count", counts.getOrDefault(type, 0L))).toList());
        model.addAttribute("maxCount", Math.max(1L, COUNTED.stream().mapToLong(t -> counts.getOrDefault(t, 0L)).max().orElse(1L)));
        model.addAttribute("logSize", records.size());
        model.addAttribute("zones", records.all().stream().filter(e -> "ZoneEstablished".equals(e.type())).map(e -> e.payload().path("zoneId").asText())
                .distinct().map(zones::zone).flatMap(Optional::stream).toList());
        return "site/home";
    }

    @GetMapping("/decisions")
    String decisions(@RequestParam(value = "q", required = false) String q, Model model) {
        String query = q == null ? "" : q.strip();
        List<PublishedRecords.Entry> all = records.all();
        List<Map<String, Object>> rows = all.stream().filter(e -> matches(e, query)).sorted((a, b) -> Long.compare(b.index(), a.index()))
                .limit(LISTED).map(SiteController::row).toList();
        model.addAttribute("q", query);
        model.addAttribute("rows", rows);
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
        model.addAttribute("recordJson", pretty(entry.get()));
        return "site/decision";
    }

    @GetMapping("/permits/{applicationId}")
    String permit(@PathVariable String applicationId, Model model, HttpServletResponse response) {
        return subject("/permits/" + applicationId, "permit", applicationId, model, response);
    }

    @GetMapping("/entities/{registrationId}")
    String entity(@PathVariable String registrationId, Model model, HttpServletResponse response) {
        return subject("/entities/" + registrationId, "entity", registrationId, model, response);
    }

    @GetMapping("/zones/{zoneId}")
    String zone(@PathVariable String zoneId, Model model, HttpServletResponse response) {
        Optional<Document> zone = zones.zone(zoneId);
        if (zone.isEmpty()) {
            response.setStatus(404);
            return "notfound";
        }
        model.addAttribute("zone", zone.get());
        return subject("/zones/" + zoneId, "zone", zoneId, model, response);
    }

    private String subject(String path, String kind, String id, Model model, HttpServletResponse response) {
        List<Map<String, Object>> history = records.about(path).stream().map(SiteController::row).toList();
        if (history.isEmpty() && !"zone".equals(kind)) {
            response.setStatus(404);
            return "notfound";
        }
        model.addAttribute("kind", kind);
        model.addAttribute("id", id);
        model.addAttribute("history", history);
        model.addAttribute("title", history.stream().map(r -> (String) r.get("title")).filter(t -> t != null).reduce((a, b) -> b).orElse(id));
        return "site/subject";
    }

    @GetMapping("/verify")
    String verify(@RequestParam(value = "index", required = false) Long index, Model model) {
        model.addAttribute("index", index);
        return "site/verify";
    }

    /** A record as a row of a page: index, type, time, official, the page it belongs to, and a title from the payload. */
    static Map<String, Object> row(PublishedRecords.Entry e) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("index", e.index());
        row.put("type", e.type());
        row.put("timestamp", e.timestamp());
        row.put("official", e.actingOfficial());
        row.put("subject", e.subjectPath());
        row.put("title", title(e));
        row.put("number", e.payload().path("permitNumber").asText(e.payload().path("certificate").path("number").asText(null)));
        return row;
    }

    /** The name a person looks for: the holder, the entity or the zone. */
    static String title(PublishedRecords.Entry e) {
        var p = e.payload();
        for (String path : List.of("holder/name", "successor/name", "entity/name", "certificate/entity/name", "entityName", "name")) {
            var node = p.at("/" + path);
            if (node.isTextual()) {
                return node.asText();
            }
        }
        return null;
    }

    static boolean matches(PublishedRecords.Entry e, String query) {
        if (query.isEmpty()) {
            return true;
        }
        return e.record().toString().toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }

    private static String pretty(PublishedRecords.Entry e) {
        try {
            return CanonicalJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(e.record());
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
