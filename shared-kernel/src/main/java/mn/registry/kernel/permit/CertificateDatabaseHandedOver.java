package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** The former holder handed its certificate database to the ministry (002 art. 29.3). */
public record CertificateDatabaseHandedOver(ApplicationId applicationId, String databaseSha256, Instant receivedAt, PersonId recordedBy) {
}
