/**
 * Staff and applicant sessions: a person signs in by signing a one-time challenge; the token then
 * opens non-public endpoints on either side, with roles re-read from events at each request.
 */
package mn.registry.infrastructure.session;
