package mn.registry.kernel.permit;

import java.time.LocalDate;
import mn.registry.kernel.money.Money;

/** Signed command body: The insurance of an approved applicant (002 art. 26.2.3). */
public record RecordPermitInsurance(ApplicationId applicationId, String insurer, String policyNumber, Money amount, LocalDate insuredUntil, String proofSha256) {
}
