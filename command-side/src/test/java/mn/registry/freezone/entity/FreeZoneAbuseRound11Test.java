package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.TODAY;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreement;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreementSigned;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;

/** Session 19, Free Zone round 11 (s19-freezone; docs/abuse-audit.md F174, was O105; ADR 0035 item 35). */
class FreeZoneAbuseRound11Test extends ZoneRegistrationAbuseFixture {

    /** The zone's State Great Khural resolution, as a zone established with its date records it (ADR 0035 item 31). */
    static final LocalDate RESOLVED = LocalDate.of(2026, 6, 12);
    static final LocalDate ENDS = LocalDate.of(2036, 12, 31);

    @Test
    @DisplayName("003 art. 12.5.1, 6.1 (ADR 0035 item 35, F174, was O105): an investment agreement signed before the State Great Khural "
            + "resolution establishing the zone is refused, nothing recorded; one signed on the resolution's day is recorded (the year to start "
            + "still runs from the later certificate)")
    void no_agreement_in_the_zone_is_older_than_the_zone() {
        services.resolutionDate = RESOLVED;
        fixture.given(applied(), registered()).when(agreementSigned(LocalDate.of(1995, 5, 1), ENDS, TODAY))
                .expectException(problem("freezone.agreement-before-zone", "signedOn", "003 art. 12.5.1, 6.1")).expectNoEvents();
        fixture.given(applied(), registered()).when(agreementSigned(RESOLVED.minusDays(1), ENDS, TODAY))
                .expectException(problem("freezone.agreement-before-zone", "signedOn", "003 art. 12.5.1, 6.1")).expectNoEvents();
        fixture.given(applied(), registered()).when(agreementSigned(RESOLVED, ENDS, TODAY))
                .expectEvents(agreement(RESOLVED, LocalDate.of(2027, 11, 23)));
    }

