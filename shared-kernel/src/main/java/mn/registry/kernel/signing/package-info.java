/**
 * Signed commands: the envelope, its JWS (RFC 7515 flattened JSON, EdDSA, x5c) over RFC 8785 bytes, the
 * strict verifier, and the {@code sign} CLI. Uses kernel crypto, pki, identity and problem; Jackson and the JDK.
 */
package mn.registry.kernel.signing;
