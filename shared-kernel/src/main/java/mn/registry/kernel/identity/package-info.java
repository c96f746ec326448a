/**
 * Who acts: people, their roles (domain-rules §1) and the records that enrol them and grant roles.
 * Plain values; no Spring, no MongoDB.
 */
package mn.registry.kernel.identity;
