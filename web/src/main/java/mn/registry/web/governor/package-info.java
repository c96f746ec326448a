/**
 * The governor's desk in the browser: the zone's registration queue, entities with their grounds, land on a map
 * with fee-exemption schedules, and the quarterly report with its sign-and-send step. Reads the query side's
 * governor desk.
 */
package mn.registry.web.governor;
