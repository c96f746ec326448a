package mn.registry.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads everything a member of the public can read from a running registry: the GET endpoints under
 * {@code /api/public} and the public web pages ({@code mn.registry.web.site}), found in Spring's request mappings (a
 * new endpoint is crawled as soon as it exists, or {@link #expand} fails, asking how to fill in its path variables),
 * each path variable filled with every value that exists (every log index, register entry, open-data file, feed page).
 * Used by {@link PublicPersonalDataScanTest} and the done-when test of issue 14.
 */
public final class PublicCrawler {

    private final ConfigurableApplicationContext registry;
    private final RegistryClient client;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PublicCrawler(ConfigurableApplicationContext registry, RegistryClient client, int port) {
        this.registry = registry;
        this.client = client;
        this.base = "http://localhost:" + port;
    }

    /** The public GET mapping patterns: {@code /api/public/**} and the public site's pages. */
    public Set<String> patterns() {
        RequestMappingHandlerMapping mappings = registry.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        Set<String> patterns = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                continue;
            }
            info.getPatternValues().stream().filter(p -> p.startsWith("/api/public")).forEach(patterns::add);
            // the public web pages (mn.registry.web.site) show the same records
            if (mappings.getHandlerMethods().get(info).getBeanType().getPackageName().equals("mn.registry.web.site")) {
                info.getPatternValues().forEach(patterns::add);
            }
        }
        return patterns;
    }

    /** Every public URL with what it answered, in the order of {@link #patterns()}. */
    public Map<String, String> crawl() throws Exception {
        Map<String, String> bodies = new LinkedHashMap<>();
        for (String pattern : patterns()) {
            for (String url : expand(pattern)) {
                bodies.put(url, fetch(url));
            }
        }
        return bodies;
    }

    private long published() {
        return client.get("/api/public/feed?after=-1&limit=1").body().path("published").asLong();
    }

    /** Every URL to read for one mapping pattern, its variables filled with every value that exists. */
    public List<String> expand(String pattern) {
        long size = published();
        List<String> urls = new ArrayList<>();
        switch (pattern) {
            case "/api/public/register/{kind}" -> {
                for (String kind : kinds()) {
                    urls.add("/api/public/register/" + kind + "?limit=500");
                }
            }
            case "/api/public/register/{kind}/{id}" -> {
                for (String kind : kinds()) {
                    for (JsonNode item : client.get("/api/public/register/" + kind + "?limit=500").body().path("items")) {
                        urls.add("/api/public/register/" + kind + "/" + item.path("id").asText());
                    }
                }
            }
            case "/register/{kind}/{id}", "/register/{kind}/{id}/extract.pdf" -> {
                for (String kind : kinds()) {
                    for (JsonNode item : client.get("/api/public/register/" + kind + "?limit=500").body().path("items")) {
                        urls.add(pattern.replace("{kind}", kind).replace("{id}", item.path("id").asText()));
                    }
                }
            }
            case "/decisions/{logIndex}", "/decisions/{logIndex}/extract.pdf" -> {
                for (long i = 0; i < size; i++) {
                    urls.add(pattern.replace("{logIndex}", Long.toString(i)));
                }
            }
            case "/api/public/proof/{logIndex}", "/api/public/bundle/{logIndex}" -> {
                for (long i = 0; i < size; i++) {
                    urls.add(pattern.replace("{logIndex}", Long.toString(i)));
                }
            }
            case "/api/public/consistency" -> urls.add(pattern + "?from=1&to=" + size);
            case "/api/public/log/tile/**" -> {
                urls.add("/api/public/log/tile/entries/000.p/" + Math.min(size, 255));
                urls.add("/api/public/log/tile/0/000.p/" + Math.min(size, 255));
            }
            case "/api/public/feed" -> urls.add(pattern + "?after=-1&limit=1000");
            case "/api/public/feed/atom/archive/{page}" -> {
                for (long p = 0; p <= size / 100; p++) {
                    urls.add("/api/public/feed/atom/archive/" + p);
                }
            }
            case "/api/public/feed/stream" -> urls.add(pattern + "?after=-1");
            case "/api/public/open-data/{logSize}/{file}" -> {
                for (JsonNode export : client.get("/api/public/open-data").body()) {
                    for (String f : List.of("manifest", "signature", "records", "register")) {
                        urls.add(export.path(f).asText());
                    }
                }
            }
            default -> {
                Matcher variable = Pattern.compile("\\{[^}]+}|\\*").matcher(pattern);
                if (variable.find()) {
                    fail("the public endpoint " + pattern + " has a path variable this scan cannot fill in yet: teach expand() its values");
                }
                urls.add(pattern);
            }
        }
        assertThat(urls).as("values for " + pattern).isNotEmpty();
        return urls;
    }

    private Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        client.get("/api/public/register").body().path("counts").fieldNames().forEachRemaining(kinds::add);
        return kinds;
    }

    /** The body as text (an SSE stream: what it sends within two seconds); a 5xx fails. */
    public String fetch(String url) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + url)).header("Accept",
                url.startsWith("/api/public/feed/stream") ? "text/event-stream" : "*/*").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as(url).isLessThan(500);
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try (InputStream in = response.body()) {
                    in.transferTo(seen);
                } catch (java.io.IOException ignored) {
                    // closed below
                }
            });
            reader.start();
            reader.join(2000);
            response.body().close();
            synchronized (seen) {
                return seen.toString(StandardCharsets.UTF_8);
            }
        }
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf")) {
            // ADR 0021: a register extract's PDF is compressed; its text is what a reader sees
            try (InputStream in = response.body(); org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
                return new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
            }
        }
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
