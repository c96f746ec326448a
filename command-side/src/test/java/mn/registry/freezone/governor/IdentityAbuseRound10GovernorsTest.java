package mn.registry.freezone.governor;

import mn.registry.identity.api.RoleGrants;
import mn.registry.identity.api.ZoneRecordsOfAppointments.RecordNamingNoDocument;
import mn.registry.kernel.freezone.ZoneCommands;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.identity.StoredActOrderStated;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.AT;
import static mn.registry.freezone.governor.GovernorAppointmentTypesTest.CABINET;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.APPOINTED;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.APPOINTMENT_ON_THE_ZONE;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.CABINET_MEMBER;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.EARLIER_GOVERNOR;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.FIRST_START;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.GOVERNOR;
import static mn.registry.freezone.governor.ZoneAloneAppointmentFixture.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Session 27, identity round 10, the governor's side (abuse audit F442, was O260; ADR 0061 item 36): a governor enrolled with the role at the
 * registry's first start and appointed before decisions were uploaded, the appointment recorded on the zone alone
 * ({@link ZoneAloneAppointmentFixture}). The statement's side is {@code identity.command.IdentityAbuseRound10Test}.
 */
class IdentityAbuseRound10GovernorsTest {

    private static final String COPY = "c9".repeat(32);

    @Test
    @DisplayName("003 art. 8.2 (ADR 0061 item 36, abuse audit F442, was O260): the Cabinet member dismisses a governor appointed on the zone alone "
            + "before decisions were uploaded on a newly uploaded copy of that appointment's decision, its reference written otherwise: refused "
            + "once the copy was stated for the zone's record of the appointment, before anything is revoked or recorded; without the statement "
            + "it went on to the revocation; a decision of its own dismisses")
    void a_stated_decision_of_a_zone_alone_appointment_is_the_same_document() {
        ZoneCommands.DismissGovernor onTheCopy = new ZoneCommands.DismissGovernor(ZONE, GOVERNOR, "Order No. 2026/94", COPY);
        CommandGateway gateway = mock(CommandGateway.class);
        RoleGrants grants = mock(RoleGrants.class);
        EmbeddedEventStore stated = ZoneAloneAppointmentFixture.store(new StoredActOrderStated(GOVERNOR, APPOINTMENT_ON_THE_ZONE, "grant",
                Role.ZONE_GOVERNOR, ZONE.value(), COPY, AT.minusSeconds(60), CABINET_MEMBER, ZONE.stream()));
        GovernorAppointmentTypes types = ZoneAloneAppointmentFixture.types(stated, gateway, grants);

        RegistryProblem refused = catchThrowableOfType(RegistryProblem.class, () -> types.dismiss(onTheCopy, CABINET));
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("freezone.governor-decision-used");
        assertThat(refused.field()).isEqualTo("decisionSha256");
        verifyNoInteractions(gateway, grants);

        // a decision of its own passes the rule; not stated, nothing told the copy from one (O260 as it was)
        types.decisionOfItsOwn(GOVERNOR, ZONE, "order 2026/300", "4d".repeat(32));
        EmbeddedEventStore notStated = ZoneAloneAppointmentFixture.store();
        ZoneAloneAppointmentFixture.types(notStated, gateway, grants).decisionOfItsOwn(GOVERNOR, ZONE, "Order No. 2026/94", COPY);
        stated.shutDown();
        notStated.shutDown();
    }

    @Test
    @DisplayName("003 art. 8.2 (ADR 0061 item 36, abuse audit F442): the zone's record gives a statement the governor's appointments and "
            + "dismissals there naming no decision's document, by their number on the zone's stream: that governor's alone, in that zone")
    void the_zones_record_names_its_acts_naming_no_document() {
        EmbeddedEventStore store = ZoneAloneAppointmentFixture.store();
        GovernorAppointmentTypes types = ZoneAloneAppointmentFixture.types(store, mock(CommandGateway.class), mock(RoleGrants.class));

        assertThat(types.recordsNamingNoDocument(GOVERNOR, ZONE.value())).containsExactly(
                Map.entry(APPOINTMENT_ON_THE_ZONE, new RecordNamingNoDocument("grant", APPOINTED, ZoneAloneAppointmentFixture.CABINET_MEMBER)));
        assertThat(types.recordsNamingNoDocument(EARLIER_GOVERNOR, ZONE.value())).containsExactly(
                Map.entry(0L, new RecordNamingNoDocument("grant", FIRST_START, ZoneAloneAppointmentFixture.CABINET_MEMBER)),
                Map.entry(1L, new RecordNamingNoDocument("end", APPOINTED.minusSeconds(3_600), ZoneAloneAppointmentFixture.CABINET_MEMBER)));
        assertThat(types.recordsNamingNoDocument(GOVERNOR, ZoneId.of("zamyn-uud").value())).isEmpty();
        store.shutDown();
    }
}
