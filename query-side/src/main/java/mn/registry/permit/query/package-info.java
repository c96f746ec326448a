/**
 * The ministry desk on the query side: the reviewer queue (002 art. 26.1), the permit cases (application and permit
 * pages with documents, duties and signed history) and the supervisor's escalations, as MongoDB projections of the
 * permit events and their endpoints. Uses the kernel, Axon, MongoDB and sessions; never the command side.
 */
package mn.registry.permit.query;
