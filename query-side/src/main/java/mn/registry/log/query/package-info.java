/**
 * The transparency log's public, login-free endpoints: checkpoint, log key, inclusion and consistency proofs,
 * C2SP tiles and entry bundles, and the self-contained verification bundle, served with ETags and Cache-Control from
 * the one {@code mn.registry.tlog.LogReader} (defined here for the query side and the web pages).
 */
package mn.registry.log.query;
