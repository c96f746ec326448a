package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;

/**
 * The ministry set the minimum insurance a permit holder must carry (002 art. 26.5), a parameter in force from {@code inForceFrom}:
 * at once when it rises, a notice period after {@code setAt} when it falls (choice, ADR 0046 item 29). Parameters stored before the
 * notice have none and were in force from {@code setAt}.
 */
public record MinimumInsuranceSet(Money amount, Instant setAt, PersonId setBy, String article,
                                  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Instant inForceFrom) {

    /** A parameter as stored before the notice period: in force from its setting. */
    public MinimumInsuranceSet(Money amount, Instant setAt, PersonId setBy, String article) {
        this(amount, setAt, setBy, article, null);
    }

    /** From when this amount is the minimum (unless a later setting in force by then replaces it). */
    public Instant effectiveFrom() {
        return inForceFrom == null ? setAt : inForceFrom;
    }

    /**
     * The setting in force at {@code at} among {@code settings} (in the order they were set): of those in force by then, the one set
     * last. A lowering still in its notice period is not in force, and a later setting replaces it.
     */
    public static java.util.Optional<MinimumInsuranceSet> inForceAt(java.util.List<MinimumInsuranceSet> settings, Instant at) {
        return settings.stream().filter(set -> !set.effectiveFrom().isAfter(at)).reduce((a, b) -> b);
    }

    /**
     * The lowest minimum in force at any moment from {@code from} to {@code to} among {@code settings}, or null if none was: the floor a
     * new setting may return to at once (ADR 0046 item 29).
     */
    public static Money lowestInForceBetween(java.util.List<MinimumInsuranceSet> settings, Instant from, Instant to) {
        java.util.stream.Stream<Instant> moments = java.util.stream.Stream.concat(java.util.stream.Stream.of(from),
                settings.stream().map(MinimumInsuranceSet::effectiveFrom).filter(t -> t.isAfter(from) && !t.isAfter(to)));
        return moments.map(t -> inForceAt(settings, t)).flatMap(java.util.Optional::stream).map(MinimumInsuranceSet::amount)
                .reduce((a, b) -> a.isAtLeast(b) ? b : a).orElse(null);
    }

    /** The last of {@code settings} if it is not in force at {@code at} yet: a lowering during its notice period. */
    public static java.util.Optional<MinimumInsuranceSet> pendingAt(java.util.List<MinimumInsuranceSet> settings, Instant at) {
        return settings.isEmpty() || !settings.get(settings.size() - 1).effectiveFrom().isAfter(at) ? java.util.Optional.empty()
                : java.util.Optional.of(settings.get(settings.size() - 1));
    }
}
