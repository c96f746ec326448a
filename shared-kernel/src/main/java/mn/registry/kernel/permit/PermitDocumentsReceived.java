package mn.registry.kernel.permit;

import java.time.Instant;
import java.util.List;

/** Documents the reviewer asked for were received, kept as their original bytes under their SHA-256 (001 art. 38.1). */
public record PermitDocumentsReceived(ApplicationId applicationId, List<DocumentRef> documents, Instant receivedAt) {
}
