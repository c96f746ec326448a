package mn.registry.standalone;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/legal-traceability.md cannot rot: every source of domain-rules §3 (and §4 once the file has a §4 section)
 * has a row, and every row names a test method that exists and cites the article in its display name.
 */
class LegalTraceabilityTest {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)+");

    record Row(String section, String article, String rule, String code, String test) {
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/legal-traceability.md"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("docs/legal-traceability.md above " + Path.of("").toAbsolutePath()).isNotNull();
        return dir;
    }

    /** Table rows of {@code markdown} under headings starting "## §", with the section number. */
    static List<List<String>> tableRows(List<String> lines, String section) {
        List<List<String>> rows = new ArrayList<>();
        boolean inside = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inside = line.startsWith("## " + section + " ") || line.startsWith("## " + section + ".");
                continue;
            }
            if (inside && line.startsWith("|") && !line.startsWith("|---")) {
                List<String> cells = new ArrayList<>();
                for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                    cells.add(cell.trim());
                }
                rows.add(cells);
            }
        }
        // each table's header row (a section may have subsections "## §3.1 ...", each with its own table)
        String header = rows.isEmpty() ? null : String.join("|", rows.get(0));
        return rows.stream().filter(r -> !String.join("|", r).equals(header)).toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> rows(Path repository, String section) {
        return tableRows(read(repository.resolve("docs/legal-traceability.md")), section).stream()
                .map(c -> new Row(section, c.get(0), c.get(1), c.get(2), c.get(3))).toList();
    }

    private static Optional<Path> testSource(Path repository, String className) {
        try (Stream<Path> files = Files.walk(repository, 12)) {
            return files.filter(p -> p.getFileName().toString().equals(className + ".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/test/java/"))
                    .filter(p -> !p.toString().contains("/target")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code @DisplayName} text just above {@code void method(}, or null when there is no such method. A name written over
     * several lines ({@code "..." + "..."}) is read whole: its string literals joined.
     */
    static String displayNameOf(List<String> source, String method) {
        Pattern declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(");
        for (int i = 0; i < source.size(); i++) {
            if (declaration.matcher(source.get(i)).find()) {
                for (int j = i - 1; j >= Math.max(0, i - 6); j--) {
                    if (source.get(j).contains("@DisplayName(")) {
                        int end = j;
                        while (end < i - 1 && !source.get(end).strip().endsWith(")")) {
                            end++;
                        }
                        StringBuilder name = new StringBuilder();
                        Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(String.join("\n", source.subList(j, end + 1)));
                        while (literal.find()) {
                            name.append(literal.group(1));
                        }
                        return name.toString();
                    }
                }
                return "";
            }
        }
        return null;
    }

    private static Set<String> numbers(String article) {
        Set<String> numbers = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(article);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    @Test
    @DisplayName("every row of legal-traceability §1 to §5 names a test method that exists and cites one of the row's article numbers")
    void every_row_names_an_existing_test_citing_its_article() {
        Path repository = repository();
        List<Row> rows = new ArrayList<>(rows(repository, "§3"));
        rows.addAll(rows(repository, "§4"));
        rows.addAll(rows(repository, "§2"));
        rows.addAll(rows(repository, "§1"));
        rows.addAll(rows(repository, "§5")); // and §5.1, where the sessions' rows are appended
        assertThat(rows).as("rows of §3").hasSizeGreaterThan(20);
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            String[] test = row.test().split("#");
            if (test.length != 2) {
                problems.add(row.article() + ": test is not Class#method: " + row.test());
                continue;
            }
            Optional<Path> source = testSource(repository, test[0]);
            if (source.isEmpty()) {
                problems.add(row.article() + ": no test class " + test[0]);
                continue;
            }
            String displayName = displayNameOf(read(source.get()), test[1]);
            if (displayName == null) {
                problems.add(row.article() + ": no method " + row.test());
            } else if (numbers(row.article()).isEmpty() ? !displayName.contains(row.article())
                    : numbers(row.article()).stream().noneMatch(displayName::contains)) {
                problems.add(row.article() + ": " + row.test() + " does not cite " + numbers(row.article()) + " in its display name");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    @DisplayName("every source article of domain-rules §3 (and §4 once traced) has a row in legal-traceability")
    void every_article_of_the_domain_rules_has_a_row() {
        Path repository = repository();
        Path domainRules = repository.resolve("../shared/docs/domain-rules.md").normalize();
        assertThat(domainRules).as("the rulebook next to the repository").exists();
        List<String> rules = read(domainRules);
        List<String> sections = new ArrayList<>(List.of("§3"));
        if (!rows(repository, "§4").isEmpty()) {
            sections.add("§4");
        }
        List<String> missing = new ArrayList<>();
        for (String section : sections) {
            Set<String> traced = new LinkedHashSet<>();
            rows(repository, section).forEach(r -> traced.add(r.article()));
            List<List<String>> ruleRows = tableRows(rules.stream().map(l -> l.replaceFirst("^## (\\d)\\. ", "## §$1 ")).toList(), section);
            assertThat(ruleRows).as("rules of " + section).isNotEmpty();
            for (List<String> rule : ruleRows) {
                String source = rule.get(rule.size() - 1);
                if (!traced.contains(source)) {
                    missing.add(section + " " + source + " (" + rule.get(1) + ")");
                }
            }
        }
        assertThat(missing).as("articles of domain-rules without a row in docs/legal-traceability.md").isEmpty();
    }
}
