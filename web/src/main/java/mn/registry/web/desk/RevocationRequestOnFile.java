package mn.registry.web.desk;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The holder's request to revoke as the pages show it: the desk's grounds of a revocation and the holder's own forms (002 art. 23.3,
 * 29.1.1; ADR 0046 item 74, abuse audit F320). A request the registry received before the permit's last transfer is the former holder's:
 * it stays on the case file, and grounds nothing the successor's page or the supervisor's desk offers, as the aggregate judges it.
 */
public final class RevocationRequestOnFile {

    private RevocationRequestOnFile() {
    }

    /** Whether a request waits for the holder in force: on the file, received on or after the permit's last transfer (if any). */
    public static boolean theHolders(Map<String, Object> file) {
        return requestedAt(file).map(requested -> lastTransferredAt(file).map(transferred -> !requested.isBefore(transferred)).orElse(true))
                .orElse(file.get("revocationRequest") != null);
    }

    /** Whether the request on the file is the former holder's: received before the permit's last transfer. */
    public static boolean thePredecessors(Map<String, Object> file) {
        return file.get("revocationRequest") != null && !theHolders(file);
    }

    private static Optional<Instant> requestedAt(Map<String, Object> file) {
        return file.get("revocationRequest") instanceof Map<?, ?> request && request.get("requestedAt") != null
                ? Optional.of(Instant.parse(String.valueOf(request.get("requestedAt")))) : Optional.empty();
    }

    /** When the registry received the permit's last transfer, from the case's history (the case file keeps no field of its own for it). */
    private static Optional<Instant> lastTransferredAt(Map<String, Object> file) {
        return CaseHistory.entries(file, "PermitTransferred").map(CaseHistory::event).filter(event -> event.get("transferredAt") != null)
                .map(event -> Instant.parse(String.valueOf(event.get("transferredAt")))).max(Instant::compareTo);
    }
}
