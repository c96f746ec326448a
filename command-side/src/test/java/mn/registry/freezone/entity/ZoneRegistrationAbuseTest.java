package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import mn.registry.kernel.problem.RegistryProblem;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.identity.Role;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mn.registry.kernel.money.Money;

import static mn.registry.freezone.entity.ZoneRegistrationTest.CERTIFIED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreement;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Abuse cases for rules of docs/legal-traceability.md §4 whose rows had only a happy-path test (audit of issue 13, ADR 0013
 * §8 session): a governor who issues a second certificate, or one after rejecting the application, and a court decision
 * recorded for an entity that was never registered or without its reference.
 */
class ZoneRegistrationAbuseTest {

    private AggregateTestFixture<ZoneRegistration> fixture;

    @BeforeEach
    void fixture() {
        fixture = ZoneRegistrationTest.fixture(new ZoneRegistrationTest.Services() {
            @Override // the review is due a week after any receipt, so an application received years on has a due date after it
            public mn.registry.kernel.calendar.Deadline due(Instant from, mn.registry.kernel.calendar.WorkingDays n) {
                LocalDate due = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(from).plusDays(7);
                return new mn.registry.kernel.calendar.Deadline(mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(from), n, due,
                        mn.registry.kernel.calendar.UlaanbaatarTime.endOf(due), ZoneRegistrationTest.VERSION, List.of());
            }
        });
    }

