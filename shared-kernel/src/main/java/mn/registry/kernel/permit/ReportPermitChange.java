package mn.registry.kernel.permit;

import java.time.LocalDate;

/** Signed command body: The holder reports a change (002 art. 20.3.3). */
public record ReportPermitChange(ApplicationId applicationId, LocalDate changedOn, String description, String documentSha256) {
}
