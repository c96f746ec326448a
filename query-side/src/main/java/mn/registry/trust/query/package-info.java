/**
 * The public trusted list of certification service providers ({@code /api/public/trusted-list}), projected from the
 * special permit events (issue 6 item 4; 002 art. 28.2).
 */
package mn.registry.trust.query;
