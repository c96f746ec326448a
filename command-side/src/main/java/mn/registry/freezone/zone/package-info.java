/**
 * Free Zones on the command side: the FreeZone aggregate (003 art. 6: established, opened, temporarily closed;
 * its governors' public record and signed reports), the zone reader and the Cabinet member's signed commands. Uses the kernel, Axon, the command API.
 */
package mn.registry.freezone.zone;
