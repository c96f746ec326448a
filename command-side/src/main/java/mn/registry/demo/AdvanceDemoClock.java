package mn.registry.demo;

/** Signed command body: move the registry clock forward by {@code days} whole days (demo mode only). */
public record AdvanceDemoClock(int days) {
}
