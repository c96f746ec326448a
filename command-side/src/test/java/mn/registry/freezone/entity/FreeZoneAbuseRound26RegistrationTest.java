package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.privacy.PublishedTextScreen;
import mn.registry.kernel.problem.RegistryProblem;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static mn.registry.freezone.FreeZoneSigned.byGovernor;
import static mn.registry.freezone.entity.FreeZoneAbuseRound24RegistrationTest.DECIDED;
import static mn.registry.freezone.entity.FreeZoneAbuseRound24RegistrationTest.DISSOLVED_THERE;
import static mn.registry.freezone.entity.FreeZoneAbuseRound24RegistrationTest.TO_RECORD;
import static mn.registry.freezone.entity.ZoneRegistrationTest.APPLICANT;
import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.DUE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.STREAM;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Session 26, Free Zone round 26 (abuse audit F418, was O256; ADR 0035 item 88): the governor ends F417's duty to record a court's dissolution
 * recorded in another zone by saying why not, on a document; once, while the duty is open, never the governor who signed the application.
 */
class FreeZoneAbuseRound26RegistrationTest extends ZoneRegistrationAbuseFixture {

    static final String APPEAL_DOC = "c4".repeat(32);
    static final String REASONS = "The decision is under appeal at the Supreme Court (appeal 2027/44), received 2026-11-30.";
    static final Instant DECLINED_AT = Instant.parse("2026-12-01T02:00:00Z");

    private static RegistrationCommands.DeclineCourtDecisionRecording decline(String reasons, String document) {
        return new RegistrationCommands.DeclineCourtDecisionRecording(ID, reasons, document);
    }

    private static RegistrationEvents.CourtDecisionRecordingDeclined declined() {
        return new RegistrationEvents.CourtDecisionRecordingDeclined(ID, DECIDED, REASONS, APPEAL_DOC, GOVERNOR, DECLINED_AT,
                DeregistrationGround.COURT_DECISION.article());
    }

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 items 68, 88; F418, was O256): the governor declines to record here a dissolution recorded in "
            + "another zone, with reasons and a document: the duty ends (its deadline ended, no escalation after it, the same decision raises "
            + "no second duty); the decision may still be recorded here")
    void the_governor_ends_the_duty_by_saying_why_not() {
        services.receivedAt.put(APPEAL_DOC, DECLINED_AT.minusSeconds(600));
        fixture.given(applied(), registered(), TO_RECORD).when(governor(decline(" " + REASONS + " ", APPEAL_DOC), DECLINED_AT))
                .expectEvents(declined());
        assertThat(new FreeZoneDeadlineRules().instructionsFor(declined(), 3))
                .containsExactly(new DeadlineInstruction.End(ID.value(), FreeZoneDeadlineRules.COURT_DECISION));
        Instant fired = UlaanbaatarTime.endOf(DUE).toInstant().plusSeconds(1);
        fixture.given(applied(), registered(), TO_RECORD, declined())
                .when(new RegistrationStreamCommands.EscalateCourtDecisionDuty(STREAM, ID, fired)).expectNoEvents();
        // the entity's third zone recording the same decision raises no second duty for it
        fixture.given(applied(), registered(), TO_RECORD, declined())
                .when(new RegistrationStreamCommands.RaiseCourtDecisionDuty(STREAM, ID, TO_RECORD.recordedIn(), "another spelling", DECIDED,
                        DECLINED_AT.plusSeconds(60))).expectNoEvents();
        // a decline refuses nothing: the decision is recorded here later, if the appeal fails
        services.courtDecisions.put(COURT_DOC, DISSOLVED_THERE);
        fixture.given(applied(), registered(), TO_RECORD, declined())
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, DISSOLVED_THERE.reference(), DECIDED, false, COURT_DOC), DECLINED_AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.5.3 (ADR 0035 item 88; F418): a decline is refused, nothing stored, with no duty open (none raised, the decision "
            + "recorded here, declined once already), by the governor who signed the entity's application, without reasons, or on a document "
            + "received after the act")
    void a_decline_is_refused_where_there_is_no_duty_to_end_or_no_reason_given() {
        services.receivedAt.put(APPEAL_DOC, DECLINED_AT.minusSeconds(600));
        var recorded = new RegistrationEvents.CourtDissolutionRecorded(ID, DISSOLVED_THERE.reference(), DECIDED, false, GOVERNOR, COURT_DOC);
        fixture.given(applied(), registered()).when(governor(decline(REASONS, APPEAL_DOC), DECLINED_AT))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("No court decision"))
                .expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD, recorded).when(governor(decline(REASONS, APPEAL_DOC), DECLINED_AT))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD, declined()).when(governor(decline(REASONS, APPEAL_DOC), DECLINED_AT.plusSeconds(60)))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("No court decision"))
                .expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD).when(byGovernor(decline(REASONS, APPEAL_DOC), APPLICANT, ZONE, DECLINED_AT))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("signed the application"))
                .expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD).when(governor(decline("  ", APPEAL_DOC), DECLINED_AT))
                .expectException(RegistryProblem.class).expectNoEvents();
        fixture.given(applied(), registered(), TO_RECORD).when(governor(decline(REASONS, null), DECLINED_AT))
                .expectException(RegistryProblem.class).expectNoEvents();
        services.receivedAt.put(APPEAL_DOC, DECLINED_AT.plusSeconds(1));
        fixture.given(applied(), registered(), TO_RECORD).when(governor(decline(REASONS, APPEAL_DOC), DECLINED_AT))
                .expectException(RegistryProblem.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("after the registry received"))
                .expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3; 002 art. 15.3, 30.1 (ADR 0035 item 88; F418): the decline's reasons are published, so a person's civil "
            + "registration number, phone or e-mail in them is refused before the act")
    void the_reasons_are_screened_as_published_text() {
        assertThatThrownBy(() -> PublishedTextScreen.screen(decline("The director Бат, РД УБ99112233, phone 99112233, says it is appealed",
                APPEAL_DOC))).isInstanceOfSatisfying(RegistryProblem.class, p -> assertThat(p.code()).isEqualTo(PublishedTextScreen.CODE));
        PublishedTextScreen.screen(decline(REASONS, APPEAL_DOC));
    }
}
