/**
 * The reviewer queue of special-permit applications: a MongoDB projection of the permit events and
 * its query endpoint, ordered by legal time left (002 art. 26.1). Uses the kernel, Axon and MongoDB; never the command side.
 */
package mn.registry.permit.query;
