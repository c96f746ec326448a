/**
 * Projections you can trust and rebuild: reading the transparency log in order ({@code mn.registry.tlog.LogSource}), the SHA-256 of a
 * projection's canonical content ({@code CanonicalHash}, also for other engineers' checks), blue/green generations
 * with rebuild progress, and waiting for a global position (read-your-writes). Uses the kernel and MongoDB only.
 */
package mn.registry.projection;
