/**
 * The start-up backfills' shared pass over the store (ADR 0044): {@link mn.registry.command.backfill.StoreBackfills}
 * reads the store once, from its first event, for every {@link mn.registry.command.backfill.StartupBackfill} whose marker
 * is missing (ADR 0031's company claims, ADR 0035 item 6's years to start). Shared by the contexts; uses Axon's event
 * store only.
 */
package mn.registry.command.backfill;
