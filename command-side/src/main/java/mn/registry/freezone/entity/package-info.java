/**
 * Legal entities in a Free Zone (003 art. 12): the ZoneRegistration aggregate, its intake policy, the signed commands
 * and the deadline rules (review, 12.5.1, 12.5.2) for the deadline service. Uses the kernel, Axon, the deadline service, zone and governor.
 */
package mn.registry.freezone.entity;
