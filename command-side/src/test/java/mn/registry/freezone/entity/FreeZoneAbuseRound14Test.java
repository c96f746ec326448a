package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static mn.registry.freezone.entity.FreeZoneAbuseRound11Test.bankruptcy;
import static mn.registry.freezone.entity.FreeZoneAbuseRound11Test.dissolution;
import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreement;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/** Session 21, Free Zone round 14 (s21-freezone; docs/abuse-audit.md F245 on; ADR 0035 items 47 on). */
class FreeZoneAbuseRound14Test extends ZoneRegistrationAbuseFixture {

    /** The agreement of {@link ZoneRegistrationTest#agreement} ends on 2036-12-31; operations are interrupted before it. */
    private static final LocalDate INTERRUPTED = LocalDate.of(2036, 6, 1);
    /** Received on 2037-04-01: after the agreement's end, before the interruption's 12 months run out (no 12.5.2 ground raised). */
    private static final Instant REMOVAL = Instant.parse("2037-04-01T02:00:00Z");

    @Test
    @DisplayName("003 art. 26.2, 12.5.2 (the lead, ADR 0035 item 47, F245, was O142): an entity interrupted before its agreement's end and "
            + "declared bankrupt 3 months later, its 12 months not run out, is removed on the court's ground with the clawback due: "
            + "dissolved while interrupted it can no longer resume, so its cessation is shown from the interruption's first day, before "
            + "the bankruptcy; likewise when the bankruptcy, or a dissolution that is none, is decided after the agreement's end")
    void an_entity_declared_bankrupt_while_interrupted_owes_the_clawback() {
        for (Object[] court : List.of(bankruptcy(INTERRUPTED.plusMonths(3)), bankruptcy(LocalDate.of(2037, 3, 1)),
                dissolution(LocalDate.of(2037, 3, 1), false))) {
            fixture.given(interrupted(court)).when(removedByTheCourt()).expectEvents(removal(true));
        }
        // an interruption running on the court's day stays the earlier stop though a resumption after the decision was stored
        fixture.given(interrupted(bankruptcy(INTERRUPTED.plusMonths(3)))).andGiven(new RegistrationEvents.OperationsResumed(ID,
                        INTERRUPTED.plusMonths(4), GOVERNOR))
                .when(removedByTheCourt()).expectEvents(removal(true));
    }

    @Test
    @DisplayName("003 art. 26.2, 12.5.2 (ADR 0035 item 47, F245): an entity that resumed before its bankruptcy, or was declared bankrupt "
            + "before its interruption began (or on its first day), stopped by reason of the bankruptcy: no clawback")
    void an_interruption_that_ended_or_began_after_the_bankruptcy_is_no_earlier_stop() {
        List<Object> resumed = new ArrayList<>(List.of(operating()));
        resumed.add(new RegistrationEvents.OperationsInterrupted(ID, INTERRUPTED, INTERRUPTED.plusYears(1).minusDays(1), GOVERNOR, null));
        resumed.add(new RegistrationEvents.OperationsResumed(ID, INTERRUPTED.plusMonths(2), GOVERNOR));
        resumed.addAll(List.of(bankruptcy(INTERRUPTED.plusMonths(3))));
        fixture.given(resumed.toArray()).when(removedByTheCourt()).expectEvents(removal(false));
        for (LocalDate decided : new LocalDate[] {INTERRUPTED.minusMonths(1), INTERRUPTED}) {
            List<Object> bankruptFirst = new ArrayList<>(List.of(operating()));
            bankruptFirst.addAll(List.of(bankruptcy(decided)));
            bankruptFirst.add(new RegistrationEvents.OperationsInterrupted(ID, INTERRUPTED, INTERRUPTED.plusYears(1).minusDays(1), GOVERNOR, null));
            fixture.given(bankruptFirst.toArray()).when(removedByTheCourt()).expectEvents(removal(false));
        }
    }

