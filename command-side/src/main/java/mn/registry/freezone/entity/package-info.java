/**
 * Legal entities in a Free Zone (003 art. 12): the ZoneRegistration aggregate, its intake policy, the signed commands
 * and the ground watch that raises 12.5.1 and 12.5.2 when their time runs out. Uses the kernel, Axon, MongoDB, zone and governor.
 */
package mn.registry.freezone.entity;
