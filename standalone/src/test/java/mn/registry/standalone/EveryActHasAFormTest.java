package mn.registry.standalone;

import mn.registry.command.api.CommandPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 1: every signed act has a form on a desk, or a line in the README's "Command-line only acts" saying
 * why not. The command types are the ones the running registry knows (its {@code SignedCommandType} beans, through
 * {@link CommandPipeline#knownTypes()}), so a new command type without a form or a reason fails here.
 */
class EveryActHasAFormTest {

    static final Path ROOT = Path.of("..");
    static final Path TEMPLATES = ROOT.resolve("web/src/main/resources/templates");
    /** A command form names its type in data-type, literally or in the list a th:each makes forms of. */
    static final Pattern FORM_TAG = Pattern.compile("<form\\b[^>]*class=\"command[^\"]*\"[^>]*>", Pattern.DOTALL);
    static final Pattern TYPE_NAME = Pattern.compile("['\"]([A-Z][A-Za-z]+)['\"]");
    static final Pattern README_LINE = Pattern.compile("^- `([A-Za-z]+)`: (.{20,})$", Pattern.MULTILINE);

    @TempDir
    Path dataDir;

    /** Command types named by a form in the web module's templates, with the template. */
    static Map<String, Path> formsInTemplates() throws IOException {
        Map<String, Path> forms = new TreeMap<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher tag = FORM_TAG.matcher(Files.readString(f));
                while (tag.find()) {
                    Matcher name = TYPE_NAME.matcher(tag.group());
                    while (name.find()) {
                        forms.putIfAbsent(name.group(1), f);
                    }
                }
            }
        }
        return forms;
    }

    /** The README's "Command-line only acts": each line names a command type and says why it has no form. */
    static Map<String, String> commandLineOnly() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Command-line only acts");
        assertThat(start).as("README has a section 'Command-line only acts'").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, String> reasons = new TreeMap<>();
        Matcher m = README_LINE.matcher(section);
        while (m.find()) {
            reasons.put(m.group(1), m.group(2));
        }
        return reasons;
    }

    @Test
    @DisplayName("issue 16: every signed command type the registry knows has a form on a desk or a README line saying why it is command-line only")
    void every_command_type_has_a_form_or_a_reason() throws IOException {
        Set<String> known;
        try (ConfigurableApplicationContext registry = RegistryApplication.start("--server.port=0", "--registry.data-dir=" + dataDir,
                "--registry.demo=true")) {
            known = registry.getBean(CommandPipeline.class).knownTypes();
        }
        assertThat(known).contains("ApplyForPermit", "RecordPermitInsurance", "IssuePermit").hasSizeGreaterThan(40);
        Map<String, Path> forms = formsInTemplates();
        Map<String, String> reasons = commandLineOnly();

        Set<String> neither = new TreeSet<>(known);
        neither.removeAll(forms.keySet());
        neither.removeAll(reasons.keySet());
        assertThat(neither).as("command types with neither a form in web/src/main/resources/templates nor a line in the README's "
                + "'Command-line only acts'").isEmpty();

        // a README reason for a type that has a form, or that the registry does not know, is stale
        Set<String> stale = new TreeSet<>(reasons.keySet());
        stale.retainAll(forms.keySet());
        assertThat(stale).as("README says command-line only, but a form exists").isEmpty();
        assertThat(known).as("README names only command types the registry knows").containsAll(reasons.keySet());
    }

    @Test
    @DisplayName("the form scan reads data-type, th:attr and th:each forms, and only forms of class command")
    void the_form_scan_finds_forms_written_each_way() throws IOException {
        Map<String, Path> forms = formsInTemplates();
        assertThat(forms).containsKeys("ApprovePermitApplication", "OpenZone", "DismissGovernor", "ApplyForPermit", "SetMinimumInsurance");
        assertThat(forms).doesNotContainKey("AdvanceDemoClock");
    }
}
