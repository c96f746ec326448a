package mn.registry.permit.query;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * 002 art. 29.6 (ADR 0046 items 114, 120): the complaint a permit's case file keeps is the one against its revocation only if the registry
 * received it on or after that revocation; an older one is an earlier revocation's, annulled when the complaint was upheld. The one reading
 * of the case file the register and the pages share (the extension request closed by the revocation, the holder's complaint form, the
 * desk's hold of the database's pass-on).
 */
public final class ComplaintAgainstTheRevocation {

    private ComplaintAgainstTheRevocation() {
    }

    /** The complaint against the case file's revocation (pending or decided), or none: no revocation, no complaint, or an earlier one's. */
    public static Optional<Map<?, ?>> of(Map<?, ?> file) {
        if (!(file.get("revocation") instanceof Map<?, ?> revocation) || revocation.get("revokedAt") == null
                || !(file.get("complaint") instanceof Map<?, ?> complaint) || complaint.get("filedAt") == null) {
            return Optional.empty();
        }
        Instant revokedAt = Instant.parse(String.valueOf(revocation.get("revokedAt")));
        return Instant.parse(String.valueOf(complaint.get("filedAt"))).isBefore(revokedAt) ? Optional.empty() : Optional.of(complaint);
    }
}
