package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.FreeZoneTerms;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.freezone.RegistrationId;
import mn.registry.kernel.freezone.ZoneId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.AGREEMENT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.COURT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreementSigned;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 29, Free Zone round 29 on the registration (003 art. 12.5, 22.6, 26.2): the year's bar on a new registration follows the grounds
 * of 12.5.1 and 12.5.2 raised, not the ground the removal names (F498), and no investment agreement is recorded after the entity's
 * dissolution (F500). Each act refused stores nothing; the lawful one beside it is received.
 */
class FreeZoneAbuseRound29Test extends ZoneRegistrationAbuseFixture {

    /** The year to start (from the certificate of 2026-11-24) ran out on 2027-11-23; the registry raised 12.5.1 the day after. */
    static final LocalDate YEAR_RAN_OUT = LocalDate.of(2027, 11, 23);
    static final LocalDate COURT_DAY = LocalDate.of(2027, 12, 1);
    static final Instant REMOVED_AT = Instant.parse("2027-12-06T02:00:00Z"); // 2027-12-06 in Ulaanbaatar

    static RegistrationEvents.DeregistrationGroundRaised raised(DeregistrationGround ground, LocalDate since) {
        return new RegistrationEvents.DeregistrationGroundRaised(ID, ground, ground.article(), since, on(since), null);
    }

    static RegistrationEvents.CourtDissolutionRecorded dissolved(RegistrationId registration, LocalDate decidedOn) {
        return new RegistrationEvents.CourtDissolutionRecorded(registration, "Selenge civil court 2027/301", decidedOn, false,
                new PersonId("governor-" + registration.zoneId().value()), COURT_DOC);
    }

    static RegistrationEvents.EntityDeregistered removedOn(DeregistrationGround ground) {
        return new RegistrationEvents.EntityDeregistered(ID, ZONE, ground, ground.article(), "removed", REMOVED_AT, true, false, GOVERNOR);
    }

    /** The entity applies in the zone again at {@code at}, its fee paid anew (ADR 0035 item 65). */
    static CommandMessage<Object> applyAgain(Instant at) {
        return mn.registry.freezone.FreeZoneSigned.signed(ZoneRegistrationTest.application(ZoneRegistrationTest.MONGOLIAN,
                ZoneRegistrationTest.paidAnew(ZoneRegistrationTest.documents(Jurisdiction.MONGOLIAN), "c".repeat(64))), ZoneRegistrationTest.APPLICANT,
                at, Role.APPLICANT);
    }

    @Test
    @DisplayName("003 art. 12.5.1, 12.5.2, 22.6 (ADR 0035 item 98, F498): an entity whose year to start (or 12 months of interruption) ran out and "
            + "whose court's dissolution was recorded too, removed on 12.5.3, is barred from this zone for a year as if removed on the ground "
            + "raised: refused, nothing stored; the day after the year, and after a removal on 12.5.3 alone at once, received")
    void a_removal_named_on_the_court_decision_does_not_lift_the_years_bar() {
        onTheCalendarInForce(); // the application received counts its review's days on a calendar, whatever its day
        Object[] notStartedAndDissolved = {applied(), registered(), raised(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, YEAR_RAN_OUT.plusDays(1)),
                dissolved(ID, COURT_DAY), raised(DeregistrationGround.COURT_DECISION, COURT_DAY), removedOn(DeregistrationGround.COURT_DECISION)};
        LocalDate barLastDay = LocalDate.of(2028, 12, 5);
        for (Instant at : List.of(REMOVED_AT.plusSeconds(60), on(barLastDay))) {
            fixture.given(notStartedAndDissolved).when(applyAgain(at))
                    .expectException(problem("freezone.deregistered-recently", "entity.registrationNumber", "003 art. 12.5")).expectNoEvents();
        }
        fixture.given(notStartedAndDissolved).when(applyAgain(on(barLastDay.plusDays(1)))).expectSuccessfulHandlerExecution();
        // the 12 months of interruption ran out likewise
        fixture.given(applied(), registered(), new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2026, 12, 1), GOVERNOR, null),
                        new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2026, 12, 10), LocalDate.of(2027, 12, 9), GOVERNOR, null),
                        raised(DeregistrationGround.INTERRUPTED_TWELVE_MONTHS, LocalDate.of(2027, 12, 10)), dissolved(ID, LocalDate.of(2027, 12, 11)),
                        raised(DeregistrationGround.COURT_DECISION, LocalDate.of(2027, 12, 11)), removedOn(DeregistrationGround.COURT_DECISION))
                .when(applyAgain(on(LocalDate.of(2028, 1, 5))))
                .expectException(problem("freezone.deregistered-recently", "entity.registrationNumber", "003 art. 12.5")).expectNoEvents();
        // lawful: dissolved by a court with no other ground raised, it may apply again at once (ADR 0035 item 68)
        fixture.given(applied(), registered(), dissolved(ID, COURT_DAY), raised(DeregistrationGround.COURT_DECISION, COURT_DAY),
                        removedOn(DeregistrationGround.COURT_DECISION))
                .when(applyAgain(REMOVED_AT.plusSeconds(60))).expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2 (ADR 0035 item 100, F500): once the court's dissolution of the entity is recorded, here or in another zone, "
            + "no investment agreement is recorded for it (it would decide the clawback after the court ruled): refused, nothing stored; before "
            + "the dissolution, or after one recorded elsewhere before this registration's certificate, received")
    void no_agreement_is_recorded_after_the_dissolution() {
        LocalDate signedOn = LocalDate.of(2027, 1, 10);
        LocalDate endsOn = LocalDate.of(2036, 12, 31);
        LocalDate receivedOn = LocalDate.of(2027, 3, 5);
        LocalDate decidedOn = LocalDate.of(2027, 3, 1);
        fixture.given(applied(), registered(), dissolved(ID, decidedOn), raised(DeregistrationGround.COURT_DECISION, decidedOn))
                .when(agreementSigned(signedOn, endsOn, receivedOn))
                .expectException(problem("freezone.agreement-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        RegistrationEvents.InvestmentAgreementRecorded recorded = new RegistrationEvents.InvestmentAgreementRecorded(ID, signedOn, endsOn,
                Money.mnt(5_000_000_000L), true, FreeZoneTerms.startDueBy(signedOn), GOVERNOR, AGREEMENT_DOC);
        fixture.given(applied(), registered()).when(agreementSigned(signedOn, endsOn, receivedOn)).expectEvents(recorded);
        // the court's dissolution recorded on the entity's registration in Zamyn-Uud (ADR 0035 item 67)
        services.decisionsElsewhere.add(dissolved(ID.inZone(ZoneId.of("zamyn-uud")), decidedOn));
        fixture.given(applied(), registered()).when(agreementSigned(signedOn, endsOn, receivedOn))
                .expectException(problem("freezone.agreement-after-dissolution", "registrationId", "003 art. 12.5.3, 26.2")).expectNoEvents();
        // one dated before this registration's certificate (2026-11-24) was not about it (F88)
        services.decisionsElsewhere.clear();
        services.decisionsElsewhere.add(dissolved(ID.inZone(ZoneId.of("zamyn-uud")), LocalDate.of(2026, 6, 1)));
        fixture.given(applied(), registered()).when(agreementSigned(signedOn, endsOn, receivedOn)).expectEvents(recorded);
    }
}
