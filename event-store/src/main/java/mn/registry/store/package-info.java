/**
 * The registry's event store as seen by its users: the sealing key and the failures a writer can meet.
 * Plain values only; may use Axon's messaging API and the kernel's crypto, nothing of MongoDB or Spring.
 */
package mn.registry.store;
