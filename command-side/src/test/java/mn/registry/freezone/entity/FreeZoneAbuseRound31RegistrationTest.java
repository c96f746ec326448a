package mn.registry.freezone.entity;

import mn.registry.command.api.CommandContext;
import mn.registry.command.api.SignedCommandContext;
import mn.registry.freezone.zone.DeciderRepresentsTheEntity;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.TODAY;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 30, the entity's own people (ADR 0035 item 110, the lead's reading, choice; abuse audit F532, was O378), the zone registration's
 * part (the land register's is {@code mn.registry.freezone.land.FreeZoneAbuseRound31Test}): a governor whose grant of the applicant's role in
 * force at the registry's receipt names the entity's number 6001234 ({@link CommandContext#company()}) represents it, though the demo's
 * applicant-1 signed its application: they do not register or reject it, record its acts or deregister it (which revokes its land rights,
 * 22.6). A grant naming another company names nothing here.
 */
class FreeZoneAbuseRound31RegistrationTest extends ZoneRegistrationAbuseFixture {

    private static final String OWN = "6001234";
    private static final String ANOTHER = "6009876";

    /** The body signed by the zone's governor, also enrolled as a representative whose grant in force names {@code company}. */
    private static CommandMessage<Object> byGovernorRepresenting(String company, Object body, Instant at) {
        return SignedCommandContext.message(body, new CommandContext("command-" + GOVERNOR + "-" + company + "-" + at, at, at, GOVERNOR,
                Set.of(Role.ZONE_GOVERNOR, Role.APPLICANT), Set.of(ZONE.value()), mn.registry.freezone.FreeZoneSigned.JWS_SHA256, company));
    }

    @Test
    @DisplayName("003 art. 12.2, 22.2; 001 art. 23.1.1 (F532, was O378; ADR 0035 item 110, choice): abuse: a governor whose grant in force "
            + "names the entity's number 6001234, who did not sign its application, registers, rejects or deregisters it: refused 403 "
            + "freezone.decider-represents-the-entity on registrationId, no event")
    void a_governor_representing_the_entity_does_not_decide_its_registration() {
        Instant at = RECEIVED.plusSeconds(86_400);
        for (Object decision : new Object[]{new RegistrationCommands.RegisterEntity(ID),
                new RegistrationCommands.RejectZoneRegistration(ID, List.of("fee receipt unreadable"))}) {
            fixture.given(applied())
                    .when(byGovernorRepresenting(OWN, decision, at))
                    .expectException(problem(DeciderRepresentsTheEntity.CODE, "registrationId", DeciderRepresentsTheEntity.ARTICLE))
                    .expectNoEvents();
        }
        fixture.given(applied(), registered(), new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION,
                        "003 art. 12.5.3", TODAY.minusDays(3), on(TODAY.minusDays(3)), GOVERNOR))
                .when(byGovernorRepresenting(OWN, new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION,
                        "dissolved by the court"), on(TODAY)))
                .expectException(problem(DeciderRepresentsTheEntity.CODE, "registrationId", DeciderRepresentsTheEntity.ARTICLE))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(byGovernorRepresenting(OWN, new RegistrationCommands.RecordOperationsStarted(ID, TODAY.minusDays(30),
                        FreeZoneAbuseRound8Test.START_DOC), on(TODAY)))
                .expectException(problem(DeciderRepresentsTheEntity.CODE, "registrationId", DeciderRepresentsTheEntity.ARTICLE))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.2; 001 art. 23.1.1 (F532; ADR 0035 item 110): a governor whose grant names another company (6009876), or "
            + "whose grant naming 6001234 ended before the receipt (folded as none), registers the entity: recorded")
    void a_grant_naming_another_company_or_none_at_the_receipt_does_not_bar_the_decision() {
        Instant at = RECEIVED.plusSeconds(4 * 86_400);
        for (String company : new String[]{ANOTHER, null}) {
            fixture.given(applied())
                    .when(byGovernorRepresenting(company, new RegistrationCommands.RegisterEntity(ID), at))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(registered());
        }
    }

    @Test
    @DisplayName("003 art. 12.2; 001 art. 23.1.1 (F532; ADR 0035 item 110): the governor's desk judges the governor's grant with its company "
            + "as the registration does: to a governor whose grant names 6001234 it answers no act (the desk says another governor decides); "
            + "to one whose grant names 6009876 the acts as before")
    void the_desk_offers_no_act_to_the_entitys_representative() {
        org.axonframework.config.Configuration axon = registrations(services);
        try {
            Object[] events = {applied(), registered()};
            for (int i = 0; i < events.length; i++) {
                axon.eventStore().publish(new org.axonframework.eventhandling.GenericDomainEventMessage<>("ZoneRegistration", ID.stream(), i, events[i]));
            }
            GovernorActsNow desk = new GovernorActsNow(java.time.Clock.fixed(on(TODAY), java.time.ZoneOffset.UTC), services, axon.eventStore(),
                    () -> axon.repository(ZoneRegistration.class));
            mn.registry.kernel.freezone.GovernorActs representing = desk.foldedNow(ID, GOVERNOR, OWN).orElseThrow().answer();
            org.assertj.core.api.Assertions.assertThat(representing.deciderIsNotTheApplicant()).isFalse();
            org.assertj.core.api.Assertions.assertThat(representing.deregistrationGrounds()).isEmpty();
            mn.registry.kernel.freezone.GovernorActs another = desk.foldedNow(ID, GOVERNOR, ANOTHER).orElseThrow().answer();
            org.assertj.core.api.Assertions.assertThat(another.deciderIsNotTheApplicant()).isTrue();
            org.assertj.core.api.Assertions.assertThat(another).isEqualTo(desk.foldedNow(ID, GOVERNOR).orElseThrow().answer());
        } finally {
            axon.shutdown();
        }
    }
}
