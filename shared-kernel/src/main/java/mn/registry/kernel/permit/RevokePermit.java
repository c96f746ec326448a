package mn.registry.kernel.permit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Signed command body: A supervisor revokes on a ground of 002 art. 29.1.
 *
 * @param evidenceSha256 the document the registry received that shows the ground (ADR 0064): the state registration's or the court's
 *                       document of the legal entity's liquidation (29.1.2), the finding that false documents were prepared (29.1.3);
 *                       required on those two grounds, not asked on the others, whose ground is on record; left out when null
 */
public record RevokePermit(ApplicationId applicationId, RevocationGround ground, String reason,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String evidenceSha256) {
    @JsonCreator
    public RevokePermit {
    }

    /** On a ground the record shows (29.1.1, 29.1.4, 29.1.5), which names no document. */
    public RevokePermit(ApplicationId applicationId, RevocationGround ground, String reason) {
        this(applicationId, ground, reason, null);
    }
}