    static Matcher<RegistryProblem> code(String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem with code " + code);
            }
        };
    }

    @Test
    @DisplayName("003 art. 12.2: a registered entity gets no second certificate, and a rejected application none at all")
    void no_second_certificate_and_none_after_a_rejection() {
        Instant later = RECEIVED.plusSeconds(5 * 86400);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RegisterEntity(ID), later))
                .expectException(code("freezone.registration-not-pending")).expectNoEvents();
        fixture.given(applied(), new RegistrationEvents.ZoneRegistrationRejected(ID, List.of("registration fee receipt unreadable"), later, GOVERNOR))
                .when(governor(new RegistrationCommands.RegisterEntity(ID), later.plusSeconds(86400)))
                .expectException(code("freezone.registration-not-pending")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.3: a court decision is recorded only for a registered entity, and only with its reference")
    void court_decision_needs_a_registered_entity_and_a_reference() {
        Instant at = Instant.parse("2027-05-02T01:00:00Z");
        LocalDate decided = LocalDate.of(2027, 4, 28);
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/118", decided, false, ZoneRegistrationTest.COURT_DOC), at))
                .expectException(code("freezone.not-registered")).expectNoEvents();
        for (String reference : new String[]{null, " "}) {
            fixture.given(applied(), registered())
                    .when(governor(new RegistrationCommands.RecordCourtDecision(ID, reference, decided, false, ZoneRegistrationTest.COURT_DOC), at))
                    .expectException(code("freezone.field-missing")).expectNoEvents();
        }
    }

    @Test
    @DisplayName("003 art. 12.5.1, 26.2: the investment agreement is recorded once: a second one signed later (a new year to start) or ending sooner (no clawback) is refused")
    void second_investment_agreement_is_refused() {
        LocalDate signed = CERTIFIED;
        LocalDate tenMonthsOn = CERTIFIED.plusMonths(10);
        fixture.given(applied(), registered(), agreement(signed, CERTIFIED.plusYears(1).minusDays(1)))
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, tenMonthsOn,
                        LocalDate.of(2040, 1, 1), Money.mnt(5_000_000_000L), true, ZoneRegistrationTest.AGREEMENT_DOC), on(tenMonthsOn)))
                .expectException(code("freezone.agreement-already-recorded")).expectNoEvents();
        fixture.given(applied(), registered(), agreement(signed, CERTIFIED.plusYears(1).minusDays(1)))
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed,
                        tenMonthsOn.plusDays(1), Money.mnt(5_000_000_000L), true, ZoneRegistrationTest.AGREEMENT_DOC), on(tenMonthsOn)))
                .expectException(code("freezone.agreement-already-recorded")).expectNoEvents();
        // the first agreement is recorded, starting the year from the later of agreement and certificate
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed,
                        LocalDate.of(2036, 12, 31), Money.mnt(5_000_000_000L), true, ZoneRegistrationTest.AGREEMENT_DOC), on(tenMonthsOn)))
                .expectEvents(agreement(signed, CERTIFIED.plusYears(1).minusDays(1)));
    }

    static Matcher<RegistryProblem> problem(String code, String field, String article) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RegistryProblem problem) {
                return code.equals(problem.code()) && java.util.Objects.equals(field, problem.field()) && article.equals(problem.article());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RegistryProblem " + code + " on " + field + " citing " + article);
            }
        };
    }

    @Test
    @DisplayName("003 art. 12.5.1: once the year to start has run out at receipt, a start is refused whatever day it claims; on the year's last day it is still in time")
    void start_recorded_after_the_year_ran_out_is_refused() {
        LocalDate lastDay = CERTIFIED.plusYears(1).minusDays(1); // the year counted from the certificate of 2026-11-24 ends on 2027-11-23
        // the governor records, the day after the year ran out, a start "on" a day inside the year: the ground is due, not a start
        fixture.given(applied(), registered(), agreement(CERTIFIED, lastDay))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 6, 1), FreeZoneAbuseRound8Test.START_DOC), on(lastDay.plusDays(1))))
                .expectException(problem("freezone.start-window-passed", "on", "003 art. 12.5.1")).expectNoEvents();
        // a second after midnight in Ulaanbaatar on the day after is the day after
        fixture.given(applied(), registered(), agreement(CERTIFIED, lastDay))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, lastDay, FreeZoneAbuseRound8Test.START_DOC), mn.registry.kernel.calendar.UlaanbaatarTime.endOf(lastDay)
                        .toInstant().plusSeconds(1)))
                .expectException(problem("freezone.start-window-passed", "on", "003 art. 12.5.1")).expectNoEvents();
        // received on the last day of the year: "within one year" includes its last day (LegalTerm), so the start is in time
        fixture.given(applied(), registered(), agreement(CERTIFIED, lastDay))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 6, 1), FreeZoneAbuseRound8Test.START_DOC), on(lastDay)))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 6, 1), GOVERNOR, FreeZoneAbuseRound8Test.START_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.2: once the 12 months of interruption have run out at receipt, a resumption is refused whatever day it claims; on their last day it is still in time")
    void resumption_recorded_after_the_twelve_months_is_refused() {
        LocalDate interrupted = LocalDate.of(2027, 3, 1);
        LocalDate lastDay = LocalDate.of(2028, 2, 29);
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 1, 10), GOVERNOR, null);
        RegistrationEvents.OperationsInterrupted interruption = new RegistrationEvents.OperationsInterrupted(ID, interrupted, lastDay, GOVERNOR, null);
        fixture.given(applied(), registered(), started, interruption)
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2027, 9, 1), ZoneRegistrationTest.RESUMPTION_DOC), on(lastDay.plusDays(1))))
                .expectException(problem("freezone.interruption-window-passed", "on", "003 art. 12.5.2")).expectNoEvents();
        fixture.given(applied(), registered(), started, interruption)
                .when(governor(new RegistrationCommands.RecordOperationsResumed(ID, LocalDate.of(2027, 9, 1), ZoneRegistrationTest.RESUMPTION_DOC), on(lastDay)))
                .expectEvents(new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 9, 1), GOVERNOR, ZoneRegistrationTest.RESUMPTION_DOC));
    }

    private static RegistrationEvents.EntityDeregistered deregistered(DeregistrationGround ground, Instant at) {
        return new RegistrationEvents.EntityDeregistered(ID, ZoneRegistrationTest.ZONE, ground, ground.article(), "reasons", at,
                true, false, GOVERNOR);
    }

    // the application for a new registration period pays its fee anew (ADR 0035 item 65: the first receipt paid the first period)
    private static org.axonframework.commandhandling.CommandMessage<Object> applyAgain(Instant at) {
        return mn.registry.freezone.FreeZoneSigned.signed(ZoneRegistrationTest.application(ZoneRegistrationTest.MONGOLIAN,
                ZoneRegistrationTest.paidAnew(ZoneRegistrationTest.documents(Jurisdiction.MONGOLIAN), "c".repeat(64))), ZoneRegistrationTest.APPLICANT,
                at, Role.APPLICANT);
    }

    @Test
    @DisplayName("003 art. 12.5: an entity deregistered for not starting or for 12 months' interruption does not register again in the same zone for a year from its deregistration")
    void deregistered_entity_waits_a_year_in_the_same_zone() {
        Instant deregisteredAt = Instant.parse("2028-01-10T02:00:00Z"); // 2028-01-10 in Ulaanbaatar
        LocalDate barLastDay = LocalDate.of(2029, 1, 9);
        for (DeregistrationGround ground : List.of(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, DeregistrationGround.INTERRUPTED_TWELVE_MONTHS)) {
            for (Instant at : List.of(deregisteredAt.plusSeconds(1), on(barLastDay))) {
                fixture.given(applied(), registered(), deregistered(ground, deregisteredAt))
                        .when(applyAgain(at))
                        .expectException(problem("freezone.deregistered-recently", "entity.registrationNumber", "003 art. 12.5"))
                        .expectNoEvents();
            }
            fixture.given(applied(), registered(), deregistered(ground, deregisteredAt))
                    .when(applyAgain(on(barLastDay.plusDays(1))))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    @DisplayName("003 art. 12.5.3, 12.2: a court-ordered dissolution or a rejection does not bar a new application in the zone")
    void dissolution_or_rejection_does_not_bar() {
        Instant at = Instant.parse("2028-01-10T02:00:00Z");
        fixture.given(applied(), registered(), deregistered(DeregistrationGround.COURT_DECISION, at))
                .when(applyAgain(at.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
        fixture.given(applied(), new RegistrationEvents.ZoneRegistrationRejected(ID, List.of("fee receipt unreadable"), at, GOVERNOR))
                .when(applyAgain(at.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }

    /** The entity's application, signed by the applicant and received at {@link #RECEIVED}, on a fixture of its own (each number names another stream). */
    private org.axonframework.test.aggregate.ResultValidator<ZoneRegistration> applying(mn.registry.kernel.freezone.LegalEntity entity) {
        fixture();
        return fixture.givenNoPriorActivity()
                .when(mn.registry.freezone.FreeZoneSigned.signed(ZoneRegistrationTest.application(entity, ZoneRegistrationTest.documents(entity.jurisdiction())),
                        ZoneRegistrationTest.APPLICANT, RECEIVED, Role.APPLICANT));
    }

    @Test
    @DisplayName("003 art. 12.1, 12.2: a Mongolian entity's registration number is seven ASCII digits, so the same entity cannot register in a zone again under another spelling (a leading zero, full-width digits)")
    void registration_number_has_one_spelling() {
        for (String number : List.of("06001234", "600123", "６００１２３４", "600 1234", "6001234\u200B")) {
            applying(new mn.registry.kernel.freezone.LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, null, number))
                    .expectException(problem("freezone.registration-number-malformed", "entity.registrationNumber", "003 art. 12.1"))
                    .expectNoEvents();
        }
        // a foreign entity's number is its country's, in ASCII letters and digits (separators allowed): full-width digits are refused
        applying(new mn.registry.kernel.freezone.LegalEntity("Kyakhta Logistics OOO", Jurisdiction.FOREIGN, "RU", "１０２７７００１３２１９５"))
                .expectException(problem("freezone.registration-number-malformed", "entity.registrationNumber", "003 art. 12.1"))
                .expectNoEvents();
        applying(new mn.registry.kernel.freezone.LegalEntity("Kyakhta Logistics OOO", Jurisdiction.FOREIGN, "RU", "1027700-132195"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.5.2: a new interruption is not dated before the last resumption (no overlapping interruptions that move the 12 months)")
    void interruption_is_not_dated_before_the_last_resumption() {
        RegistrationEvents.OperationsStarted started = new RegistrationEvents.OperationsStarted(ID, LocalDate.of(2027, 1, 10), GOVERNOR, null);
        RegistrationEvents.OperationsInterrupted first = new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 3, 1),
                LocalDate.of(2028, 2, 29), GOVERNOR, null);
        RegistrationEvents.OperationsResumed resumed = new RegistrationEvents.OperationsResumed(ID, LocalDate.of(2027, 9, 1), GOVERNOR);
        Instant at = on(LocalDate.of(2027, 10, 1));
        fixture.given(applied(), registered(), started, first, resumed)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2027, 2, 1), ZoneRegistrationTest.INTERRUPTION_DOC), at))
                .expectException(problem("freezone.date-before-resumption", "on", "003 art. 12.5.2")).expectNoEvents();
        fixture.given(applied(), registered(), started, first, resumed)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2027, 8, 31), ZoneRegistrationTest.INTERRUPTION_DOC), at))
                .expectException(problem("freezone.date-before-resumption", "on", "003 art. 12.5.2")).expectNoEvents();
        fixture.given(applied(), registered(), started, first, resumed)
                .when(governor(new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2027, 9, 1), ZoneRegistrationTest.INTERRUPTION_DOC), at))
                .expectEvents(new RegistrationEvents.OperationsInterrupted(ID, LocalDate.of(2027, 9, 1), LocalDate.of(2028, 8, 31), GOVERNOR, ZoneRegistrationTest.INTERRUPTION_DOC));
    }

    @Test
    @DisplayName("003 art. 12.5.3, 26.2: a court decision is recorded once: a second one marked bankruptcy would spare the entity the tax clawback")
    void second_court_decision_is_refused() {
        Instant at = Instant.parse("2027-05-02T01:00:00Z");
        LocalDate decided = LocalDate.of(2027, 4, 28);
        RegistrationEvents.CourtDissolutionRecorded first = new RegistrationEvents.CourtDissolutionRecorded(ID, "Selenge court 2027/118", decided, false,
                GOVERNOR, ZoneRegistrationTest.COURT_DOC);
        RegistrationEvents.DeregistrationGroundRaised raised = new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.COURT_DECISION,
                "003 art. 12.5.3", decided, at, GOVERNOR);
        fixture.given(applied(), registered(), agreement(CERTIFIED, CERTIFIED.plusYears(1).minusDays(1)), first, raised)
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/131", decided, true, ZoneRegistrationTest.COURT_DOC), at.plusSeconds(86400)))
                .expectException(problem("freezone.court-decision-already-recorded", "reference", "003 art. 12.5.3, 26.2")).expectNoEvents();
        // the one decision recorded is the one the deregistration settles: not bankruptcy, so the clawback is due before the agreement ends
        fixture.given(applied(), registered(), agreement(CERTIFIED, CERTIFIED.plusYears(1).minusDays(1)), first, raised)
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "dissolved"), at.plusSeconds(86400)))
                .expectEvents(new RegistrationEvents.EntityDeregistered(ID, ZoneRegistrationTest.ZONE, DeregistrationGround.COURT_DECISION,
                        "003 art. 12.5.3", "dissolved", at.plusSeconds(86400), true, true, GOVERNOR)); // land rights end too (ADR 0035 item 16)
    }

    @Test
    @DisplayName("003 art. 12.5: a deregistered entity is not deregistered again (to move its date or ground), and no start, interruption or court decision is recorded for it")
    void nothing_is_recorded_after_deregistration() {
        Instant at = Instant.parse("2028-01-10T02:00:00Z");
        RegistrationEvents.EntityDeregistered deregistered = deregistered(DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, at);
        Instant later = at.plusSeconds(86400);
        for (Object body : List.of(new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.COURT_DECISION, "dissolved"),
                new RegistrationCommands.DeregisterEntity(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "again"),
                new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 6, 1), FreeZoneAbuseRound8Test.START_DOC),
                new RegistrationCommands.RecordOperationsInterrupted(ID, LocalDate.of(2027, 6, 1), ZoneRegistrationTest.INTERRUPTION_DOC),
                new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2028/3", LocalDate.of(2028, 1, 9), true, ZoneRegistrationTest.COURT_DOC))) {
            fixture.given(applied(), registered(), deregistered)
                    .when(governor(body, later))
                    .expectException(code("freezone.not-registered")).expectNoEvents();
        }
    }
}
