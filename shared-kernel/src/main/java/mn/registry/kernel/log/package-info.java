/**
 * The transparency log's published language: RFC 9162 Merkle hashing and proofs, C2SP signed notes,
 * checkpoints, tlog-proof, tiles and entry bundles, RFC 3161 time-stamps, public records and the bundle
 * with its offline verifier. Pure Java, the kernel's crypto and BouncyCastle; no Spring, no MongoDB.
 */
package mn.registry.kernel.log;
