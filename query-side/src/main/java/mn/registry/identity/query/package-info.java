/**
 * Staff views of a person's personal data, each read recorded with its purpose, and the person's own list of who read
 * their data, when and why (001 art. 53.1).
 */
package mn.registry.identity.query;
