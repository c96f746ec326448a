package mn.registry.freezone.land;

import mn.registry.kernel.freezone.LandActs;
import mn.registry.kernel.freezone.LandCommands;
import mn.registry.kernel.freezone.LandEvents;
import mn.registry.kernel.freezone.LandLicenceId;
import mn.registry.kernel.identity.PersonId;
import mn.registry.kernel.identity.Role;
import mn.registry.kernel.money.Money;
import org.axonframework.commandhandling.CommandMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static mn.registry.freezone.FreeZoneSigned.on;
import static mn.registry.freezone.land.ZoneLandTest.AT;
import static mn.registry.freezone.land.ZoneLandTest.FEE_DUE_BY;
import static mn.registry.freezone.land.ZoneLandTest.FROM;
import static mn.registry.freezone.land.ZoneLandTest.GOVERNOR;
import static mn.registry.freezone.land.ZoneLandTest.HOLDER;
import static mn.registry.freezone.land.ZoneLandTest.PARCEL_A;
import static mn.registry.freezone.land.ZoneLandTest.REPRESENTATIVE;
import static mn.registry.freezone.land.ZoneLandTest.UNTIL;
import static mn.registry.freezone.land.ZoneLandTest.ZONE;
import static mn.registry.freezone.land.ZoneLandTest.applied;
import static mn.registry.freezone.land.ZoneLandTest.granted;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session 25, Free Zone round 24 (abuse audit F391; ADR 0035 item 83, was O239): the holder's page offers the report of its land fee paid only
 * where the zone's land register would record it on the signed-in representative's signature, as the register answers
 * ({@link ZoneLand#reportIsRecordable}, the method the report's handler calls).
 */
class FreeZoneAbuseRound23Test extends ZoneLandAbuseFixture {

    static final LandLicenceId L1 = LandLicenceId.of(ZONE, 1);
    static final Money FEE = Money.mnt(120_000_000);
    static final String RECEIPT_SHA = "7d".repeat(32);
    static final Object[] GRANTED = {applied(1, HOLDER, PARCEL_A, FROM, UNTIL), granted(1, 1, HOLDER, PARCEL_A, FROM, UNTIL)};

    private static CommandMessage<Object> reported(PersonId by, Instant at) {
        return mn.registry.freezone.FreeZoneSigned.signed(new LandCommands.ReportLandFeePaid(ZONE, L1, FEE, RECEIPT_SHA), by, at, Role.APPLICANT);
    }

    /** The answer on the report, asserted to be {@code expected}'s and to agree with what the register does with the report itself. */
    private void reportIs(String expected, Object[] given, PersonId by, Instant at) {
        LandActs.Verdict verdict = actsAt(at, by, given).reportOf(L1).orElseThrow();
        assertThat(verdict.refusedWith()).isEqualTo(expected);
        agrees(verdict, given, reported(by, at));
    }

    @Test
    @DisplayName("003 art. 22.5, 22.7 (ADR 0035 items 22, 83; F391, was O239): the holder's page is answered that its representative's report of "
            + "the fee paid is recorded by the last day to pay, and refused after it, once reported, or signed by anybody else, as the register "
            + "refuses the report itself")
    void the_report_is_answered_by_the_last_day_and_the_signer() {
        reportIs(null, GRANTED, REPRESENTATIVE, on(FEE_DUE_BY));
        reportIs("freezone.land-fee-overdue", GRANTED, REPRESENTATIVE, on(FEE_DUE_BY.plusDays(1)));
        reportIs("freezone.not-representative", GRANTED, GOVERNOR, AT);
        Object[] reportedAlready = {GRANTED[0], GRANTED[1], new LandEvents.LandFeePaymentReported(ZONE, L1, HOLDER, FEE, RECEIPT_SHA, AT, REPRESENTATIVE)};
        reportIs("freezone.fee-payment-reported-already", reportedAlready, REPRESENTATIVE, AT);
        assertThat(actsAt(AT, GOVERNOR, reportedAlready).feeOf(L1)).as("the governor still records the fee").contains(LandActs.Verdict.ACCEPTED);
    }

    @Test
    @DisplayName("003 art. 12.5, 22.5-22.7 (ADR 0035 item 83; F391, was O239): the holder's page is answered that the report is refused for rights "
            + "whose period ended, a holder no longer registered, or one with a ground of 12.5 raised (a dissolution recorded in another zone, F399), "
            + "as the register refuses it")
    void the_report_is_answered_by_the_period_and_the_holders_standing() {
        LocalDate today = mn.registry.kernel.calendar.UlaanbaatarTime.dateOf(AT);
        Object[] shortLicence = {applied(1, HOLDER, PARCEL_A, today, today.plusDays(5)), granted(1, 1, HOLDER, PARCEL_A, today, today.plusDays(5))};
        reportIs("freezone.licence-ended", shortLicence, REPRESENTATIVE, on(today.plusDays(6)));
        services.standing = new LandHolders.Holder(HOLDER, false, REPRESENTATIVE);
        reportIs("freezone.holder-not-registered", GRANTED, REPRESENTATIVE, AT);
        services.standing = new LandHolders.Holder(HOLDER, true, REPRESENTATIVE, null, true);
        reportIs("freezone.holder-ground-raised", GRANTED, REPRESENTATIVE, AT);
        services.standing = null;
        reportIs(null, GRANTED, REPRESENTATIVE, AT);
    }
}
