/**
 * Who a signer is and what they may do at an instant, read from their own events: shared by the
 * command side (authority of commands) and the query side (sessions for staff pages).
 */
package mn.registry.infrastructure.identity;
