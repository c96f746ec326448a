package mn.registry.publicregister;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ADR 0029: searches run at most one per permit at once, the others wait their turn; the searchers share no lock. */
class SearchGateTest {

    @Test
    @DisplayName("ADR 0029: a search beyond the gate's permits waits until one of the running searches ends")
    void aThirdSearchWaitsForOneOfTwo() throws Exception {
        SearchGate gate = new SearchGate(2);
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> gate.run(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                inside.countDown();
                await(finish);
                running.decrementAndGet();
                return null;
            }));
            threads.add(t);
            t.start();
        }
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        while (gate.waiting() == 0) {
            Thread.onSpinWait();
        }
        assertThat(running.get()).isEqualTo(2);
        assertThat(gate.waiting()).isEqualTo(1);
        finish.countDown();
        for (Thread t : threads) {
            t.join(30_000);
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(most.get()).isEqualTo(2);
        assertThat(running.get()).isZero();
    }

    @Test
    @DisplayName("ADR 0029: a failed search gives its turn back (a careless caller's exception does not shrink the gate)")
    void aFailedSearchReleasesItsPermit() {
        SearchGate gate = new SearchGate(1);
        assertThatThrownBy(() -> gate.run(() -> {
            throw new IllegalStateException("bad query");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(gate.run(() -> "next")).isEqualTo("next");
        assertThatThrownBy(() -> new SearchGate(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("ADR 0029: the register's searchers run without Lucene's JVM-wide query cache (its lock held 50 readers up to 0.7 s)")
    void searchersShareNoQueryCache() {
        RegisterIndex index = RegisterIndex.of(List.of());
        RegisterSearcher searcher = index.refresh(List.of());
        try {
            assertThat(searcher.cachesQueries()).isFalse();
            searcher.sharedQueryCache(true);
            assertThat(searcher.cachesQueries()).isTrue();
        } finally {
            searcher.release();
            index.close();
        }
    }

    @Test
    @DisplayName("ADR 0029: the register runs two searches per core at once unless configured, and a configured number when it is")
    void concurrencyDefaultsToTwoPerCore() {
        // a database that is never asked anything: the register is not started
        com.mongodb.client.MongoDatabase none = (com.mongodb.client.MongoDatabase) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {com.mongodb.client.MongoDatabase.class}, (proxy, method, args) -> null);
        PublicRegister register = new PublicRegister(none, java.time.Duration.ofMillis(100));
        assertThat(register.searchConcurrency()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
        register.searchConcurrency(3);
        assertThat(register.searchConcurrency()).isEqualTo(3);
        register.searchConcurrency(0);
        assertThat(register.searchConcurrency()).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
