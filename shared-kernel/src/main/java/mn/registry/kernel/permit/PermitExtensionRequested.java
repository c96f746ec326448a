package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/** The holder asked for extension with proof of stamp duty (002 art. 27.2); due three months before expiry, a later request is marked late (choice); the decision is a duty due within 5 working days (27.3), and within 3 ({@code fastPathDue}) when there is no ground to suspend (27.5). */
public record PermitExtensionRequested(ApplicationId applicationId, String stampDutyProofSha256, Instant requestedAt, LocalDate requestDue, boolean late, LocalDate fastPathDue, PersonId requestedBy) {
}
