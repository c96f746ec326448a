/**
 * The applicant's own cases in the browser (ADR 0013 §5): the cases whose application the signed-in person signed,
 * each with its receipt (time in Ulaanbaatar and in UTC) and every decision with its reasons. Reads the query side's
 * permit cases through {@code PermitCases.ofApplicant} and {@code forApplicant}, never anybody else's case.
 */
package mn.registry.web.applicant;
