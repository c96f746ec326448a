package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** The ministry passed the certificate database on to another permit holder under a contract (002 art. 29.4). */
public record CertificateDatabasePassedOn(ApplicationId applicationId, ApplicationId successorPermit, String contractSha256, Instant passedAt, PersonId decidedBy) {
}
