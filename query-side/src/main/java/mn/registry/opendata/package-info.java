/**
 * The open data dump: the whole public register and every public record as JSON Lines, cut at a log size, with a
 * SHA-256 manifest signed by the registry's seal key (a compact JWS), reproducible byte for byte from the same log
 * size; made daily and on demand, served at {@code /api/public/open-data}. Uses the public register's Java API,
 * the log and the kernel.
 */
package mn.registry.opendata;
