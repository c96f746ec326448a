/**
 * Free Zones on the command side: the FreeZone aggregate (003 art. 6: established, opened, temporarily closed;
 * its one serving governor's public record, 8.2; each quarter's report due date, escalation and signature, 12.3), the
 * zone reader and the Cabinet member's signed commands. Uses the kernel, Axon, the command API and the calendar.
 */
package mn.registry.freezone.zone;
