package mn.registry.log.query;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;

/**
 * Answers that depend only on a log index and the checkpoint they are proved against (an inclusion proof, a bundle):
 * computed once per index while that checkpoint is the latest, then served as the same bytes. A new checkpoint starts
 * a new cache, so nothing stale is ever served; at most {@value #LIMIT} answers are kept per checkpoint.
 */
final class AnswerCache {

    static final int LIMIT = 50_000;

    private record Generation(long size, ConcurrentHashMap<Long, byte[]> answers) {
    }

    private volatile Generation current = new Generation(-1, new ConcurrentHashMap<>());

    /** The answer for {@code index} against the checkpoint of {@code size}, computed by {@code compute} on a miss. */
    byte[] get(long size, long index, LongFunction<byte[]> compute) {
        Generation g = current;
        if (g.size() != size) {
            g = new Generation(size, new ConcurrentHashMap<>());
            current = g;
        }
        byte[] cached = g.answers().get(index);
        if (cached != null) {
            return cached;
        }
        byte[] fresh = compute.apply(index);
        if (g.answers().size() < LIMIT) {
            g.answers().putIfAbsent(index, fresh);
        }
        return fresh;
    }
}
