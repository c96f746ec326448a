package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/** The permit was suspended on a ground of 002 art. 28.1 for at most three months; no new certificates meanwhile (28.2); notifying holder and tax authority is a duty (28.3). */
public record PermitSuspended(ApplicationId applicationId, SuspensionGround ground, String evidenceSha256, int taxEvasions, LocalDate from, LocalDate until, Instant suspendedAt, PersonId decidedBy) {
}
