package mn.registry.kernel.permit;

import java.time.LocalDate;

/** Signed command body: The holder reports certificates issued (002 art. 22.1.2); refused while suspended (28.2). */
public record ReportCertificatesIssued(ApplicationId applicationId, int count, LocalDate periodEnd) {
}
