package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.money.Money;

/** The request meets the requirements: the applicant is told the permit will be issued once insured for at least the minimum (002 art. 26.2.2, 26.2.3). */
public record PermitApplicationApproved(ApplicationId applicationId, Money minimumInsurance, Instant approvedAt, PersonId decidedBy, String article) {
}
