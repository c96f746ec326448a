package mn.registry.standalone;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the layout of ADR 0013 ("Layout") promises, held over every module's main classes (read from each module's
 * {@code target/classes}, benchmarks included when built): the contexts do not reach into each other's internals, and a
 * class is public only when another package uses it.
 */
class LayoutTest {

    /** The modules whose classes the rules read, in build order; benchmarks is checked when it has been built. */
    static final List<String> MODULES = List.of("shared-kernel", "keystore", "event-store", "transparency-log", "infrastructure",
            "command-side", "query-side", "verifier", "web", "standalone");

    private static JavaClasses main;
    private static JavaClasses mainAndTests;

    @BeforeAll
    static void importEveryModule() {
        List<Path> mainDirs = new ArrayList<>();
        List<Path> allDirs = new ArrayList<>();
        for (String module : MODULES) {
            Path classes = Path.of("..", module, "target", "classes");
            assertThat(classes).as("compiled classes of " + module + " (build through the reactor: -pl standalone -am)").isDirectory();
            mainDirs.add(classes);
            allDirs.add(classes);
            Path tests = Path.of("..", module, "target", "test-classes");
            if (Files.isDirectory(tests)) {
                allDirs.add(tests);
            }
        }
        Path benchmarks = Path.of("..", "benchmarks", "target", "classes");
        if (Files.isDirectory(benchmarks)) {
            mainDirs.add(benchmarks);
            allDirs.add(benchmarks);
        }
        main = new ClassFileImporter().importPaths(mainDirs);
        mainAndTests = new ClassFileImporter().importPaths(allDirs);
    }

    // ---- contexts ------------------------------------------------------------------------------------------------

    /** The bounded contexts, each the packages it owns in any module (command side, query side, its own module). */
    enum Context {
        PERMITS("mn\\.registry\\.permit(\\..*)?"),
        FREE_ZONES("mn\\.registry\\.freezone(\\..*)?"),
        IDENTITY("mn\\.registry\\.identity(\\..*)?"),
        CALENDAR("mn\\.registry\\.calendar(\\..*)?"),
        LOG("mn\\.registry\\.(log|tlog)(\\..*)?");

        final Pattern packages;

        Context(String packages) {
            this.packages = Pattern.compile(packages);
        }

        static Optional<Context> of(JavaClass c) {
            for (Context context : values()) {
                if (context.packages.matcher(c.getPackageName()).matches()) {
                    return Optional.of(context);
                }
            }
            return Optional.empty();
        }
    }

    /** Crossings allowed beyond the kernel and the api packages: none (the last two moved to an api package in session 6). */
    static final Set<String> KNOWN_CROSSINGS = Set.of();

