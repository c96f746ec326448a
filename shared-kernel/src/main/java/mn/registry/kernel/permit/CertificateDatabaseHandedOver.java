package mn.registry.kernel.permit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import mn.registry.kernel.identity.PersonId;

/**
 * The former holder handed its certificate database to the ministry (002 art. 29.3).
 *
 * @param receiptSha256 the signed receipt of the database the hand-over was recorded on (ADR 0057, session 20 round 2); null in events
 *                      stored before it (the same bytes back)
 */
public record CertificateDatabaseHandedOver(ApplicationId applicationId, String databaseSha256, Instant receivedAt, PersonId recordedBy,
                                            @JsonInclude(JsonInclude.Include.NON_NULL) String receiptSha256) {
    @JsonCreator
    public CertificateDatabaseHandedOver {
    }

    /** Without the receipt (ADR 0057, session 20 round 2): every hand-over stored before it. */
    public CertificateDatabaseHandedOver(ApplicationId applicationId, String databaseSha256, Instant receivedAt, PersonId recordedBy) {
        this(applicationId, databaseSha256, receivedAt, recordedBy, null);
    }
}
