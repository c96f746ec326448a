/**
 * Registry-wide claims of a key by a signed command, taken before the aggregate acts and released when the command is
 * refused ({@link mn.registry.command.claim.RegistryWideClaim}): a fact outside any one aggregate's stream (a stamp-duty
 * proof, a company number, the document of a Free Zone act), atomic on the unique {@code _id} of a MongoDB collection on
 * every server, without a transaction. Shared by the contexts' command types; uses the MongoDB driver, the kernel and the command log.
 * Since ADR 0057 the one claim of a document ({@link mn.registry.command.claim.DocumentClaims}): across kinds of act, and within a
 * kind by its policy ({@link mn.registry.command.claim.DocumentKind}, session 19: one claim, one insert, one loop in
 * {@link mn.registry.command.claim.RegistryWideClaim#take}), filled at start from the kinds' old collections
 * ({@link mn.registry.command.claim.DocumentClaimsBackfill}).
 */
package mn.registry.command.claim;
