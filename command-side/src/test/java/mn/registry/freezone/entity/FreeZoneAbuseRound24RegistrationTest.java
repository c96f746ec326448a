package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.DUE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.STREAM;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 26, Free Zone round 25 (abuse audit F417, was O238; the lead's reading, ADR 0035 item 85): a court's dissolution recorded on the
 * entity's registration in one zone gives the governor of every other zone where it is registered a duty to record it there, with its last
 * day and one escalation; recording it there ends the duty.
 */
class FreeZoneAbuseRound24RegistrationTest extends ZoneRegistrationAbuseFixture {

    static final ZoneId ZAMYN_UUD = ZoneId.of("zamyn-uud");
    static final RegistrationId THERE = ID.inZone(ZAMYN_UUD);
    static final LocalDate DECIDED = LocalDate.of(2026, 11, 25);
    static final Instant RECORDED_THERE = Instant.parse("2026-11-25T02:00:00Z"); // before the test services' fixed due date
    static final RegistrationEvents.CourtDissolutionRecorded DISSOLVED_THERE = new RegistrationEvents.CourtDissolutionRecorded(THERE,
            "Dornogovi civil court 2027/12", DECIDED, false, new mn.registry.kernel.identity.PersonId("governor-zamyn-uud"), COURT_DOC);
    static final RegistrationEvents.CourtDecisionToRecord TO_RECORD = new RegistrationEvents.CourtDecisionToRecord(ID, ZAMYN_UUD,
            DISSOLVED_THERE.reference(), DECIDED, DUE, ZoneRegistrationTest.VERSION, RECORDED_THERE, DeregistrationGround.COURT_DECISION.article());

    private static RegistrationStreamCommands.RaiseCourtDecisionDuty raise(LocalDate decidedOn) {
        return new RegistrationStreamCommands.RaiseCourtDecisionDuty(STREAM, ID, ZAMYN_UUD, DISSOLVED_THERE.reference(), decidedOn, RECORDED_THERE);
    }

    private static RegistrationStreamCommands.EscalateCourtDecisionDuty escalate(Instant at) {
        return new RegistrationStreamCommands.EscalateCourtDecisionDuty(STREAM, ID, at);
    }

    @Test
    @DisplayName("003 art. 12.5.3, 22.6, 22.7 (ADR 0035 item 85; F417, was O238): a dissolution recorded in another zone raises this zone's "
            + "governor's duty to record it here within 5 business days; left undone, the deadline escalates it once, and only after its last day")
    void a_dissolution_recorded_elsewhere_is_this_governors_duty_and_escalates() {
        fixture.given(applied(), registered()).when(raise(DECIDED)).expectEvents(TO_RECORD);
        assertThat(services.due(RECORDED_THERE, FreeZoneTerms.REVIEW).due()).as("the zone's review period").isEqualTo(TO_RECORD.dueOn());
        FreeZoneDeadlineRules rules = new FreeZoneDeadlineRules();
        ScheduledDeadline deadline = ((DeadlineInstruction.Start) rules.instructionsFor(TO_RECORD, 2).get(0)).deadline();
        assertThat(deadline.kind()).isEqualTo(FreeZoneDeadlineRules.COURT_DECISION);
        assertThat(deadline.due()).isEqualTo(DUE);
        Instant fired = UlaanbaatarTime.endOf(DUE).toInstant().plusSeconds(1);
        assertThat(rules.firingCommand(deadline, fired)).isEqualTo(escalate(fired));
        fixture.given(applied(), registered(), TO_RECORD).when(escalate(fired))
                .expectEvents(new RegistrationEvents.CourtDecisionToRecordOverdue(ID, DUE, fired, DeregistrationGround.COURT_DECISION.article()));
        assertThat(rules.instructionsFor(new RegistrationEvents.CourtDecisionToRecordOverdue(ID, DUE, fired, "003 art. 12.5.3"), 3))
                .containsExactly(new DeadlineInstruction.End(ID.value(), FreeZoneDeadlineRules.COURT_DECISION));
        // once, and not on its last day
        fixture.given(applied(), registered(), TO_RECORD, new RegistrationEvents.CourtDecisionToRecordOverdue(ID, DUE, fired, "003 art. 12.5.3"))
                .when(escalate(fired.plusSeconds(86_400))).expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD).when(escalate(UlaanbaatarTime.endOf(DUE).toInstant().minusSeconds(60))).expectNoEvents();
        // one duty while it is open
        fixture.given(applied(), registered(), TO_RECORD).when(raise(DECIDED)).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 items 67, 85; F417): no duty where the decision is not this registration's to record: recorded here "
            + "already, dated before this registration's certificate, or the entity not registered here (applied only, or removed)")
    void no_duty_where_there_is_nothing_to_record_here() {
        fixture.given(applied(), registered(), new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge civil court 2027/3", DECIDED, false,
                GOVERNOR, COURT_DOC)).when(raise(DECIDED)).expectNoEvents();
        fixture.given(applied(), registered()).when(raise(ZoneRegistrationTest.CERTIFIED.minusDays(1))).expectNoEvents();
        fixture.given(applied()).when(raise(DECIDED)).expectNoEvents();
        fixture.given(applied(), registered(), new RegistrationEvents.EntityDeregistered(ID, ZoneRegistrationTest.ZONE,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR.article(), "reasons", RECORDED_THERE,
                true, false, GOVERNOR))
                .when(raise(DECIDED)).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3, 22.6, 22.7 (ADR 0035 item 85; F417): the governor records the decision here: the duty ends (its deadline "
            + "ended, no escalation after it), the ground is raised as before, and the removal revokes the land as today")
    void recording_the_decision_here_ends_the_duty() {
        var recorded = new RegistrationEvents.CourtDissolutionRecorded(ID, DISSOLVED_THERE.reference(), DECIDED, false, GOVERNOR, COURT_DOC);
        services.courtDecisions.put(COURT_DOC, DISSOLVED_THERE);
        fixture.given(applied(), registered(), TO_RECORD)
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, DISSOLVED_THERE.reference(), DECIDED, false, COURT_DOC), RECORDED_THERE))
                .expectEvents(recorded, new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION,
                        DeregistrationGround.COURT_DECISION.article(), DECIDED, RECORDED_THERE, GOVERNOR));
        assertThat(new FreeZoneDeadlineRules().instructionsFor(recorded, 3))
                .contains(new DeadlineInstruction.End(ID.value(), FreeZoneDeadlineRules.COURT_DECISION));
        Instant fired = UlaanbaatarTime.endOf(DUE).toInstant().plusSeconds(1);
        fixture.given(applied(), registered(), TO_RECORD, recorded).when(escalate(fired)).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 item 85; F417): the registry tells the entity's registration in every other zone, once: a zone "
            + "where it is registered gets the duty, one where it never applied is skipped, a second delivery raises nothing more")
    void the_process_raises_the_duty_in_every_other_zone_where_the_entity_is_registered() {
        Configuration axon = registrations(services);
        try {
            axon.eventStore().publish(new GenericDomainEventMessage<>("ZoneRegistration", STREAM, 0, applied()),
                    new GenericDomainEventMessage<>("ZoneRegistration", STREAM, 1, registered()));
            RegistrationId nowhere = ID.inZone(ZoneId.of("tsagaannuur"));
            CourtDecisionDuties duties = new CourtDecisionDuties(axon.commandGateway(), registration -> List.of(ID, nowhere),
                    Clock.fixed(RECORDED_THERE, ZoneOffset.UTC));
            duties.on(DISSOLVED_THERE);
            duties.on(DISSOLVED_THERE);
            List<Object> stored = axon.eventStore().readEvents(STREAM).asStream().map(EventMessage::getPayload).map(Object.class::cast).toList();
            assertThat(stored).containsExactly(applied(), registered(), TO_RECORD);
            assertThat(axon.eventStore().readEvents(nowhere.stream()).asStream().count()).isZero();
        } finally {
            axon.shutdown();
        }
    }
}
