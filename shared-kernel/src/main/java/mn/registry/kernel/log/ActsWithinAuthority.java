package mn.registry.kernel.log;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ADR 0061 item 14 (abuse audit O146): checks, from the public log alone, that no act was signed by an official whose every role the
 * act was signed under had ended (001 art. 23.1.1; domain-rules §1). Fed the public records in log order from the log's first entry,
 * it folds the officials' {@code RoleGranted} and {@code RoleRevoked} records (an end is in force from its place in the log: ADR 0061
 * item 1, no act is stored after it) and looks at each record naming {@value #ACTING_ROLES}: the signed act itself, whose signer
 * ({@code actingOfficial}) must hold one of them where it stands.
 *
 * <p>Not checked: a record without {@value #ACTING_ROLES} (a consequence of an act made later, a deadline fired, whose signer is that of
 * the command that started it; a record stored before the field; an act signed under a role not published, a company
 * representative's); a certificate's revocation (not public). The zone of a governor's act is not told: holding the role in any zone
 * counts, so a lawful record is never flagged.
 */
public final class ActsWithinAuthority {

    /** The public record's field naming the roles the act itself was signed under (sealed in its event's metadata at receipt). */
    public static final String ACTING_ROLES = "actingRoles";

    private static final String GRANTED = RoleGranted.class.getName();
    private static final String REVOKED = RoleRevoked.class.getName();

    /** A record signed by an official holding none of the roles it was signed under, where it stands in the log. */
    public record Finding(long position, String eventId, String actingOfficial, List<String> actingRoles) {
        @Override
        public String toString() {
            return "position " + position + " (event " + eventId + ") signed by " + actingOfficial + " under " + actingRoles
                    + ", whose role had ended earlier in the log";
        }
    }

    /** Roles held per official, as the log's records so far say. */
    private final Map<String, Map<String, Integer>> held = new HashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    /** The signed commands whose act was judged (at its first record). */
    private final Set<String> acts = new HashSet<>();
    private long checked;

    /** Checks the public records in log order, from the first; the findings, none if every act stands. */
    public static ActsWithinAuthority check(Iterable<? extends JsonNode> recordsInLogOrder) {
        ActsWithinAuthority check = new ActsWithinAuthority();
        recordsInLogOrder.forEach(check::next);
        return check;
    }

    private void next(JsonNode record) {
        judge(record); // the act as it stood when signed: before its own effect (an official ending its own role)
        String type = record.path("type").asText();
        JsonNode payload = record.path("payload");
        if (GRANTED.equals(type) || REVOKED.equals(type)) {
            Map<String, Integer> roles = held.computeIfAbsent(payload.path("personId").asText(), person -> new HashMap<>());
            roles.merge(payload.path("role").asText(), GRANTED.equals(type) ? 1 : -1, (a, b) -> Math.max(0, a + b)); // zones counted
        }
    }

    private void judge(JsonNode record) {
        JsonNode acting = record.get(ACTING_ROLES);
        if (acting == null || !acting.isArray() || !acts.add(record.path("commandId").asText())) {
            return; // an act is judged at its first record: once placed, its further records follow it (ADR 0061 item 5)
        }
        checked++;
        Set<String> roles = new HashSet<>();
        acting.forEach(role -> roles.add(role.asText()));
        String signer = record.path("actingOfficial").asText();
        Map<String, Integer> signersRoles = held.getOrDefault(signer, Map.of());
        if (roles.stream().noneMatch(role -> signersRoles.getOrDefault(role, 0) > 0)) {
            findings.add(new Finding(record.path("position").asLong(), record.path("eventId").asText(), signer, roles.stream().sorted().toList()));
        }
    }

    /** The acts signed by an official whose every role they were signed under had ended, in log order. */
    public List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** How many acts (signed commands whose records name the roles they were signed under) were checked. */
    public long checked() {
        return checked;
    }
}
