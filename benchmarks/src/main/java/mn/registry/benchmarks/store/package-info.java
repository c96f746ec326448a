/**
 * Helpers of the event-store benchmark: timing, a pre-filled H2 store, a representative event.
 * May use the event-store module, Axon and the kernel's crypto; prints figures, asserts nothing.
 */
package mn.registry.benchmarks.store;
