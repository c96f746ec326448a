package mn.registry.freezone.entity;

import mn.registry.deadline.DeadlineInstruction;
import mn.registry.deadline.ScheduledDeadline;
import mn.registry.kernel.calendar.UlaanbaatarTime;
import mn.registry.kernel.freezone.DeregistrationGround;
import mn.registry.kernel.freezone.RegistrationCommands;
import mn.registry.kernel.freezone.RegistrationEvents;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.entity.ZoneRegistrationAbuseTest.problem;
import static mn.registry.freezone.entity.ZoneRegistrationTest.CERTIFIED;
import static mn.registry.freezone.entity.ZoneRegistrationTest.GOVERNOR;
import static mn.registry.freezone.entity.ZoneRegistrationTest.ID;
import static mn.registry.freezone.entity.ZoneRegistrationTest.STREAM;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreement;
import static mn.registry.freezone.entity.ZoneRegistrationTest.agreementSigned;
import static mn.registry.freezone.entity.ZoneRegistrationTest.applied;
import static mn.registry.freezone.entity.ZoneRegistrationTest.governor;
import static mn.registry.freezone.entity.ZoneRegistrationTest.registered;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * ADR 0035 item 6, abuse audit F46 (was O13): a governor who never records the investment agreement does not stop the year to start
 * (003 art. 12.5.1): until an agreement is recorded it runs from the certificate; an agreement received after that year ran out is
 * refused; an agreement received in time moves the year to the later of its signing and the certificate, never earlier.
 */
class YearToStartWithoutAgreementTest {

    /** The year counted from the certificate of 2026-11-24 ends with 2027-11-23 (first day counted, LegalTerm). */
    static final LocalDate CERTIFICATE_YEAR_ENDS = LocalDate.of(2027, 11, 23);
    private static final LocalDate ENDS = LocalDate.of(2036, 12, 31);

    private AggregateTestFixture<ZoneRegistration> fixture;

    @BeforeEach
    void fixture() {
        fixture = ZoneRegistrationTest.fixture(new ZoneRegistrationTest.Services());
    }

    private static RegistrationStreamCommands.RaiseGroundIfDue raiseOn(LocalDate today) {
        return new RegistrationStreamCommands.RaiseGroundIfDue(STREAM, ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, today,
                UlaanbaatarTime.endOf(today.minusDays(1)).toInstant().plusSeconds(1));
    }

