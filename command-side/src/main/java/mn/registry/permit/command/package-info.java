/**
 * Special-permit applications on the command side: the intake policy (002 art. 23.2, 25.1), the
 * event-sourced PermitApplication aggregate and the signed ApplyForPermit command type.
 * May use the kernel, Axon, the document store and the command API; not the query side.
 */
package mn.registry.permit.command;
