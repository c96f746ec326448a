/**
 * Errors with stable codes: a command that is malformed or not allowed is refused with a
 * {@link mn.registry.kernel.problem.RegistryProblem}, which the HTTP layer turns into problem+json.
 */
package mn.registry.kernel.problem;
