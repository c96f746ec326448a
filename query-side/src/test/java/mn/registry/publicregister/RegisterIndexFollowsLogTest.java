package mn.registry.publicregister;

import com.mongodb.client.MongoDatabase;
import mn.registry.kernel.freezone.Activity;
import mn.registry.projection.RebuildProgress;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** ADR 0017: each node's search index is derived from the register it folds from the shared log, and follows it. */
@ExtendWith(EmbeddedMongoExtension.class)
class RegisterIndexFollowsLogTest {

    private static SearchResults find(PublicRegister register, String text, String status) {
        return register.find(new RegisterSearch(text, null, status, null, null, null, null, 0, 50));
    }

    private static void awaitLogSize(PublicRegister register, int size) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (register.logSize() < size && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(register.logSize()).isEqualTo(size);
    }

    private static RebuildProgress await(RegisterRebuilds rebuilds) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        RebuildProgress p;
        while ("RUNNING".equals((p = rebuilds.progress()).state()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        return p;
    }

    @Test
    @DisplayName("another node's records are searchable on this node after its catch-up; a rebuild's switch and a restart build the index from the register")
    void follows_the_log_on_every_node(MongoDatabase db) throws Exception {
        Records r = RegisterRebuildTest.log(db, 30);
        PublicRegister a = new PublicRegister(db, Duration.ofMillis(50));
        RegisterRebuilds rebuilds = new RegisterRebuilds(db, a);
        a.catchUp();
        assertThat(find(a, null, "SUSPENDED").counts().kind()).containsEntry("permits", 10);
        assertThat(find(a, "nomin", null).total()).isZero();

        // another node's writes: the shared log grows; this node sees them at its next catch-up, index and register alike
        int before = r.all().size();
        r.add(Records.registered("Номин Логистик ХХК", "7000001", Activity.TRADE, LocalDate.of(2027, 3, 1))).add(Records.revoked(2));
        RegisterRebuildTest.append(db, r, before);
        assertThat(find(a, "nomin", null).total()).as("not read yet").isZero();
        a.catchUp();
        assertThat(find(a, "nomin", null).items()).extracting(RegisterEntry::id).containsExactly("altanbulag:mn-7000001");
        assertThat(find(a, "P-2026-000002", null).items().get(0).status()).isEqualTo("REVOKED");
        assertThat(a.search(new RegisterQuery(RegisterKind.PERMIT, null, null, "revoked", null, null, null, null, 0, 50)).items())
                .extracting(RegisterEntry::id).containsExactly("P-2026-000002");
        List<String> served = find(a, "khan", null).items().stream().map(RegisterEntry::id).toList();

        // a rebuild switched to: a fresh index of the rebuilt register, the same answers
        rebuilds.rebuild(null, true);
        assertThat(await(rebuilds).serving()).isTrue();
        assertThat(find(a, "khan", null).items().stream().map(RegisterEntry::id).toList()).isEqualTo(served);
        assertThat(find(a, "nomin", null).total()).isEqualTo(1);

        // a node (re)starting loads the saved generation, indexes it whole, then follows the log from its size
        before = r.all().size();
        r.add(Records.registered("Steppe Nomin LLC", "7000002", Activity.PRODUCTION, LocalDate.of(2027, 3, 2)));
        RegisterRebuildTest.append(db, r, before);
        PublicRegister restarted = new PublicRegister(db, Duration.ofMillis(50));
        new RegisterRebuilds(db, restarted);
        restarted.start();
        try {
            awaitLogSize(restarted, r.all().size());
            assertThat(find(restarted, "nomin", null).items()).extracting(RegisterEntry::name).containsExactly("Номин Логистик ХХК", "Steppe Nomin LLC");
            assertThat(find(restarted, null, null).total()).isEqualTo(find(a, null, null).total() + 1);
        } finally {
            restarted.stop();
        }
    }

    @Test
    @DisplayName("abuse: searches while the register follows the log never see an entry the index lists but the register lacks, nor a page short of its total")
    void searches_during_catch_up_are_consistent(MongoDatabase db) throws Exception {
        Records r = RegisterRebuildTest.log(db, 5);
        PublicRegister register = new PublicRegister(db, Duration.ofMillis(50));
        register.catchUp();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> broken = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get() && broken.get() == null) {
                SearchResults page = find(register, "entity", null);
                int expected = Math.min(page.limit(), page.total());
                if (page.items().size() != expected) {
                    broken.set("a page of " + page.items().size() + " where " + expected + " matched (log size " + page.logSize() + ")");
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 60; i++) {
                int before = r.all().size();
                r.add(Records.registered("Entity extra " + i, "8000" + (100 + i), Activity.TRADE, LocalDate.of(2027, 4, 1)));
                RegisterRebuildTest.append(db, r, before);
                register.catchUp();
            }
        } finally {
            done.set(true);
            reader.join();
        }
        assertThat(broken.get()).isNull();
        assertThat(find(register, "entity", null).total()).isEqualTo(5 + 60);
    }
}