    /** A class of one context that uses a class of another context outside that context's {@code api} package. */
    static ArchCondition<JavaClass> reachIntoAnotherContext(Set<String> allowed) {
        return new ArchCondition<>("reach into another context's internals (only the kernel and a context's api package are shared)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Optional<Context> own = Context.of(c);
                if (own.isEmpty()) {
                    return;
                }
                Set<String> seen = new HashSet<>();
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    JavaClass target = d.getTargetClass().getBaseComponentType();
                    Optional<Context> theirs = Context.of(target);
                    String crossing = topLevel(c).getName() + " -> " + topLevel(target).getName();
                    if (theirs.isPresent() && theirs.get() != own.get() && !target.getPackageName().matches(".*\\.api(\\..*)?")
                            && !allowed.contains(crossing) && seen.add(crossing)) {
                        events.add(SimpleConditionEvent.satisfied(c, own.get() + " reaches into " + theirs.get() + ": " + d.getDescription()));
                    }
                }
            }
        };
    }

    static ArchRule contextsStayApart(Set<String> allowed) {
        return noClasses().should(reachIntoAnotherContext(allowed))
                .because("ADR 0013 Layout: contexts share only the kernel's published language or a named api package");
    }

    @Test
    @DisplayName("ADR 0013 Layout: permits, Free Zones, identity, calendar and the log reach each other only through the kernel or an api package, in every module")
    void contexts_do_not_reach_into_each_other() {
        for (Context context : Context.values()) {
            assertThat(main.stream().filter(c -> Context.of(c).equals(Optional.of(context))).count()).as(context.name()).isPositive();
        }
        contextsStayApart(KNOWN_CROSSINGS).check(main);
    }

    @Test
    @DisplayName("ADR 0013 Layout: the context rule catches a Free Zone class that uses a permit's command-side class")
    void context_rule_catches_a_reach_into_permits() {
        JavaClasses offender = new ClassFileImporter().importClasses(mn.registry.freezone.zone.ZoneFixture.ReadsPermitInternals.class,
                mn.registry.permit.command.PermitDeadlineRules.class);
        assertThat(contextsStayApart(KNOWN_CROSSINGS).evaluate(offender).hasViolation()).isTrue();
        JavaClasses honest = new ClassFileImporter().importClasses(mn.registry.freezone.zone.ZoneFixture.ReadsTheKernel.class);
        assertThat(contextsStayApart(KNOWN_CROSSINGS).evaluate(honest).hasViolation()).isFalse();
    }

    // ---- package-private by default -------------------------------------------------------------------------------

    /**
     * Classes loaded by name: those Spring Boot finds in META-INF (auto-configurations, failure analysers), and the one
     * whose name the code hands to Tomcat, which instantiates it itself ({@code Host.setErrorReportValveClass}).
     */
    static Set<String> loadedByName() {
        Set<String> names = new HashSet<>(Set.of("mn.registry.infrastructure.web.ProblemErrorReportValve"));
        for (String resource : List.of("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports", "META-INF/spring.factories")) {
            try {
                for (URL url : Collections.list(LayoutTest.class.getClassLoader().getResources(resource))) {
                    try (InputStream in = url.openStream()) {
                        Matcher m = Pattern.compile("mn\\.registry\\.[\\w.]+").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                        while (m.find()) {
                            names.add(m.group());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /**
     * A public top-level class that no class of another package uses (main or test code), that nothing loads by name and
     * that is no entry point (a {@code main}, a JMX standard MBean).
     */
    static ArchCondition<JavaClass> bePublicWithoutAUserInAnotherPackage(JavaClasses users, Set<String> loadedByName) {
        Set<String> usedFromElsewhere = new HashSet<>();
        for (JavaClass user : users) {
            for (Dependency d : user.getDirectDependenciesFromSelf()) {
                JavaClass target = topLevel(d.getTargetClass().getBaseComponentType());
                if (!target.getPackageName().equals(user.getPackageName())) {
                    usedFromElsewhere.add(target.getName());
                }
            }
        }
        usedFromElsewhere.addAll(importedFromAnotherPackage());
        return new ArchCondition<>("be public although only their own package uses them") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                boolean entryPoint = c.getMethods().stream().anyMatch(m -> m.getName().equals("main") && m.getModifiers().contains(JavaModifier.STATIC))
                        // a standard MBean and its interface must be public for JMX to read them
                        || c.getSimpleName().endsWith("MBean") || c.getAllRawInterfaces().stream().anyMatch(i -> i.getSimpleName().endsWith("MBean"));
                if (c.getModifiers().contains(JavaModifier.PUBLIC) && !usedFromElsewhere.contains(c.getName()) && !entryPoint
                        && !loadedByName.contains(c.getName())) {
                    events.add(SimpleConditionEvent.satisfied(c, c.getName() + " is public, but only " + c.getPackageName() + " uses it"));
                }
            }
        };
    }

    /**
     * The classes that a source file of another package imports: a compiled-in constant ({@code static final String})
     * leaves no dependency in the class file for ArchUnit to see, but its import stays in the source.
     */
    static Set<String> importedFromAnotherPackage() {
        Set<String> imported = new HashSet<>();
        Pattern packageLine = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
        Pattern importLine = Pattern.compile("^import (?:static )?(mn\\.registry\\.[\\w.]*?\\.[A-Z]\\w*)", Pattern.MULTILINE);
        List<String> modules = new ArrayList<>(MODULES);
        modules.add("benchmarks");
        for (String module : modules) {
            for (String set : List.of("main", "test")) {
                Path root = Path.of("..", module, "src", set, "java");
                if (!Files.isDirectory(root)) {
                    continue;
                }
                try (var files = Files.walk(root)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String source = Files.readString(file);
                        Matcher pkg = packageLine.matcher(source);
                        String own = pkg.find() ? pkg.group(1) : "";
                        Matcher m = importLine.matcher(source);
                        while (m.find()) {
                            String name = m.group(1);
                            if (!name.substring(0, name.lastIndexOf('.')).equals(own)) {
                                imported.add(name);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return imported;
    }

    static ArchRule publicOnlyWhenUsedElsewhere(JavaClasses users, Set<String> loadedByName) {
        return noClasses().that().areTopLevelClasses().and().resideInAPackage("mn.registry..")
                .and().doNotHaveSimpleName("package-info")
                .should(bePublicWithoutAUserInAnotherPackage(users, loadedByName))
                .because("style.md: package-private by default; a class is public only when another package uses it");
    }

    @Test
    @DisplayName("style.md: a main class is public only when a class of another package uses it (or it is an entry point Java or Spring loads by name)")
    void classes_are_package_private_unless_used_elsewhere() {
        assertThat(loadedByName()).isNotEmpty();
        publicOnlyWhenUsedElsewhere(mainAndTests, loadedByName()).check(main);
    }

    @Test
    @DisplayName("style.md: the visibility rule catches a public class that only its own package uses")
    void visibility_rule_catches_a_needlessly_public_class() {
        JavaClasses fixture = new ClassFileImporter().importClasses(mn.registry.freezone.zone.ZoneFixture.class, mn.registry.standalone.layout.LonelyPublic.class,
                mn.registry.standalone.layout.UsedElsewhere.class);
        assertThat(publicOnlyWhenUsedElsewhere(fixture, Set.of()).evaluate(new ClassFileImporter().importClasses(mn.registry.standalone.layout.LonelyPublic.class))
                .hasViolation()).isTrue();
        assertThat(publicOnlyWhenUsedElsewhere(fixture, Set.of()).evaluate(new ClassFileImporter().importClasses(mn.registry.standalone.layout.UsedElsewhere.class))
                .hasViolation()).isFalse();
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top;
    }
}
