package mn.registry.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two languages say the same things: both message files have the same keys, every {@code #{key}} a template uses
 * is in them, and no template shows a person a word that is not a message (text between tags, or a title, placeholder,
 * alt or aria-label written as a literal).
 */
class MessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Text a template may hold literally: punctuation, digits and spaces (separators such as " | "). */
    static final Pattern NEUTRAL = Pattern.compile("[\\s\\p{Punct}\\d·–—]*");
    static final Set<String> USER_VISIBLE_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label", "label");

    static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties");
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
        }
    }

    @Test
    @DisplayName("messages_mn and messages_en have exactly the same keys, none empty")
    void both_languages_have_the_same_keys() throws IOException {
        Properties mn = load("mn");
        Properties en = load("en");
        assertThat(new TreeSet<>(mn.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        assertThat(mn.stringPropertyNames()).hasSizeGreaterThan(100);
        for (String key : mn.stringPropertyNames()) {
            assertThat(mn.getProperty(key)).as("mn " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
        }
    }

    @Test
    @DisplayName("no message a person reads cites the team's records (an ADR, the rulebook's file): a rule is cited by its law's article, or called the registry's rule")
    void no_message_cites_the_teams_records() throws IOException {
        for (String lang : List.of("mn", "en")) {
            Properties messages = load(lang);
            List<String> citing = messages.stringPropertyNames().stream()
                    .filter(k -> messages.getProperty(k).matches("(?s).*(ADR ?\\d|domain-rules|abuse-audit).*")).sorted().toList();
            assertThat(citing).as(lang).isEmpty();
        }
    }

    @Test
    @DisplayName("Mongolian messages are written in Cyrillic, not left in English")
    void mongolian_is_cyrillic() throws IOException {
        Properties mn = load("mn");
        Properties en = load("en");
        List<String> untranslated = new ArrayList<>();
        for (String key : mn.stringPropertyNames()) {
            String text = mn.getProperty(key);
            boolean technical = key.startsWith("format.") || key.equals("verify.offline.command") || key.equals("nav.otherLanguage");
            if (!technical && text.equals(en.getProperty(key)) || !technical && !text.matches("(?s).*\\p{IsCyrillic}.*")) {
                untranslated.add(key + "=" + text);
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    @DisplayName("every #{key} a template uses exists")
    void every_message_key_used_exists() throws IOException {
        Properties en = load("en");
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!en.containsKey(m.group(1))) {
                    missing.add(template.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("no template shows a literal word: text and user-visible attributes come from the messages")
    void no_literal_text_in_templates() throws Exception {
        List<String> literals = new ArrayList<>();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        for (Path template : templates()) {
            org.w3c.dom.Document dom = factory.newDocumentBuilder().parse(template.toFile());
            walk(dom.getDocumentElement(), template.getFileName().toString(), literals);
        }
        assertThat(literals).isEmpty();
    }

    @Test
    @DisplayName("the literal check finds a literal word, so it can fail")
    void literal_check_can_fail() throws Exception {
        String html = "<html><body><p>Hello</p><p th:text=\"#{a}\">replaced</p><input placeholder=\"Name\"/><span> | </span></body></html>";
        org.w3c.dom.Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        List<String> literals = new ArrayList<>();
        walk(dom.getDocumentElement(), "sample", literals);
        assertThat(literals).containsExactly("sample <p>: Hello", "sample <input placeholder>: Name");
    }

    /** Elements whose content Thymeleaf replaces are skipped; script and pre blocks of code are not text for people. */
    static void walk(Element element, String file, List<String> literals) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (USER_VISIBLE_ATTRIBUTES.contains(a.getNodeName()) && !NEUTRAL.matcher(a.getNodeValue()).matches()) {
                literals.add(file + " <" + element.getTagName() + " " + a.getNodeName() + ">: " + a.getNodeValue());
            }
        }
        if (element.hasAttribute("th:text") || element.hasAttribute("th:utext") || element.hasAttribute("th:replace")
                || element.hasAttribute("th:insert") || element.getTagName().equals("script") || element.getTagName().equals("style")) {
            return;
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE && !NEUTRAL.matcher(child.getNodeValue()).matches()) {
                literals.add(file + " <" + element.getTagName() + ">: " + child.getNodeValue().strip());
            } else if (child instanceof Element e) {
                walk(e, file, literals);
            }
        }
    }
}
