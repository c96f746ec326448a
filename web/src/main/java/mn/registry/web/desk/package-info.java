/**
 * The ministry desk in the browser: sign in by signing a challenge, the reviewer queue, an application's page with
 * its documents and history, and the decision forms whose commands are signed in the browser and sent to
 * {@code POST /api/commands}. Reads the query side's permit cases.
 */
package mn.registry.web.desk;
