package mn.registry.kernel.permit;

import java.util.List;

/** Signed command body: A reviewer records documents received (uploaded first to POST /api/documents) (001 art. 38.1). */
public record RecordPermitDocumentsReceived(ApplicationId applicationId, List<SubmittedDocument> documents) {
}
