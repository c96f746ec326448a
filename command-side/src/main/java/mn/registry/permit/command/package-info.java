/**
 * Special permits on the command side (002 ch. 6): the intake policy, the event-sourced PermitApplication aggregate
 * through the whole lifecycle, its internal commands, its deadline rules and the signed command types.
 * May use the kernel, Axon, the document store, the deadline service and the command API; not the query side.
 */
package mn.registry.permit.command;