    @Test
    @DisplayName("003 art. 12.5.1: an investment agreement received within the certificate's year moves the year to start to the later of its signing and the certificate")
    void agreement_in_time_moves_the_window() {
        LocalDate signed = CERTIFIED.plusMonths(3); // 2027-02-24: the year to start now ends with 2028-02-23
        LocalDate moved = LocalDate.of(2028, 2, 23);
        fixture.given(applied(), registered())
                .when(agreementSigned(signed, ENDS, signed.plusDays(5)))
                .expectEvents(agreement(signed, moved));
        // received on the certificate year's last day, it is in time (LegalTerm counts the last day in)
        fixture.given(applied(), registered())
                .when(agreementSigned(signed, ENDS, CERTIFICATE_YEAR_ENDS))
                .expectEvents(agreement(signed, moved));
        // the certificate's year no longer decides: no ground the day after it, a start recorded then is in time; the ground comes after the moved year
        fixture.given(applied(), registered(), agreement(signed, moved))
                .when(raiseOn(CERTIFICATE_YEAR_ENDS.plusDays(1)))
                .expectNoEvents();
        fixture.given(applied(), registered(), agreement(signed, moved))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, CERTIFICATE_YEAR_ENDS.plusDays(10), FreeZoneAbuseRound8Test.START_DOC), on(CERTIFICATE_YEAR_ENDS.plusDays(10))))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, CERTIFICATE_YEAR_ENDS.plusDays(10), GOVERNOR, FreeZoneAbuseRound8Test.START_DOC));
        fixture.given(applied(), registered(), agreement(signed, moved))
                .when(raiseOn(moved.plusDays(1)))
                .expectEvents(new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1",
                        moved.plusDays(1), raiseOn(moved.plusDays(1)).at(), null));
    }

    @Test
    @DisplayName("003 art. 12.5.1: a governor who never records the investment agreement does not stop the year to start: the registry raises the ground the day after the certificate's year, once, and not before")
    void no_agreement_ever_raises_the_ground_a_year_after_the_certificate() {
        RegistrationEvents.DeregistrationGroundRaised raised = new RegistrationEvents.DeregistrationGroundRaised(ID,
                DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR, "003 art. 12.5.1", CERTIFICATE_YEAR_ENDS.plusDays(1),
                raiseOn(CERTIFICATE_YEAR_ENDS.plusDays(1)).at(), null);
        fixture.given(applied(), registered())
                .when(raiseOn(CERTIFICATE_YEAR_ENDS.plusDays(1)))
                .expectEvents(raised);
        // too early (the year's last day) or asked again: nothing
        fixture.given(applied(), registered())
                .when(raiseOn(CERTIFICATE_YEAR_ENDS))
                .expectNoEvents();
        fixture.given(applied(), registered(), raised)
                .when(raiseOn(CERTIFICATE_YEAR_ENDS.plusDays(40)))
                .expectNoEvents();
        // and a start received after the certificate's year, dated inside it, is late as after an agreement (F36)
        fixture.given(applied(), registered())
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, LocalDate.of(2027, 6, 1), FreeZoneAbuseRound8Test.START_DOC), on(CERTIFICATE_YEAR_ENDS.plusDays(1))))
                .expectException(problem("freezone.start-window-passed", "on", "003 art. 12.5.1")).expectNoEvents();
        // the deadline service schedules the year from the certificate, so the ground is raised without anyone asking
        ScheduledDeadline start = new FreeZoneDeadlineRules().instructionsFor(registered(), 1).stream()
                .filter(DeadlineInstruction.Start.class::isInstance).map(i -> ((DeadlineInstruction.Start) i).deadline())
                .findFirst().orElseThrow(() -> new AssertionError("registration schedules no year to start"));
        assertThat(start.kind()).isEqualTo(FreeZoneDeadlineRules.START);
        assertThat(start.due()).isEqualTo(CERTIFICATE_YEAR_ENDS);
        assertThat(start.article()).isEqualTo("003 art. 12.5.1");
    }

    @Test
    @DisplayName("003 art. 12.5.1: an investment agreement received after the certificate's year ran out is refused whatever day it names, so it cannot open a new year to start")
    void agreement_received_after_the_year_is_refused() {
        // dated inside the year (even on the certificate's day), received the day after it ran out
        for (LocalDate signed : new LocalDate[]{CERTIFIED, LocalDate.of(2027, 6, 1), CERTIFICATE_YEAR_ENDS}) {
            fixture.given(applied(), registered())
                    .when(agreementSigned(signed, ENDS, CERTIFICATE_YEAR_ENDS.plusDays(1)))
                    .expectException(problem("freezone.agreement-too-late", "signedOn", "003 art. 12.5.1")).expectNoEvents();
        }
        // a second after midnight in Ulaanbaatar on the day after is the day after
        fixture.given(applied(), registered())
                .when(governor(agreementSigned(LocalDate.of(2027, 6, 1), ENDS, CERTIFICATE_YEAR_ENDS).getPayload(),
                        UlaanbaatarTime.endOf(CERTIFICATE_YEAR_ENDS).toInstant().plusSeconds(1)))
                .expectException(problem("freezone.agreement-too-late", "signedOn", "003 art. 12.5.1")).expectNoEvents();
        // after the ground was raised, years on
        fixture.given(applied(), registered(), new RegistrationEvents.DeregistrationGroundRaised(ID, DeregistrationGround.NOT_STARTED_WITHIN_ONE_YEAR,
                        "003 art. 12.5.1", CERTIFICATE_YEAR_ENDS.plusDays(1), raiseOn(CERTIFICATE_YEAR_ENDS.plusDays(1)).at(), null))
                .when(agreementSigned(LocalDate.of(2029, 1, 10), ENDS, LocalDate.of(2029, 1, 10)))
                .expectException(problem("freezone.agreement-too-late", "signedOn", "003 art. 12.5.1")).expectNoEvents();
    }

    @Test
    @DisplayName("003 art. 12.5.1: an investment agreement dated before the certificate does not shorten the year already running from the certificate")
    void agreement_dated_earlier_does_not_shorten_the_window() {
        LocalDate yearBefore = CERTIFIED.minusYears(1).minusMonths(2);
        fixture.given(applied(), registered())
                .when(agreementSigned(yearBefore, ENDS, CERTIFIED.plusMonths(11)))
                .expectEvents(agreement(yearBefore, CERTIFICATE_YEAR_ENDS));
        // the ground is not raised before the certificate's year ends, though the agreement's own year ended long ago
        fixture.given(applied(), registered(), agreement(yearBefore, CERTIFICATE_YEAR_ENDS))
                .when(raiseOn(CERTIFICATE_YEAR_ENDS))
                .expectNoEvents();
        fixture.given(applied(), registered(), agreement(yearBefore, CERTIFICATE_YEAR_ENDS))
                .when(governor(new RegistrationCommands.RecordOperationsStarted(ID, CERTIFICATE_YEAR_ENDS, FreeZoneAbuseRound8Test.START_DOC), on(CERTIFICATE_YEAR_ENDS)))
                .expectEvents(new RegistrationEvents.OperationsStarted(ID, CERTIFICATE_YEAR_ENDS, GOVERNOR, FreeZoneAbuseRound8Test.START_DOC));
    }
}
