/**
 * Canonical JSON (RFC 8785), hashes and Ed25519 keys and signatures: what a member of the public
 * needs to check a seal or a signed command. Uses BouncyCastle and nothing of Spring or MongoDB.
 */
package mn.registry.kernel.crypto;
