/**
 * Registry-wide claims of a key by a signed command, taken before the aggregate acts and released when the command is
 * refused ({@link mn.registry.command.claim.RegistryWideClaim}): a fact outside any one aggregate's stream (a stamp-duty
 * proof, a company number, the document of a Free Zone act), atomic on the unique {@code _id} of a MongoDB collection on
 * every server, without a transaction. Shared by the contexts' command types; uses the MongoDB driver and the kernel only.
 */
package mn.registry.command.claim;