    @Test
    @DisplayName("003 art. 12.5.1, 23.1-23.2 (the lead, ADR 0035 item 48, F246, was O143): the start of operations is not dated after the "
            + "day, in Ulaanbaatar, the registry received the document it rests on (a notice uploaded in March cannot show a start in June), "
            + "as the interruption: refused, nothing stored; dated on that day or before it, recorded")
    void a_start_is_not_dated_after_its_document() {
        services.receivedAt.put(FreeZoneAbuseRound8Test.START_DOC, Instant.parse("2027-03-05T17:00:00Z")); // 01:00 on 03-06 in Ulaanbaatar
        Instant received = Instant.parse("2027-07-01T02:00:00Z");
        for (LocalDate after : new LocalDate[] {LocalDate.of(2027, 6, 1), LocalDate.of(2027, 3, 7)}) {
            fixture.given(applied(), registered())
                    .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, after, FreeZoneAbuseRound8Test.START_DOC), received))
                    .expectException(problem("freezone.start-after-its-document", "on", "003 art. 12.5.1, 23.1-23.2")).expectNoEvents();
        }
        for (LocalDate notAfter : new LocalDate[] {LocalDate.of(2027, 3, 6), LocalDate.of(2027, 2, 1)}) {
            fixture.given(applied(), registered())
                    .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, notAfter, FreeZoneAbuseRound8Test.START_DOC), received))
                    .expectEvents(new RegistrationEvents.OperationsStarted(ID, notAfter, GOVERNOR, FreeZoneAbuseRound8Test.START_DOC));
        }
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 49, F247): once the court's decision to dissolve the entity is recorded, no start, "
            + "interruption or resumption of its operations is recorded: a resumption back-dated to before a bankruptcy would end the "
            + "interruption F245 counts and spare the clawback, an interruption back-dated to before it would impose one; refused, nothing stored")
    void no_operations_are_recorded_once_the_dissolution_is() {
        LocalDate decided = INTERRUPTED.plusMonths(3);
        Instant afterTheRecord = Instant.parse("2036-09-10T02:00:00Z");
        fixture.given(interrupted(bankruptcy(decided)))
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, decided.minusDays(10), ZoneRegistrationTest.RESUMPTION_DOC), afterTheRecord))
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        services.receivedAt.put(ZoneRegistrationTest.INTERRUPTION_DOC, afterTheRecord);
        List<Object> bankruptThenRecorded = new ArrayList<>(List.of(operating()));
        bankruptThenRecorded.addAll(List.of(bankruptcy(decided)));
        fixture.given(bankruptThenRecorded.toArray())
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, INTERRUPTED, ZoneRegistrationTest.INTERRUPTION_DOC), afterTheRecord))
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        fixture.given(applied(), registered()).andGiven(bankruptcy(LocalDate.of(2027, 2, 1)))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 1, 10), FreeZoneAbuseRound8Test.START_DOC),
                        Instant.parse("2027-03-01T02:00:00Z")))
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        // before the dissolution is recorded, the resumption is recorded as before
        fixture.given(interrupted(new Object[0]))
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, decided.minusDays(10), ZoneRegistrationTest.RESUMPTION_DOC), afterTheRecord))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, decided.minusDays(10), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.1 (ADR 0035 item 50, F248): an investment agreement is not signed after the day the registry received its "
            + "document: a signing day moved to the day of the record would move the year to start later (a date chosen to gain time); "
            + "refused, nothing stored; signed on that day or before it, recorded")
    void an_agreement_is_not_dated_after_its_document() {
        services.receivedAt.put(ZoneRegistrationTest.AGREEMENT_DOC, Instant.parse("2027-01-05T02:00:00Z"));
        Instant received = Instant.parse("2027-03-01T02:00:00Z");
        for (LocalDate after : new LocalDate[] {LocalDate.of(2027, 3, 1), LocalDate.of(2027, 1, 6)}) {
            fixture.given(applied(), registered()).when(agreementSigned(after, received))
                    .expectException(problem("freezone.agreement-after-its-document", "signedOn", "003 art. 12.5.1")).expectNoEvents();
        }
        LocalDate signed = LocalDate.of(2027, 1, 5);
        fixture.given(applied(), registered()).when(agreementSigned(signed, received))
                .expectEvents(agreement(signed, mn.registry.kernel.freezone.FreeZoneTerms.startDueBy(signed)));
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 51, F249): a court's decision to dissolve is not dated after the day the registry "
            + "received its document: moved past the agreement's end it would spare the clawback; refused, nothing stored; dated on "
            + "that day or before, recorded")
    void a_court_decision_is_not_dated_after_its_document() {
        services.receivedAt.put(ZoneRegistrationTest.COURT_DOC, Instant.parse("2036-12-16T02:00:00Z"));
        Instant received = Instant.parse("2037-01-05T02:00:00Z");
        fixture.given(operating()).when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Court 2036/9", LocalDate.of(2037, 1, 2), false,
                        ZoneRegistrationTest.COURT_DOC), received))
                .expectException(problem("freezone.court-decision-after-its-document", "decidedOn", "003 art. 12.5.3, 26.2")).expectNoEvents();
        LocalDate decided = LocalDate.of(2036, 12, 15);
        fixture.given(operating()).when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Court 2036/9", decided, false,
                        ZoneRegistrationTest.COURT_DOC), received))
                .expectEvents(new RegistrationEvents.CourtDissolutionRecorded(ID, "Court 2036/9", decided, false, GOVERNOR, ZoneRegistrationTest.COURT_DOC),
                        new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", decided, received,
                                GOVERNOR));
    }

    private static Object agreementSigned(LocalDate signedOn, Instant received) {
        return governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signedOn, LocalDate.of(2036, 12, 31),
                mn.registry.kernel.money.Money.mnt(5_000_000_000L), true, ZoneRegistrationTest.AGREEMENT_DOC), received);
    }

    @Test
    @DisplayName("003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 item 60, F269, was O165): after the court's dissolution a resumption is recorded "
            + "only on a document the registry received before the court's day (the honest late record), dated before it; the interruption "
            + "then ended before the bankruptcy and F245 owes no clawback. A document received on the court's day or later is refused, "
            + "nothing stored")
    void a_resumption_shown_before_the_dissolution_is_recorded_after_it() {
        LocalDate decided = INTERRUPTED.plusMonths(3);
        Instant afterTheRecord = Instant.parse("2036-09-10T02:00:00Z");
        RegistrationCommands.RecordOperationsResumed late = new RegistrationCommands.RecordOperationsResumed(ID, decided.minusDays(10),
                ZoneRegistrationTest.RESUMPTION_DOC);
        services.receivedAt.put(ZoneRegistrationTest.RESUMPTION_DOC, decided.atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant());
        fixture.given(interrupted(bankruptcy(decided))).when(governor(late, afterTheRecord))
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        services.receivedAt.put(ZoneRegistrationTest.RESUMPTION_DOC, decided.minusDays(1).atStartOfDay(java.time.ZoneOffset.ofHours(8)).toInstant());
        fixture.given(interrupted(bankruptcy(decided))).when(governor(late, afterTheRecord))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, decided.minusDays(10), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
        fixture.given(interrupted(bankruptcy(decided))).andGiven(new RegistrationEvents.OperationsResumed(ID, decided.minusDays(10), GOVERNOR,
                        ZoneRegistrationTest.RESUMPTION_DOC))
                .when(removedByTheCourt()).expectEvents(removal(false));
    }

    /** A registration with its agreement, started on 2026-12-10. */
    private static Object[] operating() {
        return new Object[] {applied(), registered(), agreement(LocalDate.of(2026, 6, 1), LocalDate.of(2027, 11, 23)),
                new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 10), GOVERNOR, null)};
    }

    /** {@link #operating()}, interrupted on {@link #INTERRUPTED} and still interrupted, then {@code court}. */
    private static Object[] interrupted(Object[] court) {
        List<Object> events = new ArrayList<>(List.of(operating()));
        events.add(new RegistrationEvents.OperationsInterrupted(ID, INTERRUPTED, INTERRUPTED.plusYears(1).minusDays(1), GOVERNOR, null));
        events.addAll(List.of(court));
        return events.toArray();
    }

    private static Object removedByTheCourt() {
        return governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "dissolved"), REMOVAL);
    }

    private static RegistrationEvents.EntityDeregistered removal(boolean clawback) {
        return new RegistrationEvents.EntityDeregistered(ID, ZONE, DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", "dissolved", REMOVAL,
                true, clawback, GOVERNOR);
    }
}
