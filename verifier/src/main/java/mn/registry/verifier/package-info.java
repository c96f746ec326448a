/**
 * The offline verifier's command line: {@code java -jar verifier.jar bundle.json [--key log.key] [--ca ca.pem]}.
 * Uses the kernel's log package and BouncyCastle only; no Spring, no MongoDB, no network.
 */
package mn.registry.verifier;
