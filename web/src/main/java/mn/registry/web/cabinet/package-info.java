/** The Cabinet member's desk: zones, governors, the calendar, land-fee exemptions and the quarterly reports received. */
package mn.registry.web.cabinet;
