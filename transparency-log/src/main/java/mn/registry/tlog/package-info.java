/**
 * The transparency log's one home (ADR 0018): its storage in MongoDB ({@link mn.registry.tlog.LogCollections}),
 * the writer ({@link mn.registry.tlog.LogWriter}: entries, tiles, signed and time-stamped checkpoints) and the reader
 * ({@link mn.registry.tlog.LogReader}: checkpoints, tiles, entry bundles, proofs and verification bundles through one
 * cache; {@link mn.registry.tlog.LogSource}: entries in log order). No Spring, no Axon; the published formats
 * (checkpoints, signed notes, tiles, proofs, bundles) stay in the kernel's {@code mn.registry.kernel.log}, which the
 * offline verifier uses alone.
 */
package mn.registry.tlog;
