package mn.registry.infrastructure.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The time the registry acts on: the system clock plus an offset that only demo mode may move
 * (forward only, so no deadline ever fires twice because time went back).
 */
public final class RegistryClock extends Clock {

    public static final ZoneId ULAANBAATAR = mn.registry.kernel.calendar.UlaanbaatarTime.ZONE;

    private final Clock base;
    private final boolean movable;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public RegistryClock(Clock base, boolean movable) {
        this.base = base;
        this.movable = movable;
    }

    @Override
    public ZoneId getZone() {
        return ULAANBAATAR;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base, offset.get()).withZone(zone);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    /**
     * The physical time, without the demo offset: how far a signer's {@code signedAt} may lie from the moment of
     * receipt is a fact about two real clocks, not about the simulated legal time of demo mode.
     */
    public Clock realTime() {
        return base;
    }

    public boolean movable() {
        return movable;
    }

    public Duration offset() {
        return offset.get();
    }

    /** Demo mode only: moves the registry's time forward. */
    public Instant advance(Duration by) {
        if (!movable) {
            throw new IllegalStateException("the clock can be moved only in demo mode (registry.demo=true)");
        }
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock moves forward only");
        }
        offset.accumulateAndGet(by, Duration::plus);
        return instant();
    }
}
