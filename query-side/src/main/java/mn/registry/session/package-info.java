/**
 * Staff sessions: a person signs in by signing a one-time challenge with their key; the session
 * token then opens the staff endpoints, with the person's roles re-read from events at each request.
 */
package mn.registry.session;
