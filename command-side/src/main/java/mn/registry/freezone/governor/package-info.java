/**
 * Governors of Free Zones (003 art. 8.2, 8.7): appointment and dismissal as identity events, and the authority
 * check (own zone, during tenure) every governor command passes first. Uses the kernel, the command API, identity and zone.
 */
package mn.registry.freezone.governor;
