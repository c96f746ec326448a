/**
 * The registry's keys and certificates: its demo CA, seal, checkpoint and time-stamp keys, the demo
 * people and their signing identities, as PEM files under the data directory. Uses BouncyCastle, the JDK and kernel crypto only.
 */
package mn.registry.kernel.pki;
