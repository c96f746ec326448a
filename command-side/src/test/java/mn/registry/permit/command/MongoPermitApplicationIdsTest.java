package mn.registry.permit.command;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
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
import java.util.concurrent.atomic.AtomicInteger;

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

    @Test
    @DisplayName("002 art. 26.2.1 (issue 15): applications waiting on one node for their receipt numbers get them in one round trip with the one "
            + "ahead of them, unique and none skipped, each later than every number taken before it asked")
    void applications_waiting_together_take_their_numbers_in_one_round_trip(ConnectionString server) throws Exception {
        AtomicInteger updates = new AtomicInteger();
        CommandListener counted = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (event.getCommandName().equals("update")) {
                    updates.incrementAndGet();
                }
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server).addCommandListener(counted).build())) {
            MongoPermitApplicationIds node = new MongoPermitApplicationIds(client.getDatabase("receipts-" + java.util.UUID.randomUUID()));
            int threads = 8;
            int each = 50;
            List<List<Integer>> byThread = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(pool.submit(() -> {
                    List<Integer> mine = new ArrayList<>();
                    start.await();
                    for (int i = 0; i < each; i++) {
                        mine.add(serial(node.nextReceiptNumber(2026)));
                    }
                    return mine;
                }));
            }
            start.countDown();
            for (Future<List<Integer>> f : work) {
                byThread.add(f.get(60, TimeUnit.SECONDS));
            }
            pool.shutdown();

            assertThat(byThread.stream().flatMap(List::stream).distinct().sorted().toList())
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, threads * each).boxed().toList());
            byThread.forEach(mine -> assertThat(mine).as("a thread's numbers follow the order it asked").isSorted());
            assertThat(updates.get()).as("fewer compare-and-sets than numbers: the waiting took theirs with the one ahead")
                    .isLessThan(threads * each);
            System.out.printf("MongoPermitApplicationIdsTest: %d numbers in %d compare-and-sets%n", threads * each, updates.get());
        }
    }

    private static int serial(ReceiptNumber number) {
        String value = number.value();
        return Integer.parseInt(value.substring(value.lastIndexOf('-') + 1));
    }
}
