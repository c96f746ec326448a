/**
 * The transparency log's writers: the sequencer (an Axon processing group of one segment) that appends each
 * public event's record to the Merkle tree in MongoDB tiles, and the checkpoint publisher that signs and
 * time-stamps tree heads. Uses the kernel's log package, Axon and MongoDB; never the query side.
 */
package mn.registry.log;
