package mn.registry.infrastructure.datadir;

import mn.registry.keystore.OwnerOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The registry's data directory: the embedded database file {@code mongo.mv} (every event, the personal-data vault's
 * keys, the sessions), the keystore and its password file, the demo people's keys and the open-data exports. It is
 * the service account's alone: created 0700, every directory in it 0700 and every file 0600 (ADR 0014).
 *
 * <p>At start, an existing directory in which anything is readable, writable or searchable by the group or by others
 * is refused ({@link Exposed}, naming the path and the fix) unless {@code registry.allow-shared-data-dir=true}, which
 * starts anyway with a warning. Files created later by libraries that honour only the umask are narrowed by
 * {@link #tighten()}, called right after they are created and once the registry has started.
 */
public final class DataDirectory {

    /** The flag that starts the registry on a data directory others may read. */
    public static final String ALLOW_SHARED = "registry.allow-shared-data-dir";
    /** The public register's index directory under the data directory (query side's default, {@code RegisterRebuilds}). */
    static final String PUBLIC_REGISTER_INDEX = "public-register-index";

    private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path path;
    private final boolean posix;

    private DataDirectory(Path path, boolean posix) {
        this.path = path;
        this.posix = posix;
    }

    /** Refused start: the data directory or something in it is open to other accounts. */
    public static final class Exposed extends IllegalStateException {
        private final Path directory;

        Exposed(Path directory, List<String> exposed) {
            super("The data directory " + directory + " is open to other accounts (" + String.join(", ", exposed)
                    + "): it holds every event, the personal-data keys and the staff sessions. Make it the service account's alone with "
                    + "'chmod -R go-rwx " + directory + "', or start with --" + ALLOW_SHARED + "=true to accept the risk.");
            this.directory = directory;
        }

        public Path directory() {
            return directory;
        }
    }

    /**
     * Creates the directory (0700, with missing parents 0700) or checks the existing one; refuses an exposed one unless
     * {@code allowShared}. Answers the directory, whose files are then tightened as they appear.
     */
    public static DataDirectory open(Path directory, boolean allowShared) {
        Path given = directory.toAbsolutePath().normalize();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.exists(given)) {
                OwnerOnly.createDirectories(given);
                log.info("Created the data directory {} (0700)", given);
                return new DataDirectory(given.toRealPath(), posix);
            }
            if (!Files.isDirectory(given)) {
                throw new IllegalStateException("The data directory " + given + " exists but is not a directory.");
            }
            Path absolute = given.toRealPath(); // a symbolic link to the directory: check and narrow the directory itself
            DataDirectory dataDirectory = new DataDirectory(absolute, posix);
            if (!posix) {
                log.warn("The file system of {} has no POSIX permissions: restrict it to the service account by its own means", absolute);
                return dataDirectory;
            }
            // the public register's index (ADR 0044) holds public data only, written by Lucene under the process umask and narrowed
            // afterwards: a kill -9 between the two left its newest files group-readable and the restart refused (found by
            // KillNineUnderLoadTest). Narrowed here, before the check; every other entry is still checked as it is
            Path publicIndex = absolute.resolve(PUBLIC_REGISTER_INDEX);
            if (Files.isDirectory(publicIndex, LinkOption.NOFOLLOW_LINKS)) {
                new DataDirectory(publicIndex, posix).tighten();
            }
            List<String> exposed = dataDirectory.exposed(5);
            if (!exposed.isEmpty()) {
                Exposed refusal = new Exposed(absolute, exposed);
                if (!allowShared) {
                    throw refusal;
                }
                log.warn("{} Starting anyway: {}=true.", refusal.getMessage(), ALLOW_SHARED);
            }
            return dataDirectory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read the data directory " + given, e);
        }
    }

    public Path path() {
        return path;
    }

    /** Up to {@code limit} entries open to the group or others, each as "path mode". */
    List<String> exposed(int limit) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                if (found.size() >= limit) {
                    break;
                }
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (mode.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                    found.add(p + " " + PosixFilePermissions.toString(mode));
                }
            }
        }
        return found;
    }

    /**
     * Narrows every directory in the data directory to 0700 and every file to 0600 (owner's bits kept, group's and
     * others' removed); answers how many were changed. Entries that vanish meanwhile are skipped.
     */
    public int tighten() {
        if (!posix || !Files.isDirectory(path)) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                changed += narrow(p) ? 1 : 0;
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not narrow every file of the data directory {} to its owner: {}", path, e.toString());
        }
        if (changed > 0) {
            log.debug("Narrowed {} entries of {} to the owner", changed, path);
        }
        return changed;
    }

    private static boolean narrow(Path p) {
        try {
            if (Files.isSymbolicLink(p)) {
                return false;
            }
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
            if (mode.stream().noneMatch(GROUP_OR_OTHERS::contains)) {
                return false;
            }
            Set<PosixFilePermission> owner = EnumSet.copyOf(mode);
            owner.removeAll(GROUP_OR_OTHERS);
            Files.setPosixFilePermissions(p, owner);
            return true;
        } catch (java.nio.file.NoSuchFileException gone) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
