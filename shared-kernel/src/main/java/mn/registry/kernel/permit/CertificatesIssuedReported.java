package mn.registry.kernel.permit;

import java.time.Instant;
import java.time.LocalDate;
import mn.registry.kernel.identity.PersonId;

/** The holder reported certificates issued in a period (002 art. 22.1.2); refused while suspended (28.2). */
public record CertificatesIssuedReported(ApplicationId applicationId, int count, LocalDate periodEnd, Instant reportedAt, PersonId reportedBy) {
}
