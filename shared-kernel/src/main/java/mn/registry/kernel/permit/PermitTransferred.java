package mn.registry.kernel.permit;

import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/** On reorganisation the permit passed to the new company, which takes on the holder's rights and duties (002 art. 23.3). */
public record PermitTransferred(ApplicationId applicationId, Company previousHolder, Company successor, Reorganisation reorganisation, String evidenceSha256, Instant transferredAt, PersonId decidedBy) {
}
