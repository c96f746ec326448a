/**
 * The transparency log's public, login-free endpoints: checkpoint, log key, inclusion and consistency proofs,
 * C2SP tiles and entry bundles, and the self-contained verification bundle. Reads the log's MongoDB collections
 * (kernel {@code LogLayout}), the event store's commits and the command archive; uses the kernel, never the command side.
 */
package mn.registry.log.query;
