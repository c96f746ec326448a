package mn.registry.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 2: a refusal reads in the page's language. Every {@code RegistryProblem} code the main code of any module
 * can send has {@code problem.<code>} in both message files, so a form shows it in Mongolian or English, never the
 * server's English detail. Codes are found in the sources: the first argument of {@code RegistryProblem.invalid},
 * {@code forbidden}, {@code unauthenticated}, {@code conflict} and {@code new RegistryProblem(Kind.X, ...)}, and any
 * string literal shaped like a code ({@code prefix.words-with-dashes}) with one of those codes' prefixes in a file that
 * makes RegistryProblems (helpers that take the code as a parameter).
 */
class ProblemMessagesTest {

    /** The project root, seen from the web module's directory where its tests run. */
    static final Path ROOT = Path.of("..");
    static final Pattern DIRECT = Pattern.compile("(?:RegistryProblem\\.(?:invalid|forbidden|unauthenticated|conflict)\\("
            + "|new\\s+RegistryProblem\\(\\s*(?:RegistryProblem\\.)?Kind\\.\\w+\\s*,)\\s*\"([^\"]+)\"");
    static final Pattern CODE_SHAPED = Pattern.compile("\"([a-z]+(?:-[a-z]+)*(?:\\.[a-z0-9]+(?:-[a-z0-9]+)*)+)\"");

    /** Every problem code in the main Java code of every module, with a file that uses it. */
    static Map<String, Path> codes() throws IOException {
        Map<Path, String> sources = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                        try {
                            String text = Files.readString(f);
                            if (text.contains("RegistryProblem")) {
                                sources.put(f, text);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                }
            }
        }
        Map<String, Path> codes = new TreeMap<>();
        sources.forEach((file, text) -> {
            Matcher m = DIRECT.matcher(text);
            while (m.find()) {
                codes.putIfAbsent(m.group(1), file);
            }
        });
        Set<String> prefixes = codes.keySet().stream().map(c -> c.substring(0, c.indexOf('.'))).collect(Collectors.toSet());
        sources.forEach((file, text) -> {
            Matcher m = CODE_SHAPED.matcher(text);
            while (m.find()) {
                String code = m.group(1);
                if (prefixes.contains(code.substring(0, code.indexOf('.')))) {
                    codes.putIfAbsent(code, file);
                }
            }
        });
        return codes;
    }

    @Test
    @DisplayName("issue 16: every problem code the registry can send has a Mongolian and an English message")
    void every_problem_code_has_both_messages() throws IOException {
        Map<String, Path> codes = codes();
        // the scan finds the codes it must: one of each way of writing them
        assertThat(codes).containsKeys("permit.not-insured", "document.too-large", "freezone.registration-not-pending", "signer.role-missing");
        assertThat(codes).hasSizeGreaterThan(150);
        Properties mn = MessagesTest.load("mn");
        Properties en = MessagesTest.load("en");
        Set<String> missing = new TreeSet<>();
        codes.forEach((code, file) -> {
            for (Properties lang : new Properties[]{mn, en}) {
                String text = lang.getProperty("problem." + code);
                if (text == null || text.isBlank()) {
                    missing.add("problem." + code + " (" + (lang == mn ? "mn" : "en") + ", used in " + ROOT.relativize(file) + ")");
                }
            }
        });
        assertThat(missing).as("problem codes without a message in both languages").isEmpty();
    }

    @Test
    @DisplayName("codes passed to a helper that makes the RegistryProblem are found too")
    void the_scan_sees_codes_passed_through_helpers() throws IOException {
        // ZoneRegistration passes its codes to a helper that makes the RegistryProblem; the scan must still see them
        assertThat(codes().get("freezone.registration-not-pending").toString()).endsWith("ZoneRegistration.java");
    }

    @Test
    @DisplayName("every message key is written once per language: a second line with the same key silently replaces the first (the permit's "
            + "'Revoke' heading once read 'Revoke a signer's certificate')")
    void no_message_key_is_written_twice() throws IOException {
        for (String lang : new String[]{"en", "mn"}) {
            Path bundle = ROOT.resolve("web/src/main/resources/i18n/messages_" + lang + ".properties");
            Map<String, Long> keys = Files.readAllLines(bundle).stream().filter(l -> !l.isBlank() && !l.startsWith("#") && l.contains("="))
                    .map(l -> l.substring(0, l.indexOf('=')).strip()).collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
            assertThat(keys.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList()).as(bundle.toString()).isEmpty();
        }
    }
}
