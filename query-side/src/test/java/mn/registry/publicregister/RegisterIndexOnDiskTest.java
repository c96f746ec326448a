package mn.registry.publicregister;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.freezone.Activity;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0044: the register's search index kept on this node's disk beside the register's snapshot. */
@ExtendWith(EmbeddedMongoExtension.class)
class RegisterIndexOnDiskTest {

    /** Searches of every kind of text: whole numbers, parts of numbers, Cyrillic and Latin names and their parts. */
    private static final List<String> QUERIES = List.of("000001", "P-2026-000002", "SP-2026-000003", "2026", "Entity 1", "entit", "хан",
            "Хан 7", "ан 1", "Алтанбулаг", "Late", "300010");

    private static List<SearchResults> answers(PublicRegister register) {
        List<SearchResults> out = new ArrayList<>();
        for (String q : QUERIES) {
            out.add(register.find(new RegisterSearch(q, null, null, null, null, null, null, 0, 50)));
        }
        out.add(register.find(new RegisterSearch("", RegisterKind.PERMIT, "SUSPENDED", null, null, null, null, 0, 50)));
        return out;
    }

    private static PublicRegister started(MongoDatabase db, Path folder) {
        PublicRegister register = new PublicRegister(db, Duration.ofMillis(50));
        new RegisterRebuilds(db, register, folder);
        register.start();
        return register;
    }

    private static void awaitSize(PublicRegister register, long size) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (register.logSize() < size && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(register.logSize()).isEqualTo(size);
    }

    /** The answers of a register folded from the log in memory, no disk involved. */
    private static List<SearchResults> folded(MongoDatabase db, long size) throws InterruptedException {
        PublicRegister fresh = new PublicRegister(db, Duration.ofMillis(50));
        fresh.catchUp();
        assertThat(fresh.logSize()).isEqualTo(size);
        return answers(fresh);
    }

    @Test
    @DisplayName("ADR 0044: a restart opens the index kept on disk instead of building it, and every search answers exactly what it answered before")
    void restart_opens_the_index_and_answers_the_same(MongoDatabase db, @TempDir Path folder) throws Exception {
        Records r = RegisterRebuildTest.log(db, 400);
        PublicRegister first = started(db, folder);
        List<SearchResults> before;
        try {
            awaitSize(first, r.all().size());
            before = answers(first);
        } finally {
            first.stop(); // saves the snapshot and commits the index at the same register state
        }
        assertThat(before.get(0).items()).isNotEmpty();

        PublicRegister second = started(db, folder);
        try {
            awaitSize(second, r.all().size());
            assertThat(second.indexReused()).isTrue();
            assertThat(answers(second)).isEqualTo(before);

            // it follows the log on from there like an index built afresh
            int size = r.all().size();
            r.add(Records.revoked(2));
            r.add(Records.registered("Late Entity", "2000999", Activity.TRADE, LocalDate.of(2027, 6, 1)));
            RegisterRebuildTest.append(db, r, size);
            awaitSize(second, r.all().size());
            assertThat(answers(second)).isEqualTo(folded(db, r.all().size()));
        } finally {
            second.stop();
        }
    }

    @Test
    @DisplayName("ADR 0044: a crash between the index's commit and the snapshot's save (an index of another register state) is detected and the index rebuilt")
    void index_of_another_state_than_the_snapshot_is_rebuilt(MongoDatabase db, @TempDir Path folder) throws Exception {
        Records r = RegisterRebuildTest.log(db, 300);
        PublicRegister first = started(db, folder);
        try {
            awaitSize(first, r.all().size());
        } finally {
            first.stop();
        }
        int size = r.all().size();
        r.add(Records.suspended(2));
        r.add(Records.registered("Late Entity", "2000999", Activity.TRADE, LocalDate.of(2027, 6, 1)));
        RegisterRebuildTest.append(db, r, size);

        // the node commits its index at the new size, then dies before its snapshot is saved
        PublicRegister crashing = new PublicRegister(db, Duration.ofMillis(50));
        RegisterRebuilds rebuilds = new RegisterRebuilds(db, crashing, folder);
        crashing.startFrom(rebuilds::loadLatest, (entries, logSize, position, generation) -> {
            throw new IllegalStateException("killed before the snapshot was saved");
        }, 10_000, folder);
        crashing.start();
        try {
            awaitSize(crashing, r.all().size());
            assertThat(crashing.indexReused()).isTrue();
            crashing.saveSnapshotIfDue(true);
        } finally {
            crashing.stop();
        }
        assertThat(rebuilds.loadLatest().orElseThrow().model().logSize()).isEqualTo(size); // the snapshot stayed behind the index

        PublicRegister restarted = started(db, folder);
        try {
            awaitSize(restarted, r.all().size());
            assertThat(restarted.indexReused()).isFalse();
            assertThat(answers(restarted)).isEqualTo(folded(db, r.all().size()));
            assertThat(restarted.find(new RegisterSearch("Late", null, null, null, null, null, null, 0, 50)).total()).isEqualTo(1);
        } finally {
            restarted.stop();
        }
        // and the rebuilt index, committed with the next snapshot, is opened by the start after
        PublicRegister again = started(db, folder);
        try {
            awaitSize(again, r.all().size());
            assertThat(again.indexReused()).isTrue();
        } finally {
            again.stop();
        }
    }

