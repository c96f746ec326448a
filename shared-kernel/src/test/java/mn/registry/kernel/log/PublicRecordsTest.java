package mn.registry.kernel.log;

import mn.registry.kernel.calendar.PublicHolidayDeclared;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.ZoneEvents;
import mn.registry.kernel.permit.PermitApplicationRegistered;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRecordsTest {

    @Test
    @DisplayName("domain-rules §5: Government decisions, Free Zone acts and permit decisions are published; an application's registration is not")
    void every_bounded_context_publishes_through_the_one_mapping() {
        assertThat(PublicRecords.mayBePublic(PublicHolidayDeclared.class.getName())).isTrue();
        assertThat(PublicRecords.mayBePublic(ZoneEvents.ZoneEstablished.class.getName())).as("003 art. 6").isTrue();
        assertThat(PublicRecords.mayBePublic(RegistrationEvents.EntityRegistered.class.getName())).as("003 art. 12.2").isTrue();
        assertThat(PublicRecords.mayBePublic(RegistrationEvents.EntityDeregistered.class.getName())).as("003 art. 12.5").isTrue();
        assertThat(PublicRecords.mayBePublic(LandEvents.LandLicenceIssued.class.getName())).as("003 art. 22").isTrue();
        assertThat(PublicRecords.mayBePublic(PermitApplicationRegistered.class.getName()))
                .as("an application is not a published decision (002 art. 26.4 publishes the grant)").isFalse();
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode recordOf(Object payload) throws Exception {
        String json = mn.registry.kernel.crypto.CanonicalJson.mapper().writeValueAsString(payload);
        SealedEvent event = new SealedEvent("e-1", "Person", "person-reviewer-7", 3, "2026-12-01T02:00:00Z", payload.getClass().getName(), null,
                json, "{}", null, "h", "k", "s");
        return PublicRecords.record(event, 42).orElseThrow();
    }

    @Test
    @DisplayName("001 art. 23.1.1 (ADR 0061 item 21): an official's grant and end are published without the order they rest on; one stored "
            + "before, naming none, is published as it was")
    void an_officials_grant_and_end_withhold_their_order() throws Exception {
        mn.registry.kernel.identity.PersonId reviewer = new mn.registry.kernel.identity.PersonId("reviewer-7");
        mn.registry.kernel.identity.PersonId supervisor = new mn.registry.kernel.identity.PersonId("supervisor-1");
        java.time.Instant at = java.time.Instant.parse("2026-12-01T02:00:00Z");
        String order = "a5".repeat(32);
        var granted = recordOf(new mn.registry.kernel.identity.RoleGranted(reviewer, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, null, at,
                supervisor, "enrolment", order));
        var ended = recordOf(mn.registry.kernel.identity.RoleRevoked.onDocument(reviewer, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, at,
                supervisor, "end", order));
        var storedBefore = recordOf(new mn.registry.kernel.identity.RoleGranted(reviewer, mn.registry.kernel.identity.Role.MINISTRY_REVIEWER, null,
                at, supervisor, "enrolment"));
        assertThat(granted.toString()).doesNotContain(order);
        assertThat(ended.toString()).doesNotContain(order);
        assertThat(granted.get("payload")).isEqualTo(storedBefore.get("payload"));
        assertThat(granted.path("payload").path("personId").asText()).isEqualTo("reviewer-7");
    }
}
