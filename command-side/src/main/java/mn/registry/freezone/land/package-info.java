/**
 * Land in a Free Zone (003 art. 22-23): the zone's land register aggregate (applications for land use, the governor's
 * decisions on them, licences, the Government's fee exemptions), parcel geometry (JTS), the signed land commands, the
 * read of an applicant's registration standing ({@code LandHolders}) and the process manager revoking land rights on
 * deregistration (22.6). Uses the kernel, Axon, JTS, zone and governor.
 */
package mn.registry.freezone.land;
