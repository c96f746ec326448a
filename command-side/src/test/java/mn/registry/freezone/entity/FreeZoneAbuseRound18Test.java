package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.INTERRUPTION_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.MONGOLIAN;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RESUMPTION_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 22, Free Zone round 18 (helper "freezone2"; docs/abuse-audit.md F300; ADR 0035 items 67-68): the court's decision across the
 * entity's zones. The entity is registered in altanbulag ({@link ZoneRegistrationTest#ID}, certified 2026-11-24) and in zamyn-uud, whose
 * governor recorded the court's dissolution on {@link #DECIDED}.
 */
class FreeZoneAbuseRound18Test extends ZoneRegistrationAbuseFixture {

    private static final RegistrationId IN_ZAMYN_UUD = RegistrationId.of(ZoneId.of("zamyn-uud"), MONGOLIAN);
    private static final LocalDate DECIDED = LocalDate.of(2027, 2, 1);
    /** Altanbulag's records, received after zamyn-uud recorded the decision. */
    private static final Instant AFTER = Instant.parse("2027-03-01T02:00:00Z");
    private static final LocalDate STARTED = LocalDate.of(2027, 1, 10);
    private static final LocalDate INTERRUPTED = LocalDate.of(2027, 1, 20);

    private void dissolvedInZamynUud(LocalDate decidedOn) {
        services.decisionsElsewhere.add(new RegistrationEvents.CourtDissolutionRecorded(IN_ZAMYN_UUD, "Dornogovi civil court 2027/31", decidedOn,
                false, new mn.registry.kernel.identity.PersonId("governor-zamyn-uud"), COURT_DOC));
    }

    private static RegistrationEvents.OperationsStarted started() {
        return new RegistrationEvents.OperationsStarted(ID, STARTED, GOVERNOR, null);
    }

    private static RegistrationEvents.OperationsInterrupted interrupted() {
        return new RegistrationEvents.OperationsInterrupted(ID, INTERRUPTED, INTERRUPTED.plusYears(1).minusDays(1), GOVERNOR, null);
    }

    private static Object resumed(LocalDate on) {
        return governor(new RegistrationCommands.RecordOperationsResumed(ID, on, RESUMPTION_DOC), AFTER);
    }

    private static Instant receivedOn(LocalDate day) {
        return day.atTime(10, 0).toInstant(ZoneOffset.ofHours(8));
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (the lead, ADR 0035 item 67, F300, was O168): once the entity's dissolution is recorded in one zone, "
            + "its registration in another zone records no start, and no interruption dated after the court's day, before that zone's "
            + "governor records the decision: refused, nothing stored; without the other zone's record, recorded")
    void a_dissolution_recorded_in_one_zone_stops_the_operations_records_in_every_zone() {
        Object start = governor(new RegistrationCommands.RecordOperationsStarted(ID, STARTED, FreeZoneAbuseRound8Test.START_DOC), AFTER);
        Object interruption = governor(new RegistrationCommands.RecordOperationsInterrupted(ID, DECIDED.plusDays(9), INTERRUPTION_DOC), AFTER);
        fixture.given(applied(), registered()).when(start).expectEvents(new RegistrationEvents.OperationsStarted(ID, STARTED, GOVERNOR,
                FreeZoneAbuseRound8Test.START_DOC));
        fixture.given(applied(), registered(), started()).when(interruption).expectSuccessfulHandlerExecution();
        dissolvedInZamynUud(DECIDED);
        fixture.given(applied(), registered()).when(start)
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        fixture.given(applied(), registered(), started()).when(interruption)
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.2, 12.5.3, 26.2 (ADR 0035 items 60, 67, F300): a resumption recorded in the entity's other zone after its "
            + "dissolution is recorded in one is judged against the earliest court day recorded in any zone: back-dated on a document "
            + "received after it, refused; on a document received before it (the honest late record), recorded")
    void a_resumption_is_judged_against_the_earliest_court_day_in_any_zone() {
        dissolvedInZamynUud(DECIDED);
        LocalDate backDated = DECIDED.minusDays(5);
        services.receivedAt.put(RESUMPTION_DOC, receivedOn(DECIDED.plusDays(4)));
        fixture.given(applied(), registered(), started(), interrupted()).when(resumed(backDated))
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        // the registration's own record of a later day does not move the court's day past the earliest
        fixture.given(applied(), registered(), started(), interrupted(), new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge civil court "
                        + "2027/77", DECIDED.plusDays(10), false, GOVERNOR, "9".repeat(64))).when(resumed(backDated))
                .expectException(problem("freezone.operations-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        services.receivedAt.put(RESUMPTION_DOC, receivedOn(DECIDED.minusDays(2)));
        fixture.given(applied(), registered(), started(), interrupted()).when(resumed(backDated))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, backDated, GOVERNOR, RESUMPTION_DOC));
    }

    @Test
    @DisplayName("003 art. 12.1, 12.2, 12.5.3 (choice, ADR 0035 item 68): the law bars no new application after a court's dissolution and the "
            + "governor reviews the entity's state registration (12.1.1): an entity whose dissolution is recorded in one zone applies in "
            + "another, received; a registration certified after the court's day starts afresh (F88: a decision before its certificate "
            + "was not about it)")
    void a_dissolution_recorded_elsewhere_before_the_certificate_is_not_this_registrations() {
        dissolvedInZamynUud(ZoneRegistrationTest.CERTIFIED.minusDays(20));
        fixture.givenNoPriorActivity().when(ZoneRegistrationTest.apply(MONGOLIAN, ZoneRegistrationTest.documents(mn.registry.kernel.freezone.Jurisdiction.MONGOLIAN)))
                .expectSuccessfulHandlerExecution();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, STARTED, FreeZoneAbuseRound8Test.START_DOC), AFTER))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, STARTED, GOVERNOR, FreeZoneAbuseRound8Test.START_DOC));
    }
}
