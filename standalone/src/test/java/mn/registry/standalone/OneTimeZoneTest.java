package mn.registry.standalone;

import mn.registry.kernel.calendar.UlaanbaatarTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** domain-rules §2: one time zone, named once ({@link UlaanbaatarTime#ZONE}); every other class uses that constant. */
class OneTimeZoneTest {

    @Test
    @DisplayName("the Ulaanbaatar time zone is named in main code only by UlaanbaatarTime.ZONE, so no class can drift to another zone or offset")
    void the_zone_is_defined_once() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("shared-kernel"))) {
            root = root.getParent();
        }
        assertThat(root).as("the repository above " + Path.of("").toAbsolutePath()).isNotNull();
        Path repository = root;
        List<Path> sources;
        try (Stream<Path> files = Files.walk(repository, 12)) {
            sources = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.toString().contains("/target")).toList();
        }
        assertThat(sources).as("main sources found").hasSizeGreaterThan(100);
        List<String> naming = sources.stream().filter(p -> read(p).contains("\"" + UlaanbaatarTime.ZONE.getId() + "\"")
                || read(p).contains("ZoneOffset.ofHours(8)")).map(p -> repository.relativize(p).toString()).toList();
        assertThat(naming).containsExactly("shared-kernel/src/main/java/mn/registry/kernel/calendar/UlaanbaatarTime.java");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
