package mn.registry.freezone.entity;

import mn.registry.kernel.freezone.Jurisdiction;
import mn.registry.kernel.freezone.LegalEntity;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.FreeZoneSigned.signed;
import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.AGREEMENT_DOC;
import static mn.registry.freezone.entity.ZoneRegistrationTest.APPLICANT;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.RECEIVED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.TODAY;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ZONE;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.documents;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;

/**
 * Session 10's abuse audit of a Free Zone registration (docs/abuse-audit.md F80-F99): a Mongolian entity posing as a foreign
 * one, a governor deciding the application they signed themselves, an investment agreement of no investment.
 */
class FreeZoneAbuseRound5Test extends ZoneRegistrationAbuseFixture {

    @Test
    @DisplayName("003 art. 12.1.2 (F80): a 'foreign' entity of Mongolia (MN) or of no country (XX) is refused; one of China is received")
    void foreign_entity_is_of_another_country() {
        for (String country : new String[]{"MN", "mn", "Mn", "XX", "ZZ", "EU"}) {
            LegalEntity posing = new LegalEntity("Selenge Trade LLC", Jurisdiction.FOREIGN, country, "06001234");
            ZoneRegistrationTest.fixture(new ZoneRegistrationTest.Services()).givenNoPriorActivity() // a fresh one: each id is a stream
                    .when(ZoneRegistrationTest.apply(posing, documents(Jurisdiction.FOREIGN)))
                    .expectException(problem("freezone.entity-country", "entity.country", "003 art. 12.1.2"))
                    .expectNoEvents();
        }
        LegalEntity chinese = new LegalEntity("Erlian Freight Co", Jurisdiction.FOREIGN, "CN", "91152501MA0NXK2L1Q");
        ZoneRegistrationTest.fixture(new ZoneRegistrationTest.Services()).givenNoPriorActivity()
                .when(ZoneRegistrationTest.apply(chinese, documents(Jurisdiction.FOREIGN)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 8.7.6, 12.2 (F81): a governor does not register or reject the application they signed as the entity's representative")
    void governor_does_not_decide_their_own_application() {
        java.time.Instant at = RECEIVED.plusSeconds(86400);
        for (Object decision : new Object[]{new RegistrationCommands.RegisterEntity(ID),
                new RegistrationCommands.RejectZoneRegistration(ID, java.util.List.of("fee receipt unreadable"))}) {
            fixture.given(applied())
                    .when(signed(decision, APPLICANT, at, Set.of(Role.ZONE_GOVERNOR, Role.APPLICANT), Set.of(ZONE.value())))
                    .expectException(problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.2"))
                    .expectNoEvents();
        }
        fixture.given(applied())
                .when(governor(new RegistrationCommands.RegisterEntity(ID), at))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.3, 12.5.1 (F82): an investment agreement of no investment (0 MNT) is refused; one of 5 billion MNT is recorded")
    void agreement_names_an_investment() {
        LocalDate signed = TODAY.minusDays(3);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed, LocalDate.of(2036, 12, 31), Money.mnt(0), true,
                        AGREEMENT_DOC), on(TODAY)))
                .expectException(problem("freezone.agreement-invalid", "investment", "003 art. 12.3, 12.5.1"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed, LocalDate.of(2036, 12, 31), Money.mnt(5_000_000_000L),
                        true, AGREEMENT_DOC), on(TODAY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.5.1, 26.2 (F95, was O84): an agreement ending within the year to start it opens (the day after it is recorded, "
            + "or on that year's last day) is refused; one ending the day after that year is recorded")
    void agreement_outlasts_the_year_to_start() {
        LocalDate signed = TODAY.minusDays(3);
        LocalDate lastDayOfTheYear = mn.registry.kernel.freezone.FreeZoneTerms.startDueBy(signed.isAfter(ZoneRegistrationTest.CERTIFIED) ? signed : ZoneRegistrationTest.CERTIFIED);
        for (LocalDate endsOn : new LocalDate[]{TODAY.plusDays(1), lastDayOfTheYear}) {
            fixture.given(applied(), registered())
                    .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed, endsOn, Money.mnt(5_000_000_000L), true,
                            AGREEMENT_DOC), on(TODAY)))
                    .expectException(problem("freezone.agreement-too-short", "endsOn", "003 art. 12.5.1, 26.2"))
                    .expectNoEvents();
        }
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed, lastDayOfTheYear.plusDays(1), Money.mnt(5_000_000_000L),
                        true, AGREEMENT_DOC), on(TODAY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.1, 12.2 (F87): an entity's name with bidirectional overrides or control characters (it would read otherwise in the register) is refused")
    void entity_name_has_no_control_characters() {
        for (String name : new String[]{"Selenge \u202eCLL edarT", "Selenge Trade\u2066 LLC", "Selenge\u0000Trade LLC", "Selenge\u001b[2JTrade",
                "Selenge Trade LLC\u200f", "Selenge\u0085Trade"}) {
            fixture.givenNoPriorActivity()
                    .when(ZoneRegistrationTest.apply(new LegalEntity(name, Jurisdiction.MONGOLIAN, null, "6001234"), documents(Jurisdiction.MONGOLIAN)))
                    .expectException(problem("privacy.published-text-has-control-characters", "entity.name", "003 art. 12.1"))
                    .expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(ZoneRegistrationTest.apply(new LegalEntity("Сэлэнгэ Трейд ХХК (Selenge Trade LLC)", Jurisdiction.MONGOLIAN, null, "6001234"),
                        documents(Jurisdiction.MONGOLIAN)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.5.3 (F88): a court decision to dissolve dated before the entity's certificate is refused; one dated after it is recorded")
    void court_decision_is_not_dated_before_the_certificate() {
        java.time.Instant at = on(TODAY);
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 1990/1", LocalDate.of(1990, 1, 1), true,
                        ZoneRegistrationTest.COURT_DOC), at))
                .expectException(problem("freezone.date-before-registration", "decidedOn", "003 art. 12.5.3"))
                .expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/118", TODAY.minusDays(2), false,
                        ZoneRegistrationTest.COURT_DOC), at))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.5 (F89): deregistration reasons, published in the register and the log, with a bidirectional override or a control character are refused")
    void deregistration_reasons_have_no_control_characters() {
        Object[] given = {applied(), registered(), new mn.registry.kernel.freezone.RegistrationEvents.DeregistrationGroundRaised(ID,
                mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", TODAY.minusDays(3), on(TODAY.minusDays(3)),
                ZoneRegistrationTest.GOVERNOR)};
        for (String reasons : new String[]{"dissolved by the court \u202e811/7202", "dissolved\u001b[8m by the court"}) {
            fixture.given(given)
                    .when(governor(new RegistrationCommands.DeregisterEntity(ID, mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, reasons),
                            on(TODAY)))
                    .expectException(problem("privacy.published-text-has-control-characters", "reasons", "003 art. 12.5"))
                    .expectNoEvents();
        }
        fixture.given(given)
                .when(governor(new RegistrationCommands.DeregisterEntity(ID, mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION,
                        "dissolved by the court, 2027/118"), on(TODAY)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    @DisplayName("003 art. 12.1.1 (F90): a Mongolian entity naming another country (RU, published on its certificate) is refused; with none or MN it is received")
    void mongolian_entity_names_no_other_country() {
        for (String country : new String[]{"RU", "\u202eUR", "Russia"}) {
            fixture.givenNoPriorActivity()
                    .when(ZoneRegistrationTest.apply(new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, country, "6001234"),
                            documents(Jurisdiction.MONGOLIAN)))
                    .expectException(problem("freezone.entity-country", "entity.country", "003 art. 12.1.1"))
                    .expectNoEvents();
        }
        for (String country : new String[]{null, "", "MN", "mn"}) {
            fixture.givenNoPriorActivity()
                    .when(ZoneRegistrationTest.apply(new LegalEntity("Selenge Trade LLC", Jurisdiction.MONGOLIAN, country, "6001234"),
                            documents(Jurisdiction.MONGOLIAN)))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Test
    @DisplayName("003 art. 8.7.6, 12.5, 26.2 (F92): a governor who signed the entity's application records none of its acts: no agreement, start or resumption (which keep it registered), no interruption, court decision or deregistration")
    void governor_records_no_act_of_the_entity_they_represent() {
        java.time.Instant at = on(TODAY);
        java.util.function.Function<Object, org.axonframework.commandhandling.CommandMessage<Object>> asRepresentative = body ->
                signed(body, APPLICANT, at, Set.of(Role.ZONE_GOVERNOR, Role.APPLICANT), Set.of(ZONE.value()));
        LocalDate started = TODAY.minusDays(30);
        var startedEvent = new mn.registry.kernel.freezone.RegistrationEvents.OperationsStarted(ID, started, ZoneRegistrationTest.GOVERNOR, null);
        var interrupted = new mn.registry.kernel.freezone.RegistrationEvents.OperationsInterrupted(ID, TODAY.minusDays(10), TODAY.plusMonths(12),
                ZoneRegistrationTest.GOVERNOR, null);
        fixture.given(applied(), registered())
                .when(asRepresentative.apply(new RegistrationCommands.RecordInvestmentAgreement(ID, TODAY.minusDays(3), LocalDate.of(2036, 12, 31),
                        Money.mnt(5_000_000_000L), true, AGREEMENT_DOC)))
                .expectException(problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.5.1, 26.2")).expectNoEvents();
        fixture.given(applied(), registered())
                .when(asRepresentative.apply(new RegistrationCommands.RecordOperationsStarted(ID, started, FreeZoneAbuseRound8Test.START_DOC)))
                .expectException(problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.5.1")).expectNoEvents();
        fixture.given(applied(), registered(), startedEvent)
                .when(asRepresentative.apply(new RegistrationCommands.RecordOperationsInterrupted(ID, TODAY.minusDays(10), ZoneRegistrationTest.INTERRUPTION_DOC)))
                .expectException(problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.5.2")).expectNoEvents();
        fixture.given(applied(), registered(), startedEvent, interrupted)
                .when(asRepresentative.apply(new RegistrationCommands.RecordOperationsResumed(ID, TODAY, ZoneRegistrationTest.RESUMPTION_DOC)))
                .expectException(problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.5.2")).expectNoEvents();
        fixture.given(applied(), registered())
                .when(asRepresentative.apply(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/118", TODAY.minusDays(2), true,
                        ZoneRegistrationTest.COURT_DOC)))
                .expectException(problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.5.3")).expectNoEvents();
        fixture.given(applied(), registered(), new mn.registry.kernel.freezone.RegistrationEvents.DeregistrationGroundRaised(ID,
                        mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION, "003 art. 12.5.3", TODAY.minusDays(3), on(TODAY.minusDays(3)),
                        ZoneRegistrationTest.GOVERNOR))
                .when(asRepresentative.apply(new RegistrationCommands.DeregisterEntity(ID, mn.registry.kernel.freezone.DeregistrationGround.COURT_DECISION,
                        "dissolved by the court")))
                .expectException(problem("freezone.decider-is-applicant", "registrationId", "003 art. 8.7.6, 12.5")).expectNoEvents();
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, started, FreeZoneAbuseRound8Test.START_DOC), at))
                .expectSuccessfulHandlerExecution();
    }
}
