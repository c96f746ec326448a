/**
 * The published language of Free Zones (Law on Free Zone, 003): zone ids, boundaries, entities and their
 * documents (12.1), registration, deregistration grounds (12.5), land licences and fee exemptions (22-23).
 * Plain records and Jackson annotations; no Spring, Mongo or Axon.
 */
package mn.registry.kernel.freezone;
