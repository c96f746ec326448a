package mn.registry.infrastructure.datadir;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryTest {

    @TempDir
    Path root;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    @DisplayName("a missing data directory is created 0700, its missing parents too")
    void created_owner_only() throws Exception {
        Path dir = root.resolve("a").resolve("data");
        DataDirectory.open(dir, false);
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.getParent())).isEqualTo("rwx------");
    }

    @Test
    @DisplayName("an existing directory with a group-writable subdirectory deep inside is refused, naming the path and the fix")
    void exposed_entry_deep_inside_is_refused() throws Exception {
        Path dir = root.resolve("data");
        Files.createDirectories(dir.resolve("keys").resolve("people"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir.resolve("keys"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir.resolve("keys").resolve("people"), PosixFilePermissions.fromString("rwxrwx---"));

        assertThatThrownBy(() -> DataDirectory.open(dir, false)).isInstanceOf(DataDirectory.Exposed.class)
                .hasMessageContaining(dir.resolve("keys").resolve("people") + " rwxrwx---")
                .hasMessageContaining("chmod -R go-rwx " + dir);
    }

    @Test
    @DisplayName("a data directory reached through a symbolic link is checked itself: an exposed target is refused, naming it")
    void symbolic_link_to_an_exposed_directory_is_refused() throws Exception {
        Path target = root.resolve("volume");
        Files.createDirectory(target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path link = Files.createSymbolicLink(root.resolve("data"), target);

        assertThatThrownBy(() -> DataDirectory.open(link, false)).isInstanceOf(DataDirectory.Exposed.class)
                .hasMessageContaining("chmod -R go-rwx " + target.toRealPath());
    }

    @Test
    @DisplayName("an owner-only directory starts; with the flag a shared one starts too, and tighten() narrows it to the owner")
    void flag_overrides_and_tighten_narrows() throws Exception {
        Path dir = root.resolve("data");
        Files.createDirectories(dir.resolve("open-data"));
        Files.writeString(dir.resolve("open-data").resolve("manifest.json"), "{}");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir.resolve("open-data"), PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir.resolve("open-data").resolve("manifest.json"), PosixFilePermissions.fromString("rw-------"));
        assertThat(DataDirectory.open(dir, false).path()).isEqualTo(dir.toRealPath());

        Files.setPosixFilePermissions(dir.resolve("open-data").resolve("manifest.json"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> DataDirectory.open(dir, false)).isInstanceOf(DataDirectory.Exposed.class);
        DataDirectory shared = DataDirectory.open(dir, true);

        assertThat(shared.tighten()).isEqualTo(1);
        assertThat(mode(dir.resolve("open-data").resolve("manifest.json"))).isEqualTo("rw-------");
        assertThat(DataDirectory.open(dir, false).path()).isEqualTo(dir.toRealPath());
    }

    @Test
    @DisplayName("a file of the public register's index left group-readable by a kill -9 before its narrowing is narrowed at start; the same "
            + "file elsewhere is still refused")
    void the_public_index_left_open_by_a_crash_is_narrowed_at_start() throws Exception {
        Path dir = Files.createDirectories(root.resolve("data").resolve(DataDirectory.PUBLIC_REGISTER_INDEX).resolve("index-1")).getParent().getParent();
        for (Path d : new Path[]{dir, dir.resolve(DataDirectory.PUBLIC_REGISTER_INDEX), dir.resolve(DataDirectory.PUBLIC_REGISTER_INDEX).resolve("index-1")}) {
            Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwx------"));
        }
        Path segment = Files.writeString(dir.resolve(DataDirectory.PUBLIC_REGISTER_INDEX).resolve("index-1").resolve("_3.fnm"), "x");
        Files.setPosixFilePermissions(segment, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(DataDirectory.open(dir, false).path()).isEqualTo(dir.toRealPath());
        assertThat(mode(segment)).isEqualTo("rw-------");
        Path keys = Files.writeString(dir.resolve("keys.p12"), "x");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> DataDirectory.open(dir, false)).isInstanceOf(DataDirectory.Exposed.class);
    }
}
