package mn.registry.kernel.permit;

import mn.registry.kernel.identity.PersonId;

import java.time.Instant;

/**
 * The tax authority asked the ministry to suspend the permit after {@code taxEvasions} (two or more) tax evasions or
 * avoidances, with its request's SHA-256 (002 art. 28.1); the ministry's decision is a duty
 * ({@link PermitDuty#DECIDE_TAX_SUSPENSION_REQUEST}).
 */
public record PermitSuspensionRequested(ApplicationId applicationId, int taxEvasions, String evidenceSha256, Instant requestedAt,
                                        PersonId requestedBy, String article) {
}
