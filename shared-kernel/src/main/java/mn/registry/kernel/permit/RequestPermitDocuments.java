package mn.registry.kernel.permit;

import java.util.List;

/** Signed command body: A reviewer asks the applicant for documents (002 art. 26.2.2). */
public record RequestPermitDocuments(ApplicationId applicationId, List<RequiredDocument> kinds, String note) {
}
