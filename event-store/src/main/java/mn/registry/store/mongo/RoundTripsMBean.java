package mn.registry.store.mongo;

import java.util.Map;

/** What {@link RoundTrips} shows over JMX: round trips to MongoDB so far, in all and by kind, and their time. */
public interface RoundTripsMBean {

    long getTotal();

    /** Round trips by {@code command collection [filter keys]}. */
    Map<String, Long> getCounts();

    /** Nanoseconds from request to answer, summed by the same kinds. */
    Map<String, Long> getNanos();
}
