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
        fixture = ZoneRegistrationTest.fixture(new ZoneRegistrationTest.Services());
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
                .when(governor(new RegistrationCommands.RecordCourtDecision(ID, "Selenge court 2027/118", decided, false), at))
                .expectException(code("freezone.not-registered")).expectNoEvents();
        for (String reference : new String[]{null, " "}) {
            fixture.given(applied(), registered())
                    .when(governor(new RegistrationCommands.RecordCourtDecision(ID, reference, decided, false), at))
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
                        LocalDate.of(2040, 1, 1), Money.mnt(5_000_000_000L), true), on(tenMonthsOn)))
                .expectException(code("freezone.agreement-already-recorded")).expectNoEvents();
        fixture.given(applied(), registered(), agreement(signed, CERTIFIED.plusYears(1).minusDays(1)))
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed,
                        tenMonthsOn.plusDays(1), Money.mnt(5_000_000_000L), true), on(tenMonthsOn)))
                .expectException(code("freezone.agreement-already-recorded")).expectNoEvents();
        // the first agreement is recorded, starting the year from the later of agreement and certificate
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordInvestmentAgreement(ID, signed,
                        LocalDate.of(2036, 12, 31), Money.mnt(5_000_000_000L), true), on(tenMonthsOn)))
                .expectEvents(agreement(signed, CERTIFIED.plusYears(1).minusDays(1)));
    }
}
