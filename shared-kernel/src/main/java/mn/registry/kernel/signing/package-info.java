/**
 * Signed commands: the envelope, its JWS (RFC 7515 flattened JSON, EdDSA, x5c) over RFC 8785 bytes, and the
 * strict verifier. Uses kernel crypto, pki, identity and problem; Jackson and the JDK. The {@code sign}
 * command-line tool is standalone's ({@code mn.registry.standalone.sign}, ADR 0023).
 */
package mn.registry.kernel.signing;
