/**
 * The command API: signed commands arrive over HTTP, are verified (signature, certificate, role)
 * and handed to the {@link mn.registry.command.api.SignedCommandType} that knows their body.
 * May use Spring Web, Axon's gateway and the kernel; not the query side.
 */
package mn.registry.command.api;
