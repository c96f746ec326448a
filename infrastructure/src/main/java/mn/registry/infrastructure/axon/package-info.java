/**
 * Axon infrastructure on the MongoDB driver: the token store that tracking processors claim their
 * segments through, and the configuration that puts the gapless event store under Axon.
 */
package mn.registry.infrastructure.axon;
