/**
 * The {@code registry.jar sign} command-line tool: signs a command body with a person's key (a PEM pair, a
 * PKCS#12 file, or a demo person of a data directory) into the kernel's flattened JWS (ADR 0023).
 */
package mn.registry.standalone.sign;
