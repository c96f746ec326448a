package mn.registry.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The feed as Atom (RFC 4287) with RFC 5005 archived feeds: archive page {@code n} holds log entries
 * {@code [n*PAGE, (n+1)*PAGE)} and exists once all of them are published, so its bytes never change; the subscription
 * document holds the entries after the last complete page and links back to it ({@code prev-archive}).
 */
final class AtomPages {

    /** Entries per archive page. */
    static final int PAGE = 100;
    static final String BASE = "/api/public/feed/atom";

    private AtomPages() {
    }

    /** The number of complete archive pages at a published size. */
    static long completePages(long published) {
        return published / PAGE;
    }

    /** An archive page's document: complete, immutable. */
    static String archive(long page, List<FeedEntry> entries, long published) {
        StringBuilder xml = head("urn:registry.mn:feed:archive:" + page, "Public register disclosures, log entries " + page * PAGE
                + " to " + ((page + 1) * PAGE - 1), entries);
        xml.append("  <fh:archive/>\n");
        link(xml, "self", BASE + "/archive/" + page);
        link(xml, "current", BASE);
        if (page > 0) {
            link(xml, "prev-archive", BASE + "/archive/" + (page - 1));
        }
        if (page + 1 < completePages(published)) {
            link(xml, "next-archive", BASE + "/archive/" + (page + 1));
        }
        return tail(xml, entries);
    }

    /** The subscription document: the entries after the last complete page. */
    static String current(List<FeedEntry> entries, long published) {
        StringBuilder xml = head("urn:registry.mn:feed", "Public register disclosures", entries);
        link(xml, "self", BASE);
        long complete = completePages(published);
        if (complete > 0) {
            link(xml, "prev-archive", BASE + "/archive/" + (complete - 1));
        }
        return tail(xml, entries);
    }

    /** A strong ETag: SHA-256 of the document's bytes. */
    static String etag(String document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\""; // weak: the server may send it gzip-compressed
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StringBuilder head(String id, String title, List<FeedEntry> entries) {
        StringBuilder xml = new StringBuilder(1024 + entries.size() * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:fh=\"http://purl.org/syndication/history/1.0\">\n")
                .append("  <id>").append(id).append("</id>\n")
                .append("  <title>").append(escape(title)).append("</title>\n")
                .append("  <author><name>Registry of Mongolia</name></author>\n")
                .append("  <updated>").append(entries.isEmpty() ? "1970-01-01T00:00:00Z" : escape(entries.get(entries.size() - 1).recordJson().path("timestamp").asText()))
                .append("</updated>\n");
        return xml;
    }

    private static String tail(StringBuilder xml, List<FeedEntry> entries) {
        for (FeedEntry e : entries) {
            com.fasterxml.jackson.databind.JsonNode record = e.recordJson();
            String type = record.path("type").asText();
            xml.append("  <entry>\n")
                    .append("    <id>urn:registry.mn:log:").append(e.logIndex()).append("</id>\n")
                    .append("    <title>").append(escape(type.substring(type.lastIndexOf('.') + 1).replace('$', ' '))).append("</title>\n")
                    .append("    <updated>").append(escape(record.path("timestamp").asText())).append("</updated>\n");
            link(xml.append("  "), "alternate", e.bundle());
            link(xml.append("  "), "related", e.proof());
            xml.append("    <content type=\"application/json\">").append(escape(e.record())).append("</content>\n")
                    .append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private static void link(StringBuilder xml, String rel, String href) {
        xml.append("  <link rel=\"").append(rel).append("\" href=\"").append(escape(href)).append("\"/>\n");
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
