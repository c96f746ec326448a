/**
 * The published language of special permits (002 ch. 6): ids, the documents of art. 25.1, the signed command
 * bodies, the events of the lifecycle (grant, duties, extension, suspension, revocation, complaint, transfer) and
 * their grounds and time limits. Plain records and Jackson annotations; no Spring, Mongo or Axon.
 */
package mn.registry.kernel.permit;
