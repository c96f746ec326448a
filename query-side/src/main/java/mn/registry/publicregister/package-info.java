/**
 * The public register (002 art. 26.4, 27.6, 22.1.2; 003 art. 6, 8, 12, 22): permits, certificate providers, Free
 * Zones, governors, registered entities and land licences, folded from the transparency log's public records only
 * (so nothing reaches it except through the kernel's {@code PublicRecords}), searched in memory, served at
 * {@code /api/public/register/...}. Uses the kernel and {@code mn.registry.projection}; never the command side.
 */
package mn.registry.publicregister;
