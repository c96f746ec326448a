package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.money.Money;

/** The approved applicant's insurance was recorded: insurer, policy, amount not below the minimum in force (002 art. 26.2.3, 26.5). */
public record PermitInsuranceRecorded(ApplicationId applicationId, String insurer, String policyNumber, Money amount, Money minimumInForce, LocalDate insuredUntil, String proofSha256, Instant recordedAt) {
}