    @Test
    @DisplayName("ADR 0044: a damaged index on disk is not opened: the start rebuilds it and answers as a register folded from the log")
    void damaged_index_is_rebuilt(MongoDatabase db, @TempDir Path folder) throws Exception {
        Records r = RegisterRebuildTest.log(db, 200);
        PublicRegister first = started(db, folder);
        try {
            awaitSize(first, r.all().size());
        } finally {
            first.stop();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("write.lock")).toList()) {
                Files.write(p, new byte[] {1, 2, 3}); // every file of the index overwritten
            }
        }
        PublicRegister restarted = started(db, folder);
        try {
            awaitSize(restarted, r.all().size());
            assertThat(restarted.indexReused()).isFalse();
            assertThat(answers(restarted)).isEqualTo(folded(db, r.all().size()));
        } finally {
            restarted.stop();
        }
    }

    @Test
    @DisplayName("ADR 0044: two nodes on one data directory each keep an index of their own; a start never deletes the index another node is using")
    void nodes_sharing_a_data_directory_keep_their_own_index(MongoDatabase db, @TempDir Path folder) throws Exception {
        Records r = RegisterRebuildTest.log(db, 200);
        PublicRegister first = started(db, folder);
        PublicRegister second = null;
        try {
            awaitSize(first, r.all().size());
            first.saveSnapshotIfDue(true);
            second = started(db, folder); // the snapshot matches the first's index, which the first holds: the second builds its own
            awaitSize(second, r.all().size());
            assertThat(second.indexReused()).isFalse();
            int size = r.all().size();
            r.add(Records.registered("Late Entity", "2000999", Activity.TRADE, LocalDate.of(2027, 6, 1)));
            RegisterRebuildTest.append(db, r, size);
            awaitSize(first, r.all().size());
            awaitSize(second, r.all().size());
            List<SearchResults> expected = folded(db, r.all().size());
            assertThat(answers(first)).isEqualTo(expected);
            assertThat(answers(second)).isEqualTo(expected);
            try (Stream<Path> folders = Files.list(folder)) {
                assertThat(folders.filter(Files::isDirectory).count()).isEqualTo(2);
            }
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    @Test
    @DisplayName("ADR 0014/0044: the index's folders and files in the data directory are the service account's alone")
    void index_files_are_private(MongoDatabase db, @TempDir Path folder) throws Exception {
        Records r = RegisterRebuildTest.log(db, 50);
        Path base = folder.resolve("public-register-index");
        PublicRegister register = started(db, base);
        try {
            awaitSize(register, r.all().size());
        } finally {
            register.stop();
        }
        assertThat(exposed(base)).isEmpty();
        try (Stream<Path> files = Files.walk(base)) {
            assertThat(files.filter(Files::isRegularFile).count()).isGreaterThan(1);
        }
    }

    private static List<String> exposed(Path base) throws IOException {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(p -> {
                try {
                    return Files.getPosixFilePermissions(p).stream().anyMatch(m -> m != PosixFilePermission.OWNER_READ
                            && m != PosixFilePermission.OWNER_WRITE && m != PosixFilePermission.OWNER_EXECUTE);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(Path::toString).toList();
        }
    }
}
