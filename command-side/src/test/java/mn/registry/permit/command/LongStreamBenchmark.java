package mn.registry.permit.command;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import mn.registry.command.look.SnapshotLoads;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.permit.PermitInspected;
import mn.registry.kernel.permit.RequestPermitRevocation;
import mn.registry.kernel.permit.WithdrawPermitRevocationRequest;
import mn.registry.store.testing.EmbeddedMongoExtension;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static mn.registry.permit.command.PermitLifecycleTest.HOLDER;
import static mn.registry.permit.command.PermitLifecycleTest.ID;
import static mn.registry.permit.command.PermitLifecycleTest.INSPECTOR;
import static mn.registry.permit.command.Signed.signed;

/**
 * ADR 0069's figures (docs/benchmarks.md, "Session 25: long streams"): a page's look (the desk's {@code RevocationGrounds.at}) and a command
 * (the holder's request to revoke and its withdrawal, in turn) on a permit of a short stream, 100 and 5,000 events, on the registry's
 * embedded MongoDB event store, <b>base</b> (no snapshot trigger, as before ADR 0069) and <b>branch</b> (Axon's snapshotter at 100 events)
 * interleaved in one run: ms per operation (median and worst of the rounds after warm-ups), database round trips per operation, the
 * machine's load average beside each line. Not a test (its name is not in surefire's includes): run it by name,
 * {@code mvn -B -ntp -o -q test -pl command-side -am -Dtest=LongStreamBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(EmbeddedMongoExtension.class)
class LongStreamBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rounds", 10);
    private static final int WARM_UPS = 3;
    private static final Instant NOW = Instant.parse("2025-07-20T02:00:00Z");

    private final AtomicLong roundTrips = new AtomicLong();
    /** The round trips of the operation being timed, by command and collection (printed for the last round). */
    private final java.util.Map<String, Long> kinds = new java.util.concurrent.ConcurrentSkipListMap<>();

    @Test
    void long_streams(ConnectionString server) throws Exception {
        CommandListener counter = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                roundTrips.incrementAndGet();
                org.bson.BsonValue collection = event.getCommand().get(event.getCommandName());
                kinds.merge(event.getCommandName() + (collection != null && collection.isString() ? " " + collection.asString().getValue() : ""), 1L, Long::sum);
            }
        };
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server)
                .uuidRepresentation(UuidRepresentation.STANDARD).addCommandListener(counter).build())) {
            for (int events : new int[] {PermitLifecycleTest.active().size(), 100, 5_000}) {
                List<Bench> benches = List.of(new Bench("base", client, events, false), new Bench("branch", client, events, true));
                for (int i = 0; i < WARM_UPS; i++) {
                    for (Bench bench : benches) {
                        bench.look();
                        bench.command();
                    }
                }
                for (int i = 0; i < ROUNDS; i++) {
                    for (Bench bench : benches) { // interleaved: base and branch share the machine's moments
                        bench.looks.add(timed(bench::look));
                        bench.lookKinds = Map.copyOf(kinds);
                        bench.commands.add(timed(bench::command));
                        bench.commandKinds = Map.copyOf(kinds);
                    }
                }
                for (Bench bench : benches) {
                    System.out.printf("LONG-STREAM %-6s %5d events: look %s; command %s; snapshot at %d; load %s%n", bench.name, events,
                            bench.looks, bench.commands, bench.permits.snapshotAt(ID.value()), loadAverage());
                    System.out.printf("LONG-STREAM %-6s %5d events: a look's round trips %s; a command's %s%n", bench.name, events, bench.lookKinds,
                            bench.commandKinds);
                    bench.permits.close();
                }
            }
        }
    }

    /** One permit's stream of {@code events} events on its own database, with or without Axon's snapshotter. */
    private static final class Bench {
        final String name;
        final SnapshotLoads<PermitApplication> permits;
        final PermitRevocationGrounds grounds;
        final Figures looks = new Figures();
        final Figures commands = new Figures();
        int commandsSent;
        Map<String, Long> lookKinds = Map.of();
        Map<String, Long> commandKinds = Map.of();

        Bench(String name, MongoClient client, int events, boolean snapshots) {
            this.name = name;
            var database = client.getDatabase("long-stream-" + name + "-" + events);
            this.permits = snapshots
                    ? SnapshotLoads.on(database, PermitApplication.class, Signed.aggregate(), c -> c.registerComponent(PermitServices.class, x -> new Signed.Services()))
                    : SnapshotLoads.withoutTrigger(database, PermitApplication.class, Signed.aggregate(),
                    c -> c.registerComponent(PermitServices.class, x -> new Signed.Services()));
            List<Object> history = new ArrayList<>(PermitLifecycleTest.active());
            permits.append(ID.value(), history);
            for (int appended = history.size(); appended < events; ) {
                List<Object> chunk = new ArrayList<>();
                for (; chunk.size() < 500 && appended < events; appended++) {
                    LocalDate on = LocalDate.of(2025, 1, 2).plusDays(appended % 150);
                    chunk.add(new PermitInspected(ID, on, String.format("%064x", appended), false, Instant.parse("2025-01-02T02:00:00Z"), INSPECTOR,
                            on.plusYears(1)));
                }
                permits.append(ID.value(), chunk);
            }
            this.grounds = new PermitRevocationGrounds(permits.axon().eventStore(), () -> permits.axon().repository(PermitApplication.class),
                    new Signed.Services());
        }

        void look() {
            grounds.at(ID, NOW).orElseThrow();
        }

        void command() {
            Object body = commandsSent++ % 2 == 0 ? new RequestPermitRevocation(ID) : new WithdrawPermitRevocationRequest(ID);
            permits.axon().commandGateway().sendAndWait(signed(body, HOLDER, NOW.plusSeconds(commandsSent), Role.APPLICANT));
        }
    }

    /** Milliseconds and round trips of each measured operation. */
    private static final class Figures {
        final List<Double> ms = new ArrayList<>();
        final List<Long> trips = new ArrayList<>();

        void add(double[] figure) {
            ms.add(figure[0]);
            trips.add((long) figure[1]);
        }

        @Override
        public String toString() {
            List<Double> sorted = ms.stream().sorted().toList();
            return String.format("median %.1f ms, worst %.1f ms, %.1f round trips", sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1),
                    trips.stream().mapToLong(Long::longValue).average().orElse(0));
        }
    }

    private double[] timed(Runnable operation) {
        kinds.clear();
        long trips = roundTrips.get();
        long start = System.nanoTime();
        operation.run();
        return new double[] {(System.nanoTime() - start) / 1e6, roundTrips.get() - trips};
    }

    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
