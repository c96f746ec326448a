package mn.registry.kernel.permit;

import java.time.Instant;
import java.util.List;
import mn.registry.kernel.identity.PersonId;

/** The reviewer asked the applicant for documents (002 art. 26.2.2: the review of the request and its documents). */
public record PermitDocumentsRequested(ApplicationId applicationId, List<RequiredDocument> kinds, String note, Instant requestedAt, PersonId requestedBy) {
}
