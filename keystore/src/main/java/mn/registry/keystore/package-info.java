/**
 * What only a running registry needs of its keys (ADR 0023): the PKCS#12 keystore of its demo CA, seal,
 * checkpoint and time-stamp keys ({@link mn.registry.keystore.RegistryKeys}), its password, the key
 * directory's lock, owner-only files, the key files and signing identities on disk, and the demo people
 * ({@link mn.registry.keystore.DemoPeople}). Uses the kernel's
 * pki and crypto, BouncyCastle and the JDK; no Spring, no Mongo. The verifier does not depend on it.
 */
package mn.registry.keystore;
