/**
 * Enrolled people and their roles, as events: who may sign what, and since when (domain-rules §1).
 * The authority of a signer is read from these events at the signing time, never from the request.
 */
package mn.registry.identity.command;
