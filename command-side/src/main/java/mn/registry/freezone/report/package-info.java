/**
 * The quarterly report of 003 art. 12.3 on the command side: the registry builds the report from the registrations'
 * own events (an index of each zone's registrations, the kernel's pure builder) and the governor's signature is
 * accepted only over that report's SHA-256, for a quarter that has ended. Uses the kernel, the command API, zone and governor.
 */
package mn.registry.freezone.report;
