package mn.registry.web.desk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * 002 art. 29.1.5, 29.6 (the lead's reading of O205, ADR 0046 item 91): whether the run-out of the suspension in force is spent, as the
 * aggregate judges it ({@code PermitApplication}: {@code runOutSpentOf}): an upheld complaint annulled a revocation on 29.1.5 that rested on
 * this suspension, applied again as it stood (item 56). The desk then does not offer 29.1.5; a suspension decided later, run out unrestored,
 * grounds it again. Read from the case file's suspension in force and its history (the suspension in force at the annulled revocation: the
 * last one decided before it, since 29.1.5 needs the permit suspended).
 */
final class SpentRunOut {

    /** What makes two suspension records one decision: item 56 applies its ground, evidence and days again. */
    private static final List<String> THE_DECISION = List.of("ground", "evidenceSha256", "from", "until");

    private SpentRunOut() {
    }

    /** Whether the suspension in force is the one a revocation on 29.1.5, annulled by an upheld complaint, rested on. */
    static boolean ofTheSuspensionInForce(Map<String, Object> file) {
        if (!(file.get("suspension") instanceof Map<?, ?> inForce)) {
            return false;
        }
        return AnnulledRevocation.last(file, "VIOLATIONS_NOT_REMEDIED_DURING_SUSPENSION").flatMap(annulled -> CaseHistory.entries(file,
                        "PermitSuspended").filter(s -> ((Number) s.get("sequence")).longValue() < annulled.sequence()).reduce((a, b) -> b))
                .map(CaseHistory::event).filter(spent -> THE_DECISION.stream().allMatch(k -> Objects.equals(String.valueOf(spent.get(k)),
                        String.valueOf(inForce.get(k))))).isPresent();
    }
}
