package mn.registry.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.identity.RoleGranted;
import mn.registry.kernel.identity.RoleRevoked;
import mn.registry.kernel.log.PublicRecords;
import mn.registry.kernel.log.SealedEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0061 item 14 (abuse audit O146): from the public log alone, no act signed after its signer's role ended. The records are derived
 * as the registry derives them ({@link PublicRecords#record}) from sealed events whose metadata is what the registry seals: the signed
 * act itself names the roles it was signed under; a consequence made later does not.
 */
class VerifyActsTest {

    @TempDir
    Path dir;

    private final List<JsonNode> log = new ArrayList<>();

    /** The public record of an event at the next position, with this sealed metadata. */
    private void stored(Class<?> type, String payload, String metaData) {
        long position = log.size() + 1;
        SealedEvent sealed = new SealedEvent("e" + position, "Aggregate", "aggregate-" + position, 0, "2026-12-06T12:00:00Z", type.getName(),
                null, payload, metaData, null, "hash-" + position, "seal-key-1", "seal");
        log.add(PublicRecords.record(sealed, position).orElseThrow());
    }

    private static String act(String commandId, String signer, String... roles) {
        return "{\"commandId\":\"" + commandId + "\",\"signedBy\":\"" + signer + "\",\"jwsSha256\":\"ab\""
                + (roles.length == 0 ? "" : ",\"actingRoles\":[\"" + String.join("\",\"", roles) + "\"]") + "}";
    }

    private static String role(String person, String role) {
        return "{\"personId\":\"" + person + "\",\"role\":\"" + role + "\",\"validFrom\":\"2026-12-06T12:00:00Z\",\"validUntil\":\"2026-12-06T12:00:00Z\"}";
    }

    /** A governor's act, judged in {@code zone} (ADR 0061 item 15): the zone sealed beside the roles. */
    private static String governorsAct(String commandId, String governor, String zone) {
        return "{\"commandId\":\"" + commandId + "\",\"signedBy\":\"" + governor + "\",\"jwsSha256\":\"ab\",\"actingRoles\":[\"ZONE_GOVERNOR\"],"
                + "\"actingZone\":\"" + zone + "\"}";
    }

    private static String governor(String person, String zone) {
        return "{\"personId\":\"" + person + "\",\"role\":\"ZONE_GOVERNOR\",\"zoneId\":\"" + zone + "\",\"validFrom\":\"2026-12-06T12:00:00Z\","
                + "\"validUntil\":\"2026-12-06T12:00:00Z\"}";
    }

    /** A governor appointed in zones A and B, acting in A, then dismissed in A and still governing B. */
    private void governorOfTwoZonesDismissedInOne() {
        lawfulLog();
        stored(RoleGranted.class, governor("governor-3", "zone-a"), act("g1", "cabinet-1", "CABINET_MEMBER"));
        stored(RoleGranted.class, governor("governor-3", "zone-b"), act("g2", "cabinet-1", "CABINET_MEMBER"));
        stored(PublicHolidayDeclared.class, HOLIDAY, governorsAct("g3", "governor-3", "zone-a"));
        stored(RoleRevoked.class, governor("governor-3", "zone-a"), act("g4", "cabinet-1", "CABINET_MEMBER"));
        stored(PublicHolidayDeclared.class, HOLIDAY, governorsAct("g5", "governor-3", "zone-b"));
    }

    private static final String HOLIDAY = "{\"date\":\"2026-12-29\",\"name\":\"Independence Day\"}";

    /** A lawful log: the Cabinet member appoints supervisor-2, who acts; the appointment ends; the act's consequence follows later. */
    private void lawfulLog() {
        stored(RoleGranted.class, role("cabinet-1", "CABINET_MEMBER"), "{}"); // enrolled at the registry's start: no signed act
        stored(RoleGranted.class, role("supervisor-2", "MINISTRY_SUPERVISOR"), act("c1", "cabinet-1", "CABINET_MEMBER"));
        stored(PublicHolidayDeclared.class, HOLIDAY, act("c2", "supervisor-2", "MINISTRY_SUPERVISOR"));
        stored(RoleRevoked.class, role("supervisor-2", "MINISTRY_SUPERVISOR"), act("c3", "cabinet-1", "CABINET_MEMBER"));
        stored(PublicHolidayDeclared.class, HOLIDAY, act("c2", "supervisor-2")); // c2's consequence, made later: its signer, no roles
        stored(PublicHolidayDeclared.class, HOLIDAY, "{\"commandId\":\"c0\",\"signedBy\":\"supervisor-2\"}"); // stored before the field
    }

    private String verify() throws Exception {
        Path records = dir.resolve("records.jsonl");
        StringBuilder lines = new StringBuilder();
        for (JsonNode record : log) {
            lines.append(new String(PublicRecords.leafData(record), StandardCharsets.UTF_8)).append('\n'); // a leaf's data, as the log serves it
        }
        Files.writeString(records, lines, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyBundle.run(new String[]{"--acts", records.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        return code + " " + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("001 art. 23.1.1 (O146): a log whose every act was signed while its signer held a role it was signed under verifies; a "
            + "consequence made after the role ended, and a record without the field, are not flagged")
    void a_lawful_log_verifies() throws Exception {
        lawfulLog();

        assertThat(log.get(2).path("actingRoles").toString()).as("the act names its role").isEqualTo("[\"MINISTRY_SUPERVISOR\"]");
        assertThat(log.get(4).has("actingRoles")).as("a consequence does not").isFalse();
        assertThat(verify()).startsWith("0 VERIFIED: 6 record(s), 3 act(s)");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (O146): a record signed by an official after the end of the role it was signed under, put into the log "
            + "(a tampered or buggy log), is flagged with its position")
    void an_act_after_its_signers_role_ended_is_flagged() throws Exception {
        lawfulLog();
        stored(PublicHolidayDeclared.class, HOLIDAY, act("c4", "supervisor-2", "MINISTRY_SUPERVISOR"));

        assertThat(verify()).startsWith("1 NOT VERIFIED: position 7 (event e7) signed by supervisor-2 under [MINISTRY_SUPERVISOR]");
    }

    @Test
    @DisplayName("001 art. 23.1.1 (O146): an official ending its own role is judged as it stood when it signed; an act signed again after a "
            + "new appointment verifies")
    void an_act_is_judged_before_its_own_effect_and_after_a_new_grant() throws Exception {
        lawfulLog();
        stored(RoleGranted.class, role("supervisor-2", "MINISTRY_SUPERVISOR"), act("c5", "cabinet-1", "CABINET_MEMBER"));
        stored(RoleRevoked.class, role("supervisor-2", "MINISTRY_SUPERVISOR"), act("c6", "supervisor-2", "MINISTRY_SUPERVISOR"));

        assertThat(verify()).startsWith("0 VERIFIED: 8 record(s), 5 act(s)");
    }

    @Test
    @DisplayName("003 art. 8.7 (O159): a governor dismissed in zone A who still governs zone B, and whose record says the act was judged "
            + "in zone A, is flagged; the governor's acts in A before the dismissal and in B after it verify")
    void a_governors_act_in_a_zone_after_dismissal_there_is_flagged_though_another_zone_is_still_governed() throws Exception {
        governorOfTwoZonesDismissedInOne();
        assertThat(verify()).startsWith("0 VERIFIED: 11 record(s), 8 act(s)");

        stored(PublicHolidayDeclared.class, HOLIDAY, governorsAct("g6", "governor-3", "zone-a"));

        assertThat(verify()).startsWith("1 NOT VERIFIED: position 12 (event e12) signed by governor-3 under [ZONE_GOVERNOR] in zone zone-a");
        assertThat(log.get(8).path("actingZone").asText()).as("the record names the zone").isEqualTo("zone-a");
    }

    @Test
    @DisplayName("003 art. 8.7 (O159): a governor's act stored before the zone was sealed (no actingZone) is checked as before: the role "
            + "in any zone counts")
    void a_governors_act_without_its_zone_counts_the_role_in_any_zone() throws Exception {
        governorOfTwoZonesDismissedInOne();
        stored(PublicHolidayDeclared.class, HOLIDAY, act("g6", "governor-3", "ZONE_GOVERNOR"));

        assertThat(verify()).startsWith("0 VERIFIED: 12 record(s), 9 act(s)");
    }
}
