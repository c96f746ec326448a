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
 * representative's); a certificate's revocation (not public).
 *
 * <p>Roles are folded by role and zone (ADR 0061 item 15, abuse audit O159): a governor's act names the zone it was judged in
 * ({@value #ACTING_ZONE}), and the governor must hold the role in that zone (003 art. 8.7: a governor acts in their own zone). A record
 * naming no zone (a governor's act stored before the field) is checked as before: the role held in any zone counts.
 */
public final class ActsWithinAuthority {

    /** The public record's field naming the roles the act itself was signed under (sealed in its event's metadata at receipt). */
    public static final String ACTING_ROLES = "actingRoles";
    /** The public record's field naming the zone a governor's act was judged in (sealed beside {@value #ACTING_ROLES}). */
    public static final String ACTING_ZONE = "actingZone";
    /** The zone key of a role that names no zone. */
    private static final String NO_ZONE = "";

    private static final String GRANTED = RoleGranted.class.getName();
    private static final String REVOKED = RoleRevoked.class.getName();

    /** A record signed by an official holding none of the roles it was signed under, where it stands in the log. */
    public record Finding(long position, String eventId, String actingOfficial, List<String> actingRoles, String actingZone) {
        @Override
        public String toString() {
            return "position " + position + " (event " + eventId + ") signed by " + actingOfficial + " under " + actingRoles
                    + (actingZone == null ? "" : " in zone " + actingZone) + ", whose role had ended earlier in the log";
        }
    }

    /** Per official, per role, the appointments held in each zone ({@link #NO_ZONE} for a role that names none), as the log so far says. */
    private final Map<String, Map<String, Map<String, Integer>>> held = new HashMap<>();
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
            held.computeIfAbsent(payload.path("personId").asText(), person -> new HashMap<>())
                    .computeIfAbsent(payload.path("role").asText(), role -> new HashMap<>())
                    .merge(payload.path("zoneId").asText(NO_ZONE), GRANTED.equals(type) ? 1 : -1, (a, b) -> Math.max(0, a + b));
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
        JsonNode zone = record.get(ACTING_ZONE);
        String actingZone = zone == null || !zone.isTextual() ? null : zone.asText();
        Map<String, Map<String, Integer>> signersRoles = held.getOrDefault(signer, Map.of());
        if (roles.stream().noneMatch(role -> holds(signersRoles.getOrDefault(role, Map.of()), actingZone))) {
            findings.add(new Finding(record.path("position").asLong(), record.path("eventId").asText(), signer, roles.stream().sorted().toList(),
                    actingZone));
        }
    }

    /**
     * 003 art. 8.7 (ADR 0061 item 15): whether the appointments of one role, by zone, let its holder act in {@code actingZone}: a role
     * naming no zone counts anywhere; a governor's in that zone; with no zone told (a record stored before the field), in any zone.
     */
    private static boolean holds(Map<String, Integer> byZone, String actingZone) {
        if (byZone.getOrDefault(NO_ZONE, 0) > 0) {
            return true;
        }
        return actingZone == null ? byZone.values().stream().anyMatch(held -> held > 0) : byZone.getOrDefault(actingZone, 0) > 0;
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
