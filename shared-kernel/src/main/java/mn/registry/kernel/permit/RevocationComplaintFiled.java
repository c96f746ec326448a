package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** The former holder complained against a revocation on a ground of 002 art. 29.1.2-29.1.5 (29.6). */
public record RevocationComplaintFiled(ApplicationId applicationId, String complaintSha256, Instant filedAt, PersonId filedBy) {
}
