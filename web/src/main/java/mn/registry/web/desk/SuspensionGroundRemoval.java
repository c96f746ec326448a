package mn.registry.web.desk;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 002 art. 28.4, 29.1.5 (ADR 0046 items 73, 81; abuse audit F312, F330, was O186): the day the ground of the suspension in force was found
 * removed, read from the case file as the aggregate folds it ({@code PermitApplication}: its {@code suspensionGroundRemovedOn}), so that
 * the desk offers revocation on 29.1.5 only where the registry would accept it. On the inspector's opinion the ground is removed by an
 * inspection since the suspension began that finds no violation, on the day the registry received its record (item 88); at the tax authority's request, by its record of the evasions settled;
 * a violation found during the suspension must be found remedied the same way, and undoes a removal found before it.
 */
final class SuspensionGroundRemoval {

    private SuspensionGroundRemoval() {
    }

    /** The day, or null: no suspension, its ground not found removed, or a case file projected before item 81 (rebuilt by its release). */
    static LocalDate removedOn(Map<String, Object> file) {
        if (!(file.get("suspension") instanceof Map<?, ?> suspension) || !(file.get("suspensionFindings") instanceof List<?> findings)) {
            return null;
        }
        String from = String.valueOf(suspension.get("from"));
        boolean remedyToBeInspected = "INSPECTOR_OPINION".equals(String.valueOf(suspension.get("ground")));
        boolean settlementAwaited = "TAX_EVASIONS".equals(String.valueOf(suspension.get("ground")));
        LocalDate removedOn = null;
        for (Object f : findings) {
            Map<?, ?> finding = (Map<?, ?>) f;
            String on = String.valueOf(finding.get("on"));
            if (Boolean.TRUE.equals(finding.get("settled"))) {
                removedOn = settlementAwaited ? LocalDate.parse(on) : removedOn;
                settlementAwaited = false;
            } else if (Boolean.TRUE.equals(finding.get("violationFound"))) {
                remedyToBeInspected = true;
                removedOn = null;
            } else if (on.compareTo(from) >= 0) {
                removedOn = remedyToBeInspected ? receivedOn(finding) : removedOn;
                remedyToBeInspected = false;
            }
        }
        return removedOn;
    }

    /**
     * The day the registry received an inspection's record (ADR 0046 item 88, the lead's reading of O192: the legal day is the receipt, never
     * the day the record names); a finding projected before item 88's release, which has none, by the day it names until the rebuild.
     */
    private static LocalDate receivedOn(Map<?, ?> finding) {
        return LocalDate.parse(String.valueOf(finding.get(finding.get("received") != null ? "received" : "on")));
    }

    /** Whether the ground was found removed on or before the suspension's last day: then 29.1.5 is refused and the permit restored. */
    static boolean removedDuringTheSuspension(Map<String, Object> file) {
        LocalDate removedOn = removedOn(file);
        return removedOn != null && file.get("suspension") instanceof Map<?, ?> suspension
                && !removedOn.isAfter(LocalDate.parse(String.valueOf(suspension.get("until"))));
    }
}
