/**
 * Spring Boot wiring shared by the command side and the query side: MongoDB, Axon's event and
 * token stores on it, the registry's keys and clock, and problem+json errors. No domain rules here.
 */
package mn.registry.infrastructure;
