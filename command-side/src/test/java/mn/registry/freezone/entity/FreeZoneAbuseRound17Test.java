package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.MONGOLIAN;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 22, Free Zone round 16 (helper "freezone"; docs/abuse-audit.md F273; ADR 0035 item 64): the class numbering follows the test
 * classes' (Round16Test is session 21's).
 */
class FreeZoneAbuseRound17Test extends ZoneRegistrationAbuseFixture {

    /** The same entity registered in a second zone, whose governor recorded the court's decision first. */
    private static final RegistrationId IN_ZAMYN_UUD = RegistrationId.of(ZoneId.of("zamyn-uud"), MONGOLIAN);
    private static final LocalDate DECIDED = LocalDate.of(2027, 4, 28);
    private static final Instant RECEIVED = Instant.parse("2027-05-02T02:00:00Z");

    private static Object decision(LocalDate decidedOn, boolean bankruptcy) {
        return governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge civil court 2027/118", decidedOn, bankruptcy, COURT_DOC), RECEIVED);
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 64, F273): one court decision recorded in the entity's second zone says what the first "
            + "zone recorded: another day (which moves the stop around the agreement's end) or a bankruptcy the first record did not find "
            + "(26.2's exception) is refused, nothing stored; the same day and finding, recorded")
    void the_same_decision_is_recorded_with_the_same_facts_in_every_zone() {
        services.courtDecisions.put(COURT_DOC, new RegistrationEvents.CourtDissolutionRecorded(IN_ZAMYN_UUD, "Selenge civil court 2027/118", DECIDED,
                false, new mn.registry.kernel.identity.PersonId("governor-zamyn-uud"), COURT_DOC));
        fixture.given(applied(), registered()).when(decision(DECIDED, true))
                .expectException(problem("freezone.court-decision-differs", "bankruptcy", "003 art. 12.5.3, 26.2")).expectNoEvents();
        fixture.given(applied(), registered()).when(decision(DECIDED.plusDays(3), false))
                .expectException(problem("freezone.court-decision-differs", "decidedOn", "003 art. 12.5.3, 26.2")).expectNoEvents();
        fixture.given(applied(), registered()).when(decision(DECIDED.minusDays(30), false))
                .expectException(problem("freezone.court-decision-differs", "decidedOn", "003 art. 12.5.3, 26.2")).expectNoEvents();
        fixture.given(applied(), registered()).when(decision(DECIDED, false))
                .expectEvents(new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge civil court 2027/118", DECIDED, false, GOVERNOR, COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", DECIDED, RECEIVED,
                                GOVERNOR));
    }

    /** Registered, dissolved by a court and removed: its registration period is over, and it may apply here again (no bar after 12.5.3). */
    private static final Object[] DISSOLVED_AND_REMOVED = {applied(), registered(),
            new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge civil court 2027/118", DECIDED, true, GOVERNOR, COURT_DOC),
            new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", DECIDED, RECEIVED, GOVERNOR),
            new RegistrationEvents.EntityDeregistered(ID, ZoneRegistrationTest.ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved",
                    RECEIVED.plusSeconds(86400), true, false, GOVERNOR)};

    // the test services' review due date is fixed (DUE, a week after RECEIVED), so the application again is received when the first was:
    // the rule reads the stream's registrations, not the days between them
    private static Object applicationAgain(java.util.List<mn.registry.kernel.freezone.SubmittedZoneDocument> documents) {
        return ZoneRegistrationTest.apply(MONGOLIAN, documents);
    }

    @Test
    @DisplayName("003 art. 12.1 (ADR 0035 item 65, F274): the registration fee receipt that paid a registration period does not pay the next: "
            + "the entity applying in the zone again after its removal names it, refused, nothing stored; with a receipt of its own, received; "
            + "after a rejection the same receipt still serves the application again (item 19)")
    void a_fee_receipt_pays_one_registration_period() {
        java.util.List<mn.registry.kernel.freezone.SubmittedZoneDocument> sameDocuments = ZoneRegistrationTest.documents(mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN);
        fixture.given(DISSOLVED_AND_REMOVED).when(applicationAgain(sameDocuments))
                .expectException(problem("freezone.fee-receipt-paid-an-earlier-registration", "documents", "003 art. 12.1")).expectNoEvents();
        fixture.given(DISSOLVED_AND_REMOVED).when(applicationAgain(ZoneRegistrationTest.paidAnew(sameDocuments, "c".repeat(64))))
                .expectSuccessfulHandlerExecution();
        fixture.given(applied(), new RegistrationEvents.ZoneRegistrationRejected(ID, java.util.List.of("The form is not signed"), RECEIVED.plusSeconds(86400),
                GOVERNOR)).when(applicationAgain(sameDocuments)).expectSuccessfulHandlerExecution();
    }
}
