package mn.registry.web.desk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 002 art. 29.1.4, 29.6 (the lead's reading of O196, ADR 0046 item 89): the violations the desk counts for a revocation on repeated
 * violations, as the aggregate counts them ({@code PermitApplication}: {@code violationsFound} less {@code violationsSpent}). An upheld
 * complaint against a revocation on 29.1.4 spent the violations that revocation counted; only inspections the registry received after the
 * decision count again. Read from the case file's violations and its history (the revocations and the decisions on complaints, in order).
 */
final class ViolationsOnRecord {

    private ViolationsOnRecord() {
    }

    /** How many violations on the case file count for 29.1.4: those recorded after the last complaint upheld against a 29.1.4 revocation. */
    static int notSpent(Map<String, Object> file) {
        if (!(file.get("violationsFound") instanceof List<?> violations)) {
            return 0;
        }
        Instant spentAt = spentAt(file);
        return (int) violations.stream().filter(v -> spentAt == null || v instanceof Map<?, ?> inspection && inspection.get("recordedAt") != null
                && Instant.parse(String.valueOf(inspection.get("recordedAt"))).isAfter(spentAt)).count();
    }

    /** When the last complaint upheld against a revocation on 29.1.4 was decided, or null: no violation spent. */
    private static Instant spentAt(Map<String, Object> file) {
        return AnnulledRevocation.last(file, "REPEATED_VIOLATIONS").map(a -> Instant.parse(String.valueOf(a.decision().get("decidedAt"))))
                .orElse(null);
    }
}
