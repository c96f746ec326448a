package mn.registry.web.desk;

import java.util.Map;
import java.util.Optional;

/**
 * 002 art. 29.6 (ADR 0046 items 89, 91): a revocation the decision on the holder's complaint annulled, read from the case's history (the
 * revocations and the decisions on complaints, in the stream's order), as the aggregate folds it: the revocation's history entry and the
 * decision's event. What it rested on is spent: a 29.1.4 revocation's violations (item 89), a 29.1.5 revocation's run-out (item 91).
 */
record AnnulledRevocation(Map<?, ?> revocationEntry, Map<?, ?> decision) {

    /** The last revocation on {@code ground} (the enum's name) that an upheld complaint annulled, if any. */
    static Optional<AnnulledRevocation> last(Map<String, Object> file, String ground) {
        Map<?, ?> lastRevocation = null;
        AnnulledRevocation last = null;
        for (Map<?, ?> entry : CaseHistory.entries(file, "PermitRevoked", "RevocationComplaintDecided").toList()) {
            if ("PermitRevoked".equals(entry.get("type"))) {
                lastRevocation = entry;
            } else if (lastRevocation != null && Boolean.TRUE.equals(CaseHistory.event(entry).get("upheld"))
                    && ground.equals(String.valueOf(CaseHistory.event(lastRevocation).get("ground")))) {
                last = new AnnulledRevocation(lastRevocation, CaseHistory.event(entry));
            }
        }
        return Optional.ofNullable(last);
    }

    /** The revocation's place in the permit's stream. */
    long sequence() {
        return ((Number) revocationEntry.get("sequence")).longValue();
    }
}
