/**
 * The quarterly report of 003 art. 12.3 on the command side: the governor signs the report (by its SHA-256)
 * before it goes to the Cabinet member. Uses the kernel, the command API, zone and governor.
 */
package mn.registry.freezone.report;
