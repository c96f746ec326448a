package mn.registry.kernel.permit;

import mn.registry.kernel.identity.PersonId;

import java.time.Instant;

/** The ministry refused the tax authority's request to suspend (002 art. 28.1), with its reasons. */
public record PermitSuspensionRequestRefused(ApplicationId applicationId, String requestEvidenceSha256, String reasons, Instant refusedAt,
                                             PersonId decidedBy, String article) {
}
