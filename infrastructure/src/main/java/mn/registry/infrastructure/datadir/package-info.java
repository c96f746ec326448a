/**
 * The data directory at rest: created 0700 with every file in it 0600, checked at start (refused when other accounts
 * may read or write it), tightened after libraries create files in it (ADR 0014). Uses the kernel and Spring.
 */
package mn.registry.infrastructure.datadir;
