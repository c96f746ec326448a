/**
 * The benchmarks' entry points, each a {@code main} that prints figures next to their targets (docs/benchmarks.md).
 * May use every module of the registry; never run by {@code mvn verify}.
 */
package mn.registry.benchmarks;
