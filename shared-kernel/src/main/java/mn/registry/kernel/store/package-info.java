/**
 * The store's format (ADR 0068): the highest shape of stored events a release reads as the registry meant them. Pure Java; the
 * infrastructure reads and raises the number a store records.
 */
package mn.registry.kernel.store;
