/**
 * The published language of special permits (002 ch. 6): ids, the documents of art. 25.1, the
 * ApplyForPermit command body and the events. Plain records and Jackson annotations; no Spring, Mongo or Axon.
 */
package mn.registry.kernel.permit;
