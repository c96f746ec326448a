/**
 * The Free Zone governor's desk on the query side: MongoDB projections of zone, registration and land events, the
 * review queue by business days left, grounds due, land licences with their fee schedule, and the quarterly report
 * of 003 art. 12.3 as JSON and CSV. Uses the kernel, Axon, MongoDB and sessions; never the command side.
 */
package mn.registry.freezone.query;
