package mn.registry.benchmarks;

import mn.registry.benchmarks.http.BenchClient;
import mn.registry.benchmarks.http.CompanyPapers;
import mn.registry.benchmarks.http.CpuMeter;
import mn.registry.benchmarks.http.Load;
import mn.registry.benchmarks.http.MongoProcess;
import mn.registry.benchmarks.http.QueueCheck;
import mn.registry.benchmarks.http.RegistryProcess;
import mn.registry.kernel.permit.SubmittedDocument;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Load across nodes (issue 18.3, ADR 0016): one database process ({@code registry.jar mongo}) and N = 1, 2, 3 registry
 * nodes on it ({@code MONGODB_URI}), in one run. Node N is started beside the ones already running; after a warm-up
 * round (which also warms the new node), a closed-loop round of pre-signed {@code ApplyForPermit} commands is sent by
 * {@code clients per node × N} client threads, command i to node i mod N. Each round prints commands/s, latency
 * percentiles, and the CPU the database process, the nodes together, and this client used per command and as a share
 * of the machine's cores, so the table shows where the single database becomes the limit. Checks: every command
 * answered 200 with its own receipt; at the end, node 1's reviewer queue lists every application sent to any node;
 * no node logged ERROR. Exit code 1 if a check fails.
 *
 * <p>The database grows from round to round (each round adds its commands); on one machine the nodes, the database
 * and the client share the cores, so the figures show contention for CPU as much as for the database.
 *
 * <p>Arguments: [commands per measured round, default 1500] [client threads per node, default 8] [largest N, default 3]
 * [warm-up commands per round, default 300]. See docs/benchmarks.md, "Several nodes".
 */
public final class NodesBenchmark {

    private NodesBenchmark() {
    }

    /** One measured round: N nodes, its load result, CPU nanoseconds of the database, the nodes, the client, and the machine's busy share. */
    private record Figures(int nodes, int clients, Load.Round round, long databaseCpu, long nodesCpu, long clientCpu, double machineBusy) {

        String line() {
            int cores = Runtime.getRuntime().availableProcessors();
            double wall = round.wallNanos();
            int n = round.sent();
            return String.format(Locale.ROOT,
                    "N=%d  %3d clients  %6.0f commands/s  p50 %6.1f ms  p99 %7.1f ms  errors %d | CPU ms/command: database %5.2f, nodes %5.2f, client %5.2f"
                            + " | share of %d cores: database %3.0f%%, nodes %3.0f%%, client %3.0f%%, machine %3.0f%%",
                    nodes, clients, round.perSecond(), round.latency().p50(), round.latency().p99(), round.errors(),
                    databaseCpu / 1e6 / n, nodesCpu / 1e6 / n, clientCpu / 1e6 / n,
                    cores, 100 * databaseCpu / wall / cores, 100 * nodesCpu / wall / cores, 100 * clientCpu / wall / cores, 100 * machineBusy);
        }
    }

    public static void main(String[] args) throws Exception {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 1_500;
        int clientsPerNode = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int largest = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 300;
        boolean ok = true;
        List<Figures> table = new ArrayList<>();
        try (MongoProcess database = MongoProcess.start(Duration.ofMinutes(2));
             CompanyPapers documents = CompanyPapers.on(database.uri(), "nodes run " + database.pid())) {
            List<RegistryProcess> nodes = new ArrayList<>();
            try {
                List<BenchClient> clients = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                Set<String> receipts = new HashSet<>();
                for (int n = 1; n <= largest; n++) {
                    RegistryProcess node = RegistryProcess.startNode(database.root(), "node-" + n, database.uri(), Duration.ofMinutes(3));
                    nodes.add(node);
                    clients.add(new BenchClient(node.base(), node.dataDir()));
                    int threads = clientsPerNode * n;
                    String warmPrefix = "warmup-" + n;
                    String prefix = "nodes-" + n;
                    Load.Round warm = Load.closedLoop("warm-up, N=" + n, clients,
                            clients.get(0).signApplications(documents, warmPrefix, warmUp), threads);
                    System.out.println(warm.line("(not counted)"));
                    IntStream.range(0, warmUp).mapToObj(i -> BenchClient.companyName(warmPrefix, i)).forEach(expected::add);
                    ok &= receiptsDistinct(warm, receipts);
                    Thread.sleep(1_000);

                    List<String> signed = clients.get(0).signApplications(documents, prefix, perRound);
                    IntStream.range(0, perRound).mapToObj(i -> BenchClient.companyName(prefix, i)).forEach(expected::add);
                    long databaseCpu = CpuMeter.processCpuNanos(database.pid());
                    long nodesCpu = nodesCpu(nodes);
                    long clientCpu = CpuMeter.clientCpuNanos();
                    long[] machine = CpuMeter.machineJiffies();
                    Load.Round round = Load.closedLoop(n + " node" + (n == 1 ? "" : "s") + ", " + threads + " clients", clients, signed, threads);
                    long[] machineAfter = CpuMeter.machineJiffies();
                    Figures figures = new Figures(n, threads, round, CpuMeter.processCpuNanos(database.pid()) - databaseCpu,
                            nodesCpu(nodes) - nodesCpu, CpuMeter.clientCpuNanos() - clientCpu,
                            machineAfter[1] > machine[1] ? (double) (machineAfter[0] - machine[0]) / (machineAfter[1] - machine[1]) : Double.NaN);
                    table.add(figures);
                    System.out.println(round.line("none (see the table)"));
                    System.out.println("    " + figures.line() + "; load average " + CpuMeter.loadAverage());
                    ok &= receiptsDistinct(round, receipts);
                    Thread.sleep(1_000);
                }
                BenchClient first = clients.get(0);
                try {
                    QueueCheck.Reading all = QueueCheck.awaitAll(first, first.signIn("reviewer-1"), expected, Duration.ofMinutes(2));
                    System.out.printf(Locale.ROOT, "node 1's reviewer queue lists all %d applications sent to any node (%d entries with the demo ones)%n",
                            expected.size(), all.entries());
                } catch (IllegalStateException e) {
                    System.out.println("CHECK FAILED: " + e.getMessage());
                    ok = false;
                }
            } finally {
                for (RegistryProcess node : nodes) {
                    ok &= node.noErrorsLogged();
                    node.close();
                }
            }
        }
        System.out.printf("%n== Several nodes on one database process, %d commands per round, %d client threads per node, load average now %s%n",
                perRound, clientsPerNode, CpuMeter.loadAverage());
        table.forEach(f -> System.out.println(f.line()));
        RegistryProcess.exitWith(ok);
    }

    private static long nodesCpu(List<RegistryProcess> nodes) {
        return nodes.stream().mapToLong(node -> CpuMeter.processCpuNanos(node.pid())).sum();
    }

    private static boolean receiptsDistinct(Load.Round round, Set<String> receipts) {
        try {
            QueueCheck.requireDistinctReceipts(round, receipts);
            return true;
        } catch (IllegalStateException e) {
            System.out.println("CHECK FAILED: " + e.getMessage());
            return false;
        }
    }
}
