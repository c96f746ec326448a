package mn.registry.permit.command;

import com.mongodb.client.MongoDatabase;
import mn.registry.store.testing.EmbeddedMongoExtension;
import mn.registry.kernel.permit.ReceiptNumber;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(EmbeddedMongoExtension.class)
class MongoPermitApplicationIdsTest {


    @Test
    @DisplayName("002 art. 26.2.1: concurrent applications on two nodes never share a receipt number, and none is skipped")
    void concurrent_receipt_numbers_are_unique(MongoDatabase database) throws Exception {
        // two nodes: two generators (two locks) on one database
        List<MongoPermitApplicationIds> nodes = List.of(new MongoPermitApplicationIds(database), new MongoPermitApplicationIds(database));
        Set<String> taken = ConcurrentHashMap.newKeySet();
        int threads = 8;
        int each = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            MongoPermitApplicationIds node = nodes.get(t % 2);
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < each; i++) {
                    taken.add(node.nextReceiptNumber(2026).value());
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : work) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(taken).hasSize(threads * each);
        assertThat(taken).contains(ReceiptNumber.of(2026, 1).value(), ReceiptNumber.of(2026, threads * each).value());
        assertThat(nodes.get(0).nextReceiptNumber(2026)).isEqualTo(ReceiptNumber.of(2026, threads * each + 1));
    }
}
