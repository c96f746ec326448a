package mn.registry.benchmarks.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What makes the figures worth printing: every command was answered 200 with its own receipt number, and the
 * reviewer queue (fed asynchronously by a tracking processor) ends up listing every application sent.
 */
public final class QueueCheck {

    /** A read of {@code GET /api/reviewer/applications}. */
    public record Reading(int status, int entries, int bytes, long nanos, Set<String> companies) {
    }

    private QueueCheck() {
    }

    /** The receipt numbers of a round; fails unless every answer was 200 with a receipt number not seen before. */
    public static void requireDistinctReceipts(Load.Round round, Set<String> seen) {
        if (round.errors() > 0) {
            throw new IllegalStateException(round.name() + ": " + round.errors() + " commands not answered 200 " + round.statuses()
                    + "; first: " + round.firstErrors());
        }
        for (String body : round.bodies()) {
            String receipt = BenchClient.json(body).path("receiptNumber").asText("");
            if (receipt.isEmpty() || !seen.add(receipt)) {
                throw new IllegalStateException(round.name() + ": an answer without a new receipt number: " + body);
            }
        }
    }

    public static Reading read(BenchClient client, String token) {
        long start = System.nanoTime();
        BenchClient.Reply reply = client.get("/api/reviewer/applications", token);
        long nanos = System.nanoTime() - start;
        if (reply.status() != 200) {
            return new Reading(reply.status(), 0, reply.body().length(), nanos, Set.of());
        }
        JsonNode list = BenchClient.json(reply.body());
        Set<String> companies = new HashSet<>();
        list.forEach(e -> companies.add(e.path("companyName").asText()));
        return new Reading(200, list.size(), reply.body().length(), nanos, companies);
    }

    /** Reads the queue until it lists every company in {@code expected} (or fails after {@code timeout}); returns the last read. */
    public static Reading awaitAll(BenchClient client, String token, List<String> expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Reading reading = read(client, token);
            if (reading.status() != 200) {
                throw new IllegalStateException("reviewer queue answered " + reading.status());
            }
            if (reading.companies().containsAll(expected)) {
                return reading;
            }
            if (System.nanoTime() > deadline) {
                long missing = expected.stream().filter(c -> !reading.companies().contains(c)).count();
                throw new IllegalStateException("after " + timeout + " the reviewer queue still lacks " + missing + " of " + expected.size()
                        + " applications (it lists " + reading.entries() + ")");
            }
            Thread.sleep(200);
        }
    }
}