    @Test
    @DisplayName("003 art. 26.2, 12.5 (ADR 0035 item 38, F177): a governor who waits for the agreement's end before recording the removal on a "
            + "ground that arose before it does not spare the entity the clawback: the stop is judged on the day the ground arose")
    void the_clawback_is_judged_when_the_ground_arose_not_when_the_removal_is_recorded() {
        LocalDate lastDay = LocalDate.of(2027, 11, 23); // the year to start ran out; the agreement ends on 2036-12-31
        Instant raisedAt = Instant.parse("2027-11-24T01:00:00Z");
        Instant late = Instant.parse("2037-01-05T02:00:00Z"); // after the agreement's end
        RegistrationEvents.DeregistrationGroundRaised ground = new RegistrationEvents.DeregistrationGroundRaised(ID,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", lastDay.plusDays(1), raisedAt, null);
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), lastDay), ground)
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "no operations"), late))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1",
                        "no operations", late, true, true, GOVERNOR));
        // a court's dissolution decided after the agreement's end owes none, whenever it is recorded
        LocalDate decided = LocalDate.of(2037, 1, 2);
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), lastDay),
                        new RegistrationEvents.CourtDissolutionRecorded(ID, "ref", decided, false, GOVERNOR, ZoneRegistrationTest.COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided, late, GOVERNOR))
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "dissolved"), late))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved", late,
                        true, false, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 26.2, 12.5.2 (ADR 0035 item 39, F178, was O135): an entity interrupted before its agreement's end, whose 12 months "
            + "run out after it, is removed on 12.5.2 with the clawback due: its operations ceased on the interruption's first day; one "
            + "interrupted after the end owes none")
    void a_twelve_months_removal_is_judged_on_the_interruptions_first_day() {
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 10), GOVERNOR, null);
        LocalDate before = LocalDate.of(2036, 6, 1); // the agreement ends on 2036-12-31
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)), started,
                        new RegistrationEvents.OperationsInterrupted(ID, before, LocalDate.of(2037, 5, 31), GOVERNOR, null),
                        twelveMonthsRanOut(LocalDate.of(2037, 6, 1)))
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, "no operations"), AFTER))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, "003 art. 12.5.2",
                        "no operations", AFTER, true, true, GOVERNOR));
        LocalDate after = LocalDate.of(2037, 1, 10);
        Instant later = Instant.parse("2038-01-15T02:00:00Z");
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)), started,
                        new RegistrationEvents.OperationsInterrupted(ID, after, LocalDate.of(2038, 1, 9), GOVERNOR, null),
                        twelveMonthsRanOut(LocalDate.of(2038, 1, 10)))
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, "no operations"), later))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, "003 art. 12.5.2",
                        "no operations", later, true, false, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 26.2, 12.5 (ADR 0035 item 42, F236): with the 12 months of an interruption begun before the agreement's end raised, "
            + "and a court's dissolution decided after it raised too, a removal recorded on the court's ground owes the clawback all the same: "
            + "the governor's choice of ground does not move the day the entity stopped")
    void the_ground_chosen_does_not_move_the_stop() {
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 10), GOVERNOR, null);
        LocalDate decided = LocalDate.of(2037, 3, 1); // after the agreement's end (2036-12-31), before the 12 months ran out
        fixture.given(applied(), registered(), agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)), started,
                        new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2036, 6, 1), LocalDate.of(2037, 5, 31), GOVERNOR, null),
                        new RegistrationEvents.CourtDissolutionRecorded(ID, "ref", decided, false, GOVERNOR, ZoneRegistrationTest.COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided,
                                Instant.parse("2037-03-02T02:00:00Z"), GOVERNOR),
                        twelveMonthsRanOut(LocalDate.of(2037, 6, 1)))
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "dissolved"), AFTER))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved",
                        AFTER, true, true, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 26.2 (the lead, ADR 0035 item 44, F237, was O141): an entity whose operations stopped before its bankruptcy did "
            + "not stop by reason of it: interrupted before the agreement's end, its 12 months run out, then declared bankrupt by a court (before "
            + "or after the end), it is removed on the court's ground with the clawback due")
    void an_entity_that_stopped_before_its_bankruptcy_owes_the_clawback() {
        for (LocalDate decided : new LocalDate[] {LocalDate.of(2036, 9, 1), LocalDate.of(2037, 3, 1)}) {
            fixture.given(interruptedBeforeTheEnd(LocalDate.of(2036, 6, 1), bankruptcy(decided)))
                    .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "bankrupt"), AFTER))
                    .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3",
                            "bankrupt", AFTER, true, true, GOVERNOR));
        }
    }

    @Test
    @DisplayName("003 art. 26.2 (ADR 0035 items 44-45, F238): an entity declared bankrupt before its operations were interrupted stopped by "
            + "reason of its bankruptcy: no clawback, whether the removal is recorded on the court's ground or on the 12 months' (the governor's "
            + "choice of ground does not take the exception away); a bankruptcy on the interruption's own first day keeps it too")
    void an_entity_that_stopped_by_its_bankruptcy_owes_none_whatever_the_ground_recorded() {
        LocalDate interrupted = LocalDate.of(2036, 6, 1);
        for (LocalDate decided : new LocalDate[] {LocalDate.of(2036, 5, 1), interrupted}) {
            for (DeregistrationGround ground : new DeregistrationGround[] {DeregistrationGround.COURT_DECISION,
                    DeregistrationGround.INTERRUPTED_TWELVE_MONTHS}) {
                fixture.given(interruptedBeforeTheEnd(interrupted, bankruptcy(decided)))
                        .when(governor(new RegistrationCommands.DeregisterEntity(ID, ground, "bankrupt"), AFTER))
                        .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, ground, ground.article(), "bankrupt", AFTER, true,
                                false, GOVERNOR));
            }
        }
        // a dissolution that is not a bankruptcy, before the interruption, owes the clawback (it stopped before the agreement's end)
        fixture.given(interruptedBeforeTheEnd(interrupted, dissolution(LocalDate.of(2036, 5, 1), false)))
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "dissolved"), AFTER))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3",
                        "dissolved", AFTER, true, true, GOVERNOR));
    }

    @Test
    @DisplayName("003 art. 12.5.2, 26.2 (the lead, ADR 0035 item 46, F239, was O140): the interruption, whose first day decides a 12.5.2 "
            + "removal's clawback, rests on its uploaded document: without one, with one never received, or with the start's own it is refused "
            + "and nothing stored; a day after the document's receipt is refused; on the receipt's day, or before it, recorded with the document")
    void an_interruption_rests_on_its_document() {
        Object[] operating = {applied(), registered(), agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)),
                new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 10), GOVERNOR, FreeZoneAbuseRound8Test.START_DOC)};
        Instant received = Instant.parse("2027-03-10T02:00:00Z");
        LocalDate uploadedOn = LocalDate.of(2027, 3, 5);
        services.receivedAt.put(ZoneRegistrationTest.INTERRUPTION_DOC, Instant.parse("2027-03-05T01:00:00Z")); // 09:00 in Ulaanbaatar
        java.util.function.Function<String, Object> interruption = sha -> governor(
                new RegistrationCommands.RecordOperationsInterrupted(ID, uploadedOn, sha), received);
        fixture.given(operating).when(interruption.apply(null))
                .expectException(problem("freezone.field-missing", "documentSha256", "003 art. 12.5.2, 26.2")).expectNoEvents();
        services.unknownDocuments.add("9".repeat(64));
        fixture.given(operating).when(interruption.apply("9".repeat(64)))
                .expectException(problem("document.unknown", "documentSha256", "003 art. 12.5.2, 26.2")).expectNoEvents();
        fixture.given(operating).when(interruption.apply(FreeZoneAbuseRound8Test.START_DOC))
                .expectException(problem("freezone.document-cited-already", "documentSha256", "003 art. 12.5.2, 26.2")).expectNoEvents();
        fixture.given(operating).when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, uploadedOn.plusDays(1),
                        ZoneRegistrationTest.INTERRUPTION_DOC), received))
                .expectException(problem("freezone.interruption-after-its-document", "on", "003 art. 12.5.2")).expectNoEvents();
        fixture.given(operating).when(interruption.apply(ZoneRegistrationTest.INTERRUPTION_DOC))
                .expectEvents(new RegistrationEvents.OperationsInterrupted(ID, uploadedOn, LocalDate.of(2028, 3, 4), GOVERNOR,
                        ZoneRegistrationTest.INTERRUPTION_DOC));
        // a second interruption, after a resumption, cites a document of its own
        fixture.given(operating).andGiven(new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 1, 10), LocalDate.of(2028, 1, 9),
                        GOVERNOR, ZoneRegistrationTest.INTERRUPTION_DOC), new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 2, 1), GOVERNOR))
                .when(interruption.apply(ZoneRegistrationTest.INTERRUPTION_DOC))
                .expectException(problem("freezone.document-cited-already", "documentSha256", "003 art. 12.5.2, 26.2")).expectNoEvents();
        // an interruption stored without a document (before this rule) stays valid: the entity resumes from it
        fixture.given(operating).andGiven(new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 1, 10), LocalDate.of(2028, 1, 9),
                        GOVERNOR, null))
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2027, 3, 1), ZoneRegistrationTest.RESUMPTION_DOC), received))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 3, 1), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
    }

    /** A registration with its agreement (ending 2036-12-31), started, interrupted on {@code on}, its 12 months run out, and {@code court}. */
    private static Object[] interruptedBeforeTheEnd(LocalDate on, Object[] court) {
        java.util.List<Object> events = new java.util.ArrayList<>(java.util.List.of(applied(), registered(),
                agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)),
                new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 10), GOVERNOR, null),
                new RegistrationEvents.OperationsInterrupted(ID, on, on.plusYears(1).minusDays(1), GOVERNOR, null)));
        events.addAll(java.util.List.of(court));
        events.add(twelveMonthsRanOut(on.plusYears(1)));
        return events.toArray();
    }

    static Object[] bankruptcy(LocalDate decided) {
        return dissolution(decided, true);
    }

    static Object[] dissolution(LocalDate decided, boolean bankruptcy) {
        return new Object[] {new RegistrationEvents.CourtDissolutionRecorded(ID, "ref", decided, bankruptcy, GOVERNOR, ZoneRegistrationTest.COURT_DOC),
                new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided,
                        decided.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), GOVERNOR)};
    }

    /** Received on 2037-06-05, after the agreement's end (2036-12-31). */
    private static final Instant AFTER = Instant.parse("2037-06-05T02:00:00Z");

    private static RegistrationEvents.DeregistrationGroundRaised twelveMonthsRanOut(LocalDate since) {
        return new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, "003 art. 12.5.2", since,
                since.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), null);
    }

    @Test
    @DisplayName("ADR 0035 item 35: in a zone recorded without its resolution's date an old agreement is recorded as before")
    void a_zone_without_its_resolutions_date_keeps_the_earlier_rules() {
        services.resolutionDate = null;
        fixture.given(applied(), registered()).when(agreementSigned(LocalDate.of(1995, 5, 1), ENDS, TODAY))
                .expectEvents(agreement(LocalDate.of(1995, 5, 1), LocalDate.of(2027, 11, 23)));
    }
}
