package mn.registry.kernel.permit;

import mn.registry.kernel.money.Money;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** The request meets the requirements: the applicant is told the permit will be issued once insured for at least the minimum (002 art. 26.2.2, 26.2.3). */
public record PermitApplicationApproved(ApplicationId applicationId, Money minimumInsurance, Instant approvedAt, PersonId decidedBy, String article) {
}
