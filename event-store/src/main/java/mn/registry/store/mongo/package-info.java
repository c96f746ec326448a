/**
 * The MongoDB event storage engine (one document per commit, gapless positions, tombstoned holes, sealed
 * events), its verifier, and the embedded MongoDB server. May use Axon, the MongoDB driver and the kernel's crypto; no Spring.
 */
package mn.registry.store.mongo;
