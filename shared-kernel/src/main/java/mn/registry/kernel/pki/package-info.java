/**
 * Certificates and keys of the published language: X.509 parsing (person, Ed25519 key, fingerprint), PEM
 * blocks, Ed25519 key encodings, a person's signing identity and a registry key in memory, and the
 * certificate authority that issues them. No files and no keystore: those are the {@code keystore}
 * module's (ADR 0023). Uses BouncyCastle, the JDK and kernel crypto only.
 */
package mn.registry.kernel.pki;
