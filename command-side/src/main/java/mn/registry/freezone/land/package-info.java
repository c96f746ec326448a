/**
 * Land in a Free Zone (003 art. 22-23): the zone's land register aggregate, parcel geometry (JTS), the governor's
 * land commands and the process manager revoking land rights on deregistration (22.6). Uses the kernel, Axon, JTS, zone and governor.
 */
package mn.registry.freezone.land;
